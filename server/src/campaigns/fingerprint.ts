import { normaliseCampaignText as normalise } from 'civic-comments/contract';

export { normalise };

/**
 * Near-identical texts, found in constant time per response: a MinHash signature of each text's
 * word shingles, and locality-sensitive hashing over it in bands, so that two texts that share most
 * of their three-word phrases very probably share a band, and texts that do not very probably don't.
 */

/** Hash functions in a signature. */
export const signatureSize = 64;
/**
 * A signature is cut into this many bands of `signatureSize / bands` values each. Two values a
 * band finds, with nine chances in ten, a pair whose similarity is 0.3, and with one in three a
 * pair at 0.1, which the full comparison then sets aside.
 */
export const bands = 32;
const rowsPerBand = signatureSize / bands;
/** Words per shingle: three keeps word order, which topic words alone do not. */
const shingleWords = 3;

/**
 * The estimated share of shingles two texts must have in common (their Jaccard similarity) to be one
 * campaign. Chosen with the corpus in `test/fixtures/campaign-corpus.ts`; `npm run bench` prints
 * precision and recall at this threshold and around it.
 */
export const campaignThreshold = 0.35;

/** FNV-1a over UTF-16 code units: fast, and good enough to feed the mixing below. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over every output bit. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed per hash function, fixed so that every instance and every restart agrees. */
const seeds = Array.from({ length: signatureSize }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** A text's MinHash signature: for each hash function, the least hash of any of its shingles. */
export function signature(text: string): Uint32Array {
  const words = normalise(text).split(' ').filter(Boolean);
  const result = new Uint32Array(signatureSize).fill(0xffffffff);
  if (!words.length) return result;
  const count = Math.max(1, words.length - shingleWords + 1);
  for (let start = 0; start < count; start++) {
    const base = fnv1a(words.slice(start, start + shingleWords).join(' '));
    for (let i = 0; i < signatureSize; i++) {
      const hash = mix(base ^ seeds[i]!);
      if (hash < result[i]!) result[i] = hash;
    }
  }
  return result;
}

/** The estimated Jaccard similarity of two texts: the share of their signatures that agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < signatureSize; i++) if (a[i] === b[i]) same++;
  return same / signatureSize;
}

/** A signature as stored: hexadecimal, eight characters a value. */
export const encodeSignature = (values: Uint32Array) => Array.from(values, (v) => v.toString(16).padStart(8, '0')).join('');

export function decodeSignature(text: string): Uint32Array {
  const values = new Uint32Array(signatureSize);
  for (let i = 0; i < signatureSize; i++) values[i] = Number.parseInt(text.slice(i * 8, i * 8 + 8), 16);
  return values;
}

/**
 * The signature's band keys within a scope (a page): texts with a key in common are candidates,
 * compared in full before they are grouped.
 */
export function bandKeys(values: Uint32Array, scope: string): string[] {
  const scopeHash = fnv1a(scope).toString(36);
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let hash = band;
    for (let row = 0; row < rowsPerBand; row++) hash = mix(hash ^ values[band * rowsPerBand + row]!);
    keys.push(`${scopeHash}.${band}.${hash.toString(36)}`);
  }
  return keys;
}
