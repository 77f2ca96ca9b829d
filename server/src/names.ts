/**
 * Names that people read as the same: the audit log names moderators, so a name that looks like
 * another's ("Аdministrator" with a Cyrillic А, "Priya  Shah", "Priya Shaһ") would let one person's
 * actions pass for another's.
 */

/** Letters of other alphabets drawn like Latin ones (after lower-casing), and Latin look-alikes. */
const lookAlikes: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'l',
  ї: 'l',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ԍ: 'g',
  ѵ: 'v',
  ү: 'y',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  ι: 'l',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  // Latin and digits that are drawn alike
  i: 'l',
  '1': 'l',
  '|': 'l',
  '0': 'o',
  ı: 'l',
  ɡ: 'g',
};

/**
 * What a name looks like, once the differences a reader cannot see are gone: compatibility forms,
 * case, accents, invisible characters, spacing, and letters drawn alike in other alphabets.
 */
export function nameSkeleton(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
  return [...folded]
    .map((character) => lookAlikes[character] ?? character)
    .join('')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

/** Whether a name writes its letters in more than one of the alphabets that share look-alike letters. */
export function mixesAlphabets(name: string): boolean {
  const alphabets = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u, /\p{Script=Cherokee}/u];
  return alphabets.filter((alphabet) => alphabet.test(name)).length > 1;
}
