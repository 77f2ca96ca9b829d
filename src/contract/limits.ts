/**
 * Field limits shared by the widget, the adapters and the server. Lengths count Unicode code points
 * everywhere (zod's length checks count them too), so an emoji is one character, as a reader sees it.
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

/** The length of a text as every limit counts it: in Unicode code points. */
export function lengthOf(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
