import type { SendingStrings } from '../features/sending.js';

export const sendingCy: SendingStrings = {
  rateLimited: 'Rydych wedi anfon sawl sylw mewn amser byr. Arhoswch funud, yna rhowch gynnig arall arni.',
};
