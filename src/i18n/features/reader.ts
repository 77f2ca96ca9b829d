import type { ValidationMessages } from '../../contract/messages.js';

/** Every string the elements show or announce, in one language. Plurals are functions of the count. */
export interface Strings {
  /** BCP 47 tag of the language, set as the thread's `lang`. */
  locale: string;
  /** A comment's date, as "1 March 2026", in the reader's time zone. */
  formatDate: (date: Date) => string;
  /** A consultation's date and time in UK time, as "31 March 2027 at 11:59pm". */
  formatDateTime: (moment: string) => string;
  /** The badge on the department's own responses. */
  officialBadge: string;
  /** Heading of a section's outcome, above its comments. */
  outcomeHeading: string;
  /** The thread's heading before its comments are counted. */
  commentsHeading: string;
  threadHeading: (count: number) => string;
  loading: string;
  loadFailed: string;
  loadFailedHint: string;
  tryAgain: string;
  showMore: string;
  /** The author of a comment published without a name (or whose name was erased). */
  anonymous: string;
  /** The author of a response sent for an organisation: "Ada Lovelace, on behalf of Analytical Engines". */
  onBehalfOf: (name: string, organisation: string) => string;
  reply: string;
  /** The link under a published comment that opens the form to report it. */
  report: string;
  /** Completes "Reply" for screen readers: "Reply" + " to Alice". */
  replyToSuffix: (name: string) => string;
  inReplyTo: (name: string) => string;
  formHeading: string;
  replyHeading: (name: string) => string;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  bodyLabel: string;
  bodyLimitHint: (max: number) => string;
  charactersRemaining: (count: number) => string;
  charactersTooMany: (count: number) => string;
  visibilityLegend: string;
  visibilityPublic: string;
  visibilityAnonymous: string;
  visibilityPrivate: string;
  /** Asked when the consultation wants to know whom each response comes from. */
  respondentLegend: string;
  respondentIndividual: string;
  respondentOrganisation: string;
  organisationLabel: string;
  /** After sending: the reference to quote, and why to keep it. */
  referenceIs: (reference: string) => string;
  referenceHint: string;
  remember: string;
  moderationNotice: string;
  submit: string;
  submitting: string;
  cancel: string;
  errorSummaryTitle: string;
  /** Read before each field's message, visually hidden: "Error:". */
  errorPrefix: string;
  submitFailed: string;
  statusPending: string;
  statusPrivate: string;
  /** The count under a section's heading: "So far, there are no comments on this section." */
  sectionCount: (count: number) => string;
  jumpToComments: string;
  printSection: string;
  /**
   * The form's error messages. English leaves them out: they come with the checking code, which a
   * page fetches only once a reader starts to use a form, and `messagesFor` falls back to them.
   */
  validation?: ValidationMessages;
}
