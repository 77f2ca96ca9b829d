import {
  consultationState,
  limits,
  messagesFor,
  publicComment,
  validateNewComment,
  type Comment,
  type CommentPage,
  type CommentStatus,
  type Consultation,
  type Counts,
  type NewCommentInput,
  type Respondent,
  type ResponseLanguage,
  type Visibility,
} from '../../contract/public.js';
import { answerCounts, type AnswerCounts, type SectionQuestion } from '../../contract/questions.js';
import { referenceAlphabet } from '../../contract/reference.js';
import type { SectionChange, SectionVersion } from '../../contract/versions.js';
import { countsWithAliases, reviseWordings, sectionNamed, versionNow, type KeptSection } from '../../contract/wordings.js';
import { erasedRespondent, hidesAt, isPublic, statusOfNew, statusToldToSender } from '../../contract/rules.js';
import type { CommentsBackend, ListCommentsRequest, PostedComment, PostOptions, RequestOptions } from '../backend.js';
import { BackendUnavailableError, CivicCommentsError, ConsultationClosedError, ValidationFailedError } from '../errors.js';

/** A comment as the memory backend keeps it, with what the public never sees. */
export interface StoredComment extends Comment {
  email: string;
  visibility: Visibility;
  respondent?: Respondent | null;
  lang?: ResponseLanguage | null;
  reference?: string | null;
  /** Readers' reports, as the moderators see them. */
  reports?: { count: number; unreviewed: number; reasons: string[] };
  /** The campaign it belongs to: the in-page store does not group, but a seed may say. */
  campaign?: string | null;
}

/** Reports since a moderator last decided that take a comment out of public view, as the reference server's default. */
const reportsToHide = 3;

/** A comment to start with; what is left out is filled in (published, public, now). */
export type SeedComment = Pick<Comment, 'section' | 'name' | 'body'> & Partial<StoredComment>;

/** Which operations fail on purpose, to show error states. */
export interface MemoryFailures {
  list?: boolean;
  post?: boolean;
  counts?: boolean;
}

export interface MemoryBackendOptions {
  /** The page that seeds without a `page` belong to, and the consultation's; default the current path. */
  page?: string;
  /** Comments to start with, oldest first. */
  comments?: SeedComment[];
  /** `pre`: new public comments wait for approval (the default); `post`: they publish at once. */
  moderation?: 'pre' | 'post';
  /** Milliseconds every request waits before it answers. */
  latency?: number;
  /** Operations that fail, as a backend that is down would. */
  fail?: MemoryFailures;
  /** The page's consultation: its dates decide, by the page's clock, whether posts are taken. */
  consultation?: MemoryConsultation;
  /** Each section's outcome ("you said, we did"), by section. */
  outcomes?: Record<string, string>;
}

/** A consultation as the memory backend is told of it; its state follows from its dates. */
export type MemoryConsultation = Pick<Consultation, 'title'> &
  Partial<Omit<Consultation, 'state' | 'page'>> & {
    /** Seen only by moderators. */
    contactEmail?: string | null;
    /** The sections' titles and questions. */
    sections?: MemorySection[];
    /** Whether, once closed, each section shows how many chose each option. */
    showAnswerCounts?: boolean;
    updatedAt?: string;
  };

/** A section of the in-page consultation, kept as the reference server keeps one. */
export type MemorySection = KeptSection;

/** One wording of a section in the in-page store. */
export interface MemoryWording extends SectionVersion {
  note: string | null;
}

/** A reference in the reference server's form, such as `CC-7K3M-Q9TX`. */
function newReference(): string {
  const text = [...crypto.getRandomValues(new Uint8Array(8))].map((byte) => referenceAlphabet[byte % 32]).join('');
  return `CC-${text.slice(0, 4)}-${text.slice(4)}`;
}

const abortError = () => new DOMException('The request was aborted.', 'AbortError');

/**
 * A backend that lives in the page: for stories, tests and offline demos. It checks new comments
 * with the contract as the reference server does, and can be made slow or failing to show every
 * state. Nothing is kept after the page closes.
 */
export class MemoryBackend implements CommentsBackend {
  /** The page the consultation belongs to, and seeds without a `page` of their own. */
  readonly page: string;
  moderation: 'pre' | 'post';
  latency: number;
  fail: MemoryFailures;
  /** The page's consultation; change its dates to open or close it. */
  consultation: MemoryConsultation | undefined;
  outcomes: Record<string, string>;
  private readonly stored: StoredComment[] = [];
  private readonly answered = new Map<string, { body: string; comment: PostedComment }>();
  /** The comments this page's reader has reported. */
  private readonly reported = new Set<string>();
  private nextId = 1;

