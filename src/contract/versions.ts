import * as z from 'zod/mini';
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
  /** The section's title now, as a change log names it; its id when the section has since been taken out. */
  title: z.string(),
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
