/**
 * Work the server does beside its requests (mailing receipts, grouping campaigns): run at once when
 * nudged, again when nudged while running, and every `pollMs` otherwise, never twice at a time.
 */
export class BackgroundTask {
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  #again = false;
  #stopped = false;

  constructor(
    /** Does the work there is, and resolves when there is none left for now. */
    private readonly work: () => Promise<void>,
    private readonly pollMs: number,
    /** Says what could not be done, for the server's log. */
    private readonly what: string,
  ) {}

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Runs the work now, or once more after the run under way. */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.work()
      .catch((error: unknown) => console.error(`civic-comments-server: ${this.what}:`, error))
      .finally(() => {
        this.#running = undefined;
        if (this.#stopped) return;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        } else {
          this.#timer = setTimeout(() => this.nudge(), this.pollMs);
        }
      });
  }

  /** Runs the work now, after any run under way, and resolves once it has finished. */
  async runNow(): Promise<void> {
    while (this.#running) await this.#running;
    this.nudge();
    await this.#running;
  }

  /** Stops, and waits up to `waitMs` for a run under way to finish. */
  async stop(waitMs: number): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.#running, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }
}
