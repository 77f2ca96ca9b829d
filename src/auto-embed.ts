/**
 * The one-tag set-up: a `<script type="module">` for this file with `data-sections` (a CSS
 * selector for the headings that start sections) gets a count after each heading and a thread at
 * the end of each section, that is, before the next heading the selector matches, and the page's
 * change log ("Last updated … — see all updates") before the first. Elements placed by hand are
 * left alone.
 */

/** A section id from a heading's text: lower case, letters and digits joined by hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}

/** The settings a script tag carries. */
export interface EmbedSettings {
  sections?: string;
  endpoint?: string;
  page?: string;
  backend?: string;
  lang?: string;
}

/**
 * Inserts a count and a thread for each section of `root` that `settings.sections` finds; a count
 * or a thread already in `root` for a section is left alone.
 */
export function embedSections(settings: EmbedSettings, root: ParentNode = document): void {
  const { sections: selector, ...shared } = settings;
  if (!selector) return;
  let headings: Element[];
  try {
    headings = [...root.querySelectorAll(selector)];
  } catch {
    console.error(`civic-comments: data-sections="${selector}" is not a CSS selector.`);
    return;
  }
  const taken = new Set<string>();
  const placed = (tag: string, section: string) => root.querySelector(`${tag}[section="${CSS.escape(section)}"]`);
  const create = (tag: string, section: string) => {
    const element = document.createElement(tag);
    if (section) element.setAttribute('section', section);
    for (const [name, value] of Object.entries(shared)) if (value) element.setAttribute(name, value);
    return element;
  };
  // The change log sits above the sections, as GOV.UK's sits above a document; it shows only once there are updates.
  if (headings[0] && !root.querySelector('civic-change-log')) headings[0].before(create('civic-change-log', ''));
  headings.forEach((heading, index) => {
    const base = heading.id || slug(heading.textContent ?? '') || 'section';
    let section = base;
    for (let n = 2; taken.has(section); n++) section = `${base}-${n}`;
    if (section !== base) {
      console.warn(
        `civic-comments: two sections are called "${base}"; the one headed "${heading.textContent!.trim()}" is "${section}". Give its heading an id to choose.`,
      );
    }
    taken.add(section);

    // The section runs to the next heading, or to the end of the heading's parent.
    const next = headings[index + 1];
    let end = heading.nextSibling;
    while (end && !(next && (end === next || end.contains(next)))) end = end.nextSibling;
    if (!placed('civic-comments', section)) {
      const thread = create('civic-comments', section) as HTMLElement & { printFrom?: Element };
      thread.printFrom = heading;
      heading.parentNode!.insertBefore(thread, end);
    }
    if (!placed('civic-comment-count', section)) heading.after(create('civic-comment-count', section));
  });
}

/** The script tag that loaded this module, if it asks for sections. */
function ownScriptTag(): HTMLScriptElement | undefined {
  const tags = [...document.querySelectorAll<HTMLScriptElement>('script[data-sections]')];
  return tags.find((tag) => tag.src === import.meta.url) ?? tags[0];
}

/** Embeds as the page's script tag asks, once the page has been read. */
export function embedFromScriptTag(): void {
  const run = () => {
    const tag = ownScriptTag();
    if (tag) embedSections(tag.dataset);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
