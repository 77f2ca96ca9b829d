// A consultation of realistic responses for the benchmarks, written straight into the database:
// about 60 words each, two in five a copy of one of ten 40-word campaign letters (already grouped,
// so that the server's grouping does not run beside what is measured), over nine sections, a third
// pending, from as many addresses, with an audit log of one decision for every second response.
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { tables } from '../src/storage/migrations.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { SqliteStorage } from '../src/storage/sqlite.js';

export const benchPage = '/bench/consultation';

const words =
  'library opening hours evening weekend children school books study quiet space staff volunteers budget council local community access bus parking ramp lift toilets computers printing help older people digital skills events reading groups families safe warm welcoming'.split(
    ' ',
  );
let seed = 7;
/** The same numbers on every run, so that runs compare. */
export const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
const letters = Array.from({ length: 10 }, (_, i) => `Campaign letter ${i + 1}: ${sentence(38)}.`);

/** The reference of the i-th response. */
export const referenceOf = (i: number) => `CC-${String(i).padStart(8, '0')}`;

/** One response as the comments table keeps it. */
export function responseRow(i: number, page = benchPage) {
  const copy = i % 5 < 2;
  const at = new Date(Date.UTC(2027, 0, 1) + i * 1000).toISOString();
  return {
    id: `bench${String(i).padStart(10, '0')}`,
    page,
    section: `section-${i % 9}`,
    parent_id: null,
    name: `Respondent ${i}`,
    email: `respondent${i}@example.com`,
    body: copy ? letters[i % 10]! : `${sentence(60)}.`,
    visibility: 'public',
    status: i % 3 ? 'published' : 'pending',
    created_at: at,
    updated_at: at,
    role: 'reader',
    reference: referenceOf(i),
    fingerprint: 'bench',
    campaign: copy ? `campaign-${i % 10}` : null,
  };
}
const columns = Object.keys(responseRow(0)) as (keyof ReturnType<typeof responseRow>)[];

/** One entry of the audit log: the decision on the (2j)-th response, by one of five moderators. */
function auditRow(j: number, page = benchPage) {
  const i = 2 * j;
  return {
    at: new Date(Date.UTC(2027, 0, 1) + i * 1000 + 500).toISOString(),
    moderator: `Moderator ${j % 5}`,
    action: 'status',
    comment_id: responseRow(i, page).id,
    reference: referenceOf(i),
    page,
    section: `section-${i % 9}`,
    from_value: 'pending',
    to_value: i % 3 ? 'published' : 'pending',
  };
}
const auditColumns = Object.keys(auditRow(0)) as (keyof ReturnType<typeof auditRow>)[];

export async function seedSqlite(file: string, count: number, { audit = false } = {}): Promise<void> {
  await new SqliteStorage(file).close();
  const db = new Database(file);
  const insert = db.prepare(`INSERT INTO comments (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const log = db.prepare(`INSERT INTO audit_log (${auditColumns.join(', ')}) VALUES (${auditColumns.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(...Object.values(responseRow(i)));
    if (audit) for (let j = 0; j < count / 2; j++) log.run(...Object.values(auditRow(j)));
  })();
  db.close();
}

export async function seedPostgres(url: string, count: number, { audit = false } = {}): Promise<void> {
  await (await PostgresStorage.open(url)).close();
  const sql = postgres(url, { onnotice: () => undefined });
  await sql.unsafe(`TRUNCATE ${tables.filter((t) => t !== 'server_secrets' && t !== 'schema_migrations').join(', ')}`);
  for (let from = 0; from < count; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - from) }, (_, j) => responseRow(from + j));
    await sql`INSERT INTO comments ${sql(rows, columns)}`;
  }
  if (audit)
    for (let from = 0; from < count / 2; from += 1000) {
      const rows = Array.from({ length: Math.min(1000, count / 2 - from) }, (_, j) => auditRow(from + j));
      await sql`INSERT INTO audit_log ${sql(rows, auditColumns)}`;
    }
  await sql.unsafe('ANALYZE');
  await sql.end();
}
