import { SqliteStorage } from '../server/src/storage/sqlite.js';
try {
  const s = new SqliteStorage('/tmp/mig-test.db');
  await s.close();
  console.log('ok');
} catch (e) {
  console.log(e);
}
