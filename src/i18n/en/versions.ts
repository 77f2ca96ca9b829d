import type { VersionStrings } from '../features/versions.js';

export const versionsEn: VersionStrings = {
  earlierVersion: 'Made on an earlier version of this section',
  showChanges: 'Show what has changed since',
  loadingChanges: 'Loading what has changed…',
  changesFailed: 'What has changed could not be loaded. Try again later.',
  differenceLegend: 'Words taken out are struck through. Words added are underlined.',
  removed: 'Taken out:',
  added: 'Added:',
  noWordsChanged: 'No words have changed, only their spacing.',
  lastUpdated: (date) => `Last updated ${date}`,
  seeAllUpdates: 'see all updates',
  updatesHeading: 'Updates to this page',
  wordingChanged: 'The wording was changed.',
  firstPublished: 'First published.',
};
