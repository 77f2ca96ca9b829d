import type { Consultation } from '../contract/public.js';
import { printCy } from '../i18n/cy/print.js';
import { printEn } from '../i18n/en/print.js';
import type { Strings } from '../i18n/features/reader.js';

/** Marks what stays on paper: `keep` on the section, `path` on its ancestors. Everything else is hidden. */
const mark = 'data-civic-print';
/** The lines above a printed section that say where it came from: on paper only. */
const header = 'data-civic-print-header';
let sheet: CSSStyleSheet | undefined;

/** The thread being printed, as printing reads it: its words. */
export interface PrintedThread extends Element {
  readonly strings: Strings;
}

function unmark(): void {
  for (const element of document.querySelectorAll(`[${mark}]`)) element.removeAttribute(mark);
  for (const element of document.querySelectorAll(`[${header}]`)) element.remove();
}

/**
 * A section on paper says where it came from, since the page around it is not printed: the
 * consultation (or the page's title) and its department, the page's address and the day.
 */
function fromLines(thread: PrintedThread, consultation: Consultation | null): HTMLElement {
  const words = thread.strings.locale === 'cy' ? printCy : printEn;
  const lines = document.createElement('div');
  lines.setAttribute(mark, 'keep');
  lines.setAttribute(header, '');
  const address = location.href.replace(/#.*$/, '');
  for (const text of [
    words.from(consultation?.title || document.title || location.hostname, consultation?.department ?? null),
    words.printedFrom(address, thread.strings.formatDate(new Date())),
  ]) {
    const line = document.createElement('p');
    line.textContent = text;
    lines.append(line);
  }
  return lines;
}

/** The nearest heading before `element` among its siblings: where its section starts, in flat markup. */
function headingBefore(element: Element): Element | undefined {
  for (let node = element.previousElementSibling; node; node = node.previousElementSibling) {
    if (/^H[1-6]$/.test(node.tagName)) return node;
  }
  return undefined;
}

/**
 * Prints one section and nothing else of the page: the siblings from `first` (by default the
 * nearest heading before `last`) to `last`, or, with neither, the whole element that holds `last`.
 */
export function printSection(first: Element | undefined, last: PrintedThread, consultation: Consultation | null = null): void {
  first ??= headingBefore(last);
  if (!sheet) {
    // A constructed style sheet, so a strict Content-Security-Policy has nothing to object to.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@media print{[${mark}] :not([${mark}],[${mark}=keep] *){display:none!important}}@media screen{[${header}]{display:none}}`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  unmark();
  const parent = last.parentElement;
  const together = first?.parentElement === parent;
  let kept: Element | null = together ? first! : parent;
  while (kept) {
    kept.setAttribute(mark, 'keep');
    if (!together || kept === last) break;
    kept = kept.nextElementSibling;
  }
  for (let up = (together ? parent : parent?.parentElement) ?? null; up; up = up.parentElement) up.setAttribute(mark, 'path');
  if (together) first!.before(fromLines(last, consultation));
  else parent?.prepend(fromLines(last, consultation));
  addEventListener('afterprint', unmark, { once: true });
  print();
}
