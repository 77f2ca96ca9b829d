import type { Comment, Visibility } from './schemas.js';

/**
 * The public view of any richer comment record: the contract's fields picked one by one, so that
 * nothing else (an email, a reference) can slip through, and a comment published without a name
 * keeps neither its name nor its organisation. An erased name is null too. Faster than parsing,
 * for busy lists.
 */
export const publicComment = (c: Comment & { visibility?: Visibility }): Comment => ({
  id: c.id,
  page: c.page,
  section: c.section,
  parentId: c.parentId,
  name: (c.visibility !== 'anonymous' && c.name) || null,
  organisation: (c.visibility !== 'anonymous' && c.organisation) || null,
  body: c.body,
  createdAt: c.createdAt,
  status: c.status,
  role: c.role ?? 'reader',
  answer: c.answer?.length ? c.answer : null,
  version: c.version ?? null,
});
