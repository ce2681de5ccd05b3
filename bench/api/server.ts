/**
 * Child-process entry of the API bench: starts one server under test and
 * prints `LISTENING <port>` once it accepts requests. The spec comes as JSON
 * in argv[2]. Run by bench/api/index.ts, one server at a time.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type http from 'node:http';
import type { DbConfig } from '../../src/db/config';

export type ServerSpec =
  | { kind: 'ours'; db: DbConfig; batch: boolean; responseCache: boolean }
  | { kind: 'bare'; capturedFile: string }
  | { kind: 'postgraphile'; url: string };

function port(server: http.Server): number {
  const a = server.address();
  return typeof a === 'object' && a ? a.port : 0;
}

async function start(spec: ServerSpec): Promise<http.Server> {
  if (spec.kind === 'ours') {
    const { openDatabase } = await import('../../src/db/dataSource');
    const { createApp, listen } = await import('../../src/server/app');
    const { appOptionsFromEnv } = await import('../../src/server/config');
    const ds = await openDatabase(spec.db);
    // The environment's settings (README, Configuration) apply as they do to `npm start`.
    const { httpServer, lane } = await createApp(ds, { ...appOptionsFromEnv(process.env), batch: spec.batch, responseCache: spec.responseCache });
    // As npm start does.
    lane?.start();
    await listen(httpServer, 0, '127.0.0.1');
    return httpServer;
  }
  if (spec.kind === 'bare') {
    const { createBareServer } = await import('./bare');
    const server = createBareServer(JSON.parse(fs.readFileSync(spec.capturedFile, 'utf8')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  }
  const { ensurePglSchema, startPostgraphile } = await import('./postgraphile');
  await ensurePglSchema(spec.url);
  return (await startPostgraphile(spec.url, 0)).server;
}

start(JSON.parse(process.argv[2]) as ServerSpec).then(
  (server) => {
    console.log(`LISTENING ${port(server)}`);
    // The parent ends us with SIGTERM; leave at once (nothing to flush).
    process.once('SIGTERM', () => process.exit(0));
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
