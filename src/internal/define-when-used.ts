/**
 * Defines an element the first time the document holds one, so that its code is fetched only by
 * pages that use it: `load` imports the module that defines it. Until then the tag is an unknown
 * element, and the browser upgrades it once defined, wherever in the document it was put.
 */
export function defineWhenUsed(tag: string, load: () => Promise<unknown>): void {
  const found = () => {
    if (!document.querySelector(tag)) return;
    watcher.disconnect();
    void load();
  };
  const watcher = new MutationObserver(found);
  watcher.observe(document, { childList: true, subtree: true });
  found();
}
