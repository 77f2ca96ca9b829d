/** Marks what stays on paper: `keep` on the section, `path` on its ancestors. Everything else is hidden. */
const mark = 'data-civic-print';
let sheet: CSSStyleSheet | undefined;

function unmark(): void {
  for (const element of document.querySelectorAll(`[${mark}]`)) element.removeAttribute(mark);
}

/**
 * Prints one section and nothing else of the page: the siblings from `first` to `last`, or, with
 * no `first`, the whole element that holds `last`.
 */
export function printSection(first: Element | undefined, last: Element): void {
  if (!sheet) {
    // A constructed style sheet, so a strict Content-Security-Policy has nothing to object to.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`@media print{[${mark}] :not([${mark}],[${mark}=keep] *){display:none!important}}`);
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
  addEventListener('afterprint', unmark, { once: true });
  print();
}
