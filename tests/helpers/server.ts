import type { DataSource } from 'typeorm';
import { freshDatabase } from './db';
import { importSeeds } from '../../src/db/seed';
import { createApp, listen, type App, type AppOptions } from '../../src/server/app';

/**
 * Servers over one seeded database for a describe block (or a file): the
 * database is made before the tests and every server started is stopped
 * after them.
 */
export function seededServers(): { ds: () => DataSource; start: (options?: AppOptions) => Promise<{ app: App; url: string; port: number }> } {
  let ds: DataSource;
  const apps: App[] = [];
  beforeAll(async () => {
    ds = await freshDatabase();
    await importSeeds(ds);
  });
  afterAll(async () => {
    for (const a of apps) await a.apollo.stop();
    if (ds?.isInitialized) await ds.destroy();
  });
  return {
    ds: () => ds,
    start: async (options = {}) => {
      const app = await createApp(ds, options);
      apps.push(app);
      const port = await listen(app.httpServer, 0, '127.0.0.1');
      return { app, url: `http://127.0.0.1:${port}/graphql`, port };
    },
  };
}
