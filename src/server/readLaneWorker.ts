/** Worker thread of the read lane (see ReadLane): executes GraphQL reads on a database connection of its own. */
import './lowPriority';
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { HeaderMap } from '@apollo/server';
import { createDataSource } from '../db/dataSource';
import { createContext } from '../graphql/loaders';
import { startApollo } from './apollo';
import { withMeta, type RequestMeta } from './graphqlHttp';
import { laneTurn, type LaneReply, type LaneRequest, type LaneWorkerData } from './readLane';

const port = parentPort!;
const post = (m: LaneReply) => port.postMessage(m);
const encoder = new TextEncoder();

async function main(): Promise<void> {
  const { db, settings, busy } = workerData as LaneWorkerData;
  const turn = laneTurn(new Int32Array(busy));
  const ds = createDataSource(db);
  await ds.initialize();
  // Internal errors are logged where the main thread logs them.
  const apollo = await startApollo(settings, (e) => post({ log: e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) } }));
  port.on('message', async (m: LaneRequest | 'close') => {
    if (m === 'close') {
      await apollo.stop().catch(() => undefined);
      await ds.destroy().catch(() => undefined);
      port.close();
      return;
    }
    try {
      const meta: RequestMeta = {};
      const headers = new HeaderMap();
      for (const [k, v] of m.headers) headers.set(k, v);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: m.method, headers, search: m.search, body: m.body },
        // Reads only (the main thread sends no mutation here): writes stay where the write lock is.
        context: async () => withMeta(createContext(ds, { batch: true, write: 'off', turn }), meta),
      });
      let body: string;
      if (response.body.kind === 'complete') body = response.body.string;
      else {
        body = '';
        for await (const chunk of response.body.asyncIterator) body += chunk;
      }
      // Its own buffer (Buffer.from may hand out a slice of a shared pool), moved to the main thread.
      const bytes = encoder.encode(body);
      port.postMessage({ id: m.id, status: response.status ?? 200, headers: [...response.headers], body: bytes, meta } satisfies LaneReply, [bytes.buffer]);
    } catch (e) {
      post({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  post({ ready: true });
}

main().catch((e) => post({ failed: e instanceof Error ? e.message : String(e) }));
