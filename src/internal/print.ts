/** Marks what stays on paper: `keep` on the section, `path` on its ancestors. Everything else is hidden. */
const mark = 'data-civic-print';
let sheet: CSSStyleSheet | undefined;

function unmark(): void {
  for (const element of document.querySelectorAll(`[${mark}]`)) element.removeAttribute(mark);
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
export function printSection(first: Element | undefined, last: Element): void {
  first ??= headingBefore(last);
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
