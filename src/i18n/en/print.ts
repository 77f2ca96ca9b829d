import type { PrintStrings } from '../features/print.js';

export const printEn: PrintStrings = {
  from: (title, department) => `From ${title}${department ? `, a consultation by ${department}` : ''}.`,
  printedFrom: (address, date) => `Printed from ${address} on ${date}.`,
};
