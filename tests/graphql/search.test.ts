import { graphql, type ExecutionResult } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importSeeds } from '../../src/db/seed';
import { StatementCounter } from '../../src/db/statementCounter';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';

let ds: DataSource;
const counter = new StatementCounter();

async function run(source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> {
  return graphql({ schema: await buildAppSchema(), source, variableValues, contextValue: createContext(ds) });
}
async function data(source: string, variableValues?: Record<string, unknown>): Promise<any> {
  const r = await run(source, variableValues);
  expect(r.errors).toBeUndefined();
  return r.data;
}
const codeOf = async (source: string, variableValues?: Record<string, unknown>) => (await run(source, variableValues)).errors?.[0]?.extensions?.code;
/** The text of a highlight, offsets in code points. */
const cut = (text: string, h: { start: number; end: number }) => Array.from(text).slice(h.start, h.end).join('');

const ITEMS = `query($text: String!, $first: Int, $after: String, $jc: ID, $pt: PowerType) {
  searchItems(text: $text, first: $first, after: $after, jurisdictionCode: $jc, powerType: $pt) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor rank node { name subItem legalBasis jurisdictionCode powerTypes jurisdiction { name } } snippets { field text offset length highlights { start end } } }
  }
}`;

beforeAll(async () => {
  ds = await freshDatabase(undefined, { logger: counter });
  await importSeeds(ds);
});
afterAll(() => ds?.destroy());

describe('searchItems', () => {
  it('finds items with ranked edges and highlighted snippets of every field matched', async () => {
    const d = await data(ITEMS, { text: '医疗救助', first: 100 });
    const edges = d.searchItems.edges;
    expect(d.searchItems.totalCount).toBe(edges.length);
    expect(edges.length).toBeGreaterThan(5);
    for (const e of edges) {
      expect(e.snippets.length).toBeGreaterThan(0);
      for (const s of e.snippets) {
        expect(s.highlights.length).toBeGreaterThan(0);
        for (const h of s.highlights) {
          // A match the window cuts is highlighted as far as it shows.
          const edge = h.start === 0 || h.end === Array.from(s.text).length;
          if (edge) expect('医疗救助'.includes(cut(s.text, h))).toBe(true);
          else expect(cut(s.text, h)).toBe('医疗救助');
        }
      }
      const name = e.snippets.find((s: any) => s.field === 'NAME');
      if (name) expect(name).toMatchObject({ text: e.node.name, offset: 0 });
      expect(e.node.jurisdiction.name).toBeTruthy();
    }
    // Names weigh most: the best hit has the words in its name.
    expect(edges[0].node.name).toContain('医疗救助');
    const ranks = edges.map((e: any) => e.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const basis = edges.flatMap((e: any) => e.snippets).find((s: any) => s.field === 'LEGAL_BASIS' && s.offset > 0);
    if (basis) expect(basis.length).toBeGreaterThan(basis.offset);
  });

  it('matches every word, in any field, and says which', async () => {
    const d = await data(`query($text: String!) { searchItems(text: $text, first: 100) { edges { node { name subItem legalBasis fields { key text } } snippets { field text highlights { start end } } } } }`, { text: '医 监督检查' });
    const terms = ['医', '监督检查'];
    for (const { node, snippets } of d.searchItems.edges) {
      const full: Record<string, string | null> = {
        NAME: node.name, SUB_ITEM: node.subItem, LEGAL_BASIS: node.legalBasis,
        DUTIES: node.fields.filter((f: any) => f.key === 'responsibilities' || f.key === 'departmentDuties').map((f: any) => f.text).join('\n') || null,
      };
      const matched = Object.keys(full).filter((k) => terms.some((t) => full[k]?.includes(t)));
      expect(snippets.map((s: any) => s.field)).toEqual(matched);
      for (const t of terms) expect(matched.some((k) => full[k]!.includes(t))).toBe(true);
      for (const s of snippets) expect(full[s.field]).toContain(s.text);
    }
    const fields = new Set(d.searchItems.edges.flatMap((e: any) => e.snippets.map((s: any) => s.field)));
    expect(fields).toEqual(new Set(['NAME', 'LEGAL_BASIS', 'DUTIES']));
  });

  it('filters by jurisdiction and power type', async () => {
    const d = await data(ITEMS, { text: '医疗', first: 100, jc: '654028', pt: 'INSPECTION' });
    expect(d.searchItems.totalCount).toBeGreaterThan(0);
    for (const e of d.searchItems.edges) {
      expect(e.node.jurisdictionCode).toBe('654028');
      expect(e.node.powerTypes).toContain('INSPECTION');
    }
  });

  it('pages with opaque cursors, in a stable order', async () => {
    const all = (await data(ITEMS, { text: '医疗', first: 100 })).searchItems;
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const page: any = (await data(ITEMS, { text: '医疗', first: 9, after })).searchItems;
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e: any) => `${e.node.name}|${e.node.jurisdictionCode}|${e.rank}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e: any) => `${e.node.name}|${e.node.jurisdictionCode}|${e.rank}`));
    expect(all.totalCount).toBeGreaterThan(20);
  });

  it('refuses empty, overlong and malformed input with BAD_USER_INPUT', async () => {
    for (const text of ['', '   ', '\u3000', '\u0000', '医'.repeat(101)]) expect(await codeOf(ITEMS, { text })).toBe('BAD_USER_INPUT');
    expect(await codeOf(ITEMS, { text: '医疗', first: 101 })).toBe('BAD_USER_INPUT');
    expect(await codeOf(ITEMS, { text: '医疗', first: -1 })).toBe('BAD_USER_INPUT');
    expect(await codeOf(ITEMS, { text: '医疗', after: 'nonsense' })).toBe('BAD_USER_INPUT');
    const wrongShape = Buffer.from(JSON.stringify(['x', 1])).toString('base64url');
    expect(await codeOf(ITEMS, { text: '医疗', after: wrongShape })).toBe('BAD_USER_INPUT');
    expect((await data(ITEMS, { text: '😀'.repeat(100) })).searchItems.totalCount).toBe(0);
  });

  it('treats query syntax as text: no engine error, no extra hits', async () => {
    for (const text of ['"医疗" OR "x"', 'NEAR(医疗 救助)', '医疗*', "'; DROP TABLE item; --", '%', '_', '\\', 'name:医疗', '"', '医\u0000疗']) {
      const d = await data(ITEMS, { text, first: 100 });
      for (const e of d.searchItems.edges) for (const s of e.snippets) expect(s.highlights.length).toBeGreaterThan(0);
    }
    expect((await data(ITEMS, { text: '"医疗" OR "x"' })).searchItems.totalCount).toBe(0);
    expect((await data(ITEMS, { text: '%' })).searchItems.totalCount).toBe(1);
    expect((await data(`{ items(first: 1) { totalCount } }`)).items.totalCount).toBe(71);
  });

  it('costs a fixed number of statements: page, count, nodes, and one per nested loader', async () => {
    const measure = async (text: string, first: number) => {
      counter.reset();
      const d = await data(ITEMS, { text, first });
      return { statements: counter.count, edges: d.searchItems.edges.length };
    };
    const small = await measure('医疗救助', 2);
    const large = await measure('医疗', 100);
    expect(large.edges).toBeGreaterThan(small.edges * 10);
    // page + count + items + their long texts for the snippets (places are in memory).
    expect(small.statements).toBe(4);
    expect(large.statements).toBe(4);
  });
});

describe('searchStatutes', () => {
  const STATUTES = `query($text: String!, $first: Int, $after: String) {
    searchStatutes(text: $text, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { rank node { title aliases } snippets { field text highlights { start end } } } }
  }`;

  it('finds statutes by title and by any spelling, saying which matched', async () => {
    const d = await data(STATUTES, { text: '医疗保障', first: 100 });
    expect(d.searchStatutes.totalCount).toBeGreaterThan(0);
    for (const e of d.searchStatutes.edges) expect([e.node.title, ...e.node.aliases].some((t: string) => t.includes('医疗保障'))).toBe(true);
    const byAlias = await data(STATUTES, { text: '中华人民共和国社会保险法' });
    const sb = byAlias.searchStatutes.edges.find((e: any) => e.node.title === '社会保险法');
    expect(sb.snippets).toEqual([{ field: 'ALIAS', text: '中华人民共和国社会保险法', highlights: [{ start: 0, end: 12 }] }]);
    const short = await data(STATUTES, { text: '法', first: 100 });
    expect(short.searchStatutes.edges[0].snippets[0].field).toBe('TITLE');
  });

  it('pages and refuses bad input', async () => {
    const first = (await data(STATUTES, { text: '条例', first: 2 })).searchStatutes;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await data(STATUTES, { text: '条例', first: 100, after: first.pageInfo.endCursor })).searchStatutes;
    expect(next.edges.length).toBe(first.totalCount - 2);
    expect(next.edges.map((e: any) => e.node.title)).not.toContain(first.edges[0].node.title);
    expect(await codeOf(STATUTES, { text: ' ' })).toBe('BAD_USER_INPUT');
    expect(await codeOf(STATUTES, { text: 'x', first: 1000 })).toBe('BAD_USER_INPUT');
  });
});
