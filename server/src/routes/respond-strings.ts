import { cy, en, type Strings } from 'civic-comments/i18n';

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

export const respondEn: RespondStrings = {
  ...en,
  pageTitle: 'Comment on this section',
  sectionLabel: (section) => `Section: ${section}`,
  replyingTo: (name) => `You are replying to ${name}.`,
  sentTitle: 'Your comment has been sent',
  sentPending: 'It will be published once a moderator has approved it.',
  sentPublished: 'It has been published.',
  sentPrivate: 'It has been sent privately to the team. It will not be published.',
  backToSection: 'Back to the section',
  closePage: 'You can now close this page.',
  originRefused: 'This form cannot be sent from another website.',
  tooMany: en.rateLimited,
  linkBroken: 'The link to this form is missing its page or section. Go back and follow the link again.',
  tooLarge: 'What you sent is too long to be received. Go back, shorten your comment and send it again.',
  formUnavailable: 'The form cannot be shown just now. Try again in a few seconds.',
  sendUnavailable: 'Your comment could not be sent just now. Nothing you typed has been lost: send it again in a few seconds.',
  removed: 'This comment was received earlier and has since been removed by the moderators. It has not been sent again.',
  notSentHeading: 'Your comment has not been sent',
  notSentHint: 'This is what you typed, so that you can keep a copy.',
  organisationHint: 'Only if you are responding on behalf of an organisation.',
  readTitle: (section) => `Comments on ${section}`,
  readLink: 'Read the comments on this section',
  commentLink: 'Comment on this section',
  readShowing: (from, to, total) => `Comments ${from} to ${to} of ${total}`,
  readLinkBroken: 'The link to these comments is missing its page or section. Go back and follow the link again.',
  readUnavailable: 'The comments cannot be shown just now. Try again in a few seconds.',
};

export const respondCy: RespondStrings = {
  ...cy,
  pageTitle: 'Rhowch sylw ar yr adran hon',
  sectionLabel: (section) => `Adran: ${section}`,
  replyingTo: (name) => `Rydych yn ymateb i ${name}.`,
  sentTitle: 'Mae eich sylw wedi’i anfon',
  sentPending: 'Bydd yn cael ei gyhoeddi ar ôl i gymedrolwr ei gymeradwyo.',
  sentPublished: 'Mae wedi’i gyhoeddi.',
  sentPrivate: 'Mae wedi’i anfon yn breifat at y tîm. Ni fydd yn cael ei gyhoeddi.',
  backToSection: 'Yn ôl i’r adran',
  closePage: 'Gallwch gau’r dudalen hon nawr.',
  originRefused: 'Nid oes modd anfon y ffurflen hon o wefan arall.',
  tooMany: cy.rateLimited,
  linkBroken: 'Nid oes tudalen nac adran yn y ddolen i’r ffurflen hon. Ewch yn ôl a dilyn y ddolen eto.',
  tooLarge: 'Mae’r hyn a anfonoch yn rhy hir i’w dderbyn. Ewch yn ôl, byrhewch eich sylw a’i anfon eto.',
  formUnavailable: 'Nid oes modd dangos y ffurflen ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig eiliadau.',
  sendUnavailable:
    'Nid oedd modd anfon eich sylw ar hyn o bryd. Nid oes dim a deipioch wedi’i golli: anfonwch ef eto ymhen ychydig eiliadau.',
  removed: 'Cafodd y sylw hwn ei dderbyn yn gynharach ac mae’r cymedrolwyr wedi’i ddileu ers hynny. Nid yw wedi’i anfon eto.',
  notSentHeading: 'Nid yw eich sylw wedi’i anfon',
  notSentHint: 'Dyma beth wnaethoch chi ei deipio, er mwyn i chi allu cadw copi.',
  organisationHint: 'Dim ond os ydych yn ymateb ar ran sefydliad.',
  readTitle: (section) => `Sylwadau ar ${section}`,
  readLink: 'Darllen y sylwadau ar yr adran hon',
  commentLink: 'Rhowch sylw ar yr adran hon',
  readShowing: (from, to, total) => `Sylwadau ${from} i ${to} o ${total}`,
  readLinkBroken: 'Nid oes tudalen nac adran yn y ddolen i’r sylwadau hyn. Ewch yn ôl a dilyn y ddolen eto.',
  readUnavailable: 'Nid oes modd dangos y sylwadau ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig eiliadau.',
};
