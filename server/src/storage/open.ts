import { PostgresStorage } from './postgres.js';
import { SqliteStorage } from './sqlite.js';
import type { Storage } from './storage.js';

/** Opens the database that `DATABASE_URL` names: a `postgres://` URL, or else a SQLite file path. */
export async function openStorage(databaseUrl: string): Promise<Storage> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return PostgresStorage.open(databaseUrl);
  return new SqliteStorage(databaseUrl.replace(/^sqlite:(\/\/)?/, ''));
}
