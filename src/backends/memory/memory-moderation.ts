import {
  ConsultationInput,
  consultationState,
  exportedResponse,
  fieldsOf,
  normaliseReference,
  toCsv,
  type Comment,
  type ModerationConsultation,
  type ModerationComment,
  type ModerationPage,
  type ModerationQuery,
  type OfficialCommentInput,
  type Outcome,
  type StatusUpdate,
} from '../../contract/index.js';
import { DepartmentMissingError, UnauthorizedError, type ExportFile, type ModerationBackend } from '../rest/moderation-client.js';
import { BackendUnavailableError, ValidationFailedError } from '../errors.js';
import type { MemoryBackend } from './memory-backend.js';

/**
 * The moderation console's backend over an in-page `MemoryBackend`, for stories and offline
 * demonstrations: `console.backendFor = (token) => new MemoryModeration(memory, token)`.
 * It accepts one token (`demo` unless told otherwise) and fails when the memory backend's `list`
 * is told to fail. It holds one consultation, that of the memory backend's page.
 */
export class MemoryModeration implements ModerationBackend {
  constructor(
    readonly memory: MemoryBackend,
    readonly token: string,
    readonly acceptedToken = 'demo',
  ) {}

  async list(query: ModerationQuery): Promise<ModerationPage> {
    this.#check();
    const stored = this.memory.all().map(
      (comment): ModerationComment => ({ ...comment, updatedAt: comment.createdAt }),
    );
    const matching = stored.filter(
      (c) =>
        (!query.page || c.page === query.page) &&
        (!query.section || c.section === query.section) &&
        (!query.visibility || c.visibility === query.visibility) &&
        (!query.reference || c.reference === normaliseReference(query.reference)) &&
        // The in-page store sends no receipts: none is pending, sent or failed.
        !query.receipt,
    );
    const statusCounts: Record<string, number> = {};
    for (const c of matching) statusCounts[c.status] = (statusCounts[c.status] ?? 0) + 1;
    const shown = matching.filter((c) => !query.status || c.status === query.status).reverse();
    const start = Number(query.cursor ?? 0);
    const limit = Number(query.limit ?? 50);
    return {
      comments: shown.slice(start, start + limit),
      nextCursor: start + limit < shown.length ? String(start + limit) : null,
      total: shown.length,
      statusCounts,
    };
  }

  async setStatus(id: string, status: StatusUpdate['status']): Promise<ModerationComment> {
    this.#check();
    this.memory.moderate(id, status);
    const comment = this.memory.all().find((c) => c.id === id)!;
    return { ...comment, updatedAt: new Date().toISOString() };
  }

  async remove(id: string): Promise<void> {
    this.#check();
    this.memory.remove(id);
  }

  async export(page: string | undefined, format: 'csv' | 'json'): Promise<ExportFile> {
    this.#check();
    const responses = this.memory.all().filter((c) => !page || c.page === page).map((c) => ({ ...c, updatedAt: c.createdAt }));
    // The same files as the server's export: RFC 4180 CSV with formulas defused, or JSON.
    const text = format === 'json' ? JSON.stringify({ page: page ?? null, responses: responses.map(exportedResponse) }) : `\uFEFF${toCsv(responses)}`;
    return { blob: new Blob([text]), fileName: `responses.${format}` };
  }

  async erase(email: string): Promise<number> {
    this.#check();
    return this.memory.erase(email);
  }

  async outcome(_page: string, section: string): Promise<Outcome | null> {
    this.#check();
    const body = this.memory.outcomes[section];
    return body === undefined ? null : { body, updatedAt: new Date().toISOString() };
  }

  async saveOutcome(_page: string, section: string, body: string): Promise<Outcome> {
    this.#check();
    this.memory.outcomes[section] = body.trim();
    return { body: body.trim(), updatedAt: new Date().toISOString() };
  }

  async consultations(): Promise<ModerationConsultation[]> {
    this.#check();
    const { consultation: told, page } = this.memory;
    if (!told) return [];
    const statusCounts: Record<string, number> = {};
    for (const c of this.memory.all()) if (c.page === page) statusCounts[c.status] = (statusCounts[c.status] ?? 0) + 1;
    const dates = { opensAt: told.opensAt ?? null, closesAt: told.closesAt ?? null };
    return [
      {
        page,
        title: told.title,
        ...dates,
        state: consultationState(dates),
        department: told.department ?? null,
        askOrganisation: told.askOrganisation ?? false,
        contactEmail: told.contactEmail ?? null,
        sections: [],
        updatedAt: told.updatedAt ?? new Date().toISOString(),
        statusCounts,
      },
    ];
  }

  async saveConsultation(page: string, input: ConsultationInput): Promise<ModerationConsultation> {
    this.#check();
    const checked = ConsultationInput.safeParse(input);
    if (!checked.success) throw new ValidationFailedError(fieldsOf(checked.error.issues));
    if (page !== this.memory.page) throw new ValidationFailedError({ page: `This memory backend holds the consultation of ${this.memory.page} only.` });
    this.memory.consultation = { ...checked.data, updatedAt: new Date().toISOString() };
    return (await this.consultations())[0]!;
  }

  async respond(input: OfficialCommentInput): Promise<Comment> {
    this.#check();
    const comment = this.memory.respondAsDepartment(input);
    if (!comment) throw new DepartmentMissingError('The consultation names no department.');
    return comment;
  }

  #check(): void {
    if (this.token !== this.acceptedToken) throw new UnauthorizedError('The moderator token was not accepted.');
    if (this.memory.fail.list) throw new BackendUnavailableError('The memory backend was told to fail (moderation).');
  }
}
