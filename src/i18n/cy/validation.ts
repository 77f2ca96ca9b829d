import type { ValidationMessages } from '../../contract/messages.js';

/** Welsh validation messages, as English writes them: say what to do, not what went wrong. */
export const validation: ValidationMessages = {
  name: {
    missing: 'Rhowch eich enw',
    tooLong: 'Rhaid i’r enw fod yn 100 nod neu lai',
  },
  email: {
    missing: 'Rhowch eich cyfeiriad e-bost',
    tooLong: 'Rhaid i’r cyfeiriad e-bost fod yn 254 nod neu lai',
    invalid: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
  },
  body: {
    missing: 'Rhowch eich sylw',
    tooLong: 'Rhaid i’r sylw fod yn 5,000 nod neu lai',
    duplicate: 'Rydych chi eisoes wedi anfon y sylw hwn',
  },
  visibility: {
    missing: 'Dewiswch a ydych am gyhoeddi eich sylw, ei gyhoeddi heb eich enw, neu ei anfon yn breifat',
  },
  respondent: {
    missing: 'Dewiswch a ydych yn ymateb fel unigolyn neu ar ran sefydliad',
  },
  organisation: {
    missing: 'Rhowch enw eich sefydliad',
    tooLong: 'Rhaid i enw’r sefydliad fod yn 200 nod neu lai',
  },
  answer: {
    missing: 'Dewiswch ateb',
    invalid: 'Dewiswch un o’r atebion a roddwyd',
  },
  parentId: {
    invalid: 'Nid yw’r sylw rydych yn ymateb iddo ar gael mwyach',
  },
};
