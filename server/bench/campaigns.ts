// Campaign grouping, measured: precision and recall on the test corpus at the chosen threshold and
// around it, then the time to group responses with 100,000 already stored, on SQLite (and on
// PostgreSQL with --postgres, which needs TEST_DATABASE_URL). Run with `npm run bench`, or alone:
//   node --import tsx server/bench/campaigns.ts [--responses 100000] [--postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { campaignStep, type Candidate } from '../src/campaigns/assign.js';
import { campaignThreshold, encodeSignature } from '../src/campaigns/fingerprint.js';
import { CampaignGrouper, fingerprinted } from '../src/campaigns/grouper.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { tables } from '../src/storage/migrations.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/storage.js';
import { campaignCorpus, pairwise } from '../test/fixtures/campaign-corpus.js';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '100000' }, postgres: { type: 'boolean' } } });
const stored = Number(values.responses);

// ---- Precision and recall on the corpus, at thresholds around the chosen one ------------------

/** Groups the corpus in memory exactly as storage does: in order, through shared bands, best match first. */
function groupCorpus(threshold: number): Map<string, string> {
  const byBand = new Map<string, Candidate[]>();
  const campaignOf = new Map<string, string>();
  for (const text of campaignCorpus) {
    const item = fingerprinted({ id: text.id, page: '/corpus', body: text.text, role: 'reader' });
    const candidates = [...new Set(item.bands.flatMap((band) => byBand.get(band) ?? []))].map((candidate) => ({
      ...candidate,
      campaign: campaignOf.get(candidate.id) ?? null,
    }));
    const step = campaignStep(item, candidates, threshold);
    if (step.campaign) {
      campaignOf.set(item.id, step.campaign);
      if (step.leader && !campaignOf.has(step.leader)) campaignOf.set(step.leader, step.campaign);
    }
    if (step.keepBands)
      for (const band of item.bands)
        byBand.set(band, [...(byBand.get(band) ?? []), { id: item.id, campaign: null, fingerprint: item.fingerprint }]);
  }
  return campaignOf;
}

const campaigns = new Set(campaignCorpus.map((text) => text.truth)).size;
console.log(
  `Campaign corpus: ${campaignCorpus.length} texts, ${campaigns} truths (6 campaigns of 10 edited copies, and responses written on their own)`,
);
console.log('threshold  precision  recall');
for (const threshold of [0.2, 0.25, 0.3, campaignThreshold, 0.4, 0.5, 0.6, 0.7, 0.8].sort()) {
  const grouped = groupCorpus(threshold);
  const { precision, recall } = pairwise(campaignCorpus, (text) => grouped.get(text.id) ?? text.id);
  console.log(
    `${threshold.toFixed(2).padStart(9)}  ${precision.toFixed(3).padStart(9)}  ${recall.toFixed(3).padStart(6)}${threshold === campaignThreshold ? '   <- chosen' : ''}`,
  );
}

// ---- Grouping with many responses stored ------------------------------------------------------

/** A small seeded generator, so that every run groups the same responses. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const next = random(42);
const vocabulary = (
  'the council should people our street park road library bus children school traffic homes rent parking permit cost money ' +
  'please keep close open stop build safe green space plan town centre shops station evening weekend older young family ' +
  'residents community local service services fair unfair support object agree disagree because would could more less new ' +
  'old time every day week year years cars bikes cycle lane lanes walk walking noise air pollution trees flooding drains ' +
  'housing landlords tenants repairs damp heating energy bills council tax budget cuts staff hours access disabled carers'
).split(' ');
const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
const letters = Array.from({ length: 20 }, () => words(60));

/** A response: two in five are copies of one of twenty campaign letters, a few of them edited. */
function response(): string {
  if (next() < 0.4) {
    const letter = letters[Math.floor(next() * letters.length)]!;
    return next() < 0.3 ? `${letter} ${words(8)}` : letter;
  }
  return words(20 + Math.floor(next() * 60));
}

async function openStorage(kind: 'sqlite' | 'postgres'): Promise<{ storage: Storage; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'civic-campaigns-'));
    const storage = new SqliteStorage(join(folder, 'comments.db'));
    return {
      storage,
      cleanup: async () => {
        await storage.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('--postgres needs TEST_DATABASE_URL.');
  const storage = await PostgresStorage.open(url);
  const sql = (storage as unknown as { sql: { unsafe: (q: string) => Promise<unknown> } }).sql;
  await sql.unsafe(`TRUNCATE ${tables.filter((table) => table !== 'server_secrets' && table !== 'schema_migrations').join(', ')}`);
  return { storage, cleanup: () => storage.close() };
}

async function storeMany(storage: Storage, count: number): Promise<void> {
  const inFlight = 200;
  for (let done = 0; done < count; done += inFlight) {
    await Promise.all(
      Array.from({ length: Math.min(inFlight, count - done) }, (_, i) =>
        storage.create({
          page: '/bench',
          section: `s${(done + i) % 9}`,
          parentId: null,
          name: 'Reader',
          email: `r${done + i}@example.com`,
          body: response(),
          visibility: 'public',
          status: 'pending',
          role: 'reader',
        }),
      ),
    );
  }
}

async function measure(kind: 'sqlite' | 'postgres'): Promise<void> {
  const { storage, cleanup } = await openStorage(kind);
  const grouper = new CampaignGrouper(storage);
  try {
    let started = performance.now();
    await storeMany(storage, stored);
    const storing = performance.now() - started;
    started = performance.now();
    await grouper.groupNow();
    const grouping = performance.now() - started;
    const arrivals = 1000;
    await storeMany(storage, arrivals);
    started = performance.now();
    await grouper.groupNow();
    const late = performance.now() - started;
    started = performance.now();
    const page = await storage.listForModeration({ page: '/bench', status: 'pending' }, 50);
    const listing = performance.now() - started;
    const members = page.items.filter((item) => item.campaign).reduce((sum, item) => sum + (item.shownTogether ?? 1), 0);
    console.log(
      `\n${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${stored.toLocaleString('en-GB')} responses (two in five copies of 20 campaign letters):`,
    );
    console.log(
      `  stored in ${(storing / 1000).toFixed(1)} s; grouped, all of them, in ${(grouping / 1000).toFixed(1)} s (${Math.round(stored / (grouping / 1000)).toLocaleString('en-GB')} a second)`,
    );
    console.log(
      `  ${arrivals.toLocaleString('en-GB')} more arriving with ${stored.toLocaleString('en-GB')} stored: grouped in ${late.toFixed(0)} ms, ${(late / arrivals).toFixed(2)} ms each`,
    );
    console.log(
      `  the queue's first page, each campaign once: ${listing.toFixed(0)} ms (${page.items.length} items standing for ${page.items.reduce((sum, item) => sum + (item.shownTogether ?? 1), 0).toLocaleString('en-GB')} responses, ${members.toLocaleString('en-GB')} of them in campaigns)`,
    );
    console.log(`  fingerprint size: ${encodeSignature(new Uint32Array(64)).length} characters a response`);
  } finally {
    await grouper.stop();
    await cleanup();
  }
}

await measure('sqlite');
if (values.postgres) await measure('postgres');
