import { expect } from '@open-wc/testing';
import type { Comment } from '../contract/index.js';
import { buildThread, type ThreadNode } from './thread.js';

let minute = 0;
const comment = (id: string, parentId: string | null = null): Comment => ({
  id,
  parentId,
  page: '/p',
  section: 's',
  name: `Author ${id}`,
  body: id,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute++)).toISOString(),
  status: 'published',
});
const shape = (nodes: ThreadNode[]): unknown =>
  nodes.map((n) =>
    n.replies.length ? { [n.comment.id]: shape(n.replies) } : n.inReplyTo ? `${n.comment.id}→${n.inReplyTo.id}` : n.comment.id,
  );

describe('buildThread', () => {
  it('nests replies three levels deep and lays deeper ones beside the third level, in time order', () => {
    const thread = buildThread([
      comment('a'),
      comment('b', 'a'),
      comment('c', 'b'),
      comment('d', 'c'),
      comment('e', 'd'),
      comment('f', 'c'),
      comment('g'),
    ]);
    expect(shape(thread)).to.deep.equal([{ a: [{ b: ['c', 'd→c', 'e→d', 'f→c'] }] }, 'g']);
  });

  it('shows a reply whose parent is not loaded at the top level', () => {
    expect(shape(buildThread([comment('x', 'missing'), comment('y')]))).to.deep.equal(['x', 'y']);
  });
});
