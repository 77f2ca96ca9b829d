import type { CommentsBackend } from '../backends/backend.js';
import type { Consultation } from '../contract/public.js';
import type { SectionChange } from '../contract/versions.js';
import { printCy } from '../i18n/cy/print.js';
import { printEn } from '../i18n/en/print.js';
import type { Strings } from '../i18n/features/reader.js';
import { versionWords } from '../i18n/versions.js';
import { updatesOf } from './updates.js';

/** Marks what stays on paper: `keep` on the section, `path` on its ancestors. Everything else is hidden. */
const mark = 'data-civic-print';
/** The lines above a printed section that say where it came from: on paper only. */
const header = 'data-civic-print-header';
let sheet: CSSStyleSheet | undefined;

/** The thread being printed, as printing reads it: its words, and its page's updates through its backend. */
export interface PrintedThread extends Element {
  readonly strings: Strings;
  readonly pageId: string;
  resolveBackend(): Promise<CommentsBackend | undefined>;
}

/** The page's updates to print, newest first; none where the backend keeps none or cannot be reached. */
async function updatesToPrint(thread: PrintedThread): Promise<SectionChange[]> {
  try {
    return updatesOf((await (await thread.resolveBackend())?.getChanges?.(thread.pageId)) ?? []).updates;
  } catch {
    return [];
  }
}

function unmark(): void {
  for (const element of document.querySelectorAll(`[${mark}]`)) element.removeAttribute(mark);
  for (const element of document.querySelectorAll(`[${header}]`)) element.remove();
}

/**
 * A section on paper says where it came from, since the page around it is not printed: the
 * consultation (or the page's title) and its department, the page's address and the day, and,
 * as the page's change log does, when the page was last updated and what each update changed.
 */
function fromLines(thread: PrintedThread, consultation: Consultation | null, updates: readonly SectionChange[]): HTMLElement {
  const words = thread.strings.locale === 'cy' ? printCy : printEn;
  const lines = document.createElement('div');
  lines.setAttribute(mark, 'keep');
  lines.setAttribute(header, '');
  const address = location.href.replace(/#.*$/, '');
  const changeWords = versionWords(thread.strings);
  const day = (at: string) => thread.strings.formatDate(new Date(at));
  for (const text of [
    words.from(consultation?.title || document.title || location.hostname, consultation?.department ?? null),
    words.printedFrom(address, thread.strings.formatDate(new Date())),
    ...(updates[0] ? [`${changeWords.lastUpdated(day(updates[0].at))}.`] : []),
    ...updates.map((update) => `${day(update.at)}: ${update.title}: ${update.note ?? changeWords.wordingChanged}`),
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
export async function printSection(
  first: Element | undefined,
  last: PrintedThread,
  consultation: Consultation | null = null,
): Promise<void> {
  first ??= headingBefore(last);
  const updates = await updatesToPrint(last);
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
  if (together) first!.before(fromLines(last, consultation, updates));
  else parent?.prepend(fromLines(last, consultation, updates));
  addEventListener('afterprint', unmark, { once: true });
  print();
}
