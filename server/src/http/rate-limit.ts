import { createHmac, randomBytes } from 'node:crypto';

/**
 * Counts posts per client in a sliding window, in memory. Clients are known only by a keyed hash of
 * their address, made with a secret that lives as long as the process, so no address is ever kept.
 * Each server instance counts its own clients: with several instances behind a load balancer, a
 * client may post up to the limit at each of them.
 */
export class RateLimiter {
  private readonly secret = randomBytes(32);
  private readonly hits = new Map<string, number[]>();

  constructor(
    /** Posts allowed per window; 0 turns the limit off. */
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** Seconds to wait before the client may post again, or 0 when it may post now. */
  retryAfter(address: string, now = Date.now()): number {
    if (this.limit <= 0) return 0;
    const recent = this.recent(this.key(address), now);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
  }

  /** Counts one post by the client. */
  record(address: string, now = Date.now()): void {
    if (this.limit <= 0) return;
    const key = this.key(address);
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(now);
  }

  private key(address: string): string {
    return createHmac('sha256', this.secret).update(address).digest('base64url').slice(0, 22);
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((time) => time > now - this.windowMs);
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) {
      if (!times.some((time) => time > now - this.windowMs)) this.hits.delete(key);
    }
  }
}
