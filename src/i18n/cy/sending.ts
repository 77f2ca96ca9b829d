import type { SendingStrings } from '../features/sending.js';

export const sendingCy: SendingStrings = {
  rateLimited: 'Rydych wedi anfon sawl sylw mewn amser byr. Arhoswch funud, yna rhowch gynnig arall arni.',
  announcePending: 'Mae eich sylw wedi’i anfon. Bydd yn cael ei gyhoeddi ar ôl i gymedrolwr ei gymeradwyo.',
  announcePublished: 'Mae eich sylw wedi’i gyhoeddi.',
  announcePrivate: 'Mae eich sylw wedi’i anfon yn breifat at y tîm. Ni fydd yn cael ei gyhoeddi.',
};
