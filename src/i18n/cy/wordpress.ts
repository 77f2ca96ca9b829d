import { moderationEn } from '../en/moderation.js';
import { moderationCy } from './moderation.js';

/**
 * The WordPress plugin's words in Welsh, by the English text the plugin passes to gettext. The
 * plugin holds them as a PHP array written from this file (`npm run strings`); where the plugin says
 * what the console says, the Welsh is the console's.
 */
export const wordpressCy: Record<string, string> = {
  'Consultation responses': 'Ymatebion i’r ymgynghoriad',
  'Take responses section by section': 'Derbyn ymatebion fesul adran',
  'Ask whether a response comes from an organisation': 'Gofyn a yw ymateb yn dod gan sefydliad',
  'Open and close responses with "Allow comments" in the Discussion box.':
    'Agorwch a chaewch ymatebion gyda “Caniatáu sylwadau” yn y blwch Trafodaeth.',
  'The response on a consultation post: its section, visibility and respondent, and its text as typed.':
    'Yr ymateb i bost ymgynghori: ei adran, ei welededd a’i ymatebydd, a’i destun fel y’i teipiwyd.',
  'This consultation has closed. Responses can no longer be sent.': 'Mae’r ymgynghoriad hwn wedi cau. Ni ellir anfon ymatebion mwyach.',
  'This response is still being sent. Try again in a moment.':
    'Mae’r ymateb hwn yn dal i gael ei anfon. Rhowch gynnig arall arni mewn eiliad.',
  'A response needs the section it answers.': 'Mae angen i ymateb nodi’r adran y mae’n ei hateb.',
  Anonymous: 'Dienw',
  'Limit the list to one section of a consultation post.': 'Cyfyngu’r rhestr i un adran o bost ymgynghori.',
  'There is no published post with that id or slug.': 'Nid oes post cyhoeddedig gyda’r rhif neu’r slug hwnnw.',
  [moderationEn.sectionLabel]: moderationCy.sectionLabel,
  [moderationEn.visibilities.anonymous]: moderationCy.visibilities.anonymous,
  'Private: for the department only': 'Preifat: i’r corff cyhoeddus yn unig',
  'Filter by section': 'Hidlo yn ôl adran',
  'Script tag': 'Tag sgript',
  'Add the civic-comments script to consultation posts': 'Ychwanegu sgript civic-comments at byst ymgynghori',
  'Script address': 'Cyfeiriad y sgript',
  'Headings that start sections': 'Penawdau sy’n dechrau adrannau',
};
