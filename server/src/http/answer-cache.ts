import { createHash } from 'node:crypto';

/** A public answer kept as the bytes sent, with the page version it was read at. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  /** The page whose change counter says whether the answer still holds. */
  page: string;
  version: number;
  /** When the answer stops holding whatever the database says, if it ever does. */
  expiresAt?: number;
}

/** What one kept answer costs beyond its body: its key, tag and page, and the map's own entry. */
const entryOverhead = 160;

/**
 * Public answers (list pages, counts, single comments) kept ready as bytes, so that a read whose
 * answer has not changed costs one indexed lookup of the page's change counter rather than the
 * queries, the serialising and the hashing. An answer is used only while its page's counter is
 * where it was when the answer was read; the counter lives in the database, so a write through any
 * instance sharing it shows on the next read through every other. Bounded by bytes: the least
 * recently used answers go first.
 */
export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer & { size: number }>();
  private used = 0;

  constructor(
    /** Bytes the cache may hold, bodies and bookkeeping together. */
    readonly maxBytes: number,
    private readonly versionOf: (page: string) => Promise<number>,
  ) {}

  /** Bytes held now. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The kept answer for this address if its page has not changed since; a changed one is dropped. */
  async fresh(key: string): Promise<CachedAnswer | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && Date.now() >= entry.expiresAt) {
      this.drop(key);
      return undefined;
    }
    const version = await this.versionOf(entry.page);
    // Another request may have replaced the entry meanwhile: only this one is moved or dropped.
    const current = this.entries.get(key) === entry;
    if (version !== entry.version) {
      if (current) this.drop(key);
      return undefined;
    }
    if (current) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Keeps an answer read at `version` of its page (read before the answer's own queries, so that a
   * write landing between them leaves the answer marked old). An older read never replaces a newer.
   */
  keep(key: string, answer: CachedAnswer): void {
    const size = answer.body.length + key.length + answer.page.length + entryOverhead;
    if (size > this.maxBytes) return;
    const existing = this.entries.get(key);
    if (existing && existing.version > answer.version) return;
    if (existing) this.drop(key);
    this.entries.set(key, { ...answer, size });
    this.used += size;
    for (const [oldest] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.size;
  }
}

/** The tag of a public answer: made from its bytes, so it depends only on what the public sees. */
export const etagOf = (body: Buffer | string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** Whether an `If-None-Match` header names this tag. */
export const matches = (ifNoneMatch: string | undefined, etag: string) =>
  Boolean(ifNoneMatch) && ifNoneMatch!.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
