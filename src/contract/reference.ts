/**
 * References: what a respondent is given to quote when they write about a response, such as
 * `CC-7K3M-Q9TX`. Eight characters of Crockford's base 32 (no I, L, O or U, so nothing reads as
 * another character aloud or on paper): forty random bits, a million million of them.
 */
export const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference as the server writes it. */
export const referencePattern = /^CC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A reference as someone typed or read it, written as the server writes it: case, spaces and
 * hyphens do not matter, the prefix may be left out, and O, I and L are read as 0, 1 and 1.
 * Undefined when it cannot be one.
 */
export function normaliseReference(typed: string): string | undefined {
  let text = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (text.length === 10 && text.startsWith('CC')) text = text.slice(2);
  text = text.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== 8 || [...text].some((character) => !referenceAlphabet.includes(character))) return undefined;
  return `CC-${text.slice(0, 4)}-${text.slice(4)}`;
}
