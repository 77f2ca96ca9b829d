import type { CommentStatus, Visibility } from '../../contract/public.js';
import type { ReceiptState } from '../../contract/server.js';

/** Every string of the moderation console, in one language. */
export interface ModerationStrings {
  locale: string;
  /** A moment in UK time, as GOV.UK writes it ("7 December 2026 at 4:20pm"), whatever the browser's own time zone: the one way the console writes dates. */
  formatDateTime: (moment: string | Date) => string;
  signInHeading: string;
  tokenLabel: string;
  tokenHint: string;
  tokenMissing: string;
  tokenRefused: string;
  signIn: string;
  signOut: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  heading: string;
  filtersHeading: string;
  pageLabel: string;
  sectionLabel: string;
  statusLabel: string;
  visibilityLabel: string;
  any: string;
  statuses: Record<CommentStatus, string>;
  visibilities: Record<Visibility, string>;
  referenceLabel: string;
  /** The queue's filter by the address a response was sent from. */
  emailFilterLabel: string;
  receiptLabel: string;
  receipts: Record<ReceiptState, string>;
  /** On a response whose emailed receipt could not be sent. */
  receiptFailed: string;
  onBehalfOf: (organisation: string) => string;
  reportedLabel: string;
  reportedChoice: string;
  /** "Reported by 3 readers": since a moderator last decided, and in all. */
  reportedBy: (unreviewed: number, count: number) => string;
  reasonsLabel: string;
  /** "214 responses share this text": a campaign of near-identical responses. */
  campaignShares: (size: number) => string;
  /** How many of a campaign's responses the filters match, when not all. */
  campaignMatching: (shown: number) => string;
  /** After approving a campaign: the responses whose text differed from every one shown, left to be read. */
  campaignUnseen: (count: number) => string;
  showCampaign: string;
  /** Decides every response of a campaign the filters match. */
  campaignAction: (action: 'approve' | 'reject', count: number) => string;
  campaignHeading: (size: number) => string;
  wholeQueue: string;
  applyFilters: string;
  countsLabel: string;
  shown: (shown: number, total: number) => string;
  none: string;
  loading: string;
  loadFailed: string;
  tryAgain: string;
  selectAll: string;
  selectComment: (name: string) => string;
  actions: Record<ModerationAction, string>;
  /** The buttons that act on every selected comment. */
  actionSelected: (action: ModerationAction, count: number) => string;
  done: (action: ModerationAction, count: number) => string;
  refused: (count: number) => string;
  /** Private responses selected for approval and left as they are. */
  privateKept: (count: number) => string;
  privateTag: string;
  sectionOf: (section: string) => string;
  nameRemoved: string;
  showMore: string;
  /** Asks before deleting: one comment by whose it is (and a few words of it), more by how many. */
  confirmDelete: (count: number, one?: { name: string; excerpt: string }) => string;
  confirmDeleteYes: string;
  cancel: string;
  exportHeading: string;
  exportHint: (page: string) => string;
  downloadCsv: string;
  downloadJson: string;
  downloadConsult: string;
  consultHint: string;
  /** While a large export downloads: how much has come, such as "12.4 MB". */
  exportProgress: (amount: string) => string;
  exportFailed: string;
  eraseHeading: string;
  eraseHint: string;
  eraseEmailLabel: string;
  eraseEmailMissing: string;
  eraseContinue: string;
  eraseConfirm: (email: string) => string;
  eraseYes: string;
  erased: (count: number) => string;
  failed: string;
  /** Answering in the department's name. */
  replyAsDepartment: string;
  officialReplyLabel: string;
  publishReply: string;
  officialHeading: string;
  officialHint: string;
  officialBodyLabel: string;
  publishResponse: string;
  officialBodyMissing: string;
  officialPageMissing: string;
  officialSectionMissing: string;
  officialPublished: (department: string) => string;
  departmentMissing: string;
  officialFailed: string;
  /** What the department did with a section's comments. */
  outcomeEditorHeading: (section: string) => string;
  outcomeLabel: string;
  outcomeHint: string;
  publishOutcome: string;
  outcomeMissing: string;
  outcomePublished: string;
  outcomeFailed: string;
}

/** What a moderator can do to a comment. */
export type ModerationAction = 'approve' | 'reject' | 'spam' | 'delete';
