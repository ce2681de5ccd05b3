import 'reflect-metadata';
import { openDatabase } from '../db/dataSource';
import { parseDatabaseUrl } from '../db/config';
import { seedIfEmpty } from '../db/seed';
import { createApp, listen } from './app';
import { appOptionsFromEnv } from './config';

async function main(): Promise<void> {
  const options = appOptionsFromEnv(process.env); // before opening the database: a bad setting fails fast
  const config = parseDatabaseUrl(process.env.DATABASE_URL);
  const ds = await openDatabase(config);
  const seeded = await seedIfEmpty(ds);
  if (seeded) {
    for (const r of seeded) console.log(`seeded ${r.list.sourceFile}: ${r.list.itemCount} items, ${r.citations} citations, ${r.list.warnings.length} warnings`);
  }
  const { httpServer, apollo, lane } = await createApp(ds, options);
  // Up before the first flood, not started by it (a second or two of CPU just when the server is busiest).
  lane?.start();
  const port = await listen(httpServer, Number(process.env.PORT ?? 4000), process.env.HOST);
  const where = config.kind === 'sqlite' ? config.file : 'PostgreSQL';
  console.log(`权责清单 GraphQL at http://localhost:${port}/graphql (database: ${where})`);

  const stop = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    await apollo.stop();
    await ds.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
