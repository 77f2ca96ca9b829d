/**
 * A random key (128 bits, in hex) that makes a retried submission count once. Built from
 * `getRandomValues` rather than `randomUUID`, which pages served over plain HTTP do not have.
 */
export const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
