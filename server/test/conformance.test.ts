// The CommentsBackend and ModerationBackend contracts (test/conformance/) run against the in-page
// backend and against the reference server through the rest backend, on SQLite and on PostgreSQL.
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryBackend } from '../../src/backends/memory/memory-backend.js';
import { MemoryModeration } from '../../src/backends/memory/memory-moderation.js';
import { ModerationClient } from '../../src/backends/rest/moderation-client.js';
import { RestBackend } from '../../src/backends/rest/rest-backend.js';
import { backendConformance } from '../../test/conformance/backend-conformance.js';
import { moderationConformance } from '../../test/conformance/moderation-conformance.js';
import { readConfig, type ServerConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { postgresUrl, token } from './helpers.js';
import { emptyPostgres } from './processes.js';

const memory = new MemoryBackend({ latency: 0 });
let pages = 0;
backendConformance({
  name: 'memory',
  backend: memory,
  newPage: async () => `/conformance/${pages++}`,
  publish: async (id) => memory.moderate(id, 'published'),
  section: 'intro',
  refusesReusedKeys: true,
  // One in-page store holds one consultation, whatever the page: the question is taken away after its case.
  askQuestion: async (_page, question) => {
    memory.consultation = question ? { title: 'Conformance', sections: [{ id: 'intro', title: 'Introduction', question }] } : undefined;
  },
  reviseSections: async (_page, sections) => {
    const notes = Object.fromEntries((sections ?? []).map((each) => [each.id, each.note]));
    if (sections) memory.reviseConsultation({ title: 'Conformance', sections }, notes);
    else {
      memory.consultation = undefined;
      memory.wordings.clear();
    }
  },
});

moderationConformance({
  name: 'memory',
  section: 'intro',
  // The in-page store holds one page's consultation: each case has a store of its own.
  fresh: async () => {
    const page = `/conformance/moderation/${pages++}`;
    const reader = new MemoryBackend({ latency: 0, page });
    return { page, reader, moderation: new MemoryModeration(reader, 'demo'), refused: new MemoryModeration(reader, 'not the token') };
  },
});

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-conformance-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const databases = [
  { name: 'SQLite', url: async () => join(folder, 'comments.db') },
  ...(postgresUrl ? [{ name: 'PostgreSQL', url: async () => (await emptyPostgres(postgresUrl!), postgresUrl!) }] : []),
];
for (const database of databases) {
  const server: RunningServer = await startServer(
    readConfig(['--port', '0', '--db', await database.url()], { MODERATOR_TOKEN: token, RATE_LIMIT: '0', CACHE_MB: '0' }) as ServerConfig,
  );
  after(() => server.close());
  const reader = new RestBackend({ endpoint: server.url, retries: 0 });
  moderationConformance({
    name: `rest, the reference server on ${database.name}`,
    section: 'intro',
    fresh: async () => ({
      page: `/conformance/${database.name}/moderation/${pages++}`,
      reader,
      moderation: new ModerationClient({ endpoint: server.url, token }),
      refused: new ModerationClient({ endpoint: server.url, token: 'not-the-moderator-token-at-all' }),
    }),
  });
  backendConformance({
    name: `rest, the reference server on ${database.name}`,
    backend: new RestBackend({ endpoint: server.url, retries: 0 }),
    newPage: async () => `/conformance/${database.name}/${pages++}`,
    publish: async (id) => {
      const answer = await fetch(`${server.url}/api/v1/moderation/comments/${id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{"status":"published"}',
      });
      if (answer.status !== 200) throw new Error(`publishing ${id} answered ${answer.status}`);
    },
    section: 'intro',
    refusesReusedKeys: true,
    reviseSections: async (page, sections) => {
      // Each page has a consultation of its own, which no other case reads: nothing to take away.
      if (!sections) return;
      const answer = await fetch(`${server.url}/api/v1/moderation/consultations/${encodeURIComponent(page)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Conformance', sections }),
      });
      if (answer.status !== 200) throw new Error(`revising the sections answered ${answer.status}`);
    },
    askQuestion: async (page, question) => {
      // Each page has a consultation of its own, which no other case reads: nothing to take away.
      if (!question) return;
      const answer = await fetch(`${server.url}/api/v1/moderation/consultations/${encodeURIComponent(page)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Conformance', sections: [{ id: 'intro', title: 'Introduction', question }] }),
      });
      if (answer.status !== 200) throw new Error(`asking the question answered ${answer.status}`);
    },
  });
}
