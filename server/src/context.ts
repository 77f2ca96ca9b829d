import type { Storage } from './storage/storage.js';
import type { AnswerCache } from './http/answer-cache.js';
import type { RateLimiter } from './http/rate-limit.js';

/** What the routes need, handed in by whoever builds the app. */
export interface AppOptions {
  storage: Storage;
  /** The bearer token of the moderation routes. */
  moderatorToken: string;
  /** Origins allowed to write, such as `https://www.example.gov.uk`; `*` allows any. The server's own origin always may. */
  allowedOrigins: string[];
  /** The server's own origin as browsers see it (`PUBLIC_URL`'s); the request's own when unset. */
  publicOrigin?: string;
  /** `pre`: new public comments wait for a moderator (the default); `post`: they are published at once. */
  moderation: 'pre' | 'post';
  /** Posts per client. */
  rateLimiter: RateLimiter;
  /** Readers' reports per client. */
  reportLimiter: RateLimiter;
  /** Receipts per recipient's address an hour: above it, a response is stored and no mail is sent. */
  receiptLimiter?: RateLimiter;
  /** Unreviewed reports that take a comment out of public view until a moderator decides; 0 never does. */
  reportsToHide: number;
  /**
   * Failed moderator sign-ins per token tried from a client (and ten times as many per client, whatever
   * the token); while either is over, even the right token is refused.
   */
  signInLimiter: RateLimiter;
  /** How to tell clients apart for rate limiting: their address. */
  clientAddress: (request: { header: (name: string) => string | undefined; raw: Request }, env: unknown) => string;
  /** Where public answers are kept ready, when they are. */
  answers?: AnswerCache;
  /** The repository's root, to serve the widget's files from (`dist/`, `server/public/`); nothing is served when unset. */
  assetsRoot?: string;
  /** Also serve the demonstration (`demo/`). */
  demo?: boolean;
  /** Set when receipts are mailed: told of each one queued, so that it goes at once. */
  receiptQueued?: () => void;
  /** Told of each response stored, so that it is grouped into its campaign at once. */
  responseStored?: () => void;
}
