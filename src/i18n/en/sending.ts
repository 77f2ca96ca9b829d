import type { SendingStrings } from '../features/sending.js';

export const sendingEn: SendingStrings = {
  rateLimited: 'You have sent several comments in a short time. Wait a minute, then try again.',
};
