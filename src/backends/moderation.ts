/**
 * What the moderation console needs from a server, whichever adapter provides it (the reference
 * server's `ModerationClient`, or the in-page `MemoryModeration`), and the errors it raises.
 */
import type {
  AuditPage,
  AuditQuery,
  Comment,
  ConsultationInput,
  ModerationComment,
  ModerationConsultation,
  ModerationPage,
  ModerationQuery,
  Moderator,
  OfficialCommentInput,
  Outcome,
  Overview,
  StatusUpdate,
  OrphanedThread,
} from '../contract/index.js';
import { CivicCommentsError } from './errors.js';

/** The moderator token was missing or wrong (401). */
export class UnauthorizedError extends CivicCommentsError {
  override name = 'UnauthorizedError';
}

/** An official response was refused because the consultation names no department to publish it in the name of (409). */
export class DepartmentMissingError extends CivicCommentsError {
  override name = 'DepartmentMissingError';
}

/** What the export can write: spreadsheets' CSV, JSON, or Consult's zip. */
export type ExportFormat = 'csv' | 'json' | 'consult';

/** A file made by the server's export, ready to save. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** What deciding a campaign in bulk did. */
export interface CampaignDecided {
  changed: number;
  /** Pending responses an approval left alone, since their text differs from every one shown. */
  unseen: number;
}

/**
 * What the moderation console needs from a server. Throw `UnauthorizedError` for a refused token,
 * and the errors of `../errors.js` otherwise.
 */
export interface ModerationBackend {
  /** Who the token belongs to. */
  me(): Promise<Moderator>;
  list(query: ModerationQuery): Promise<ModerationPage>;
  setStatus(id: string, status: StatusUpdate['status']): Promise<ModerationComment>;
  remove(id: string): Promise<void>;
  /**
   * The server's export: CSV, JSON, or (of one page) a zip for Consult. `onProgress`, when given,
   * hears how many bytes have arrived as a large file downloads.
   */
  export(page: string | undefined, format: ExportFormat, onProgress?: (bytes: number) => void): Promise<ExportFile>;
  erase(email: string): Promise<number>;
  /** Every consultation, most recently changed first, with its responses counted by status. */
  consultations(): Promise<ModerationConsultation[]>;
  /** Creates or replaces a page's consultation: `ValidationFailedError` naming the fields it refuses. */
  saveConsultation(page: string, input: ConsultationInput): Promise<ModerationConsultation>;
  /** Publishes the department's own response at once, in its name: `DepartmentMissingError` when it has none. */
  respond(input: OfficialCommentInput): Promise<Comment>;
  /** What the department has said it did with a section's comments, if anything. */
  outcome(page: string, section: string): Promise<Outcome | null>;
  /** Publishes or replaces it. */
  saveOutcome(page: string, section: string, body: string): Promise<Outcome>;
  /**
   * Decides a campaign's responses in bulk (only those in status `from`, when given). Approval
   * publishes only responses whose text is that of one in `seen`; `unseen` counts those it left.
   */
  setCampaignStatus(
    campaign: string,
    status: StatusUpdate['status'],
    from: ModerationComment['status'] | undefined,
    seen: string[],
  ): Promise<CampaignDecided>;
  /** A consultation's responses by section, by day, by respondent type and by language. */
  overview(page: string): Promise<Overview>;
  /** The audit log, newest first, filtered. */
  audit(query: AuditQuery): Promise<AuditPage>;
  /** Every entry matching the filters, as the server's CSV file. */
  exportAudit(query: AuditQuery): Promise<ExportFile>;
  /** Threads stored under a section id the page's consultation does not name, newest first. */
  orphans(page: string): Promise<OrphanedThread[]>;
  /** Moves an orphaned thread into one of the consultation's sections, logged; answers how many responses moved. */
  moveOrphan(page: string, section: string, to: string): Promise<number>;
}
