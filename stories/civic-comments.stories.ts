import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { MemoryBackend, type MemoryBackendOptions, type SectionQuestion, type SeedComment } from '../src/index.js';
import { conversation, correctedBackend, fill, longThread, page } from './examples.js';

interface Args {
  section: string;
  lang: string;
  'heading-level': number;
  comments: SeedComment[];
  backend: Omit<MemoryBackendOptions, 'comments'>;
}

const thread = (args: Args) => html`
  <civic-comments
    section=${args.section}
    page=${page}
    lang=${args.lang}
    heading-level=${args['heading-level']}
    .backend=${new MemoryBackend({ page, comments: args.comments, ...args.backend })}
  ></civic-comments>
`;

const day = 24 * 3_600_000;
const fromNow = (offset: number) => new Date(Date.now() + offset).toISOString();

const ready = (canvasElement: HTMLElement) => canvasElement.querySelector('civic-comments')!;
const shadow = (canvasElement: HTMLElement) => ready(canvasElement).shadowRoot!;
const settle = (canvasElement: HTMLElement) =>
  waitFor(() => expect(shadow(canvasElement).querySelector('[part=heading]')?.textContent).not.toContain('Comments'));

const meta = {
  title: 'Elements/civic-comments',
  component: 'civic-comments',
  render: thread,
  args: { section: 'opening-hours', lang: 'en', 'heading-level': 3, comments: conversation, backend: {} },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
    comments: { control: false },
    backend: { control: false },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** A section nobody has commented on yet. */
export const Empty: Story = {
  args: { comments: [] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=heading]')?.textContent?.trim()).toBe('No comments yet'));
  },
};

/** "Report this comment" opened under a comment: a reason if the reader wants to give one. */
export const ReportingAComment: Story = {
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=report-button]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=report-form] textarea')).toBeTruthy());
    await expect(shadow(canvasElement).querySelector('[part=report-form] label')?.textContent?.trim()).toBe(
      'Why are you reporting this comment? (optional)',
    );
  },
};

/** A report sent: the thanks stands where the link was. */
export const Reported: Story = {
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=report-button]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=report-form]')).toBeTruthy());
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=report-form] button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=report-done]')?.textContent).toContain('Thank you'));
  },
};

/** Replies nest three levels deep; deeper ones sit at the third level and say whom they answer. */
export const ThreadWithReplies: Story = {
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part=heading]')?.textContent?.trim()).toBe('5 comments');
    await expect(shadow(canvasElement).querySelector('.in-reply-to')?.textContent).toBe('In reply to Library user');
  },
};

/** More comments than one page: "Show more comments". */
export const LongThread: Story = {
  args: { comments: longThread },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=show-more-button]')).toBeTruthy());
  },
};

/** While the comments are on their way, their space is kept so that the page does not jump. */
export const Loading: Story = {
  args: { backend: { latency: 2_147_483_647 } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=status]')?.textContent?.trim()).toBe('Loading comments…'));
  },
};

/** The backend is down: the reader is told, can try again, and can still write a comment. */
export const FailedToLoad: Story = {
  args: { backend: { fail: { list: true } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).textContent).toContain('Comments could not be loaded'));
  },
};

/** Submitting an empty form: the GOV.UK error summary takes focus and links to each field. */
export const FormErrors: Story = {
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).activeElement?.className).toBe('error-summary'));
  },
};

/** A comment on its way: one request however often Submit is pressed. */
export const Submitting: Story = {
  args: { backend: { latency: 0 } },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    const backend = (ready(canvasElement) as unknown as { backend: MemoryBackend }).backend;
    backend.latency = 2_147_483_647;
    fill(ready(canvasElement), { name: 'Ada Lovelace', email: 'ada@example.com', body: 'On its way.', visibility: 'public' });
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('#submit-status')?.textContent?.trim()).toBe('Sending your comment…'));
  },
};

/** Under pre-moderation the reader's own comment appears in place, awaiting moderation. */
export const AwaitingModeration: Story = {
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    fill(ready(canvasElement), {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      body: 'Please keep Saturday afternoons.',
      visibility: 'public',
    });
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=comment-status]')?.textContent).toBe('Awaiting moderation'));
  },
};

