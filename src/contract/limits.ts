/**
 * Field limits shared by the widget, the adapters and the server. What a reader types (a name, an
 * organisation, a comment, a report's reason) is counted in characters as the reader sees them
 * (`lengthOf`), so an emoji is one character however many code points make it. Everything else
 * (ids, titles, addresses) is counted in Unicode code points, as zod's length checks count them.
 */
export const limits = {
  nameMax: 100,
  /** The name of the organisation a respondent answers for. */
  organisationMax: 200,
  emailMax: 254,
  bodyMax: 5000,
  /**
   * A page's id. With a section's id it is indexed together, and PostgreSQL indexes at most 2,704
   * bytes a row: 400 code points of up to 4 bytes each, with a section's 200, always fit, so both
   * databases take exactly the same ids.
   */
  pageMax: 400,
  sectionMax: 200,
  idMax: 100,
  /** A consultation's title, its department's name and a section's title. */
  titleMax: 200,
  /** Sections a consultation may list. */
  sectionsMax: 500,
  /** Earlier ids or heading slugs a section answers to. */
  aliasesMax: 20,
  /** A section's published wording. */
  sectionTextMax: 50000,
  /** What the department says changed in a section's wording. */
  noteMax: 500,
  /** A reader's reason for reporting a comment. */
  reportReasonMax: 500,
  /** An outcome, and an official response. */
  outcomeMax: 10000,
  listLimitDefault: 20,
  listLimitMax: 100,
  moderationLimitMax: 500,
  /** Largest request body the server reads, in bytes. */
  requestBodyMax: 64 * 1024,
} as const;

const graphemes = /* @__PURE__ */ new Intl.Segmenter();

/**
 * The length of a reader's text as its limits count it: in characters as the reader sees them
 * (grapheme clusters), so that an emoji built of several code points, such as a family or a flag,
 * is one character, as the form's character count says.
 */
export const lengthOf = (text: string): number => [...graphemes.segment(text)].length;
