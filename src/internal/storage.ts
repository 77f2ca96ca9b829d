/**
 * Web Storage that never throws: storage can be disabled, full or blocked in a sandboxed frame,
 * and a reader must still be able to comment then, only without drafts.
 */
export function readJson<T>(area: 'local' | 'session', key: string): Partial<T> | undefined {
  try {
    const text = storageArea(area)?.getItem(key);
    const value: unknown = text ? JSON.parse(text) : undefined;
    return value && typeof value === 'object' ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(area: 'local' | 'session', key: string, value: unknown): void {
  try {
    storageArea(area)?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked storage costs the draft, not the comment.
  }
}

export function remove(area: 'local' | 'session', key: string): void {
  try {
    storageArea(area)?.removeItem(key);
  } catch {
    // As above.
  }
}

function storageArea(area: 'local' | 'session'): Storage | undefined {
  return area === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
}

/** A string from stored data, or `fallback` when the stored value is missing or of another type. */
export const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
