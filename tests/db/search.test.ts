import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { backendUnderTest, freshDatabase } from '../helpers/db';
import { importSeeds, readManifest, SEEDS_DIR } from '../../src/db/seed';
import { importList } from '../../src/db/importer';
import { sql } from '../../src/db/bulk';
import { Item, Statute } from '../../src/db/entities';
import { itemTextFilter, searchItems, searchStatutes } from '../../src/db/search';
import { parseSearchText, ruleRank, SearchInputError } from '../../src/domain/searchQuery';
import { SearchTexts1795700000000 as SqliteSearchTexts } from '../../migrations/sqlite/1795700000000-SearchTexts';
import { SearchTexts1795700000000 as PostgresSearchTexts } from '../../migrations/postgres/1795700000000-SearchTexts';

const backend = backendUnderTest();
let ds: DataSource;
let items: Item[];
let statutes: Statute[];

beforeAll(async () => {
  ds = await freshDatabase();
  await importSeeds(ds);
  await reload();
});
afterAll(() => ds?.destroy());

async function reload(): Promise<void> {
  items = await ds.getRepository(Item).find();
  statutes = await ds.getRepository(Statute).find();
}

// The oracle: plain JS substring tests over the entities, written apart from the code under test.
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const termsOf = (text: string) => fold(text).split(/[\s\p{Cc}\p{Cs}]+/u).filter(Boolean);
const holdsAll = (texts: (string | null)[], text: string) => termsOf(text).every((t) => texts.some((x) => x != null && fold(x).includes(t)));
const itemTexts = (i: Item) => [i.name, i.subItem, i.legalBasis, ...i.fields.filter((f) => f.key === 'responsibilities' || f.key === 'departmentDuties').map((f) => f.text)];
const expectedItems = (text: string) => items.filter((i) => holdsAll(itemTexts(i), text)).map((i) => i.name + '|' + i.jurisdictionCode).sort();
const expectedStatutes = (text: string) => statutes.filter((s) => holdsAll([s.title, ...s.aliases], text)).map((s) => s.title).sort();

const nameOf = (id: string) => { const i = items.find((x) => x.id === id)!; return i.name + '|' + i.jurisdictionCode; };
async function foundItems(text: string): Promise<string[]> {
  const page = await searchItems(ds, parseSearchText(text), {}, 1000);
  expect(page.totalCount).toBe(page.hits.length);
  return page.hits.map((h) => nameOf(h.id)).sort();
}
async function foundStatutes(text: string): Promise<string[]> {
  const page = await searchStatutes(ds, parseSearchText(text), 1000);
  expect(page.totalCount).toBe(page.hits.length);
  return page.hits.map((h) => statutes.find((s) => s.id === h.id)!.title).sort();
}

const HOSTILE = [
  '"医疗" OR "x"', '医疗 OR x', 'NEAR(医疗 监督)', 'NEAR(a b)', '*', '医疗*', '^医疗', '-', '-医疗', ':', 'name:医疗', 'col:term', '{name}:医疗',
  '"', '"医疗', '医疗"', '""', '"""', "'", "'; DROP TABLE item; --", '%', '%%', '_', '__', '\\', '\\%', '50%', '(', ')', 'AND', 'OR', 'NOT', 'NEAR',
  '医\u0000疗', '\u0000医疗救助', '医疗\u001f救助', '😀', '😀😀', '😀😀😀', '医疗😀', '医😀', '\uD83D医疗', 'a\uDE00b', '第一百零三条:', '(2019年', '《社会保险法》',
  'DRG', 'drg', 'Drg 医疗', '医', '疗', '医疗', '医疗救助', '医疗 监督检查', '处罚 罚款 依据', '【法律】', '〔2018〕', '新党厅字〔2018〕172号',
];

