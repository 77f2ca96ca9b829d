/** The reference server as a library: build the app around your own storage, or start it whole. */
export { createApp, type AppOptions } from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export { startServer, type RunningServer } from './server.js';
export { openStorage } from './storage/open.js';
export { SqliteStorage } from './storage/sqlite.js';
export { PostgresStorage } from './storage/postgres.js';
export type { Storage, StoredComment, NewRecord } from './storage/storage.js';
export { RateLimiter } from './http/rate-limit.js';
export { moderatorsCommand } from './moderators.js';
