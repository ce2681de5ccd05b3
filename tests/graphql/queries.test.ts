import { graphql, type ExecutionResult } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importSeeds } from '../../src/db/seed';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';

let ds: DataSource;
async function run(source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> {
  return graphql({ schema: await buildAppSchema(), source, variableValues, contextValue: createContext(ds) });
}
/** The nodes of a connection. */
const nodes = (c: any): any[] => c.edges.map((e: any) => e.node);

async function data(source: string, variableValues?: Record<string, unknown>): Promise<any> {
  const r = await run(source, variableValues);
  expect(r.errors).toBeUndefined();
  return r.data;
}

beforeAll(async () => {
  ds = await freshDatabase();
  await importSeeds(ds);
});
afterAll(() => ds?.destroy());

describe('the first GraphQL surface on the seed lists', () => {
  it('walks the tree from the roots down to 尼勒克县 and its list', async () => {
    const d = await data(`{ jurisdictions(level: PROVINCE, first: 100) { edges { node { code name level children { code name children { code name level parent { code } lists { edges { node { department itemCount items(first: 100) { totalCount edges { node { seq name } } } } } } } } } } } }`);
    const roots = nodes(d.jurisdictions).map((j: any) => j.code);
    expect(roots).toHaveLength(34);
    expect(roots).toEqual(expect.arrayContaining(['150000', '220000', '620000', '650000']));
    const xj = nodes(d.jurisdictions).find((j: any) => j.code === '650000');
    const ili = xj.children.find((c: any) => c.code === '654000');
    expect(ili.name).toBe('伊犁哈萨克自治州');
    const nilka = ili.children.find((c: any) => c.code === '654028');
    expect(nilka).toMatchObject({ name: '尼勒克县', level: 'COUNTY', parent: { code: '654000' } });
    expect(nodes(nilka.lists)).toHaveLength(1);
    expect(nodes(nilka.lists)[0].department).toBe('尼勒克县医疗保障局');
    expect(nodes(nodes(nilka.lists)[0].items)).toHaveLength(23);
    expect(nodes(nilka.lists)[0].items.totalCount).toBe(23);
  });

  it('looks up a jurisdiction by code, with its lists and items', async () => {
    const d = await data(`{ jurisdiction(code: "220500") { name level parent { name } lists { edges { node { layout itemCount sourceFile sha256 } } } items(first: 100) { totalCount edges { node { name powerTypes } } } } }`);
    expect(d.jurisdiction.name).toBe('通化市');
    expect(d.jurisdiction.parent.name).toBe('吉林省');
    expect(nodes(d.jurisdiction.lists)[0].itemCount).toBe(16);
    expect(nodes(d.jurisdiction.lists)[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.jurisdiction.items.totalCount).toBe(16);
    expect(d.jurisdiction.items.edges.map((e: any) => e.node).find((i: any) => i.name === '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理').powerTypes).toEqual(['INSPECTION', 'PUNISHMENT']);
    expect((await data(`{ jurisdiction(code: "000000") { code } }`)).jurisdiction).toBeNull();
  });

  it('pages through items with stable cursors and filters by power type', async () => {
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: any = await data(`query($after: String) { items(first: 10, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(d.items.totalCount).toBe(71);
      all.push(...d.items.edges.map((e: any) => e.node.id));
      if (!d.items.pageInfo.hasNextPage) break;
      after = d.items.pageInfo.endCursor;
    }
    expect(all).toHaveLength(71);
    expect(new Set(all).size).toBe(71);

    const punish = await data(`{ items(powerType: PUNISHMENT, first: 100) { totalCount edges { node { powerTypes } } } }`);
    expect(punish.items.totalCount).toBeGreaterThan(0);
    for (const e of punish.items.edges) expect(e.node.powerTypes).toContain('PUNISHMENT');
    const nilkaInspect = await data(`{ items(jurisdictionCode: "654028", powerType: INSPECTION) { totalCount } }`);
    expect(nilkaInspect.items.totalCount).toBe(9);

    const tooMany = await run(`{ items(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await run(`{ items(after: "nonsense") { totalCount } }`);
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('follows an item to its citations, the cited article, and every item citing it across jurisdictions', async () => {
    const d = await data(`{ statute(title: "《中华人民共和国社会保险法》") { title aliases article(number: 87) { number statute { title } items(first: 100) { edges { node { jurisdiction { code } name } } } } } }`);
    expect(d.statute.title).toBe('社会保险法');
    const codes = new Set(nodes(d.statute.article.items).map((i: any) => i.jurisdiction.code));
    expect([...codes]).toEqual(expect.arrayContaining(['150000', '620602', '654028']));

    const item = nodes(d.statute.article.items).find((i: any) => i.jurisdiction.code === '620602');
    const withCitations = await data(`{ items(jurisdictionCode: "620602", first: 1) { edges { node { id name citations { field textAsWritten span { start end } statute { title } article { number } } relatedItems(first: 100) { edges { node { jurisdiction { code } } articles { number } } } } } } }`);
    const node = withCitations.items.edges[0].node;
    expect(node.name).toBe(item.name);
    expect(node.citations.some((c: any) => c.statute.title === '社会保险法' && c.article?.number === 87 && c.field === 'legalBasis')).toBe(true);
    const related = node.relatedItems.edges.filter((r: any) => r.articles.some((a: any) => a.number === 87));
    expect(related.map((r: any) => r.node.jurisdiction.code)).toEqual(expect.arrayContaining(['150000', '654028']));
  });

  it('finds a statute by any spelling and returns null for an unknown one', async () => {
    expect((await data(`{ statute(title: "社会保险法") { title } }`)).statute.title).toBe('社会保险法');
    expect((await data(`{ statute(title: "《不存在的法》") { title } }`)).statute).toBeNull();
  });

  it('returns an item by id with its levels and source lines', async () => {
    const d = await data(`{ jurisdiction(code: "650000") { items(first: 100) { edges { node { id seq name levels { levelText level body } sourceLines } } } } }`);
    const item3 = d.jurisdiction.items.edges.map((e: any) => e.node).find((i: any) => i.seq === '3');
    expect(item3.levels.map((l: any) => l.level)).toEqual(['PREFECTURE', 'COUNTY']);
    const byId = await data(`query($id: ID!) { item(id: $id) { name list { sourceFile } sourceLines } }`, { id: item3.id });
    expect(byId.item.name).toBe(item3.name);
    expect(byId.item.list.sourceFile).toBe('000_5ac790a9ed78689f.txt');
    expect(byId.item.sourceLines).toEqual(item3.sourceLines);
  });
});

describe('statutes and articles across jurisdictions', () => {
  it('lists every item citing a statute, and the places citing an article', async () => {
    const d = await data(`{ statute(title: "社会保险法") { documentNumbers citedBy(first: 100) { totalCount edges { node { id jurisdiction { code } } } } article(number: 87) { jurisdictions(first: 100) { edges { node { code name } } } items { totalCount } } } }`);
    const citedBy = nodes(d.statute.citedBy);
    expect(citedBy).toHaveLength(d.statute.citedBy.totalCount);
    const citing = new Set(citedBy.map((i: any) => i.jurisdiction.code));
    expect([...citing]).toEqual(expect.arrayContaining(['150000', '620602', '650000', '654028', '220500']));
    expect(new Set(citedBy.map((i: any) => i.id)).size).toBe(citedBy.length);
    const places = nodes(d.statute.article.jurisdictions).map((j: any) => j.code);
    expect(places).toEqual([...places].sort());
    expect(places).toEqual(expect.arrayContaining(['150000', '620602', '654028']));
    expect(Array.isArray(d.statute.documentNumbers)).toBe(true);
  });
});

describe('what the lists say about statutes', () => {
  it('labels articles in Chinese and records a conflict between tag and inferred category', async () => {
    const d = await data(`{ statute(title: "内蒙古自治区城镇基本医疗保险条例") { category inferredCategory categoryConflict articles(first: 100) { edges { node { number label } } } } }`);
    expect(d.statute).toMatchObject({ category: '行政法规', inferredCategory: '地方性法规', categoryConflict: true });
    expect(nodes(d.statute.articles)).toContainEqual({ number: 49, label: '第四十九条' });
    for (const a of nodes(d.statute.articles)) expect(a.label).toMatch(/^第[一二三四五六七八九十百零]+条$/);
    const ok = await data(`{ statute(title: "社会保险法") { categoryConflict article(number: 87) { label } } }`);
    expect(ok.statute).toEqual({ categoryConflict: false, article: { label: '第八十七条' } });
  });
});

describe('checking citations against each other', () => {
  it('gives each article the wording the lists agree on, and flags the citation quoting another article', async () => {
    const d = await data(`{ statute(title: "社会保险法") { article(number: 88) { label text quotes { count citations(first: 100) { edges { node { article { number } item { jurisdiction { code } } } } } } } } }`);
    expect(d.statute.article.text).toMatch(/^以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的/);
    const top = d.statute.article.quotes[0];
    expect(top.count).toBeGreaterThanOrEqual(4);
    expect(nodes(top.citations)).toHaveLength(top.count);
    for (const c of nodes(top.citations)) expect(c.article.number).toBe(88);
    expect(new Set(nodes(top.citations).map((c: any) => c.item.jurisdiction.code)).size).toBeGreaterThanOrEqual(3);

    const issuesPage = await data(`{ citationIssues(first: 100) { totalCount edges { node { kind score citation { textAsWritten status statute { title } item { jurisdiction { code } } article { number } likelyArticle { number label } } likelyArticle { number } } } } }`);
    const issues = { citationIssues: nodes(issuesPage.citationIssues) };
    expect(issues.citationIssues).toHaveLength(issuesPage.citationIssues.totalCount);
    const suspects = issues.citationIssues.filter((i: any) => i.kind === 'SUSPECT_ARTICLE');
    // The wrong citations in the seeds: 尼勒克县 cites 社会保险法第八十条 with the words of 第八十八条
    // (four lists agree on those words for 88); and the 自治区 list gives "医疗保障、卫生健康…应当分工协作"
    // as 条例第二十二条 in several items but as 第二十一条 in one (its basis repeated on two rows).
    expect(suspects.map((i: any) => `${i.citation.item.jurisdiction.code} ${i.citation.statute.title} ${i.citation.article.number}→${i.likelyArticle.number}`).sort()).toEqual([
      '650000 医疗保障基金使用监督管理条例 21→22',
      '650000 医疗保障基金使用监督管理条例 21→22',
      '654028 社会保险法 80→88',
    ]);
    const suspect = suspects.filter((i: any) => i.citation.article.number === 80);
    expect(suspect[0]).toMatchObject({
      likelyArticle: { number: 88 },
      citation: { status: 'SUSPECT_ARTICLE', item: { jurisdiction: { code: '654028' } }, article: { number: 80 }, likelyArticle: { number: 88, label: '第八十八条' } },
    });
    expect(suspect[0].score).toBeGreaterThan(0.9);
    const corrected = issues.citationIssues.filter((i: any) => i.kind === 'CORRECTED_TITLE');
    expect(corrected.length).toBeGreaterThan(0);
    for (const c of corrected) expect(c.citation.status).toBe('CORRECTED_TITLE');
  });
});

describe('statute fields the lists imply', () => {
  it('gives a document number, notes two numbers for one title as a conflict, and falls back to the inferred category', async () => {
    const page = await data(`{ statutes(first: 100) { totalCount edges { node { title category inferredCategory documentNumber documentNumbers documentNumberConflict } } } }`);
    const d = { statutes: page.statutes.edges.map((e: any) => e.node) };
    expect(d.statutes).toHaveLength(page.statutes.totalCount);
    for (const s of d.statutes) {
      expect(s.documentNumber).toBe(s.documentNumbers[0] ?? null);
      expect(s.documentNumberConflict).toBe(s.documentNumbers.length > 1);
      if (s.inferredCategory) expect(s.category).not.toBeNull();
    }
    // 《药品集中采购监督管理办法》 is given as 国办发〔2010〕6号 and as 国纠办发〔2010〕6号.
    const drugs = d.statutes.find((s: any) => s.title === '药品集中采购监督管理办法');
    expect(drugs.documentNumberConflict).toBe(true);
  });

  it('links an item only to items of other lists citing the same article', async () => {
    const d = await data(`{ jurisdiction(code: "654028") { items(first: 100) { edges { node { list { id } relatedItems(first: 100) { edges { node { list { id } } articles { number } } } } } } } }`);
    let links = 0;
    for (const { node: i } of d.jurisdiction.items.edges) for (const r of i.relatedItems.edges) {
      links++;
      expect(r.node.list.id).not.toBe(i.list.id);
      expect(r.articles.length).toBeGreaterThan(0);
    }
    expect(links).toBeGreaterThan(0);
  });
});

describe('finding statutes', () => {
  const titles = (d: any) => d.statutes.edges.map((e: any) => e.node.title);

  it('searches titles and every spelling, as plain text', async () => {
    expect(titles(await data(`{ statutes(search: "社会保险") { edges { node { title } } } }`))).toEqual(expect.arrayContaining(['社会保险法']));
    // A spelling only the lists use finds the statute too.
    expect(titles(await data(`{ statutes(search: "中华人民共和国社会保险法") { edges { node { title } } } }`))).toContain('社会保险法');
    for (const raw of ['%', '_', '\\', "' OR 1=1 --"]) {
      const d = await data(`query($s: String) { statutes(search: $s) { totalCount } }`, { s: raw });
      expect(d.statutes.totalCount).toBe(0);
    }
  });

  it('filters by category, tagged or inferred, and pages by title with stable cursors', async () => {
    const laws = await data(`{ statutes(category: "法律", first: 100) { edges { node { title category } } } }`);
    expect(laws.statutes.edges.length).toBeGreaterThan(2);
    for (const e of laws.statutes.edges) expect(e.node.category).toBe('法律');
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: any = await data(`query($after: String) { statutes(first: 3, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }`, { after });
      all.push(...titles(d));
      if (!d.statutes.pageInfo.hasNextPage) {
        expect(all).toHaveLength(d.statutes.totalCount);
        break;
      }
      after = d.statutes.pageInfo.endCursor;
    }
    // Order is the database's collation (C here, maybe another elsewhere); pages must still cover every statute once.
    expect(new Set(all).size).toBe(all.length);
    const oneGo = await data(`{ statutes(first: 100) { edges { node { title } } } }`);
    expect(all).toEqual(titles(oneGo));
    expect((await run(`{ statutes(after: "x") { totalCount } }`)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
