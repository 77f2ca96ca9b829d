import { randomInt } from 'node:crypto';
import { referenceAlphabet } from 'civic-comments/contract';

/** A new reference, such as `CC-7K3M-Q9TX`: eight random characters of Crockford's base 32. */
export function newReference(): string {
  let text = '';
  for (let i = 0; i < 8; i++) text += referenceAlphabet[randomInt(referenceAlphabet.length)];
  return `CC-${text.slice(0, 4)}-${text.slice(4)}`;
}
