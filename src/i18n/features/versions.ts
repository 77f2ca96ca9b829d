/* The words of sections that change: the marker on a response made on an earlier wording, what changed since, and the page's change log. */

/** The words of sections that change, in one language. */
export interface VersionStrings {
  /** Beside a response made on an earlier wording of its section. */
  earlierVersion: string;
  /** The disclosure that shows what changed in the wording since the response was made. */
  showChanges: string;
  loadingChanges: string;
  /** When the wordings could not be fetched. */
  changesFailed: string;
  /** Above the difference, so that its marks are read in words as well as seen. */
  differenceLegend: string;
  /** Said, to screen readers, before words taken out of the wording. */
  removed: string;
  /** Said, to screen readers, before words added to the wording. */
  added: string;
  /** When the two wordings differ only in spacing. */
  noWordsChanged: string;
  /** The change log's line: "Last updated 3 March 2027". */
  lastUpdated: (date: string) => string;
  /** The disclosure that lists every update. */
  seeAllUpdates: string;
  /** Heading of the list of updates. */
  updatesHeading: string;
  /** What an update says where the department said nothing of what changed. */
  wordingChanged: string;
  /** The last line of the list: when the wording was first published. */
  firstPublished: string;
}
