import type { CommentStatus, Visibility } from '../contract/public.js';
import type { ReceiptState } from '../contract/server.js';
import { calendar as enCalendar } from './en.js';
import { writeDateTime, type Calendar } from './london-time.js';

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

/** Welsh counts a noun in the singular after the number: "3 darllenydd". */
const cyReaders = (n: number) => `${n.toLocaleString('en-GB')} darllenydd`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const moderationEn: ModerationStrings = {
  locale: 'en-GB',
  formatDateTime: (moment) => writeDateTime(moment, enCalendar),
  signInHeading: 'Sign in to moderate comments',
  tokenLabel: 'Moderator token',
  tokenHint: 'It is kept only while this tab is open.',
  tokenMissing: 'Enter the moderator token',
  tokenRefused: 'The moderator token was not accepted. Check it and sign in again.',
  signIn: 'Sign in',
  signOut: 'Sign out',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  heading: 'Moderate comments',
  filtersHeading: 'Filter comments',
  pageLabel: 'Page',
  sectionLabel: 'Section',
  statusLabel: 'Status',
  visibilityLabel: 'Visibility',
  any: 'Any',
  statuses: { pending: 'Pending', published: 'Published', rejected: 'Rejected', spam: 'Spam', received: 'Received privately' },
  visibilities: { public: 'Public', anonymous: 'Published without a name', private: 'Private' },
  referenceLabel: 'Reference',
  receiptLabel: 'Emailed receipt',
  receipts: { pending: 'Waiting to be sent', sent: 'Sent', failed: 'Could not be sent' },
  receiptFailed: 'Receipt not sent',
  onBehalfOf: (organisation) => `On behalf of ${organisation}`,
  reportedLabel: 'Readers’ reports',
  reportedChoice: 'Reported, not yet decided',
  reportedBy: (unreviewed, count) =>
    unreviewed === count
      ? `Reported by ${plural(count, 'reader', 'readers')}`
      : `Reported by ${plural(unreviewed, 'reader', 'readers')} since the last decision (${count.toLocaleString('en-GB')} in all)`,
  reasonsLabel: 'Reasons given',
  campaignShares: (size) => `${plural(size, 'response shares', 'responses share')} this text`,
  campaignMatching: (shown) => `${plural(shown, 'of them matches', 'of them match')} these filters`,
  campaignUnseen: (n) =>
    `${plural(n, 'response has', 'responses have')} different text and ${n === 1 ? 'stays' : 'stay'} in the queue to be read one by one.`,
  showCampaign: 'Show each response',
  campaignAction: (action, count) => `${action === 'approve' ? 'Approve' : 'Reject'} all ${count.toLocaleString('en-GB')}`,
  campaignHeading: (size) => `One campaign: ${plural(size, 'response shares', 'responses share')} this text`,
  wholeQueue: 'Back to the whole queue',
  applyFilters: 'Apply filters',
  countsLabel: 'Comments by status',
  shown: (shown, total) => `Showing ${shown.toLocaleString('en-GB')} of ${plural(total, 'comment', 'comments')}`,
  none: 'No comments match these filters.',
  loading: 'Loading comments…',
  loadFailed: 'Comments could not be loaded.',
  tryAgain: 'Try again',
  selectAll: 'Select all shown',
  selectComment: (name) => `Select the comment from ${name}`,
  actions: { approve: 'Approve', reject: 'Reject', spam: 'Spam', delete: 'Delete' },
  actionSelected: (action, n) => `${moderationEn.actions[action]} selected (${n.toLocaleString('en-GB')})`,
  done: (action, n) =>
    `${{ approve: 'Approved', reject: 'Rejected', spam: 'Marked as spam', delete: 'Deleted' }[action]} ${plural(n, 'comment', 'comments')}.`,
  refused: (n) => `${plural(n, 'comment', 'comments')} could not be changed and ${n === 1 ? 'has' : 'have'} been put back.`,
  privateKept: (n) =>
    `${plural(n, 'private response was', 'private responses were')} left as ${n === 1 ? 'it was' : 'they were'}: a response sent privately is never published.`,
  privateTag: 'Private: not for publication',
  sectionOf: (section) => `Section: ${section}`,
  nameRemoved: 'Name removed',
  showMore: 'Show more comments',
  confirmDelete: (n, one) =>
    `Delete ${one ? `the comment from ${one.name}, “${one.excerpt}”` : plural(n, 'comment', 'comments')}? This cannot be undone.`,
  confirmDeleteYes: 'Yes, delete',
  cancel: 'Cancel',
  exportHeading: 'Export responses',
  exportHint: (page) =>
    page
      ? `Every response to ${page}, public and private, with its section, status, dates, name and email.`
      : 'Every response to every page, public and private, with its section, status, dates, name and email. Filter by page to export one consultation.',
  downloadCsv: 'Download CSV',
  downloadJson: 'Download JSON',
  downloadConsult: 'Download for Consult (zip)',
  consultHint:
    'A zip for Consult, the UK government’s tool for analysing responses: one question per section, one respondent per person, no names or email addresses.',
  exportFailed: 'The export could not be downloaded. Try again.',
  eraseHeading: 'Erase a person’s data',
  eraseHint: 'Removes a person’s name and email address from every response they sent. Their comments stay, without a name.',
  eraseEmailLabel: 'Email address',
  eraseEmailMissing: 'Enter the email address of the person whose data should be erased',
  eraseContinue: 'Continue',
  eraseConfirm: (email) => `This will remove the name and email address from every response sent with ${email}. It cannot be undone.`,
  eraseYes: 'Erase this person’s data',
  erased: (n) => `Removed the name and email address from ${plural(n, 'response', 'responses')}.`,
  failed: 'Something went wrong. Try again.',
  replyAsDepartment: 'Reply as the department',
  officialReplyLabel: 'Reply, published at once in the department’s name',
  publishReply: 'Publish reply',
  officialHeading: 'Publish a response as the department',
  officialHint: 'It is published at once in the name of the consultation’s department, even after the consultation has closed.',
  officialBodyLabel: 'Response',
  publishResponse: 'Publish response',
  officialBodyMissing: 'Enter the response',
  officialPageMissing: 'Enter the page',
  officialSectionMissing: 'Enter the section',
  officialPublished: (department) => `Published in the name of ${department}.`,
  departmentMissing: 'Name the consultation’s department first: official responses are published in its name.',
  officialFailed: 'The response could not be published. Try again.',
  outcomeEditorHeading: (section) => `What we did with the comments on section ${section}`,
  outcomeLabel: 'Outcome',
  outcomeHint: 'Readers see it above the section’s comments, under “What we did with your comments”. Publishing replaces what was there.',
  publishOutcome: 'Publish outcome',
  outcomeMissing: 'Enter what the department did with the comments on this section',
  outcomePublished: 'Outcome published.',
  outcomeFailed: 'The outcome could not be published. Try again.',
};

