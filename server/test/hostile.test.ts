import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CommentPage, CreatedComment, ErrorBody, limits } from '../../src/contract/index.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, json, moderator, testApp } from './helpers.js';

/** The hostile-input corpus: XSS vectors, URLs, broken markup, templates, bidi and invisible characters, emoji, long text, formulas. */
const corpus = JSON.parse(readFileSync(new URL('../../test/fixtures/hostile-strings.json', import.meta.url), 'utf8')) as {
  category: string;
  text: string;
}[];
const page = '/hostile';
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parses RFC 4180 CSV, quoted fields with commas, quotes and line breaks included. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += char;
  }
  return rows;
}

for (const driver of drivers) {
  describe(`the hostile-input corpus through the API on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    const accepted = new Map<string, { name: string; body: string }>();
    before(async () => {
      storage = await driver.open();
      app = testApp(storage, { moderation: 'pre' });
    });
    after(async () => storage.cleanup());

    it(`takes each of the ${corpus.length} strings as a name and as a comment whole, or refuses it with 400, never cut`, async () => {
      assert.ok(corpus.length >= 300);
      let refused = 0;
      for (const [i, { text }] of corpus.entries()) {
        for (const field of ['name', 'body'] as const) {
          const sent = {
            page,
            section: `s${i}`,
            name: 'Hostile Tester',
            email: 'hostile@example.com',
            body: 'A comment.',
            visibility: 'public',
            [field]: text,
          };
          const response = await app.request('/api/v1/comments', json(sent));
          const trimmed = text.trim();
          const max = field === 'name' ? limits.nameMax : limits.bodyMax;
          if (response.status === 201) {
            const { comment } = CreatedComment.parse(await response.json());
            // Trimming the ends is the contract's one change; everything else arrives byte for byte.
            assert.equal(comment[field], trimmed, `${field} #${i}`);
            accepted.set(comment.id, { name: comment.name ?? '', body: comment.body });
          } else {
            refused++;
            assert.equal(response.status, 400, `${field} #${i} got ${response.status}`);
            const error = ErrorBody.parse(await response.json());
            assert.ok(error.fields?.[field], `${field} #${i} is refused with a message for the ${field}`);
            assert.ok(trimmed.length === 0 || trimmed.length > max || lone.test(text), `${field} #${i} was refused but fits the contract`);
          }
        }
      }
      assert.ok(accepted.size > 550, `accepted ${accepted.size}`);
      console.log(`# ${driver.name}: ${accepted.size} accepted whole, ${refused} refused with 400`);
    });

    it('lists them, once approved, exactly as sent, and exports them in CSV (formulas defused) and JSON', async () => {
      for (const id of accepted.keys()) {
        const response = await app.request(
          `/api/v1/moderation/comments/${id}`,
          moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"published"}' }),
        );
        assert.equal(response.status, 200);
      }
      for (const [i] of corpus.entries()) {
        const listed = CommentPage.parse(
          await (await app.request(`/api/v1/comments?page=${encodeURIComponent(page)}&section=s${i}`)).json(),
        );
        for (const comment of listed.comments) assert.deepEqual({ name: comment.name, body: comment.body }, accepted.get(comment.id));
      }
      const exported = (await (
        await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=json`, moderator())
      ).json()) as {
        responses: { id: string; name: string; body: string }[];
      };
      for (const response of exported.responses) assert.deepEqual({ name: response.name, body: response.body }, accepted.get(response.id));

      const csv = parseCsv(
        (await (await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=csv`, moderator())).text()).replace(
          /^\uFEFF/,
          '',
        ),
      );
      const [header, ...rows] = csv;
      const column = (name: string) => header!.indexOf(name);
      const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      assert.equal(rows.length, accepted.size);
      for (const row of rows) {
        const expected = accepted.get(row[column('id')]!)!;
        assert.equal(row[column('name')], defused(expected.name));
        assert.equal(row[column('body')], defused(expected.body));
        for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, 'no cell starts a formula');
      }
    });
  });
}

describe('the hostile-input corpus in the form for readers without JavaScript', () => {
  it('shows every string back as text, never as markup, when the form is refused', async () => {
    const storage = (await drivers[0]!.open()) as Storage & { cleanup: () => unknown };
    const app = testApp(storage);
    try {
      for (const { text } of corpus) {
        // No email, so the form comes back with what was typed.
        const body = new URLSearchParams({
          page,
          section: 'intro',
          name: text,
          email: '',
          body: text,
          visibility: 'public',
          idempotency: 'x',
        });
        const response = await app.request('/respond', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
        assert.equal(response.status, 400);
        const html = await response.text();
        const kept = text.slice(0, limits.bodyMax * 2);
        const escaped = kept
          .replaceAll('&', '&amp;')
          .replaceAll('<', '&lt;')
          .replaceAll('>', '&gt;')
          .replaceAll('"', '&quot;')
          .replaceAll("'", '&#39;');
        if (!lone.test(text)) assert.ok(html.includes(escaped), 'the text comes back, escaped');
        // Anything that looks like a tag never appears raw: only its escaped form does.
        if (/<[a-z!?/]/i.test(kept)) assert.ok(!html.includes(kept), `the text never appears as markup: ${JSON.stringify(kept)}`);
      }
    } finally {
      await storage.cleanup();
    }
  });
});
