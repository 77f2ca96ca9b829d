import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { RateLimiter } from '../src/http/rate-limit.js';
import type { Storage } from '../src/storage/storage.js';
import { awayFromWindowEdge, form, formFields as valid, json, moderator, page, sqliteStorage, testApp } from './helpers.js';

describe('the form for readers without JavaScript', () => {
  let storage: Storage & { cleanup: () => void };
  let app: ReturnType<typeof testApp>;
  beforeEach(() => {
    storage = sqliteStorage();
    app = testApp(storage);
  });
  afterEach(() => storage.cleanup());

  it('serves a plain HTML form for a section, under the strict policy', async () => {
    const response = await app.request(`/respond?page=${encodeURIComponent(page)}&section=intro`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Security-Policy')!, /script-src 'self'/);
    const text = await response.text();
    assert.match(text, /<form method="post" action="\/respond" novalidate>/);
    assert.match(text, /<label for="email">Email<\/label>/);
    assert.match(text, /We will not publish your email address/);
    assert.match(text, /name="section" value="intro"/);
    assert.match(text, /Section: intro/, 'without a consultation listing it, the section is known by its id');
    assert.match(text, /href="\/read\?page=%2Freview&amp;section=intro">Read the comments on this section/);
    assert.doesNotMatch(text, /<script/);
  });

  it('names the section by the title its consultation gives it, on the form and when it is shown again', async () => {
    await app.request(
      `/api/v1/moderation/consultations/${encodeURIComponent(page)}`,
      moderator({ ...json({ title: 'Library review', sections: [{ id: 'intro', title: '1. Opening hours' }] }), method: 'PUT' }),
    );
    assert.match(await (await app.request(`/respond?page=${encodeURIComponent(page)}&section=intro`)).text(), /Section: 1\. Opening hours/);
    const refused = await app.request('/respond', form({ ...valid, name: '' }));
    assert.match(await refused.text(), /Section: 1\. Opening hours/);
  });

  it('shows GOV.UK errors on the same page, keeps what was typed, and stores nothing', async () => {
    const response = await app.request('/respond', form({ ...valid, name: '', email: 'not-an-email', body: '<b>kept</b> "as typed"' }));
    assert.equal(response.status, 400);
    const text = await response.text();
    assert.match(text, /<title>Error: Comment on this section<\/title>/);
    assert.match(text, /There is a problem/);
    assert.match(text, /<a href="#name">Enter your name<\/a>/);
    assert.match(text, /Enter an email address in the correct format, like name@example.com/);
    assert.match(text, /value="not-an-email"/);
    assert.match(text, />&lt;b&gt;kept&lt;\/b&gt; &quot;as typed&quot;<\/textarea>/);
    assert.equal((await storage.exportAll()).length, 0);
  });

  it('stores the comment once, however often the form is sent, and confirms with a link back', async () => {
    const sent = { ...valid, returnTo: 'http://localhost/consultation#comments-intro' };
    const first = await app.request('http://localhost/respond', form(sent));
    const again = await app.request('http://localhost/respond', form(sent));
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    const text = await first.text();
    assert.match(text, /Your comment has been sent/);
    assert.match(text, /It will be published once a moderator has approved it./);
    assert.match(text, /<a href="http:\/\/localhost\/consultation#comments-intro">Back to the section<\/a>/);
    const stored = await storage.exportAll();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.status, 'pending');
  });

  it('never links back to another website', async () => {
    const response = await app.request('http://localhost/respond', form({ ...valid, returnTo: 'https://phishing.example/login' }));
    const text = await response.text();
    assert.doesNotMatch(text, /phishing/);
    assert.match(text, /You can now close this page./);
  });

  it('speaks Welsh, and keeps a private response private', async () => {
    const response = await app.request('/respond', form({ ...valid, visibility: 'private', lang: 'cy', idempotency: 'cy-1' }));
    const text = await response.text();
    assert.match(text, /<html lang="cy">/);
    assert.match(text, /Mae eich sylw wedi’i anfon/);
    assert.match(text, /Mae wedi’i anfon yn breifat at y tîm/);
    assert.equal((await storage.exportAll())[0]!.status, 'received');
    const blank = await (await app.request('/respond', form({ ...valid, name: '', lang: 'cy', idempotency: 'cy-2' }))).text();
    assert.match(blank, /Rhowch eich enw/);
  });

  it('keeps a filled honeypot as spam, refuses other websites, and limits the rate', async () => {
    await app.request('/respond', form({ ...valid, website: 'https://spam.example', idempotency: 'bot' }));
    assert.equal((await storage.exportAll())[0]!.status, 'spam');
    const foreign = await app.request(
      'http://localhost/respond',
      form({ ...valid, idempotency: 'x' }, { Origin: 'https://attacker.example' }),
    );
    assert.equal(foreign.status, 403);
    app = testApp(storage, { rateLimiter: new RateLimiter(1) });
    await awayFromWindowEdge();
    assert.equal((await app.request('/respond', form({ ...valid, idempotency: 'r1' }))).status, 201);
    const limited = await app.request('/respond', form({ ...valid, idempotency: 'r2', body: 'Another' }));
    assert.equal(limited.status, 429);
    assert.match(await limited.text(), /Wait a minute, then try again/);
  });

  it('says when the link is missing its page or section', async () => {
    const response = await app.request('/respond?page=only-a-page');
    assert.equal(response.status, 400);
    assert.match(await response.text(), /missing its page or section/);
  });
});
