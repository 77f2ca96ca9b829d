import type { Cursor } from './storage/storage.js';

/** Cursors are opaque to clients: the last row's date and id, in base64url. */
export function encodeCursor(cursor: Cursor | null): string | null {
  return cursor ? Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url') : null;
}

/** The cursor a client sent back, or undefined when it is not one of ours. */
export function decodeCursor(text: string): Cursor | undefined {
  const [createdAt, id, ...rest] = Buffer.from(text, 'base64url').toString().split('|');
  return createdAt && id && !rest.length ? { createdAt, id } : undefined;
}
