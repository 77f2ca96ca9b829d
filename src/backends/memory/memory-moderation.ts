import {
  auditCsv,
  ConsultationInput,
  overviewFigures,
  type Overview,
  type OverviewAnswer,
  type OverviewCount,
  consultationState,
  exportedResponse,
  fieldsOf,
  normaliseReference,
  toCsv,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  type Comment,
  type Moderator,
  type ModerationConsultation,
  type ModerationComment,
  type ModerationPage,
  type ModerationQuery,
  type OfficialCommentInput,
  type Outcome,
  type OrphanedThread,
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
import { campaignChanges, mayTakeStatus } from '../../contract/rules.js';
import { optionInUseMessage, optionsTakenAway } from '../../contract/questions.js';
import { BackendUnavailableError, CivicCommentsError, ValidationFailedError } from '../errors.js';
import type { MemoryBackend } from './memory-backend.js';

/** Each memory backend's audit log, newest last: it outlives the console's sign-ins. */
const auditLogs = new WeakMap<MemoryBackend, AuditEntry[]>();

/**
 * The moderation console's backend over an in-page `MemoryBackend`, for stories and offline
 * demonstrations: `console.backendFor = (token) => new MemoryModeration(memory, token)`.
 * It accepts one token (`demo` unless told otherwise), signed in as `moderatorName`, and fails
 * when the memory backend's `list` is told to fail. It holds one consultation, that of the memory
 * backend's page, and keeps an audit log of what is done through it.
 */
export class MemoryModeration implements ModerationBackend {
  constructor(
    readonly memory: MemoryBackend,
    readonly token: string,
    readonly acceptedToken = 'demo',
    readonly moderatorName = 'Demonstration moderator',
  ) {}

  /** The memory backend's audit log, oldest first. */
  get log(): AuditEntry[] {
    let log = auditLogs.get(this.memory);
    if (!log) auditLogs.set(this.memory, (log = []));
    return log;
  }

  #record(entry: Partial<AuditEntry> & Pick<AuditEntry, 'action'>): void {
    this.log.push({
      id: String(this.log.length + 1),
      at: new Date().toISOString(),
      moderator: this.moderatorName,
      commentId: null,
      reference: null,
      page: null,
      section: null,
      from: null,
      to: null,
      ...entry,
    });
  }

  async overview(page: string): Promise<Overview> {
    this.#check();
    const counts: OverviewCount[] = this.memory
      .all()
      .filter((c) => c.page === page && c.role !== 'official' && c.status !== 'spam')
      .map((c) => ({
        section: c.section,
        visibility: c.visibility,
        status: c.status,
        respondent: c.respondent ?? null,
        lang: c.lang ?? null,
        hour: c.createdAt.slice(0, 13),
        n: 1,
      }));
    const answers: OverviewAnswer[] = this.memory
      .all()
      .filter((c) => c.page === page && c.role !== 'official' && c.status !== 'spam' && c.answer?.length)
      .map((c) => ({ section: c.section, options: c.answer!, respondent: c.respondent ?? null, n: 1 }));
    const consultation = (await this.consultations()).find((c) => c.page === page) ?? null;
    return { page, consultation, ...overviewFigures(counts, consultation?.sections ?? [], answers) };
  }

  async me(): Promise<Moderator> {
    this.#check();
    return { name: this.moderatorName, administrator: false, role: 'moderator' };
  }

  async audit(query: AuditQuery): Promise<AuditPage> {
    this.#check();
    const reference = query.comment && normaliseReference(query.comment);
    const matching = this.log
      .filter(
        (e) =>
          (!query.moderator || e.moderator.toLowerCase() === query.moderator.toLowerCase()) &&
          (!query.action || e.action === query.action) &&
          (!query.page || e.page === query.page) &&
          (!query.comment || e.commentId === query.comment || (reference !== undefined && e.reference === reference)),
      )
      .reverse();
    const start = Number(query.cursor ?? 0);
    const limit = Number(query.limit ?? 50);
    return {
      entries: matching.slice(start, start + limit),
      nextCursor: start + limit < matching.length ? String(start + limit) : null,
      total: matching.length,
      moderators: [...new Set(this.log.map((e) => e.moderator))].sort(),
    };
  }

  async exportAudit(query: AuditQuery): Promise<ExportFile> {
    const { entries } = await this.audit({ ...query, cursor: undefined, limit: this.log.length || 1 });
    return { blob: new Blob([`\uFEFF${auditCsv(entries)}`]), fileName: 'audit-log.csv' };
  }

  async list(query: ModerationQuery): Promise<ModerationPage> {
    this.#check();
    const stored = this.memory.all().map((comment): ModerationComment => ({ ...comment, updatedAt: comment.createdAt }));
    const matching = stored.filter(
      (c) =>
        (!query.page || c.page === query.page) &&
        (!query.section || c.section === query.section) &&
        (!query.visibility || c.visibility === query.visibility) &&
        (!query.reference || c.reference === normaliseReference(query.reference)) &&
        (!query.email || c.email.toLowerCase() === query.email.trim().toLowerCase()) &&
        (!query.reported || (c.reports?.unreviewed ?? 0) > 0) &&
        (!query.campaign || c.campaign === query.campaign) &&
        // The in-page store sends no receipts: none is pending, sent or failed.
        !query.receipt,
    );
    const statusCounts: Record<string, number> = {};
    for (const c of matching) statusCounts[c.status] = (statusCounts[c.status] ?? 0) + 1;
    const reportedCount = matching.filter((c) => (c.reports?.unreviewed ?? 0) > 0).length;
    const sizes = new Map<string, number>();
    for (const c of stored) if (c.campaign) sizes.set(c.campaign, (sizes.get(c.campaign) ?? 0) + 1);
    const listed = matching.filter((c) => !query.status || c.status === query.status).reverse();
    // Each campaign once, as its newest response, as the reference server lists it.
    const together = new Map<string, number>();
    for (const c of listed) if (c.campaign) together.set(c.campaign, (together.get(c.campaign) ?? 0) + 1);
    const seen = new Set<string>();
    const shown = listed.flatMap((c): ModerationComment[] => {
      if (!c.campaign) return [c];
      const withSize = { ...c, campaignSize: sizes.get(c.campaign) };
      if (query.campaign) return [withSize];
      if (seen.has(c.campaign)) return [];
      seen.add(c.campaign);
      const count = together.get(c.campaign)!;
      return [count > 1 ? { ...withSize, shownTogether: count } : withSize];
    });
    const start = Number(query.cursor ?? 0);
    const limit = Number(query.limit ?? 50);
    return {
      comments: shown.slice(start, start + limit),
      nextCursor: start + limit < shown.length ? String(start + limit) : null,
      total: shown.length,
      statusCounts,
      reportedCount,
    };
  }

  async setStatus(id: string, status: StatusUpdate['status']): Promise<ModerationComment> {
    this.#check();
    const found = this.memory.all().find((c) => c.id === id);
    // The error the moderation client raises for the server's 409 private_response.
    if (found && !mayTakeStatus(found, status))
      throw new CivicCommentsError(
        'memory backend answered 409: This response was sent privately to the department: it is never published.',
      );
    const before = found?.status;
    this.memory.moderate(id, status);
    const comment = this.memory.all().find((c) => c.id === id)!;
    if (before !== status) this.#record({ action: 'status', ...about(comment), from: before ?? null, to: status });
    return { ...comment, updatedAt: new Date().toISOString() };
  }

  async setCampaignStatus(
    campaign: string,
    status: StatusUpdate['status'],
    from: ModerationComment['status'] | undefined,
    seen: string[],
  ): Promise<CampaignDecided> {
    this.#check();
    const { change, unseen } = campaignChanges(
      this.memory.all().filter((c) => c.campaign === campaign),
      { status, from, seen },
    );
    for (const member of change) await this.setStatus(member.id, status);
    return { changed: change.length, unseen };
  }

  async remove(id: string): Promise<void> {
    this.#check();
    const comment = this.memory.all().find((c) => c.id === id);
    this.memory.remove(id);
    if (comment) this.#record({ action: 'delete', ...about(comment), from: comment.status });
  }

  async export(page: string | undefined, format: ExportFormat, onProgress?: (bytes: number) => void): Promise<ExportFile> {
    this.#check();
    if (format === 'consult')
      throw new ValidationFailedError({ format: 'The in-page store makes no Consult export: that is the reference server’s.' });
    const responses = this.memory
      .all()
      .filter((c) => !page || c.page === page)
      .map((c) => ({ ...c, updatedAt: c.createdAt }));
    const questionOf = (response: { section: string }) => this.memory.questionOf(response.section);
    // The same files as the server's export: RFC 4180 CSV with formulas defused, or JSON.
    const text =
      format === 'json'
        ? JSON.stringify({ page: page ?? null, responses: responses.map((response) => exportedResponse(response, questionOf)) })
        : `\uFEFF${toCsv(responses, questionOf)}`;
    const blob = new Blob([text]);
    // Made at once in the page: all of it has come.
    onProgress?.(blob.size);
    return { blob, fileName: `responses.${format}` };
  }

  async erase(email: string): Promise<number> {
    this.#check();
    for (const comment of this.memory.all())
      if (comment.email.toLowerCase() === email.toLowerCase()) this.#record({ action: 'erase', ...about(comment) });
    return this.memory.erase(email);
  }

  async outcome(_page: string, section: string): Promise<Outcome | null> {
    this.#check();
    const body = this.memory.outcomes[section];
    return body === undefined ? null : { body, updatedAt: new Date().toISOString() };
  }

  async saveOutcome(_page: string, section: string, body: string): Promise<Outcome> {
    this.#check();
    const before = this.memory.outcomes[section];
    this.memory.outcomes[section] = body.trim();
    if (before !== body.trim()) this.#record({ action: 'outcome', page: this.memory.page, section, from: before ?? null, to: body.trim() });
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
        showAnswerCounts: told.showAnswerCounts ?? false,
        sections: (told.sections ?? []).map((section) => ({
          id: section.id,
          title: section.title,
          question: section.question ?? null,
          aliases: section.aliases ?? [],
          text: section.text ?? null,
          version: this.memory.versionOf(section.id),
        })),
        updatedAt: told.updatedAt ?? new Date().toISOString(),
        statusCounts,
      },
    ];
  }

  async saveConsultation(page: string, input: ConsultationInput): Promise<ModerationConsultation> {
    this.#check();
    const checked = ConsultationInput.safeParse(input);
    if (!checked.success) throw new ValidationFailedError(fieldsOf(checked.error.issues));
    if (page !== this.memory.page)
      throw new ValidationFailedError({ page: `This memory backend holds the consultation of ${this.memory.page} only.` });
    for (const { section, field, options } of optionsTakenAway(this.memory.consultation?.sections ?? [], checked.data.sections ?? [])) {
      const answered = this.memory.all().filter((c) => c.page === page && c.section === section && c.answer);
      const option = options.find((each) => answered.some((c) => c.answer!.includes(each)));
      if (option) throw new ValidationFailedError({ [field]: optionInUseMessage(option, section) });
    }
    // Each section's note goes with its new wording, as the reference server keeps it, not in the record.
    const notes = Object.fromEntries((checked.data.sections ?? []).map((section) => [section.id, section.note]));
    const sections = (checked.data.sections ?? []).map(({ note: _note, ...section }) => section);
    this.memory.reviseConsultation({ ...checked.data, sections, updatedAt: new Date().toISOString() }, notes);
    this.#record({ action: 'consultation', page, to: JSON.stringify(checked.data) });
    return (await this.consultations())[0]!;
  }

  async orphans(page: string): Promise<OrphanedThread[]> {
    this.#check();
    const threads = new Map<string, OrphanedThread>();
    for (const comment of this.memory.all()) {
      if (comment.page !== page || this.memory.sectionNamed(comment.section)) continue;
      const thread = threads.get(comment.section);
      threads.set(comment.section, {
        section: comment.section,
        count: (thread?.count ?? 0) + 1,
        newest: thread && thread.newest > comment.createdAt ? thread.newest : comment.createdAt,
      });
    }
    return [...threads.values()].sort((a, b) => (a.newest < b.newest ? 1 : -1));
  }

  async moveOrphan(page: string, section: string, to: string): Promise<number> {
    this.#check();
    // The errors the moderation client raises for the server's refusals.
    if (this.memory.sectionNamed(section))
      throw new CivicCommentsError(
        `memory backend answered 409: "${section}" is a section of this consultation: its thread is not orphaned.`,
      );
    if (!this.memory.consultation?.sections?.some((each) => each.id === to))
      throw new ValidationFailedError({ to: 'Select one of the consultation’s sections' });
    const moved = this.memory.moveSection(page, section, to);
    if (!moved) throw new CivicCommentsError('memory backend answered 404: There are no responses under that section of this page.');
    this.#record({ action: 'move', page, section: to, from: section, to: `${to} (${moved})` });
    return moved;
  }

  async respond(input: OfficialCommentInput): Promise<Comment> {
    this.#check();
    const comment = this.memory.respondAsDepartment(input);
    if (!comment) throw new DepartmentMissingError('The consultation names no department.');
    this.#record({ action: 'official-response', ...about(comment), to: comment.body });
    return comment;
  }

  #check(): void {
    if (this.token !== this.acceptedToken) throw new UnauthorizedError('The moderator token was not accepted.');
    if (this.memory.fail.list) throw new BackendUnavailableError('The memory backend was told to fail (moderation).');
  }
}

/** The response an audit entry is about. */
const about = (comment: Comment & { reference?: string | null }) => ({
  commentId: comment.id,
  reference: comment.reference ?? null,
  page: comment.page,
  section: comment.section,
});