describe(`search on ${backend}`, () => {
  it('finds exactly the items a plain substring test finds, for hostile and ordinary input', async () => {
    for (const text of HOSTILE) {
      const expected = expectedItems(text);
      expect({ text, found: await foundItems(text) }).toEqual({ text, found: expected });
    }
    // The seeds do have hits for these, so the comparisons above are not all empty.
    expect(expectedItems('医疗救助').length).toBeGreaterThan(5);
    expect(expectedItems('医疗 监督检查').length).toBeGreaterThan(5);
    expect(expectedItems('%').length).toBe(1);
    expect(expectedItems('DRG')).toEqual([]);
  });

  it('finds exactly the statutes a plain substring test finds', async () => {
    for (const text of [...HOSTILE, '医疗保障', '中华人民共和国社会保险法', '条例', '法']) {
      expect({ text, found: await foundStatutes(text) }).toEqual({ text, found: expectedStatutes(text) });
    }
    expect(expectedStatutes('中华人民共和国社会保险法')).toContain('社会保险法');
  });

  it('agrees with the substring oracle on random substrings of the seed texts (property)', async () => {
    const texts = items.flatMap(itemTexts).filter((t): t is string => !!t);
    const term = fc.tuple(fc.nat(texts.length - 1), fc.nat(), fc.integer({ min: 1, max: 6 })).map(([t, at, len]) => {
      const chars = Array.from(texts[t]);
      const start = at % chars.length;
      return chars.slice(start, start + len).join('');
    });
    const noise = fc.constantFrom('', '"', '%', '_', '\\', '*', ':', 'OR', '😀', "'", '-');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(term, noise), { minLength: 1, maxLength: 3 }), async (parts) => {
        const text = parts.map(([t, n]) => t + n).join(' ');
        if (!termsOf(text).length || [...text.trim()].length > 100) return;
        expect({ text, found: await foundItems(text) }).toEqual({ text, found: expectedItems(text) });
      }),
      { numRuns: 150 },
    );
  });

  it('pages in (rank desc, id) order with keyset cursors', async () => {
    for (const text of ['医疗', '医疗救助', '医 监督检查']) {
      const q = parseSearchText(text);
      const all = await searchItems(ds, q, {}, 100);
      const ranks = all.hits.map((h) => h.rank);
      for (let i = 1; i < all.hits.length; i++) {
        expect(ranks[i] < ranks[i - 1] || (ranks[i] === ranks[i - 1] && all.hits[i].id > all.hits[i - 1].id)).toBe(true);
      }
      const walked: string[] = [];
      let after = null;
      for (;;) {
        const page = await searchItems(ds, q, {}, 7, after);
        expect(page.totalCount).toBe(all.totalCount);
        walked.push(...page.hits.map((h) => h.id));
        if (!page.more) break;
        after = page.hits.at(-1)!;
      }
      expect(walked).toEqual(all.hits.map((h) => h.id));
    }
  });

  it('ranks names first, by the documented rule on both backends', async () => {
    const q = parseSearchText('监督检查');
    const page = await searchItems(ds, q, {}, 100);
    const inName = (id: string) => items.find((i) => i.id === id)!.name.includes('监督检查');
    expect(inName(page.hits[0].id)).toBe(true);
    const firstNot = page.hits.findIndex((h) => !inName(h.id));
    expect(firstNot).toBeGreaterThan(0);
    expect(page.hits.slice(firstNot).every((h) => !inName(h.id))).toBe(true);

    // The rank is exactly ruleRank, for short and long terms alike.
    const ruled = ['医疗', '监督检查', '医 监督检查', '罚款 处罚'];
    for (const text of ruled) {
      const rq = parseSearchText(text);
      for (const h of (await searchItems(ds, rq, {}, 100)).hits) {
        const i = items.find((x) => x.id === h.id)!;
        const t = itemTexts(i);
        const duties = t.slice(3).join('\n') || null;
        expect(h.rank).toBe(ruleRank(i.name + (i.subItem ? '\n' + i.subItem : ''), [i.legalBasis, duties], rq.terms, [...i.name].length));
      }
    }
  });

  it('filters by jurisdiction and power type', async () => {
    const q = parseSearchText('医疗');
    const nilka = await searchItems(ds, q, { jurisdictionCode: '654028' }, 100);
    expect(nilka.totalCount).toBe(expectedItems('医疗').filter((n) => n.endsWith('|654028')).length);
    expect(nilka.totalCount).toBeGreaterThan(0);
    const punish = await searchItems(ds, q, { powerType: 'PUNISHMENT' }, 100);
    const expected = items.filter((i) => i.powerTypes.includes('PUNISHMENT') && holdsAll(itemTexts(i), '医疗')).length;
    expect(punish.totalCount).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('gives the items query a text filter with the same semantics', async () => {
    for (const text of ['医疗 监督检查', '医', '"医疗" OR "x"', '%', 'DRG 医']) {
      const f = itemTextFilter(ds, 'it', text);
      const rows = await ds.manager.createQueryBuilder(Item, 'it').andWhere(f.sql, f.params).getMany();
      expect(rows.map((i) => i.name + '|' + i.jurisdictionCode).sort()).toEqual(expectedItems(text));
    }
    const two = [itemTextFilter(ds, 'it', '医疗'), itemTextFilter(ds, 'it', '监督检查', 'other')];
    const q = ds.manager.createQueryBuilder(Item, 'it');
    for (const f of two) q.andWhere(f.sql, f.params);
    expect(await q.getCount()).toBe(expectedItems('医疗 监督检查').length);
    expect(() => itemTextFilter(ds, 'it', '  ')).toThrow(SearchInputError);
  });

  it('stays in step with imports, re-imports, list deletes and statute updates', async () => {
    const entry = readManifest()[0];
    const original = fs.readFileSync(path.join(SEEDS_DIR, entry.file), 'utf8');
    const mine = items.filter((i) => i.jurisdictionCode === entry.jurisdictionCode);
    const victim = mine.find((i) => [...i.name].length >= 6)!;
    const word = '罕见检索词';
    expect(original.includes(victim.name)).toBe(true);
    // A re-import whose text changed replaces the list: the old name goes, the new one is found.
    await importList(ds, { bytes: Buffer.from(original.split(victim.name).join(word + victim.name.slice(2))), fileName: entry.file, jurisdictionCode: entry.jurisdictionCode, department: entry.department });
    await reload();
    expect(await foundItems(word)).toEqual(expectedItems(word));
    expect((await foundItems(word)).length).toBeGreaterThan(0);
    expect(await foundItems(victim.name)).toEqual(expectedItems(victim.name));
    await expectIndexComplete();

    // Deleting a list (cascading to its items) takes them out of the search.
    const listIds = [...new Set(items.filter((i) => i.jurisdictionCode === entry.jurisdictionCode).map((i) => i.listId))];
    for (const id of listIds) await sql(ds.manager, 'DELETE FROM power_list WHERE id = ?', [id]);
    await reload();
    expect(await foundItems(word)).toEqual([]);
    expect(await foundItems('医疗')).toEqual(expectedItems('医疗'));
    await expectIndexComplete();

    // The importer merges new spellings into a statute with an UPDATE.
    const st = statutes[0];
    await sql(ds.manager, 'UPDATE statute SET aliases = ? WHERE id = ?', [JSON.stringify([...st.aliases, '另一种写法ABC']), st.id]);
    await reload();
    expect(await foundStatutes('写法abc')).toEqual([st.title]);

    // Back to the seeds as shipped.
    await importList(ds, { bytes: Buffer.from(original), fileName: entry.file, jurisdictionCode: entry.jurisdictionCode, department: entry.department });
    await reload();
    expect(await foundItems('医疗救助')).toEqual(expectedItems('医疗救助'));
    await expectIndexComplete();
  });

  it('backfills rows that were there before the migration', async () => {
    const runner = ds.createQueryRunner();
    const migration = backend === 'sqlite' ? new SqliteSearchTexts() : new PostgresSearchTexts();
    try {
      await migration.down(runner);
      const left = backend === 'sqlite'
        ? await ds.query(`SELECT name FROM sqlite_master WHERE name LIKE '%item_text%' OR name LIKE '%search_text%'`)
        : await ds.query(`SELECT tablename FROM pg_tables WHERE tablename IN ('item_text', 'search_text')`);
      expect(left).toEqual([]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    await expectIndexComplete();
    // Each distinct text once: the seeds' items repeat their basis and duties texts.
    const n = async (q: string) => Number((await ds.query(q))[0].n);
    const referenced = await n(`SELECT count(DISTINCT id) AS n FROM (SELECT name_id AS id FROM item_text UNION ALL SELECT basis_id FROM item_text UNION ALL SELECT duties_id FROM item_text) r WHERE id IS NOT NULL`);
    expect(await n('SELECT count(*) AS n FROM search_text')).toBe(referenced);
    expect(referenced).toBeLessThan(items.length * 3);
    expect(await foundItems('医疗救助')).toEqual(expectedItems('医疗救助'));
    expect(await foundItems('医')).toEqual(expectedItems('医'));
    expect(await foundStatutes('医疗保障')).toEqual(expectedStatutes('医疗保障'));
  });

  it('uses the trigram index for a term of 3+ characters (query plan)', async () => {
    const q = parseSearchText('医疗救助');
    if (backend === 'sqlite') {
      const plan = await ds.query(`EXPLAIN QUERY PLAN SELECT rowid FROM search_text_fts WHERE search_text_fts MATCH ?`, ['"医疗救助"']);
      expect(plan.map((r: { detail: string }) => r.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    } else {
      const runner = ds.createQueryRunner();
      try {
        await runner.startTransaction();
        // Seeds are small enough for a sequential scan; forbid it to see that the index serves the query.
        await runner.query('SET LOCAL enable_seqscan = off');
        const f = itemTextFilter(ds, 'i', q.terms.join(' '));
        const where = f.sql.replace(/:search_(\d+)/g, (_, n) => `$${Number(n) + 1}`);
        const plan = (await runner.query(`EXPLAIN SELECT i.id FROM item i WHERE ${where}`, Object.values(f.params))).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/Bitmap Index Scan on "IDX_search_text_body"/);
        await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
    }
  });
});

/** Every item and statute is in the search tables once, and the triggers that keep them are there. */
async function expectIndexComplete(): Promise<void> {
  const count = async (q: string) => Number((await ds.query(q))[0].n);
  expect({
    items: await count('SELECT count(*) AS n FROM item_text'),
    missing: await count('SELECT count(*) AS n FROM item i WHERE NOT EXISTS (SELECT 1 FROM item_text s WHERE s.item_id = i.id)'),
    // Every text an item points at is there, and indexed.
    dangling: await count(`SELECT count(*) AS n FROM item_text x WHERE ${['name_id', 'basis_id', 'duties_id'].map((c) => `(x.${c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_text t WHERE t.id = x.${c}))`).join(' OR ')}`),
    statutes: await count('SELECT count(*) AS n FROM statute_search'),
  }).toEqual({ items: items.length, missing: 0, dangling: 0, statutes: statutes.length });
  if (backend === 'sqlite') {
    expect(await count('SELECT count(*) AS n FROM search_text_fts')).toBe(await count('SELECT count(*) AS n FROM search_text'));
    // A migration that rebuilds item or statute drops these; it must create them again.
    const triggers = (await ds.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE '%search%' OR name LIKE 'item_text%') ORDER BY name`)).map((r: { name: string }) => r.name);
    expect(triggers).toEqual(['item_text_delete', 'item_text_insert', 'item_text_update', 'search_text_delete', 'search_text_insert', 'statute_search_delete', 'statute_search_insert', 'statute_search_update']);
  } else {
    const triggers = (await ds.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE '%search%' OR tgname LIKE 'item_text%' ORDER BY tgname`)).map((r: { tgname: string }) => r.tgname);
    expect(triggers).toEqual(['item_text_insert', 'item_text_update', 'statute_search_insert', 'statute_search_update']);
    const indexes = await ds.query(`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'IDX\\_%search%' ORDER BY indexname`);
    expect(indexes.map((r: { indexname: string }) => r.indexname)).toEqual(['IDX_search_text_body', 'IDX_search_text_md5', 'IDX_statute_search_aliases', 'IDX_statute_search_title']);
  }
}
