/**
 * The words only sending a comment needs, in one language: they come with the sending code, which a
 * page fetches once a reader starts to write, rather than with the page's own strings.
 */
export interface SendingStrings {
  /** The server has taken several comments from this reader in a short time. */
  rateLimited: string;
  /** Read out once a comment is stored, by what became of it. */
  announcePending: string;
  announcePublished: string;
  announcePrivate: string;
}
