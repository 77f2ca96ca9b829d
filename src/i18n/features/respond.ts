import type { Strings } from './reader.js';

/** The words of the pages for readers without JavaScript: the widget's own, and a few of their own. */
export interface RespondStrings extends Strings {
  pageTitle: string;
  sectionLabel: (section: string) => string;
  replyingTo: (name: string) => string;
  sentTitle: string;
  sentPending: string;
  sentPublished: string;
  sentPrivate: string;
  backToSection: string;
  closePage: string;
  originRefused: string;
  tooMany: string;
  linkBroken: string;
  tooLarge: string;
  /** The database is out of reach when the form is asked for. */
  formUnavailable: string;
  /** The database is out of reach when the form is sent: shown above the form, everything kept. */
  sendUnavailable: string;
  removed: string;
  /** After a refused post to a closed consultation: what the reader typed, shown back. */
  notSentHeading: string;
  notSentHint: string;
  /** Without a script the organisation's name cannot appear only once asked for, so it says when to fill it in. */
  organisationHint: string;
  /** The reading view's title: the section's comments. */
  readTitle: (section: string) => string;
  /** The links between the reading view and the form. */
  readLink: string;
  commentLink: string;
  /** How far through a long thread this page is. */
  readShowing: (from: number, to: number, total: number) => string;
  /** The reading view's link that cannot be followed: a page or section missing. */
  readLinkBroken: string;
  /** The database is out of reach when the reading view is asked for. */
  readUnavailable: string;
}
