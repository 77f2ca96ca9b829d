/** NUL, or half of a UTF-16 surrogate pair: text that no database stores as it is. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
export const unstorableText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether any string anywhere in a parsed JSON value, keys included, holds unstorable text. */
export function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return unstorableText.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) => unstorableText.test(key) || holdsUnstorableText(inner));
  }
  return false;
}
