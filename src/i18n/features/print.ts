/** What a printed section says of where it came from, in one language. */
export interface PrintStrings {
  /** The consultation, and who runs it when the page says: "From Draft housing strategy, a consultation by the Department for Housing." */
  from: (title: string, department: string | null) => string;
  /** Where and when it was printed: "Printed from https://… on 7 December 2026." */
  printedFrom: (address: string, date: string) => string;
}
