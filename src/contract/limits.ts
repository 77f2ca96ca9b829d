/** Field limits shared by the widget, the adapters and the server. Lengths count UTF-16 code units, as `String.length` does. */
export const limits = {
  nameMax: 100,
  emailMax: 254,
  bodyMax: 5000,
  pageMax: 2048,
  sectionMax: 200,
  idMax: 100,
  listLimitDefault: 20,
  listLimitMax: 100,
  moderationLimitMax: 500,
  /** Largest request body the server reads, in bytes. */
  requestBodyMax: 64 * 1024,
} as const;
