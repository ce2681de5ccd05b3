/**
 * The hierarchy at national scale: the whole-tree query with list counts, all
 * items beneath one province, and the cross-place views (effective items,
 * gaps, matters), p50/p99 per request on SQLite and PostgreSQL.
 * Run: npm run bench:hierarchy (or `-- --runs 30 --backends sqlite`).
 *
 * Each request runs through the executable schema with a fresh context (fresh
 * DataLoaders), as the server does; HTTP is left out so the figures are the
 * resolvers' and the database's.
 */
import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { StatementCounter } from '../src/db/statementCounter';
import { createContext } from '../src/graphql/loaders';
import { matterIndex } from '../src/graphql/matterIndex';
import { buildAppSchema } from '../src/graphql/schema';
import { openNational } from './nationalDb';
import { machine, mdTable, writeSection } from './report';

const TREE = `{ jurisdictions(level: PROVINCE, first: 100) { edges { node { code name listCount(includeDescendants: true)
  children { code name listCount(includeDescendants: true) children { code name listCount } } } } } }`;
const BENEATH = `query($code: ID!, $after: String) { jurisdiction(code: $code) { items(includeDescendants: true, first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name powerTypes jurisdictionCode } } } } }`;
const EFFECTIVE = `query($code: ID!) { jurisdiction(code: $code) { effectiveItems(first: 100) { totalCount edges { node { origin from { code } item { id name } levelRow { levelText } } } } } }`;
const GAPS = `query($code: ID!) { jurisdiction(code: $code) { gaps(first: 100) { totalCount edges { node { reasons matter { id name } siblings { code } } } } } }`;
// A comparison page: the matters that differ, how many places give each variant.
const MATTERS = `{ matters(first: 20, filter: { minJurisdictions: 2, inconsistent: true }) { totalCount edges { node { id name jurisdictionCount
  consistency { differences { aspect variants { values jurisdictionCount } } } } } } }`;

