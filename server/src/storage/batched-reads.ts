/**
 * Reads asked for while one is under way wait for the next, which answers all of them in one query;
 * so many requests at once cost one round trip, not one each. Every read is answered by a query sent
 * after it was asked for, never by one already under way, so it sees every write committed before it.
 */
export class BatchedReads<K, V> {
  private queued = new Map<K, { resolve: (value: V) => void; reject: (error: unknown) => void }[]>();
  private running = false;

  constructor(
    private readonly readAll: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  read(key: K): Promise<V> {
    return new Promise((resolve, reject) => {
      const waiting = this.queued.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.queued.set(key, [{ resolve, reject }]);
      if (!this.running) void this.next();
    });
  }

  private async next(): Promise<void> {
    this.running = true;
    while (this.queued.size) {
      const batch = this.queued;
      this.queued = new Map();
      try {
        const values = await this.readAll([...batch.keys()]);
        for (const [key, waiting] of batch) for (const { resolve } of waiting) resolve(values.get(key) ?? this.missing);
      } catch (error) {
        for (const waiting of batch.values()) for (const { reject } of waiting) reject(error);
      }
    }
    this.running = false;
  }
}
