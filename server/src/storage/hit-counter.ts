import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';

/**
 * Counts hits per key in fixed windows, for rate limits. Each storage driver provides one: SQLite's
 * lives in the process (one process writes a SQLite file), PostgreSQL's in the database, shared by
 * every instance.
 */
export interface HitCounter {
  /** The key that turns addresses into hashes; the same on every instance that shares the counter. */
  readonly secret: Buffer;
  /** Adds one hit to `key` in the window starting at `windowStart` and answers the hits so far, this one included, in one atomic step. */
  hit(key: string, windowStart: number, windowEnd: number): Promise<number>;
  /** The hits so far in the window, adding none. */
  count(key: string, windowStart: number): Promise<number>;
}

/** Hits counted in this process's memory; old windows are swept as new ones open. */
export class MemoryHitCounter implements HitCounter {
  constructor(readonly secret: Buffer = randomBytes(32)) {}

  private readonly windows = new Map<string, { start: number; end: number; hits: number }>();
  private sweptAt = 0;

  async hit(key: string, windowStart: number, windowEnd: number): Promise<number> {
    this.sweep(windowStart);
    const window = this.windows.get(key);
    if (window && window.start === windowStart) return ++window.hits;
    this.windows.set(key, { start: windowStart, end: windowEnd, hits: 1 });
    return 1;
  }

  async count(key: string, windowStart: number): Promise<number> {
    const window = this.windows.get(key);
    return window && window.start === windowStart ? window.hits : 0;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, window] of this.windows) if (window.end <= now) this.windows.delete(key);
  }
}

/** Rate-limit hits in a table: one upsert counts and answers atomically, for every instance at once. */
export class PostgresHitCounter implements HitCounter {
  private sweptAt = 0;

  constructor(
    private readonly sql: postgres.Sql,
    readonly secret: Buffer,
  ) {}

  async hit(key: string, windowStart: number, windowEnd: number): Promise<number> {
    if (windowStart - this.sweptAt > 60_000) {
      this.sweptAt = windowStart;
      await this.sql.unsafe('DELETE FROM rate_limits WHERE window_end < $1', [windowStart]);
    }
    const [row] = await this.sql.unsafe(
      `INSERT INTO rate_limits (key, window_start, window_end, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits`,
      [key, windowStart, windowEnd],
    );
    return Number(row!.hits);
  }

  async count(key: string, windowStart: number): Promise<number> {
    const [row] = await this.sql.unsafe('SELECT hits FROM rate_limits WHERE key = $1 AND window_start = $2', [key, windowStart]);
    return Number(row?.hits ?? 0);
  }
}