  constructor(options: MemoryBackendOptions = {}) {
    this.moderation = options.moderation ?? 'pre';
    this.latency = options.latency ?? 0;
    this.fail = { ...options.fail };
    // Saved as later revisions are, so that its sections' wordings are version 1.
    if (options.consultation) this.reviseConsultation(options.consultation);
    this.outcomes = { ...options.outcomes };
    const page = (this.page = options.page ?? globalThis.location?.pathname ?? '/');
    const start = Date.now() - (options.comments?.length ?? 0) * 60_000;
    options.comments?.forEach((seed, index) => {
      this.stored.push({
        id: seed.id ?? this.newId(),
        page: seed.page ?? page,
        parentId: seed.parentId ?? null,
        createdAt: seed.createdAt ?? new Date(start + index * 60_000).toISOString(),
        status: seed.status ?? 'published',
        email: seed.email ?? 'reader@example.com',
        visibility: seed.visibility ?? 'public',
        section: seed.section,
        name: seed.name,
        organisation: seed.organisation ?? null,
        body: seed.body,
        role: seed.role ?? 'reader',
        reports: seed.reports && { ...seed.reports, reasons: [...seed.reports.reasons] },
        campaign: seed.campaign ?? null,
        answer: seed.answer ?? null,
        respondent: seed.respondent ?? null,
        lang: seed.lang ?? null,
        version: seed.version ?? this.versionOf(seed.section),
      });
    });
  }

  /** Every wording each section has had, oldest first, by section id. */
  readonly wordings = new Map<string, MemoryWording[]>();

  /** The consultation's section an id names: its own id, or one of its aliases. */
  sectionNamed(id: string): MemorySection | undefined {
    return sectionNamed(this.consultation?.sections, id);
  }

  /**
   * Replaces the consultation as the reference server's `PUT` does: a section whose wording
   * changed gets a new version, with the note given, and the one it replaces ends.
   */
  reviseConsultation(next: MemoryConsultation, notes: Record<string, string | null | undefined> = {}): void {
    const now = new Date().toISOString();
    const lastVersions = new Map([...this.wordings].map(([section, history]) => [section, history.at(-1)?.version ?? 0]));
    const { sections, ended, added } = reviseWordings(
      this.consultation?.sections ?? [],
      (next.sections ?? []).map((section) => ({ ...section, note: notes[section.id] ?? null })),
      lastVersions,
    );
    for (const section of ended) {
      const current = this.wordings.get(section)?.at(-1);
      if (current && !current.to) current.to = now;
    }
    for (const { section, note, ...wording } of added)
      this.wordings.set(section, [...(this.wordings.get(section) ?? []), { ...wording, note, from: now, to: null }]);
    this.consultation = { ...next, sections };
  }

  /** The version of a section's wording now, or null while it has none. */
  versionOf(section: string): number | null {
    return versionNow(this.sectionNamed(section));
  }

  async listComments(request: ListCommentsRequest, options: RequestOptions = {}): Promise<CommentPage> {
    await this.answerAfterLatency('list', options.signal);
    // An alias lists the section's one thread, as on the reference server.
    const section = this.sectionNamed(request.section)?.id ?? request.section;
    request = { ...request, section };
    const published = this.stored.filter((c) => c.page === request.page && c.section === section && isPublic(c));
    const limit = Math.min(request.limit ?? limits.listLimitDefault, limits.listLimitMax);
    const start = request.cursor ? Number(request.cursor) || 0 : 0;
    const end = start + limit;
    return {
      comments: published.slice(start, end).map(publicComment),
      nextCursor: end < published.length ? String(end) : null,
      total: published.length,
      outcome: Object.hasOwn(this.outcomes, request.section)
        ? { body: this.outcomes[request.section]!, updatedAt: new Date().toISOString() }
        : null,
      question: this.questionOf(request.section),
      answerCounts: this.#answerCountsOf(request.page, request.section),
      version: this.versionOf(section),
    };
  }

