import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { CreatedComment } from '../../src/contract/index.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, form, json, moderator, newComment, page, testApp } from './helpers.js';

/** What must never appear in a public answer: the seeded comments' emails and the private submission's text. */
const secrets = ['ada@example.com', 'private.person@example.com', 'Only for the department'];

/** Every public route, each as a function of arbitrary input that builds one request. */
const routes: { name: string; request: fc.Arbitrary<[string, RequestInit?]> }[] = [
  { name: 'GET /api/v1/counts', request: fc.string().map((p) => [`/api/v1/counts?page=${encodeURIComponent(p)}`]) },
  {
    name: 'GET /api/v1/comments',
    request: fc
      .record({
        page: fc.oneof(fc.constant(page), fc.string()),
        section: fc.oneof(fc.constant('intro'), fc.string()),
        limit: fc.string(),
        cursor: fc.string(),
      })
      .map((q) => [`/api/v1/comments?${new URLSearchParams(q)}`]),
  },
  { name: 'GET /api/v1/comments/{id}', request: fc.string({ minLength: 1 }).map((id) => [`/api/v1/comments/${encodeURIComponent(id)}`]) },
  {
    name: 'GET /api/v1/comments/{id} (raw path)',
    request: fc.string({ minLength: 1, unit: 'binary' }).map((id) => [`/api/v1/comments/${id.replace(/[/?#\s]/g, '')}x`]),
  },
  {
    name: 'POST /api/v1/comments (JSON)',
    request: fc
      .oneof(
        fc.jsonValue(),
        fc.record(
          {
            page: fc.string(),
            section: fc.string(),
            name: fc.string(),
            email: fc.string(),
            body: fc.string(),
            visibility: fc.string(),
            parentId: fc.option(fc.string()),
          },
          { requiredKeys: [] },
        ),
      )
      .map((body) => ['/api/v1/comments', json(body, { 'Idempotency-Key': 'fuzz' })]),
  },
  {
    name: 'POST /api/v1/comments (any text)',
    request: fc
      .string({ unit: 'binary' })
      .map((body) => ['/api/v1/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }]),
  },
  {
    name: 'GET /respond',
    request: fc
      .record(
        { page: fc.string(), section: fc.string(), parent: fc.string(), return: fc.string(), lang: fc.string() },
        { requiredKeys: [] },
      )
      .map((q) => [`/respond?${new URLSearchParams(q)}`]),
  },
  {
    name: 'POST /respond',
    request: fc
      .record(
        {
          page: fc.string(),
          section: fc.string(),
          name: fc.string(),
          email: fc.string(),
          body: fc.string(),
          visibility: fc.string(),
          parentId: fc.string(),
          idempotency: fc.string(),
          returnTo: fc.string(),
          lang: fc.string(),
        },
        { requiredKeys: [] },
      )
      .map((fields) => ['/respond', form(fields)]),
  },
  { name: 'GET any path', request: fc.webPath().map((path) => [path || '/']) },
  { name: 'GET /api/v1/health and openapi.json', request: fc.constantFrom<[string]>(['/api/v1/health'], ['/api/v1/openapi.json']) },
];

const runsPerRoute = 400;

for (const driver of drivers) {
  describe(`arbitrary input at every public route on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    before(async () => {
      storage = await driver.open();
      app = testApp(storage, { moderation: 'pre' });
      // A published comment, a pending one and a private one: the answers may show the first only.
      const published = CreatedComment.parse(await (await app.request('/api/v1/comments', json(newComment()))).json()).comment;
      await app.request(
        `/api/v1/moderation/comments/${published.id}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"published"}' }),
      );
      await app.request(
        '/api/v1/comments',
        json(newComment({ email: 'private.person@example.com', body: 'Only for the department', visibility: 'private' })),
      );
    });
    after(async () => storage.cleanup());

    it('never answers 500, and never shows an email or a private submission', async () => {
      let cases = 0;
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(route.request, async ([url, init]) => {
            cases++;
            const response = await app.request(url, init);
            const text = await response.text();
            assert.ok(response.status < 500, `${route.name} ${url} answered ${response.status}: ${text.slice(0, 200)}`);
            for (const secret of secrets) assert.ok(!text.includes(secret), `${route.name} ${url} showed "${secret}"`);
          }),
          { numRuns: runsPerRoute },
        );
      }
      console.log(`# ${driver.name}: ${cases} arbitrary requests over ${routes.length} public routes, no 500, nothing private shown`);
    });
  });
}
