import type { AuditAction } from '../../contract/audit.js';

/** The fields of a consultation, as a change to it is listed in the audit log. */
type ConsultationField =
  | 'title'
  | 'opensAt'
  | 'closesAt'
  | 'department'
  | 'askOrganisation'
  | 'contactEmail'
  | 'showAnswerCounts'
  | 'sections';

/** The strings of the console's audit log and of who is signed in, in one language. */
export interface AuditConsoleStrings {
  signedInAs: (name: string) => string;
  administrator: string;
  /**
   * A name as the log shows it: a person's as it is, and the names the server itself acts under
   * (the holder of MODERATOR_TOKEN, the command line, the demonstration's seeding, readers' reports)
   * in this language.
   */
  nameOf: (name: string) => string;
  auditView: string;
  heading: string;
  intro: string;
  filtersHeading: string;
  moderatorLabel: string;
  actionLabel: string;
  responseLabel: string;
  responseHint: string;
  loading: string;
  loadFailed: string;
  none: string;
  shown: (shown: number, total: number) => string;
  showMore: string;
  download: string;
  downloadFailed: string;
  tableCaption: string;
  columns: { at: string; moderator: string; action: string; response: string; from: string; to: string };
  actions: Record<AuditAction, string>;
  /** What an erasure removed, in place of its from and to. */
  erasedDetails: string;
  deleted: string;
  onPage: (page: string, section: string | null) => string;
  fields: Record<ConsultationField, string>;
  yes: string;
  no: string;
  sectionsCount: (n: number) => string;
}
