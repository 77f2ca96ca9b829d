import { BackgroundTask } from '../background.js';
import type { Storage } from '../storage/storage.js';
import type { Fingerprinted } from './assign.js';
import { bandKeys, encodeSignature, normalise, signature } from './fingerprint.js';

/** Responses grouped per transaction. */
const batch = 500;
/** How long shutting down waits for a batch under way. */
const stopWaitMs = 1000;

/**
 * A stored response's fingerprint and band keys. The department's own responses are never grouped,
 * and nor is a text with no letters or digits: "!!!" and "..." are not one opinion.
 */
export function fingerprinted(response: { id: string; page: string; body: string; role: string }): Fingerprinted {
  if (response.role !== 'reader' || !normalise(response.body)) return { id: response.id, fingerprint: '', bands: [] };
  const values = signature(response.body);
  return { id: response.id, fingerprint: encodeSignature(values), signature: values, bands: bandKeys(values, response.page) };
}

/**
 * Groups responses into campaigns as they arrive: each new response is nudged in, fingerprinted
 * and compared with the near-identical ones before it on the same page, out of the request's way,
 * so that a post is answered before it is grouped. Responses stored before campaigns existed, or
 * while the server was down, are grouped the same way at start. One instance groups at a time.
 */
export class CampaignGrouper {
  readonly #task: BackgroundTask;

  constructor(
    private readonly storage: Storage,
    pollMs = 5000,
  ) {
    this.#task = new BackgroundTask(() => this.#groupAll(), pollMs, 'campaigns could not be grouped');
  }

  start(): void {
    this.#task.nudge();
  }

  /** Groups what has arrived: called after each stored response. */
  nudge(): void {
    this.#task.nudge();
  }

  stop(): Promise<void> {
    return this.#task.stop(stopWaitMs);
  }

  /** Groups every response not yet grouped, after any run under way, and resolves once done. */
  groupNow(): Promise<void> {
    return this.#task.runNow();
  }

  async #groupAll(): Promise<void> {
    for (;;) {
      const waiting = await this.storage.ungrouped(batch);
      if (!waiting.length || this.#task.stopped) return;
      // Another instance is grouping: it takes these too.
      if (!(await this.storage.groupCampaigns(waiting.map(fingerprinted)))) return;
    }
  }
}
