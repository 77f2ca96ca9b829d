import { createHmac } from 'node:crypto';
import { MemoryHitCounter, type HitCounter } from '../storage/hit-counter.js';

export interface RateLimiterOptions {
  /** Where hits are counted: in memory for one instance, or in the database shared by every instance. */
  counter?: HitCounter;
  /** The window the limit applies to; 60 seconds unless told. */
  windowMs?: number;
  /** Keeps this limit's counts apart from another's on the same counter. */
  name?: string;
}

/**
 * Allows each client `limit` actions per fixed window. A hit is counted and checked in one atomic
 * step, so simultaneous requests cannot all slip under the limit; with the database's counter the
 * limit holds across every instance. Clients are known only by a keyed hash of their address (the
 * key is the counter's secret), so no address is ever kept.
 */
export class RateLimiter {
  readonly counter: HitCounter;
  readonly windowMs: number;
  readonly name: string;

  constructor(
    /** Actions allowed per window; 0 turns the limit off. */
    readonly limit: number,
    options: RateLimiterOptions = {},
  ) {
    this.counter = options.counter ?? new MemoryHitCounter();
    this.windowMs = options.windowMs ?? 60_000;
    this.name = options.name ?? 'posts';
  }

  /** Counts one action by the client; answers the seconds it must wait when that action is over the limit, else 0. */
  async take(address: string, now = Date.now()): Promise<number> {
    if (this.limit <= 0) return 0;
    const start = this.windowStart(now);
    const hits = await this.counter.hit(this.key(address), start, start + this.windowMs);
    return hits > this.limit ? this.wait(start, now) : 0;
  }

  /** The seconds the client must wait before its next action counts, without counting one. */
  async retryAfter(address: string, now = Date.now()): Promise<number> {
    if (this.limit <= 0) return 0;
    const start = this.windowStart(now);
    const hits = await this.counter.count(this.key(address), start);
    return hits >= this.limit ? this.wait(start, now) : 0;
  }

  private windowStart(now: number): number {
    return now - (now % this.windowMs);
  }

  private wait(start: number, now: number): number {
    return Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
  }

  private key(address: string): string {
    return `${this.name}:${createHmac('sha256', this.counter.secret).update(address).digest('base64url').slice(0, 22)}`;
  }
}
