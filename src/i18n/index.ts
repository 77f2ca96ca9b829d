import { en } from './en/reader.js';
import type { Strings } from './features/reader.js';

export type { Strings } from './features/reader.js';
export { en };

/** Languages other than English are fetched only by the pages that speak them. */
const loaders: Record<string, () => Promise<Strings>> = {
  cy: () => import('./cy/reader.js').then((module) => module.cy),
};
const loaded: Record<string, Strings> = { en };
const pending = new Map<string, Promise<Strings>>();

/** The primary subtag of a BCP 47 tag that the elements speak: `cy-GB` → `cy`; anything unknown → `en`. */
export function languageOf(lang: string | null | undefined): string {
  const primary = (lang ?? '').toLowerCase().split('-')[0]!;
  return primary in loaders ? primary : 'en';
}

/** The strings of a language when they are here; undefined while they are still on their way. */
export function stringsIfLoaded(language: string): Strings | undefined {
  return loaded[language];
}

/** Fetches a language's strings once; English is always here. */
export function loadStrings(language: string): Promise<Strings> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(language);
  if (!promise) {
    // A language that cannot be fetched falls back to English rather than leaving the reader with nothing.
    promise = (loaders[language] ?? (() => Promise.resolve(en)))()
      .catch(() => en)
      .then((strings) => (loaded[language] = strings));
    pending.set(language, promise);
  }
  return promise;
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
