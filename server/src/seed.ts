import { sectionNamed, versionNow } from 'civic-comments/contract';
import type { ConsultationRecord, Storage } from './storage/storage.js';

/** A seeded comment: its section, author and text, and the index of the comment it replies to. */
type Seed = [section: string, name: string, body: string, replyTo?: number];

interface DemoConsultation {
  record: Omit<ConsultationRecord, 'page' | 'updatedAt'>;
  comments: Seed[];
  /** Replies in the department's own name: the index of the comment each answers, and its text. */
  official?: [replyTo: number, body: string][];
  outcomes?: Record<string, string>;
  /**
   * Corrections made after the first comments arrived: each section's new wording and what the
   * department said changed, then the comments made on the corrected wording.
   */
  corrected?: { sections: Record<string, { text: string; note: string }>; comments: Seed[] };
  /**
   * For a consultation that has closed: when its first comment was written (the others follow a few
   * days apart) and when the department replied, so that no comment seems to come after the close.
   */
  written?: { from: string; replied: string };
}

const daysApart = 9 * 24 * 3_600_000;

const department = 'Department for Local Services';

/**
 * The demonstration's consultations: the review that is open (closing on the date its page states),
 * in English and Welsh, and an earlier one that has closed, with what the department did with
 * each section's comments. A newcomer sees both states after `npm start`.
 */
const demoPages: Record<string, DemoConsultation> = {
  'digital-services-review': {
    record: {
      title: 'Our digital services: a review, and what we propose',
      opensAt: '2026-11-02T09:00:00.000Z',
      closesAt: '2027-03-31T22:59:00.000Z',
      department,
      askOrganisation: false,
      showAnswerCounts: false,
      contactEmail: 'digital-review@example.gov.uk',
      sections: [
        { id: 'why-review', title: '1. Why we are reviewing our services' },
        {
          id: 'booking',
          title: '2. Booking appointments online',
          text: [
            'You can book a registrar appointment, a bulky waste collection or a visit to the recycling centre online, but each uses a different system with its own account. One in five bookings is changed or cancelled by phone because the online systems do not allow it.',
            'We propose one booking service for every appointment, with no account needed, that lets you change or cancel a booking from the confirmation email and sends a reminder the day before.',
          ].join('\n\n'),
        },
        {
          id: 'paying',
          title: '3. Paying for services',
          question: {
            text: 'Do you agree that we should stop taking cheques from April 2028?',
            type: 'single',
            options: ['Agree', 'Disagree', 'Neither agree nor disagree'],
            errorMessage: 'Select whether you agree that we should stop taking cheques',
          },
        },
        { id: 'contacting-us', title: '4. Contacting us' },
        { id: 'accessibility', title: '5. Accessibility and help to go online' },
        { id: 'welsh-language', title: '6. Services in Welsh' },
        { id: 'data-privacy', title: '7. Your data and privacy' },
        { id: 'paper-and-phone', title: '8. Paper forms and other ways in' },
        { id: 'measuring-success', title: '9. How we will know it has worked' },
      ],
    },
    comments: [
      [
        'booking',
        'Priya Shah',
        'Being able to cancel from the confirmation email would save me a phone call every time.\nPlease keep text reminders too: I do not always see emails.',
      ],
      [
        'booking',
        'Gareth Evans',
        'Agreed. The recycling centre booking is the worst: it asks me to make an account for a one-off visit.',
        0,
      ],
      ['paying', 'Tom Okafor', 'Please keep paying in person at the library. Not everyone has a bank card.'],
      ['contacting-us', 'Aisha Rahman', 'I am glad there is no chatbot. Showing progress online would stop most of my calls.'],
      ['contacting-us', 'Dafydd Jones', 'A call back would be much better than 40 minutes on hold.', 3],
      ['accessibility', 'Sam Patel', 'Please test with screen reader users who are not experts; that is most of us.'],
      ['welsh-language', 'Carys Morgan', 'Switching language without losing what I typed is exactly what I need.'],
    ],
    official: [[1, 'Thank you both. Text reminders are in the proposal, and no booking will need an account; we will make both clearer.']],
    // The page shows the corrected wording: the first two comments say they were made on the earlier one.
    corrected: {
      sections: {
        booking: {
          text: [
            'You can book a registrar appointment, a bulky waste collection or a visit to the recycling centre online, but each uses a different system with its own account. One in four bookings is changed or cancelled by phone because the online systems do not allow it.',
            'We propose one booking service for every appointment, with no account needed, that lets you change or cancel a booking from the confirmation email and sends a reminder by email or text the day before.',
          ].join('\n\n'),
          note: 'Corrected the share of bookings changed by phone (one in four, not one in five), and said that reminders can come by text.',
        },
      },
      comments: [
        ['booking', 'Lowri Price', 'Good to see text reminders made clear. Could the reminder include a link to change the booking?'],
      ],
    },
  },
  'adolygiad-gwasanaethau-digidol': {
    record: {
      title: 'Ein gwasanaethau digidol: adolygiad, a’r hyn rydym yn ei gynnig',
      opensAt: '2026-11-02T09:00:00.000Z',
      closesAt: '2027-03-31T22:59:00.000Z',
      department: 'Adran Gwasanaethau Lleol',
      askOrganisation: false,
      showAnswerCounts: false,
      contactEmail: 'digital-review@example.gov.uk',
      sections: [
        { id: 'why-review', title: '1. Pam rydym yn adolygu ein gwasanaethau' },
        { id: 'booking', title: '2. Trefnu apwyntiadau ar-lein' },
        {
          id: 'paying',
          title: '3. Talu am wasanaethau',
          question: {
            text: 'Ydych chi’n cytuno y dylem roi’r gorau i dderbyn sieciau o fis Ebrill 2028?',
            type: 'single',
            options: ['Cytuno', 'Anghytuno', 'Ddim yn cytuno nac yn anghytuno'],
            errorMessage: 'Dewiswch a ydych yn cytuno y dylem roi’r gorau i dderbyn sieciau',
          },
        },
        { id: 'contacting-us', title: '4. Cysylltu â ni' },
        { id: 'accessibility', title: '5. Hygyrchedd a help i fynd ar-lein' },
        { id: 'welsh-language', title: '6. Gwasanaethau yn Gymraeg' },
        { id: 'data-privacy', title: '7. Eich data a’ch preifatrwydd' },
        { id: 'paper-and-phone', title: '8. Ffurflenni papur a ffyrdd eraill i mewn' },
      ],
    },
    comments: [
      ['welsh-language', 'Carys Morgan', 'Dyma’n union beth sydd ei angen arnaf: newid iaith heb golli’r hyn rydw i wedi’i deipio.'],
      ['booking', 'Dafydd Jones', 'Byddai canslo o’r e-bost yn arbed galwad ffôn i mi bob tro.'],
    ],
  },
  'residents-parking-2026': {
    record: {
      title: 'Residents’ parking permits: our proposals',
      opensAt: '2026-06-01T08:00:00.000Z',
      closesAt: '2026-09-30T22:59:00.000Z',
      department,
      askOrganisation: true,
      showAnswerCounts: false,
      contactEmail: 'parking@example.gov.uk',
      sections: [
        { id: 'prices', title: '1. Permit prices' },
        { id: 'visitors', title: '2. Visitor permits' },
        { id: 'zones', title: '3. New permit zones' },
      ],
    },
    comments: [
      ['prices', 'Helen Price', 'A flat price is unfair on households with one small car. Please price by emissions.'],
      ['prices', 'Marcus Bell', 'Pricing by emissions would hit carers who need an older van.', 0],
      ['visitors', 'Joan Whitfield', 'My carers visit twice a day. Forty visitor permits a year will not last a month.'],
      ['zones', 'Ravi Kumar', 'Zone C would push commuter parking into the streets next to the station.'],
    ],
    official: [[2, 'Thank you. Carers will not need visitor permits: their vehicles will have a permit of their own.']],
    written: { from: '2026-06-08T10:15:00.000Z', replied: '2026-10-14T11:00:00.000Z' },
    outcomes: {
      prices:
        'You said a flat price was unfair, and that pricing by emissions would hit carers and tradespeople.\nWe will price the first permit of each household by emissions, with carers’ and work vehicles exempt.',
      visitors:
        'You told us carers and home visits use up visitor permits.\nWe are adding a free carer’s permit and raising the visitor allowance from 40 to 60 days a year.',
      zones:
        'You said zone C would move parking into the streets by the station.\nWe have dropped zone C and will look at it again with the station’s car park in 2027.',
    },
  },
};

