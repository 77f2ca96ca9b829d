import * as z from 'zod/mini';
import type { SectionQuestion } from './questions.js';
import { isoDateTimePattern, sectionId, wholeNumber } from './schemas.js';

/*
 * Sections that change: a section's published wording (`text`) is kept version by version, each
 * response records the version current when it arrived, and a page's changes are public, as
 * GOV.UK's "Last updated … see all updates" is.
 */

const moment = /* @__PURE__ */ z.string().check(z.regex(isoDateTimePattern));

/** One change of a section's wording: `GET /api/v1/consultations/{page}/changes` lists them, newest first. */
export const SectionChange = /* @__PURE__ */ z.object({
  section: sectionId,
  /** The version the change made: 1 when the section's wording was first published. */
  version: wholeNumber,
  at: moment,
  /** What the department said changed, such as "Corrected the figure in paragraph 2". */
  note: z.nullable(z.string()),
});
export type SectionChange = z.infer<typeof SectionChange>;
export const ConsultationChanges = /* @__PURE__ */ z.object({ changes: z.array(SectionChange) });
export type ConsultationChanges = z.infer<typeof ConsultationChanges>;

/** One wording of a section, from when it was published to when it was replaced (null: it is current). */
export const SectionVersion = /* @__PURE__ */ z.object({
  version: wholeNumber,
  text: z.string(),
  from: moment,
  to: z.nullable(moment),
});
export type SectionVersion = z.infer<typeof SectionVersion>;
/** `GET /api/v1/consultations/{page}/sections/{section}/versions`: oldest first. */
export const SectionVersions = /* @__PURE__ */ z.object({ versions: z.array(SectionVersion) });
export type SectionVersions = z.infer<typeof SectionVersions>;

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

/** A thread no section of the consultation names: responses stored under a section id the record does not know. */
export const OrphanedThread = /* @__PURE__ */ z.object({
  section: sectionId,
  /** How many responses it holds, whatever their status. */
  count: wholeNumber,
  /** When the newest arrived. */
  newest: moment,
});
/** `GET /api/v1/moderation/consultations/{page}/orphans`: newest first. */
export type OrphanedThread = z.infer<typeof OrphanedThread>;
export const OrphanedThreads = /* @__PURE__ */ z.object({ orphans: z.array(OrphanedThread) });
export type OrphanedThreads = z.infer<typeof OrphanedThreads>;

/** Body of `POST /api/v1/moderation/consultations/{page}/orphans/{section}/move`: the section to move the thread into. */
export const MoveInput = /* @__PURE__ */ z.object({ to: sectionId });
export const MovedThread = /* @__PURE__ */ z.object({ moved: wholeNumber });
export type MovedThread = z.infer<typeof MovedThread>;
