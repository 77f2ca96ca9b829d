import { cy } from './cy.js';
import { en } from './en.js';
import type { Strings } from './strings.js';

export type { Strings } from './strings.js';
export { en, cy };

/** The languages the elements speak, by primary language subtag. */
export const languages: Record<string, Strings> = { en, cy };

/** The strings for a BCP 47 tag such as `cy` or `cy-GB`; English when the language is not known. */
export function stringsFor(lang: string | null | undefined): Strings {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  return languages[primary] ?? en;
}

/**
 * The `lang` that applies to an element: its own, or the nearest ancestor's, looking through
 * shadow roots to their hosts, as the browser does for `:lang()`.
 */
export function closestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}
