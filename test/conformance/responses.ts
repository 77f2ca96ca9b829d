/** What both conformance suites send and how they catch a refusal. */
import assert from 'node:assert/strict';
import type { NewCommentInput } from '../../src/contract/public.js';

export const unique = () => Math.random().toString(36).slice(2, 10);

/** A reader's response to a section of a page, different each time, with any field changed. */
export const responseTo =
  (section: string) =>
  (page: string, overrides: Partial<NewCommentInput> = {}): NewCommentInput => ({
    page,
    section,
    name: 'Ada Lovelace',
    email: `ada.${unique()}@example.com`,
    body: `A response ${unique()}.`,
    visibility: 'public',
    ...overrides,
  });

/** The error a promise fails with; a promise that succeeds fails the test. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('it should have failed'),
    (error: unknown) => error,
  );
