import * as z from 'zod/mini';
import {
  AuditPage,
  CommentPage,
  ConsultationList,
  CreatedComment,
  EraseResult,
  ModerationComment,
  ModerationPage,
  Moderator,
  Overview,
  SavedConsultation,
  SavedOutcome,
  MovedThread,
  OrphanedThreads,
  type OrphanedThread,
  type AuditQuery,
  type Comment,
  type ConsultationInput,
  type ModerationConsultation,
  type ModerationQuery,
  type OfficialCommentInput,
  type Outcome,
  type StatusUpdate,
} from '../../contract/index.js';
import {
  DepartmentMissingError,
  UnauthorizedError,
  type CampaignDecided,
  type ExportFile,
  type ExportFormat,
  type ModerationBackend,
} from '../moderation.js';
import {
  HTTPError,
  absoluteEndpoint,
  apiClient,
  checked,
  explain,
  refusalBody,
  refusalCode,
  type ApiClient,
  type Schema,
} from './client.js';

const Updated = z.object({ comment: ModerationComment });
const SignedIn = z.object({ moderator: Moderator });
/** The answer to deciding a campaign, as `CampaignDecided` describes it. */
const CampaignDecidedAnswer = z.object({ changed: z.number(), unseen: z.number() });

/** A query's filled-in parameters, as search parameters. */
const searchParamsOf = (query: object) =>
  Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== ''),
  );

/** The reference server's moderation routes, with the moderator token on every request. */
export class ModerationClient implements ModerationBackend {
  readonly endpoint: string;
  #api: ApiClient;

  constructor(options: { endpoint: string; token: string; timeout?: number }) {
    this.endpoint = absoluteEndpoint(options.endpoint);
    this.#api = apiClient(this.endpoint, { timeout: options.timeout, headers: { Authorization: `Bearer ${options.token}` } });
  }

  async me(): Promise<Moderator> {
    return (await this.#call('moderation/me', SignedIn, () => this.#api('moderation/me'))).moderator;
  }

  /** The queue, newest first, filtered; `statusCounts` counts every status under the other filters. */
  list(query: ModerationQuery): Promise<ModerationPage> {
    return this.#call('moderation/comments', ModerationPage, () =>
      this.#api('moderation/comments', { searchParams: searchParamsOf(query) }),
    );
  }

  setCampaignStatus(
    campaign: string,
    status: StatusUpdate['status'],
    from: ModerationComment['status'] | undefined,
    seen: string[],
  ): Promise<CampaignDecided> {
    const path = `moderation/campaigns/${encodeURIComponent(campaign)}`;
    return this.#call(path, CampaignDecidedAnswer, () => this.#api(path, { method: 'PATCH', json: { status, from, seen } }));
  }

  overview(page: string): Promise<Overview> {
    return this.#call('moderation/overview', Overview, () => this.#api('moderation/overview', { searchParams: { page } }));
  }

  audit(query: AuditQuery): Promise<AuditPage> {
    return this.#call('moderation/audit', AuditPage, () => this.#api('moderation/audit', { searchParams: searchParamsOf(query) }));
  }

  exportAudit(query: AuditQuery): Promise<ExportFile> {
    return this.#file('moderation/audit', { ...searchParamsOf(query), format: 'csv' }, 'audit-log.csv');
  }