const months = 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' ');
/** Welsh months and clock words, for the console's dates in UK time (the readers' Welsh is fetched apart). */
export const cyCalendar: Calendar = { months, at: 'am', clock: { am: 'yb', pm: 'yh', midday: 'hanner dydd', midnight: 'hanner nos' } };
const cyNumber = (n: number) => n.toLocaleString('en-GB');

export const moderationCy: ModerationStrings = {
  locale: 'cy',
  formatDateTime: (moment) => writeDateTime(moment, cyCalendar),
  signInHeading: 'Mewngofnodi i gymedroli sylwadau',
  tokenLabel: 'Tocyn cymedrolwr',
  tokenHint: 'Dim ond tra bydd y tab hwn ar agor y caiff ei gadw.',
  tokenMissing: 'Rhowch y tocyn cymedrolwr',
  tokenRefused: 'Ni chafodd y tocyn cymedrolwr ei dderbyn. Gwiriwch ef a mewngofnodwch eto.',
  signIn: 'Mewngofnodi',
  signOut: 'Allgofnodi',
  errorSummaryTitle: 'Mae problem wedi codi',
  errorPrefix: 'Gwall:',
  heading: 'Cymedroli sylwadau',
  filtersHeading: 'Hidlo sylwadau',
  pageLabel: 'Tudalen',
  sectionLabel: 'Adran',
  statusLabel: 'Statws',
  visibilityLabel: 'Gwelededd',
  any: 'Unrhyw un',
  statuses: {
    pending: 'Yn aros',
    published: 'Wedi’i gyhoeddi',
    rejected: 'Wedi’i wrthod',
    spam: 'Sbam',
    received: 'Wedi’i dderbyn yn breifat',
  },
  visibilities: { public: 'Cyhoeddus', anonymous: 'Wedi’i gyhoeddi heb enw', private: 'Preifat' },
  referenceLabel: 'Cyfeirnod',
  receiptLabel: 'Derbynneb e-bost',
  receipts: { pending: 'Yn aros i’w hanfon', sent: 'Wedi’i hanfon', failed: 'Nid oedd modd ei hanfon' },
  receiptFailed: 'Derbynneb heb ei hanfon',
  onBehalfOf: (organisation) => `Ar ran ${organisation}`,
  reportedLabel: 'Darllenwyr wedi rhoi gwybod',
  reportedChoice: 'Wedi rhoi gwybod, heb benderfynu eto',
  reportedBy: (unreviewed, count) =>
    unreviewed === count
      ? `${cyReaders(count)} wedi rhoi gwybod amdano`
      : `${cyReaders(unreviewed)} wedi rhoi gwybod amdano ers y penderfyniad diwethaf (${count.toLocaleString('en-GB')} i gyd)`,
  reasonsLabel: 'Y rhesymau a roddwyd',
  campaignShares: (size) => `Mae ${size.toLocaleString('en-GB')} ymateb yn rhannu’r testun hwn`,
  campaignMatching: (shown) => `Mae ${shown.toLocaleString('en-GB')} ohonynt yn cyfateb i’r hidlwyr hyn`,
  campaignUnseen: (n) => `Mae testun gwahanol gan ${cyNumber(n)} ymateb, ac maen nhw’n aros yn y ciw i’w darllen fesul un.`,
  showCampaign: 'Dangos pob ymateb',
  campaignAction: (action, count) => `${action === 'approve' ? 'Cymeradwyo' : 'Gwrthod'} pob un (${count.toLocaleString('en-GB')})`,
  campaignHeading: (size) => `Un ymgyrch: mae ${size.toLocaleString('en-GB')} ymateb yn rhannu’r testun hwn`,
  wholeQueue: 'Yn ôl i’r rhestr gyfan',
  applyFilters: 'Hidlo',
  countsLabel: 'Sylwadau yn ôl statws',
  shown: (shown, total) => `Yn dangos ${cyNumber(shown)} o ${cyNumber(total)} sylw`,
  none: 'Nid oes sylwadau sy’n cyfateb i’r hidlwyr hyn.',
  loading: 'Wrthi’n llwytho sylwadau…',
  loadFailed: 'Nid oedd modd llwytho’r sylwadau.',
  tryAgain: 'Rhowch gynnig arall arni',
  selectAll: 'Dewis pob un a ddangosir',
  selectComment: (name) => `Dewis y sylw gan ${name}`,
  actions: { approve: 'Cymeradwyo', reject: 'Gwrthod', spam: 'Sbam', delete: 'Dileu' },
  actionSelected: (action, n) => `${moderationCy.actions[action]} y rhai a ddewiswyd (${cyNumber(n)})`,
  done: (action, n) =>
    `${{ approve: 'Wedi cymeradwyo', reject: 'Wedi gwrthod', spam: 'Wedi nodi fel sbam', delete: 'Wedi dileu' }[action]} ${cyNumber(n)} sylw.`,
  refused: (n) => `Nid oedd modd newid ${cyNumber(n)} sylw, ac maen nhw wedi’u rhoi’n ôl.`,
  privateKept: (n) =>
    `Cafodd ${cyNumber(n)} ymateb preifat eu gadael fel yr oedden nhw: nid yw ymateb a anfonwyd yn breifat byth yn cael ei gyhoeddi.`,
  privateTag: 'Preifat: nid i’w gyhoeddi',
  sectionOf: (section) => `Adran: ${section}`,
  nameRemoved: 'Enw wedi’i ddileu',
  showMore: 'Dangos rhagor o sylwadau',
  confirmDelete: (n, one) =>
    `Dileu ${one ? `y sylw gan ${one.name}, “${one.excerpt}”` : `${cyNumber(n)} sylw`}? Does dim modd dadwneud hyn.`,
  confirmDeleteYes: 'Ie, dileu',
  cancel: 'Canslo',
  exportHeading: 'Allforio ymatebion',
  exportHint: (page) =>
    page
      ? `Pob ymateb i ${page}, yn gyhoeddus ac yn breifat, gyda’i adran, ei statws, ei ddyddiadau, yr enw a’r e-bost.`
      : 'Pob ymateb i bob tudalen, yn gyhoeddus ac yn breifat, gyda’i adran, ei statws, ei ddyddiadau, yr enw a’r e-bost. Hidlwch yn ôl tudalen i allforio un ymgynghoriad.',
  downloadCsv: 'Lawrlwytho CSV',
  downloadJson: 'Lawrlwytho JSON',
  downloadConsult: 'Lawrlwytho ar gyfer Consult (zip)',
  consultHint:
    'Ffeil zip ar gyfer Consult, offeryn llywodraeth y DU ar gyfer dadansoddi ymatebion: un cwestiwn ar gyfer pob adran, un ymatebydd ar gyfer pob person, heb enwau na chyfeiriadau e-bost.',
  exportFailed: 'Nid oedd modd lawrlwytho’r allforiad. Rhowch gynnig arall arni.',
  eraseHeading: 'Dileu data person',
  eraseHint: 'Yn dileu enw a chyfeiriad e-bost person o bob ymateb a anfonwyd ganddo. Mae’r sylwadau’n aros, heb enw.',
  eraseEmailLabel: 'Cyfeiriad e-bost',
  eraseEmailMissing: 'Rhowch gyfeiriad e-bost y person y dylid dileu ei ddata',
  eraseContinue: 'Parhau',
  eraseConfirm: (email) =>
    `Bydd hyn yn dileu’r enw a’r cyfeiriad e-bost o bob ymateb a anfonwyd gyda ${email}. Does dim modd dadwneud hyn.`,
  eraseYes: 'Dileu data’r person hwn',
  erased: (n) => `Wedi dileu’r enw a’r cyfeiriad e-bost o ${cyNumber(n)} ymateb.`,
  failed: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
  replyAsDepartment: 'Ateb ar ran yr adran',
  officialReplyLabel: 'Ateb, wedi’i gyhoeddi ar unwaith yn enw’r adran',
  publishReply: 'Cyhoeddi’r ateb',
  officialHeading: 'Cyhoeddi ymateb ar ran yr adran',
  officialHint: 'Caiff ei gyhoeddi ar unwaith yn enw adran yr ymgynghoriad, hyd yn oed ar ôl i’r ymgynghoriad ddod i ben.',
  officialBodyLabel: 'Ymateb',
  publishResponse: 'Cyhoeddi’r ymateb',
  officialBodyMissing: 'Rhowch yr ymateb',
  officialPageMissing: 'Rhowch y dudalen',
  officialSectionMissing: 'Rhowch yr adran',
  officialPublished: (department) => `Wedi’i gyhoeddi yn enw ${department}.`,
  departmentMissing: 'Rhowch enw adran yr ymgynghoriad yn gyntaf: caiff ymatebion swyddogol eu cyhoeddi yn ei henw.',
  officialFailed: 'Nid oedd modd cyhoeddi’r ymateb. Rhowch gynnig arall arni.',
  outcomeEditorHeading: (section) => `Beth wnaethon ni gyda’r sylwadau ar adran ${section}`,
  outcomeLabel: 'Canlyniad',
  outcomeHint:
    'Mae darllenwyr yn ei weld uwchben sylwadau’r adran, o dan “Beth wnaethon ni gyda’ch sylwadau”. Mae cyhoeddi’n disodli’r hyn oedd yno.',
  publishOutcome: 'Cyhoeddi’r canlyniad',
  outcomeMissing: 'Rhowch beth wnaeth yr adran gyda’r sylwadau ar yr adran hon',
  outcomePublished: 'Canlyniad wedi’i gyhoeddi.',
  outcomeFailed: 'Nid oedd modd cyhoeddi’r canlyniad. Rhowch gynnig arall arni.',
};
