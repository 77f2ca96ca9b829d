import { ConfigError, readConfig, usage } from './config.js';
import { moderatorsCommand, moderatorsUsage } from './moderators.js';
import { seedDemo } from './seed.js';
import { startServer } from './server.js';

/** Starts the server from the command line, printing where it listens and, once, a new moderator token. */
export async function main(argv = process.argv.slice(2), env = process.env): Promise<void> {
  if (argv[0] === 'moderators') {
    const result = await moderatorsCommand(argv.slice(1), env);
    for (const line of result.out) console.log(line);
    for (const line of result.errors) console.error(`civic-comments-server: ${line}`);
    if (result.usage) console.error(moderatorsUsage);
    process.exit(result.code);
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(argv, env);
  } catch (error) {
    console.error(`civic-comments-server: ${error instanceof ConfigError || error instanceof TypeError ? error.message : String(error)}`);
    console.error(usage);
    process.exit(2);
  }
  if (config === 'help') {
    console.log(usage);
    return;
  }
  const server = await startServer(config);
  if (config.seed) await seedDemo(server.storage);
  const database = server.storage.kind === 'sqlite' ? `SQLite ${config.databaseUrl}` : 'PostgreSQL';
  console.log(`civic-comments-server listening on ${server.url} (${database}, ${config.moderation}-moderation)`);
  if (config.demo) console.log(`Demonstration: ${server.url}/demo/   Script tag: ${server.url}/civic-comments.js`);
  if (config.tokenGenerated) {
    console.log(`Moderator token (made for this run; set MODERATOR_TOKEN to keep one): ${config.moderatorToken}`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // server.close() ends connections left open past SHUTDOWN_TIMEOUT; storage is closed after.
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
