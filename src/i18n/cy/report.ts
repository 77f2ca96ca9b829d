import { limits } from '../../contract/limits.js';
import type { ReportStrings } from '../features/report.js';

export const reportCy: ReportStrings = {
  reasonLabel: 'Pam ydych chi’n rhoi gwybod am y sylw hwn? (dewisol)',
  reasonHint:
    'Er enghraifft, mae’n sarhaus, mae’n rhannu manylion personol rhywun, neu mae’n hysbysebu. Peidiwch â chynnwys eich manylion personol eich hun.',
  send: 'Anfon',
  cancel: 'Canslo',
  sending: 'Wrthi’n anfon…',
  thanks: 'Diolch. Rydym wedi anfon eich neges at y cymedrolwyr, a fydd yn penderfynu a yw’r sylw’n aros.',
  tooLong: `Rhaid i’r rheswm fod yn ${limits.reportReasonMax} nod neu lai`,
  failed: 'Nid oedd modd anfon eich neges. Nid oes dim a deipiwyd gennych wedi’i golli. Rhowch gynnig arall arni mewn munud.',
  tooMany: 'Rydych wedi anfon gormod o negeseuon mewn amser byr. Rhowch gynnig arall arni mewn ychydig funudau.',
  errorPrefix: 'Gwall:',
};
