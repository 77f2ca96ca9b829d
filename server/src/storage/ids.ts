import { randomBytes } from 'node:crypto';

let lastTime = 0;
let sequence = 0;

/**
 * A comment id that sorts in the order comments were stored, even within one millisecond (lists
 * sort by date, then id, so a reply never comes before what it answers), with 64 random bits so
 * that ids cannot be guessed.
 */
export function newCommentId(time: number): string {
  if (time === lastTime) sequence++;
  else {
    lastTime = time;
    sequence = 0;
  }
  return `${time.toString(16).padStart(12, '0')}${sequence.toString(16).padStart(4, '0')}${randomBytes(8).toString('hex')}`;
}
