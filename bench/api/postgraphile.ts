/**
 * PostGraphile 5 over the same PostgreSQL tables, the peer of the API bench.
 *
 * PostGraphile derives its schema from tables and foreign keys. What tables
 * alone cannot express (the distinct items citing an article, related items,
 * the shared articles of two items, text search) comes from SQL functions in
 * a schema of the bench's own, `pgl_bench`, created here idempotently: never
 * in the project's migrations, and only in the bench database.
 */
import './polyfill';
import { PG_SESSION_OPTIONS } from '../../src/db/config';
import http from 'node:http';
import { Client } from 'pg';

export const PGL_SCHEMA = 'pgl_bench';

/** The functions PostGraphile exposes: computed columns (first argument a row) and one root query. */
export const PGL_SQL = `
CREATE SCHEMA IF NOT EXISTS ${PGL_SCHEMA};

-- The search of ours on PostgreSQL (src/db/search.ts), for one term: the distinct texts
-- (public.search_text, kept by our SearchTexts migration) holding the ASCII-lowered text, then the
-- items whose name, basis or duties is one of them (public.item_text), with the same array forms as
-- ours, so that PostgreSQL plans both the same way.
-- search_items: by the rule rank (3 for the name, 1 for each other field, then shorter names), then ID.
-- items_matching: the same items in (jurisdiction, list, position) order, as items(text:) gives them.
CREATE OR REPLACE FUNCTION ${PGL_SCHEMA}.search_items(text text) RETURNS SETOF public.item LANGUAGE sql STABLE AS $$
  WITH t AS (SELECT id FROM public.search_text WHERE body LIKE '%' || replace(replace(replace(translate(text, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
  SELECT i.* FROM public.item_text x JOIN public.item i ON i.id = x.item_id
  WHERE x.name_id = ANY(ARRAY(SELECT id FROM t)) OR x.basis_id = ANY(ARRAY(SELECT id FROM t)) OR x.duties_id = ANY(ARRAY(SELECT id FROM t))
  ORDER BY (3 * (CASE WHEN x.name_id = ANY(ARRAY(SELECT id FROM t)) THEN 1 ELSE 0 END) + (CASE WHEN x.basis_id = ANY(ARRAY(SELECT id FROM t)) THEN 1 ELSE 0 END) + (CASE WHEN x.duties_id = ANY(ARRAY(SELECT id FROM t)) THEN 1 ELSE 0 END))
    + CAST(1 AS DOUBLE PRECISION) / (1 + x.name_length) DESC, i.id
$$;

CREATE OR REPLACE FUNCTION ${PGL_SCHEMA}.items_matching(text text) RETURNS SETOF public.item LANGUAGE sql STABLE AS $$
  WITH t AS (SELECT id FROM public.search_text WHERE body LIKE '%' || replace(replace(replace(translate(text, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
  SELECT i.* FROM public.item i
  WHERE i.id = ANY(ARRAY(SELECT x.item_id FROM public.item_text x WHERE x.name_id = ANY(ARRAY(SELECT id FROM t)) OR x.basis_id = ANY(ARRAY(SELECT id FROM t)) OR x.duties_id = ANY(ARRAY(SELECT id FROM t))))
  ORDER BY i.jurisdiction_code, i.list_id, i.position
$$;

-- Every item citing the article, once each, in (jurisdiction, list, position) order.
CREATE OR REPLACE FUNCTION ${PGL_SCHEMA}.article_items(a public.article) RETURNS SETOF public.item LANGUAGE sql STABLE AS $$
  SELECT i.* FROM public.item i
  WHERE EXISTS (SELECT 1 FROM public.citation c WHERE c.item_id = i.id AND c.article_id = a.id)
  ORDER BY i.jurisdiction_code, i.list_id, i.position
$$;

-- Items of other lists citing an article this item cites, in (jurisdiction, list, position) order (as ours).
CREATE OR REPLACE FUNCTION ${PGL_SCHEMA}.item_related_items(i public.item) RETURNS SETOF public.item LANGUAGE sql STABLE AS $$
  SELECT o.* FROM public.item o
  WHERE o.list_id <> i.list_id AND o.id IN (
    SELECT other.item_id FROM public.citation mine
    JOIN public.citation other ON other.article_id = mine.article_id AND other.item_id <> mine.item_id
    WHERE mine.item_id = i.id)
  ORDER BY o.jurisdiction_code, o.list_id, o.position
$$;

-- The articles this item and another both cite, by ID.
CREATE OR REPLACE FUNCTION ${PGL_SCHEMA}.item_shared_articles(i public.item, with_item text) RETURNS SETOF public.article LANGUAGE sql STABLE AS $$
  SELECT a.* FROM public.article a
  WHERE a.id IN (SELECT c.article_id FROM public.citation c WHERE c.item_id = i.id)
    AND a.id IN (SELECT c.article_id FROM public.citation c WHERE c.item_id = with_item)
  ORDER BY a.id
$$;
`;

/** Creates (or replaces) the bench's functions; safe to run on every start. */
export async function ensurePglSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(PGL_SQL);
  } finally {
    await client.end();
  }
}

/** Starts PostGraphile (Amber preset, defaults otherwise) on a port; GraphQL at /graphql, health at /healthz. */
export async function startPostgraphile(url: string, port: number): Promise<{ server: http.Server; release: () => Promise<void> }> {
  // Loaded lazily so the polyfill is in place first and the other servers never load PostGraphile.
  // The subpaths exist only as package "exports", which tsc's node10 resolution does not read:
  // required by their public names, typed from the files they point to.
  const { postgraphile } = require('postgraphile') as typeof import('postgraphile/dist/index');
  const { PostGraphileAmberPreset } = require('postgraphile/presets/amber') as typeof import('postgraphile/dist/presets/amber');
  const { makePgService } = require('postgraphile/adaptors/pg') as typeof import('@dataplan/pg/dist/adaptors/pg');
  const { grafserv } = require('postgraphile/grafserv/node') as typeof import('grafserv/dist/servers/node/index');
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    // The session settings ours runs with (no JIT, no parallel workers): the comparison is of servers, not of tuning.
    pgServices: [makePgService({ connectionString: withSessionOptions(url), schemas: ['public', PGL_SCHEMA] })],
    grafserv: { graphqlPath: '/graphql', watch: false },
  });
  const serv = pgl.createServ(grafserv);
  await pgl.getSchema(); // introspect before accepting traffic
  const handler = serv.createHandler();
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    release: async () => void (await pgl.release()),
  };
}

/** The connection string with our PostgreSQL session settings, as libpq's `options` parameter. */
function withSessionOptions(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(PG_SESSION_OPTIONS)}`;
}
