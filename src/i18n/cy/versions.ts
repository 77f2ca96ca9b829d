import type { VersionStrings } from '../features/versions.js';

export const versionsCy: VersionStrings = {
  earlierVersion: 'Wedi’i wneud ar fersiwn gynharach o’r adran hon',
  showChanges: 'Dangos beth sydd wedi newid ers hynny',
  loadingChanges: 'Wrthi’n llwytho’r hyn sydd wedi newid…',
  changesFailed: 'Nid oedd modd llwytho’r hyn sydd wedi newid. Rhowch gynnig arall arni yn nes ymlaen.',
  differenceLegend: 'Mae geiriau a dynnwyd allan wedi’u croesi drwodd. Mae geiriau a ychwanegwyd wedi’u tanlinellu.',
  removed: 'Wedi’i dynnu allan:',
  added: 'Wedi’i ychwanegu:',
  noWordsChanged: 'Nid oes unrhyw eiriau wedi newid, dim ond y bylchau rhyngddynt.',
  lastUpdated: (date) => `Diweddarwyd ddiwethaf ${date}`,
  seeAllUpdates: 'gweld pob diweddariad',
  updatesHeading: 'Diweddariadau i’r dudalen hon',
  wordingChanged: 'Newidiwyd y geiriad.',
  firstPublished: 'Cyhoeddwyd gyntaf.',
};