/** Whom the audit log names for what seeding writes. */
export const seededBy = 'Demonstration seed';

/**
 * Seeds each demonstration consultation: its record if it has none (so that an older database gains
 * its dates), and its comments, official replies and outcomes if the page has no comments yet. Says
 * how many comments it added.
 */
export async function seedDemo(storage: Storage): Promise<number> {
  let added = 0;
  for (const [page, demo] of Object.entries(demoPages)) {
    if (!(await storage.getConsultation(page)))
      await storage.putConsultation({ ...demo.record, page, updatedAt: new Date().toISOString() }, seededBy);
    if (Object.keys(await storage.countPublished(page)).length) continue;
    const ids: string[] = [];
    const store = async (
      section: string,
      name: string,
      body: string,
      parentId: string | null,
      role: 'reader' | 'official',
      at?: number,
    ) => {
      // Stamped with the wording current as it is stored, as a response through the API is.
      const version = versionNow(sectionNamed((await storage.getConsultation(page))?.sections, section));
      // Each person an address of their own, made from their name, so that exports (Consult's groups
      // a respondent's answers by address) count the demonstration's people as people.
      const email =
        role === 'reader'
          ? `${name
              .toLowerCase()
              .normalize('NFKD')
              .replace(/[^a-z]+/g, '.')
              .replace(/^\.|\.$/g, '')}@example.com`
          : '';
      const result = await storage.create({
        page,
        section,
        parentId,
        name,
        email,
        body,
        visibility: 'public',
        status: 'published',
        role,
        at,
        version,
      });
      if (result.kind !== 'created') throw new Error('Seeding the demonstration failed.');
      added++;
      return result.comment.id;
    };
    const written = demo.written && Date.parse(demo.written.from);
    for (const [index, [section, name, body, replyTo]] of demo.comments.entries()) {
      ids.push(
        await store(
          section,
          name,
          body,
          replyTo === undefined ? null : ids[replyTo]!,
          'reader',
          written ? written + index * daysApart : undefined,
        ),
      );
    }
    const replied = demo.written && Date.parse(demo.written.replied);
    for (const [replyTo, body] of demo.official ?? [])
      await store(demo.comments[replyTo]![0], demo.record.department!, body, ids[replyTo]!, 'official', replied || undefined);
    for (const [section, body] of Object.entries(demo.outcomes ?? {})) await storage.putOutcome(page, section, body, seededBy);
    if (demo.corrected) {
      const record = (await storage.getConsultation(page))!;
      const sections = record.sections.map((section) => ({ ...section, ...demo.corrected!.sections[section.id] }));
      await storage.putConsultation({ ...record, sections, updatedAt: new Date().toISOString() }, seededBy);
      for (const [section, name, body] of demo.corrected.comments) await store(section, name, body, null, 'reader');
    }
  }
  return added;
}
