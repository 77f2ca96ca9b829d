import type { Storage } from './storage/storage.js';

type Seed = [section: string, name: string, body: string, replyTo?: number];

/** The demonstration consultation's first comments, so that a newcomer sees a living consultation. */
const demoPages: Record<string, Seed[]> = {
  'digital-services-review': [
    ['booking', 'Priya Shah', 'Being able to cancel from the confirmation email would save me a phone call every time.\nPlease keep text reminders too: I do not always see emails.'],
    ['booking', 'Gareth Evans', 'Agreed. The recycling centre booking is the worst: it asks me to make an account for a one-off visit.', 0],
    ['booking', 'Review team', 'Thank you both. Text reminders are in the proposal; we will make that clearer.', 1],
    ['paying', 'Tom Okafor', 'Please keep paying in person at the library. Not everyone has a bank card.'],
    ['contacting-us', 'Aisha Rahman', 'I am glad there is no chatbot. Showing progress online would stop most of my calls.'],
    ['contacting-us', 'Dafydd Jones', 'A call back would be much better than 40 minutes on hold.', 4],
    ['accessibility', 'Sam Patel', 'Please test with screen reader users who are not experts; that is most of us.'],
    ['welsh-language', 'Carys Morgan', 'Switching language without losing what I typed is exactly what I need.'],
  ],
  'adolygiad-gwasanaethau-digidol': [
    ['welsh-language', 'Carys Morgan', 'Dyma’n union beth sydd ei angen arnaf: newid iaith heb golli’r hyn rydw i wedi’i deipio.'],
    ['booking', 'Dafydd Jones', 'Byddai canslo o’r e-bost yn arbed galwad ffôn i mi bob tro.'],
  ],
};

/** Seeds each demonstration page that has no comments yet; says how many comments it added. */
export async function seedDemo(storage: Storage): Promise<number> {
  let added = 0;
  for (const [page, seeds] of Object.entries(demoPages)) {
    if (Object.keys(await storage.countPublished(page)).length) continue;
    const ids: string[] = [];
    for (const [section, name, body, replyTo] of seeds) {
      const parentId = replyTo === undefined ? null : ids[replyTo]!;
      const result = await storage.create({ page, section, parentId, name, email: 'demo@example.com', body, visibility: 'public', status: 'published', role: 'reader' });
      if (result.kind !== 'created') throw new Error('Seeding the demonstration failed.');
      ids.push(result.comment.id);
      added++;
    }
  }
  return added;
}