/** A response sent privately to the team: shown to its writer only, never published. */
export const PrivateSubmission: Story = {
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    fill(ready(canvasElement), { name: 'Ada Lovelace', email: 'ada@example.com', body: 'For the team only.', visibility: 'private' });
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=comment-status]')?.textContent).toBe('Sent privately'));
  },
};

/** Where the consultation asks: individual or organisation, the organisation's name revealed when chosen. */
export const OrganisationQuestion: Story = {
  args: { backend: { consultation: { title: 'Library opening hours', askOrganisation: true } } },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('#respondent-organisation')).toBeTruthy());
    fill(ready(canvasElement), { respondent: 'organisation', organisation: 'Friends of Riverside Library' });
    await waitFor(() => expect(shadow(canvasElement).querySelector<HTMLElement>('#conditional-organisation')?.hidden).toBe(false));
  },
};

const agreeQuestion: SectionQuestion & { errorMessage: string } = {
  text: 'Do you agree with opening every branch until 7pm on Thursdays?',
  type: 'single',
  options: ['Agree', 'Disagree', 'Neither agree nor disagree'],
  errorMessage: 'Select whether you agree with opening until 7pm on Thursdays',
};
const asking = (question: SectionQuestion, more: object = {}) => ({
  consultation: { title: 'Library opening hours', sections: [{ id: 'opening-hours', title: 'Opening hours', question }], ...more },
});
const questionShown = (canvasElement: HTMLElement) => waitFor(() => expect(shadow(canvasElement).querySelector('#answer-0')).toBeTruthy());

/** A closed question with one answer, as radios above the comment box; published responses show theirs. */
export const SingleChoiceQuestion: Story = {
  args: {
    backend: asking(agreeQuestion),
    comments: [{ section: 'opening-hours', name: 'Ada', body: 'Evenings suit shift workers.', answer: ['Agree'] }],
  },
  play: async ({ canvasElement }) => {
    await questionShown(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part=comment-answer]')?.textContent?.trim()).toBe('Answer: Agree');
  },
};

/** A question with several answers, as checkboxes, with the comment box optional beside it. */
export const MultipleChoiceQuestion: Story = {
  args: {
    backend: asking({
      text: 'Which of these would you use?',
      type: 'multiple',
      options: ['Evening opening', 'Saturday mornings', 'Click and collect'],
      required: false,
      freeText: 'optional',
    }),
    comments: [],
  },
  play: async ({ canvasElement }) => {
    await questionShown(canvasElement);
    await expect(shadow(canvasElement).querySelector('#answer-0')?.getAttribute('type')).toBe('checkbox');
  },
};

/** A question answered by choice alone: no comment box. */
export const ChoiceOnlyQuestion: Story = {
  args: {
    backend: asking({ text: 'Should the change start in April?', type: 'single', options: ['Yes', 'No'], freeText: 'none' }),
    comments: [],
  },
  play: async ({ canvasElement }) => {
    await questionShown(canvasElement);
    await expect(shadow(canvasElement).querySelector<HTMLElement>('#body')?.closest<HTMLElement>('.field')?.hidden).toBe(true);
  },
};

/** Sending without an answer: the department's own words in the summary and above the options. */
export const QuestionUnanswered: Story = {
  args: { backend: asking(agreeQuestion), comments: [] },
  play: async ({ canvasElement }) => {
    await questionShown(canvasElement);
    fill(ready(canvasElement), { body: 'No answer chosen.' });
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('#answer-error')?.textContent).toContain(agreeQuestion.errorMessage));
  },
};

/** After the close, how many chose each option, when the consultation shows them. */
export const AnswerCounts: Story = {
  args: {
    backend: asking(agreeQuestion, { closesAt: fromNow(-2 * day), showAnswerCounts: true }),
    comments: [
      { section: 'opening-hours', name: 'Ada', body: 'Evenings suit shift workers.', answer: ['Agree'] },
      { section: 'opening-hours', name: 'Bo', body: 'Mornings matter more.', answer: ['Disagree'] },
      { section: 'opening-hours', name: 'Cy', body: 'Either is fine.', answer: ['Agree'] },
    ],
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('[part=answer-counts] tbody tr')).toHaveLength(3));
  },
};

