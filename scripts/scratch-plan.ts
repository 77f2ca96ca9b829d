import Database from 'better-sqlite3';
import { SqliteStorage } from '../server/src/storage/sqlite.js';
import { queueQueries } from '../server/src/storage/queue.js';
const s = new SqliteStorage('/tmp/plan2.db');
await s.close();
const db = new Database('/tmp/plan2.db');
const show = (q: string, p: unknown[]) =>
  console.log(
    db
      .prepare('EXPLAIN QUERY PLAN ' + q)
      .all(...p)
      .map((r: any) => r.detail)
      .join(' | '),
  );
show(queueQueries.uncampaigned, ['p', 's', 'pending', '9999', '9999', '', 51]);
show(queueQueries.ofCampaign, ['c', 'p', 's', 'pending', '9999', '9999', '', 51]);
show(queueQueries.rows(3), ['a', 'b', 'c']);
show(
  'UPDATE response_counts SET newest_at = (SELECT created_at FROM comments WHERE campaign IS ? AND page = ? AND section = ? AND status = ? ORDER BY created_at DESC, id DESC LIMIT 1)',
  [null, 'p', 's', 'x'],
);