  async setStatus(id: string, status: StatusUpdate['status']): Promise<ModerationComment> {
    const path = `moderation/comments/${encodeURIComponent(id)}`;
    return (await this.#call(path, Updated, () => this.#api(path, { method: 'PATCH', json: { status } }))).comment;
  }

  async remove(id: string): Promise<void> {
    const path = `moderation/comments/${encodeURIComponent(id)}`;
    try {
      await this.#api(path, { method: 'DELETE' });
    } catch (error) {
      throw await this.#explain(path, error);
    }
  }

  /** Every response of a page (or of all pages) as the server's CSV or JSON file, or a zip for Consult. */
  export(page: string | undefined, format: ExportFormat, onProgress?: (bytes: number) => void): Promise<ExportFile> {
    const fileName = format === 'consult' ? 'consult.zip' : `responses.${format}`;
    return this.#file('moderation/export', searchParamsOf({ format, page }), fileName, onProgress);
  }

  /** A file the server makes, named as the server names it; read part by part, saying how much has come, when asked. */
  async #file(
    path: string,
    searchParams: Record<string, string | number>,
    fallbackName: string,
    onProgress?: (bytes: number) => void,
  ): Promise<ExportFile> {
    try {
      // The time limit is the headers': the server sends them at once and the file as it reads it.
      const response = await this.#api(path, { searchParams });
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
      const type = response.headers.get('Content-Type') ?? '';
      if (!onProgress || !response.body) return { blob: await response.blob(), fileName };
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      const reader = response.body.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        parts.push(part.value as Uint8Array<ArrayBuffer>);
        bytes += part.value.byteLength;
        onProgress(bytes);
      }
      return { blob: new Blob(parts, { type }), fileName };
    } catch (error) {
      throw await this.#explain(path, error);
    }
  }

  /** Removes a person's name and email from all their responses; resolves to how many. */
  async erase(email: string): Promise<number> {
    return (await this.#call('moderation/erase', EraseResult, () => this.#api('moderation/erase', { method: 'POST', json: { email } })))
      .erased;
  }

  /** Every consultation, most recently changed first, with its responses counted by status. */
  async consultations(): Promise<ModerationConsultation[]> {
    return (await this.#call('moderation/consultations', ConsultationList, () => this.#api('moderation/consultations'))).consultations;
  }

  /** Creates or replaces a page's consultation; a later `closesAt` extends or reopens it. */
  async saveConsultation(page: string, input: ConsultationInput): Promise<ModerationConsultation> {
    const path = `moderation/consultations/${encodeURIComponent(page)}`;
    return (await this.#call(path, SavedConsultation, () => this.#api(path, { method: 'PUT', json: input }))).consultation;
  }

  /** Publishes the department's own response, a reply or a comment of its own, at once and in its name. */
  async respond(input: OfficialCommentInput): Promise<Comment> {
    return (
      await this.#call('moderation/comments', CreatedComment, () => this.#api('moderation/comments', { method: 'POST', json: input }))
    ).comment;
  }

  /** What the department has said it did with a section's comments: read as readers read it. */
  async outcome(page: string, section: string): Promise<Outcome | null> {
    const searchParams = { page, section, limit: 1 };
    return (await this.#call('comments', CommentPage, () => this.#api('comments', { searchParams }))).outcome ?? null;
  }

  /** Publishes or replaces what the department did with a section's comments. */
  async saveOutcome(page: string, section: string, body: string): Promise<Outcome> {
    const path = `moderation/outcomes/${encodeURIComponent(page)}/${encodeURIComponent(section)}`;
    return (await this.#call(path, SavedOutcome, () => this.#api(path, { method: 'PUT', json: { body } }))).outcome;
  }

  async orphans(page: string): Promise<OrphanedThread[]> {
    const path = `moderation/consultations/${encodeURIComponent(page)}/orphans`;
    return (await this.#call(path, OrphanedThreads, () => this.#api(path))).orphans;
  }

  async moveOrphan(page: string, section: string, to: string): Promise<number> {
    const path = `moderation/consultations/${encodeURIComponent(page)}/orphans/${encodeURIComponent(section)}/move`;
    return (await this.#call(path, MovedThread, () => this.#api(path, { method: 'POST', json: { to } }))).moved;
  }

  #call<T>(path: string, schema: Schema<T>, send: () => Promise<Response>): Promise<T> {
    return checked(`${this.endpoint}api/v1/${path}`, schema, send, explainModeration);
  }

  #explain(path: string, error: unknown): Promise<unknown> {
    return explainModeration(`${this.endpoint}api/v1/${path}`, error);
  }
}

/** As for readers, but a refused token is an `UnauthorizedError`, which sends the moderator back to sign in. */
async function explainModeration(where: string, error: unknown): Promise<unknown> {
  if (error instanceof HTTPError && error.response.status === 401) {
    return new UnauthorizedError('The moderator token was not accepted.', { cause: error });
  }
  if (error instanceof HTTPError && (await refusalCode(error)) === 'department_missing') {
    const { message } = (await refusalBody(error)) as { message?: string };
    return new DepartmentMissingError(message ?? 'The consultation names no department.', { cause: error });
  }
  return explain(where, error);
}
