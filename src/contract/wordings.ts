import type { SectionQuestion } from './questions.js';

/*
 * The rules of sections that change, for every backend that keeps them (the reference server's
 * storage and the in-page store alike): which section an id names, which version is current, and
 * what saving new wordings does. Apart from the schemas, so that a page reading changes never
 * downloads the rules of writing them.
 */

/** A consultation's section as a backend keeps it: the reference server's storage and the in-page store alike. */
export interface KeptSection {
  id: string;
  title: string;
  question?: SectionQuestion | null;
  /** Earlier ids or heading slugs: what is posted or listed under one is the section's own. */
  aliases?: string[];
  /** Its published wording now, or none. */
  text?: string | null;
  /** The number of its latest wording (the current one while it has `text`); 0 or absent before any. */
  versions?: number;
  /** What changed, given with a new wording; kept with that version, not in the section. */
  note?: string | null;
}

/** The version of a section's wording now, or null while it has none. */
export const versionNow = (section: KeptSection | undefined): number | null => (section?.text ? (section.versions ?? 1) : null);

/** A new wording to keep: its section, its number, its text and what changed. */
export interface NewWording {
  section: string;
  version: number;
  text: string;
  note: string | null;
}

/**
 * What saving a consultation's sections does to their wordings: a section whose text changed ends
 * its current wording and, with a text, starts the next version, numbered on from the last it ever
 * had (`lastVersions`, for a section taken out and put back); a section taken out ends its wording.
 * Answers the sections to keep (each with its latest number, its note left out), the sections
 * whose current wording ends, and the wordings to add.
 */
export function reviseWordings<S extends KeptSection>(
  before: readonly KeptSection[],
  next: readonly S[],
  lastVersions: ReadonlyMap<string, number> = new Map(),
): { sections: (Omit<S, 'note'> & { text: string | null; versions: number })[]; ended: string[]; added: NewWording[] } {
  const ended = before.filter((gone) => gone.text && !next.some((each) => each.id === gone.id)).map((gone) => gone.id);
  const added: NewWording[] = [];
  const sections = next.map(({ note, ...section }) => {
    const earlier = before.find((each) => each.id === section.id);
    const text = section.text ?? null;
    let versions = Math.max(earlier?.versions ?? 0, lastVersions.get(section.id) ?? 0);
    if (text !== (earlier?.text ?? null)) {
      if (earlier?.text) ended.push(section.id);
      if (text) added.push({ section: section.id, version: ++versions, text, note: note ?? null });
    }
    return { ...section, text, versions };
  });
  return { sections, ended, added };
}

/**
 * The section that an id names in a consultation's sections: its own id, or one of its aliases (an
 * earlier id, or the slug of an earlier heading); undefined for an id the consultation does not know.
 */
export function sectionNamed<S extends { id: string; aliases?: readonly string[] | null }>(
  sections: readonly S[] | undefined,
  id: string,
): S | undefined {
  return sections?.find((section) => section.id === id) ?? sections?.find((section) => section.aliases?.includes(id));
}

/**
 * A page's counts as a page still showing earlier headings reads them: each alias counts as its
 * section, and `aliases` names the section each alias now is, so that links made under an
 * earlier heading find their thread.
 */
export function countsWithAliases(
  counts: Record<string, number>,
  sections: readonly { id: string; aliases?: readonly string[] | null }[] | undefined,
): { counts: Record<string, number>; aliases: Record<string, string> } {
  const aliases: Record<string, string> = {};
  for (const section of sections ?? [])
    for (const alias of section.aliases ?? []) {
      aliases[alias] = section.id;
      if (counts[section.id] !== undefined) counts[alias] = counts[section.id]!;
    }
  return { counts, aliases };
}
