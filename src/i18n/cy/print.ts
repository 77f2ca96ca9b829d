import type { PrintStrings } from '../features/print.js';

export const printCy: PrintStrings = {
  from: (title, department) => `O ${title}${department ? `, ymgynghoriad gan ${department}` : ''}.`,
  printedFrom: (address, date) => `Wedi’i argraffu o ${address} ar ${date}.`,
};