/** Sent for an organisation, without a name: the reference to keep, under the comment as it will read. */
export const SentWithReference: Story = {
  args: { backend: { consultation: { title: 'Library opening hours', askOrganisation: true } } },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('#respondent-organisation')).toBeTruthy());
    fill(ready(canvasElement), {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      respondent: 'organisation',
      organisation: 'Friends of Riverside Library',
      body: 'Our volunteers can staff Thursday evenings.',
      visibility: 'anonymous',
    });
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=reference]')?.textContent).toMatch(/Your reference is CC-/));
  },
};

/** Cymraeg: every string, the dates and the validation messages. */
export const Welsh: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=heading]')?.textContent?.trim()).toBe('5 sylw'));
  },
};

/** On a 320 pixel phone. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="width: 320px">${story()}</div>`],
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    const box = ready(canvasElement).getBoundingClientRect();
    await expect(box.width).toBeLessThanOrEqual(320);
  },
};

const department = 'Riverside Council Libraries';

/** The department answers in its own name: an "Official response" badge beside the name. */
export const OfficialReply: Story = {
  args: {
    comments: [
      ...conversation,
      {
        id: 'o1',
        section: 'opening-hours',
        parentId: 'c5',
        name: department,
        body: 'The mobile library stays: it will visit every village fortnightly.',
        role: 'official',
      },
    ],
  },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part=official-badge]')?.textContent?.trim()).toBe('Official response');
  },
};

/** After it closed: the date in place of the form, the comments still readable, and what the department did with them. */
export const Closed: Story = {
  args: {
    backend: {
      consultation: { title: 'Library opening hours', closesAt: fromNow(-2 * day), department },
      outcomes: {
        'opening-hours':
          'You said evenings and Saturdays matter most.\nFrom April every branch opens until 7pm on Thursdays and all Saturday morning.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part=consultation-notice]')?.textContent).toContain('This consultation closed on');
    await expect(shadow(canvasElement).querySelector('form')).toBeNull();
    await expect(shadow(canvasElement).querySelector('[part=outcome] [role=heading]')?.textContent?.trim()).toBe(
      'What we did with your comments',
    );
  },
};

/** Before it opens: when it will, and no form yet. */
export const Upcoming: Story = {
  args: {
    comments: [],
    backend: { consultation: { title: 'Library opening hours', opensAt: fromNow(5 * day), closesAt: fromNow(40 * day) } },
  },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part=consultation-notice]')?.textContent).toContain('This consultation opens on');
  },
};

/** In its last seven days: the form says when it closes. */
export const ClosingSoon: Story = {
  args: { backend: { consultation: { title: 'Library opening hours', closesAt: fromNow(3 * day) } } },
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part=closing-notice]')?.textContent).toContain('This consultation closes on');
    await expect(shadow(canvasElement).querySelector('form')).not.toBeNull();
  },
};

/**
 * The section was corrected after its first two responses: each says "Made on an earlier version of
 * this section", and "Show what has changed since" shows the difference, opened here on the first.
 */
export const MadeOnAnEarlierVersion: Story = {
  render: (args) => html`
    <civic-comments section=${args.section} page=${page} lang=${args.lang} heading-level=${args['heading-level']} .backend=${correctedBackend()}></civic-comments>
  `,
  play: async ({ canvasElement }) => {
    await settle(canvasElement);
    const button = await waitFor(() => {
      const found = shadow(canvasElement).querySelector<HTMLButtonElement>('[part=changes-button]');
      expect(found).toBeTruthy();
      return found!;
    });
    expect(shadow(canvasElement).querySelectorAll('[part=earlier-version]')).toHaveLength(2);
    button.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=difference] ins')?.textContent).toContain('8pm'));
  },
};

/** The same, in Welsh. */
export const MadeOnAnEarlierVersionInWelsh: Story = {
  ...MadeOnAnEarlierVersion,
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadow(canvasElement).querySelector('[part=earlier-version]')?.textContent).toContain('Wedi’i wneud ar fersiwn gynharach'),
    );
  },
};