interface Stat {
  backend: string;
  query: string;
  runs: number;
  statements: number;
  p50: number;
  p99: number;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(schema: GraphQLSchema, ds: DataSource, counter: StatementCounter, source: string, variableValues?: Record<string, unknown>): Promise<{ ms: number; data: any; statements: number }> {
  counter.reset();
  const t0 = process.hrtime.bigint();
  const r = await graphql({ schema, source, variableValues, contextValue: createContext(ds) });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
  return { ms, data: r.data, statements: counter.count };
}

async function measure(backend: string, schema: GraphQLSchema, ds: DataSource, counter: StatementCounter, name: string, runs: number, one: () => Promise<{ ms: number; statements: number; note?: string }>): Promise<Stat> {
  await one(); // warm: statement cache, JIT, matter index
  const times: number[] = [];
  let statements = 0;
  let note = '';
  for (let i = 0; i < runs; i++) {
    const r = await one();
    times.push(r.ms);
    statements = r.statements;
    note = r.note ?? note;
  }
  times.sort((a, b) => a - b);
  const s = { backend, query: name, runs, statements, p50: percentile(times, 50), p99: percentile(times, 99), note };
  console.log(`${backend.padEnd(10)} ${name.padEnd(34)} p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  ${statements} statements  ${note}`);
  return s;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, backends: { type: 'string', default: 'sqlite,postgres' } } });
  const runs = Number(values.runs);
  const schema = await buildAppSchema();
  const stats: Stat[] = [];
  const facts: string[] = [];
  for (const backend of values.backends!.split(',')) {
    const counter = new StatementCounter();
    const { ds, counts } = await openNational(backend as 'sqlite' | 'postgres', { logger: counter });
    try {
      facts.push(`${backend}: ${counts.jurisdictions} jurisdictions, ${counts.lists} lists, ${counts.items} items, ${counts.citations} citations`);
      // The province with the most items beneath it, and a county of it that has siblings.
      const tree = (await run(schema, ds, counter, `{ jurisdictions(level: PROVINCE, first: 100) { edges { node { code listCount(includeDescendants: true) } } } }`)).data.jurisdictions.edges.map((e: any) => e.node);
      const province = [...tree].sort((a: any, b: any) => b.listCount - a.listCount)[0].code as string;
      const county = (await run(schema, ds, counter, `{ jurisdiction(code: "${province}") { descendants(level: COUNTY) { code } } }`)).data.jurisdiction.descendants[0].code as string;

      const t0 = process.hrtime.bigint();
      const index = await matterIndex(ds);
      const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
      facts.push(`${backend}: matters grouped in memory from every item in ${(buildMs / 1000).toFixed(1)} s (once per data revision): ${index.matters.length} matters, ${index.matters.filter((m) => m.jurisdictionCodes.length > 1).length} spanning more than one place`);

      stats.push(await measure(backend, schema, ds, counter, 'whole tree with list counts', runs, async () => {
        const r = await run(schema, ds, counter, TREE);
        let nodes = 0;
        for (const { node: p } of r.data.jurisdictions.edges) for (const c of (nodes++, p.children)) nodes += 1 + c.children.length;
        return { ...r, note: `${nodes} nodes` };
      }));
      stats.push(await measure(backend, schema, ds, counter, `items beneath ${province}, first page`, runs, async () => {
        const r = await run(schema, ds, counter, BENEATH, { code: province });
        return { ...r, note: `100 of ${r.data.jurisdiction.items.totalCount} items` };
      }));
      stats.push(await measure(backend, schema, ds, counter, `items beneath ${province}, every page`, Math.max(3, Math.round(runs / 10)), async () => {
        let ms = 0;
        let statements = 0;
        let after: string | null = null;
        let n = 0;
        let pages = 0;
        for (;;) {
          const r = await run(schema, ds, counter, BENEATH, { code: province, after });
          ms += r.ms;
          statements += r.statements;
          pages++;
          n += r.data.jurisdiction.items.edges.length;
          if (!r.data.jurisdiction.items.pageInfo.hasNextPage) break;
          after = r.data.jurisdiction.items.pageInfo.endCursor;
        }
        return { ms, statements, note: `${n} items in ${pages} pages` };
      }));
      stats.push(await measure(backend, schema, ds, counter, `effective items of ${county}`, runs, async () => {
        const r = await run(schema, ds, counter, EFFECTIVE, { code: county });
        return { ...r, note: `${r.data.jurisdiction.effectiveItems.totalCount} items` };
      }));
      stats.push(await measure(backend, schema, ds, counter, `gaps of ${county}`, runs, async () => {
        const r = await run(schema, ds, counter, GAPS, { code: county });
        return { ...r, note: `${r.data.jurisdiction.gaps.totalCount} gaps` };
      }));
      stats.push(await measure(backend, schema, ds, counter, 'inconsistent matters, first page', runs, async () => {
        const r = await run(schema, ds, counter, MATTERS);
        return { ...r, note: `20 of ${r.data.matters.totalCount}` };
      }));
    } finally {
      await ds.destroy();
    }
  }
  const rows: (string | number)[][] = [['backend', 'query', 'runs', 'SQL statements', 'p50 ms', 'p99 ms', 'result']];
  for (const s of stats) rows.push([s.backend, s.query, s.runs, s.statements, s.p50.toFixed(1), s.p99.toFixed(1), s.note]);
  writeSection(
    'hierarchy',
    `## The hierarchy at national scale (issue 5)

\`npm run bench:hierarchy\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}. The national corpus of \`bench/nationalDb.ts\`
(one list for every jurisdiction), each request through the executable schema with fresh DataLoaders, in process
(no HTTP); one warm-up request, then the runs shown. "Every page" walks \`endCursor\` to the end; its time is the sum.

${facts.map((f) => `- ${f}`).join('\n')}

${mdTable(rows)}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