  async postComment(input: NewCommentInput, options: PostOptions = {}): Promise<PostedComment> {
    await this.answerAfterLatency('post', options.signal);
    const key = options.idempotencyKey;
    const fingerprint = JSON.stringify(input);
    const earlier = key ? this.answered.get(key) : undefined;
    if (earlier) {
      // An erased answer no longer knows what was sent, so any retry gets it, as on the server.
      if (earlier.body && earlier.body !== fingerprint) {
        // The error the rest backend raises for the server's 422 idempotency_conflict.
        throw new CivicCommentsError('memory backend answered 422: This Idempotency-Key was already used for a different comment.');
      }
      return earlier.comment;
    }
    const consultation = this.#consultationOf(input.page);
    // A post to an alias is the section's own.
    const named = this.sectionNamed(input.section);
    if (named) input = { ...input, section: named.id };
    const result = validateNewComment(input, consultation, this.questionOf(input.section));
    if (!result.success) throw new ValidationFailedError(messagesFor(result.codes));
    if (consultation && consultation.state !== 'open') {
      throw new ConsultationClosedError(consultation.state, consultation.opensAt, consultation.closesAt);
    }
    const data = result.data;
    const parentId = data.parentId ?? null;
    if (parentId && !this.stored.some((c) => c.id === parentId && c.section === data.section && isPublic(c))) {
      throw new ValidationFailedError(messagesFor({ parentId: 'invalid' }));
    }
    const status: CommentStatus = statusOfNew(data, this.moderation);
    const comment: StoredComment = {
      id: this.newId(),
      page: data.page,
      section: data.section,
      parentId,
      name: data.name,
      organisation: data.respondent === 'organisation' ? data.organisation || null : null,
      body: data.body,
      createdAt: new Date().toISOString(),
      status,
      email: data.email,
      visibility: data.visibility,
      respondent: data.respondent ?? null,
      lang: data.lang ?? null,
      reference: newReference(),
      answer: data.answer?.length ? data.answer : null,
      version: this.versionOf(data.section),
    };
    this.stored.push(comment);
    const answer: PostedComment = { ...publicComment({ ...comment, status: statusToldToSender(status) }), reference: comment.reference! };
    if (key) this.answered.set(key, { body: fingerprint, comment: answer });
    return answer;
  }

  async getComment(id: string, options: RequestOptions = {}): Promise<Comment> {
    await this.answerAfterLatency('list', options.signal);
    const comment = this.stored.find((c) => c.id === id && isPublic(c));
    if (!comment) throw new CivicCommentsError(`memory backend: there is no published comment "${id}"`);
    return publicComment(comment);
  }

  async getCounts(page: string, options: RequestOptions = {}): Promise<Counts> {
    await this.answerAfterLatency('counts', options.signal);
    const bySection = new Map<string, number>();
    for (const c of this.stored) {
      if (c.page === page && isPublic(c)) bySection.set(c.section, (bySection.get(c.section) ?? 0) + 1);
    }
    return {
      page,
      ...countsWithAliases(Object.fromEntries(bySection), this.consultation?.sections),
      consultation: this.#consultationOf(page),
    };
  }

  async getChanges(page: string, options: RequestOptions = {}): Promise<SectionChange[]> {
    await this.answerAfterLatency('list', options.signal);
    if (!this.#consultationOf(page)) return [];
    const changes = [...this.wordings].flatMap(([section, history]) =>
      history.map(({ version, from, note }) => ({ section, title: this.sectionNamed(section)?.title ?? section, version, at: from, note })),
    );
    return changes.sort((a, b) => b.at.localeCompare(a.at) || b.version - a.version);
  }

  async getSectionVersions(page: string, section: string, options: RequestOptions = {}): Promise<SectionVersion[]> {
    await this.answerAfterLatency('list', options.signal);
    const named = this.#consultationOf(page) && this.sectionNamed(section);
    if (!named) throw new CivicCommentsError(`memory backend: there is no section "${section}" on "${page}"`);
    return (this.wordings.get(named.id) ?? []).map(({ version, text, from, to }) => ({ version, text, from, to }));
  }

  /** The question a section of the consultation asks, or null. */
  questionOf(section: string): SectionQuestion | null {
    return this.sectionNamed(section)?.question ?? null;
  }

  /** After the close, when the consultation shows them, how many chose each option, as the server counts them. */
  #answerCountsOf(page: string, section: string): AnswerCounts | null {
    const question = this.questionOf(section);
    if (!question || !this.consultation?.showAnswerCounts || this.#consultationOf(page)?.state !== 'closed') return null;
    const tallies = this.stored
      .filter((c) => c.page === page && c.section === section && c.answer)
      .map((c) => ({ options: c.answer!, status: c.status, count: 1 }));
    return answerCounts(question, tallies);
  }

  /** The consultation as the public sees it, in its state now. */
  #consultationOf(page: string): Consultation | null {
    const told = this.consultation;
    if (!told) return null;
    const dates = { opensAt: told.opensAt ?? null, closesAt: told.closesAt ?? null };
    return {
      page,
      title: told.title,
      ...dates,
      state: consultationState(dates),
      department: told.department ?? null,
      askOrganisation: told.askOrganisation ?? false,
    };
  }

