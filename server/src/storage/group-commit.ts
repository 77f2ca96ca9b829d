/** One item's outcome within a batch: stored, or refused on its own without failing the others. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: every item handed in during one turn of the event loop is written by one call of
 * `commit`, so that many posts share one sync to disk. Each caller is answered only once that call
 * has returned, that is once its transaction has committed, so an acknowledged item is stored.
 * A commit that fails as a whole rejects every item of its batch; none of them was stored.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly commit: (items: T[]) => Settled<R>[] | Promise<Settled<R>[]>) {}

  /** Hands an item to the next commit; settles once that commit has. */
  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length === 1) setImmediate(this.flush);
    });
  }

  /** Commits what is waiting now and waits for every commit under way, as a closing store must. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all(this.inFlight);
  }

  private readonly flush = (): void => {
    const batch = this.waiting;
    if (!batch.length) return;
    this.waiting = [];
    const settling = (async () => {
      let settled: Settled<R>[];
      try {
        settled = await this.commit(batch.map(({ item }) => item));
      } catch (error) {
        for (const { reject } of batch) reject(error);
        return;
      }
      settled.forEach((result, i) => {
        if (result.ok) batch[i]!.resolve(result.value);
        else batch[i]!.reject(result.error);
      });
    })();
    this.inFlight.add(settling);
    void settling.finally(() => this.inFlight.delete(settling));
  };
}

/** Runs one item's last step, catching its failure as its own. */
export async function settle<R>(step: () => Promise<R>): Promise<Settled<R>> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    return { ok: false, error };
  }
}
