import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { sqliteStorage, testApp } from './helpers.js';

const repository = fileURLToPath(new URL('../../', import.meta.url));

describe('the moderators’ page, /moderate', () => {
  let storage: ReturnType<typeof sqliteStorage>;
  let app: ReturnType<typeof testApp>;
  beforeEach(() => {
    storage = sqliteStorage();
    app = testApp(storage, { assetsRoot: repository });
  });
  afterEach(() => storage.cleanup());

  it('offers the other language, and keeps the choice for this browser', async () => {
    const english = await app.request('/moderate');
    assert.equal(english.status, 200);
    const page = await english.text();
    assert.match(page, /<html lang="en">/);
    assert.match(page, /<a href="\/moderate\?lang=cy" hreflang="cy" lang="cy">Cymraeg<\/a>/);
    assert.match(english.headers.get('Content-Security-Policy')!, /script-src 'self'/);
    assert.equal(english.headers.get('Cache-Control'), 'no-store');
    assert.doesNotMatch(page, /<script>|style=/, 'no inline script or style');

    const chosen = await app.request('/moderate?lang=cy');
    assert.match(await chosen.text(), /<html lang="cy">[\s\S]*<title>Cymedroli sylwadau – civic-comments<\/title>[\s\S]*>English<\/a>/);
    const cookie = chosen.headers.get('Set-Cookie')!;
    assert.match(cookie, /^moderate_lang=cy; Path=\/moderate; Max-Age=31536000; SameSite=Lax; HttpOnly$/);
    const remembered = await app.request('/moderate', { headers: { Cookie: 'other=1; moderate_lang=cy' } });
    assert.match(await remembered.text(), /<html lang="cy">/);
    assert.equal(remembered.headers.get('Set-Cookie'), null);
    const behindProxy = await app.request('/moderate?lang=en', { headers: { 'X-Forwarded-Proto': 'https' } });
    assert.match(behindProxy.headers.get('Set-Cookie')!, /; Secure$/);
    assert.match(await (await app.request('/moderate?lang=fr')).text(), /<html lang="en">/, 'a language it does not speak is English');
  });
});
