// The examples the stories share: a consultation's comments, as the memory backend takes them.
import { MemoryBackend, type SeedComment } from '../src/index.js';

export const page = '/stories/library-strategy';

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

/** A conversation with replies three levels deep, one deeper still, and a second thread. */
export const conversation: SeedComment[] = [
  {
    id: 'c1',
    section: 'opening-hours',
    name: 'Priya Shah',
    body: 'Evening opening would let me bring my children after school.\nSaturday mornings matter too.',
    createdAt: at(20, 9),
  },
  {
    id: 'c2',
    section: 'opening-hours',
    parentId: 'c1',
    name: 'Gareth Evans',
    body: 'Agreed. Closing on Monday mornings seems a fair trade.',
    createdAt: at(20, 11),
  },
  {
    id: 'c3',
    section: 'opening-hours',
    parentId: 'c2',
    name: 'Library user',
    body: 'The job club meets on Monday mornings at our branch.',
    createdAt: at(21, 10),
  },
  {
    id: 'c4',
    section: 'opening-hours',
    parentId: 'c3',
    name: 'Gareth Evans',
    body: 'Then one branch could stay open for it.',
    createdAt: at(21, 15),
  },
  { id: 'c5', section: 'opening-hours', name: 'Tom Okafor', body: 'Please keep the mobile library too.', createdAt: at(22, 8) },
];

/** Enough comments that the thread offers "Show more comments". */
export const longThread: SeedComment[] = [
  ...conversation,
  ...Array.from({ length: 30 }, (_, i) => ({
    section: 'opening-hours',
    name: `Reader ${i + 1}`,
    body: `Comment number ${i + 1} on the opening hours.`,
    createdAt: new Date(Date.UTC(2026, 10, 23, 0, i)).toISOString(),
  })),
];

/** Comments waiting for a moderator, and one sent privately. */
export const queue: SeedComment[] = [
  {
    section: 'opening-hours',
    name: 'Alex Green',
    email: 'alex@example.com',
    body: 'Please open earlier on Saturdays.',
    status: 'pending',
    createdAt: at(24, 9),
  },
  {
    section: 'digital-lending',
    name: 'Sam Patel',
    email: 'sam@example.com',
    body: 'More audiobooks, please.',
    status: 'pending',
    createdAt: at(24, 10),
  },
  {
    section: 'digital-lending',
    name: 'Pat Jones',
    email: 'pat@example.com',
    body: 'I would rather not say this in public: the branch near me is often closed.',
    visibility: 'private',
    status: 'received',
    createdAt: at(24, 12),
  },
  { section: 'opening-hours', name: 'Priya Shah', email: 'priya@example.com', body: 'Evening opening would help.', createdAt: at(20, 9) },
  {
    section: 'digital-lending',
    name: 'Chris Lowe',
    email: 'chris@example.com',
    body: 'Buy cheap e-readers at example.shop!',
    createdAt: at(21, 16),
    reports: { count: 2, unreviewed: 2, reasons: ['Advertising', 'Spam link'] },
  },
  // A campaign: the same letter three times, which the reference server would have grouped.
  ...['Jo Evans', 'Ray Khan', 'Lee Hughes'].map((name, i) => ({
    id: `letter-${i + 1}`,
    section: 'opening-hours',
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
    body: 'Keep the Riverside branch open six days a week: it is the only warm place many of us have.',
    status: 'pending' as const,
    campaign: 'letter-1',
    createdAt: at(23, 9 + i),
  })),
];

/** Fills the thread's form as a reader would. */
export function fill(
  thread: HTMLElement,
  values: {
    name?: string;
    email?: string;
    body?: string;
    visibility?: 'public' | 'anonymous' | 'private';
    respondent?: 'individual' | 'organisation';
    organisation?: string;
  },
): void {
  const root = thread.shadowRoot!;
  for (const [field, value] of Object.entries(values)) {
    if (field === 'visibility' || field === 'respondent') {
      root.querySelector<HTMLInputElement>(`#${field}-${value}`)!.click();
      continue;
    }
    const input = root.querySelector<HTMLInputElement>(`#${field}`)!;
    input.value = value as string;
    input.dispatchEvent(new Event('input'));
  }
}

/** The opening hours section as first published, and as corrected after the first responses. */
export const openingHours = {
  first: 'We propose to open every branch until 7pm on two weekday evenings and on Saturday mornings.',
  corrected: 'We propose to open every branch until 8pm on two weekday evenings and on Saturday mornings from 9am.',
  note: 'Corrected the closing time (8pm, not 7pm) and said when Saturday opening starts.',
};

/**
 * An in-page backend whose "opening-hours" section was corrected after the conversation's first two
 * comments, which were made on the first wording; the rest answer the corrected one.
 */
export function correctedBackend(): MemoryBackend {
  const section = (text: string) => ({ id: 'opening-hours', title: '1. Opening hours', text });
  const comments = conversation.map((comment, index) => ({ ...comment, version: index < 2 ? 1 : 2 }));
  const backend = new MemoryBackend({
    page,
    comments,
    consultation: { title: 'Draft library strategy', sections: [section(openingHours.first)] },
  });
  backend.reviseConsultation(
    { title: 'Draft library strategy', sections: [section(openingHours.corrected)] },
    { 'opening-hours': openingHours.note },
  );
  return backend;
}
