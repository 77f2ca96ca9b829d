/**
 * Adds a constructed style sheet to a shadow root's own, once: the styles of what a chunk draws come
 * with the chunk, and a constructed sheet is what a strict Content-Security-Policy allows.
 */
export function addStyles(root: Node, sheet: CSSStyleSheet | undefined): void {
  if (sheet && root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