  /**
   * Publishes the department's own response at once, in its name, whatever the consultation's state,
   * as the server's moderation route does; undefined when the consultation names no department.
   */
  respondAsDepartment(input: { page: string; section: string; parentId?: string | null; body: string }): Comment | undefined {
    const department = this.consultation?.department;
    if (!department) return undefined;
    const comment: StoredComment = {
      id: this.newId(),
      page: input.page,
      section: input.section,
      parentId: input.parentId ?? null,
      name: department,
      body: input.body.trim(),
      createdAt: new Date().toISOString(),
      status: 'published',
      email: '',
      visibility: 'public',
      role: 'official',
    };
    this.stored.push(comment);
    return publicComment(comment);
  }

  /**
   * Counts a reader's report of a published comment, with their reason; at three, the comment waits
   * for a moderator again, by the reference server's rule (never the department's own, nor one a
   * moderator kept after reading its reports).
   */
  async reportComment(id: string, reason?: string, options: RequestOptions = {}): Promise<void> {
    await this.answerAfterLatency('post', options.signal);
    const comment = this.stored.find((c) => c.id === id && isPublic(c));
    if (!comment) throw new CivicCommentsError(`memory backend: there is no published comment "${id}"`);
    // The page is one reader's: a second report of the same comment is answered alike and not counted, as on the server.
    if (this.reported.has(id)) return;
    this.reported.add(id);
    const reports = (comment.reports ??= { count: 0, unreviewed: 0, reasons: [] });
    reports.count++;
    reports.unreviewed++;
    if (reason?.trim()) reports.reasons.push(reason.trim());
    if (hidesAt(comment, reportsToHide)) comment.status = 'pending';
  }

  /** Every stored comment, private ones and emails included, as a moderator would see them. */
  all(): StoredComment[] {
    return this.stored.map((c) => ({ ...c, reports: c.reports && { ...c.reports, reasons: [...c.reports.reasons] } }));
  }

  /** Sets a comment's status, as a moderator does; the decision reviews the reports made so far. */
  moderate(id: string, status: CommentStatus): void {
    const comment = this.stored.find((c) => c.id === id);
    if (!comment) throw new Error(`MemoryBackend: no comment with id "${id}"`);
    comment.status = status;
    if (comment.reports) comment.reports.unreviewed = 0;
  }

  /** Moves every response of a page stored under one section to another, as a moderator does; answers how many moved. */
  moveSection(page: string, from: string, to: string): number {
    const moving = this.stored.filter((c) => c.page === page && c.section === from);
    for (const comment of moving) comment.section = to;
    return moving.length;
  }

  /** Deletes a comment, as a moderator does. */
  remove(id: string): void {
    const index = this.stored.findIndex((c) => c.id === id);
    if (index < 0) throw new Error(`MemoryBackend: no comment with id "${id}"`);
    this.stored.splice(index, 1);
  }

  /** Removes a person's name, email and organisation from all their comments, as the server does; returns how many. */
  erase(email: string): number {
    const matching = this.stored.filter((c) => c.email.toLowerCase() === email.toLowerCase());
    for (const comment of matching) Object.assign(comment, erasedRespondent);
    for (const [key, earlier] of this.answered) {
      if (matching.some((c) => c.id === earlier.comment.id))
        this.answered.set(key, { body: '', comment: { ...earlier.comment, name: null, organisation: null } });
    }
    return matching.length;
  }

  private newId(): string {
    return `m${this.nextId++}`;
  }

  private answerAfterLatency(operation: keyof MemoryFailures, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const finish = () => {
        signal?.removeEventListener('abort', onAbort);
        if (this.fail[operation]) reject(new BackendUnavailableError(`The memory backend was told to fail (${operation}).`));
        else resolve();
      };
      const timer = setTimeout(finish, this.latency);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
