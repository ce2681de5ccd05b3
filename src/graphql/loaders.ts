import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList, Statute } from '../db/entities';
import { createHierarchyLoaders } from './hierarchy';
import { matterIndex, type MatterIndex } from './matterIndex';
import { analyseStatute, type StatuteAnalysis } from '../domain/articleText';

export interface LoaderOptions {
  /**
   * false: every load is its own statement and nothing is cached, as a
   * resolver without DataLoaders would do. Only the naive baseline of the API
   * benchmark turns batching off.
   */
  batch?: boolean;
}

export type LoaderFactory = <K, V, C = K>(fn: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>) => DataLoader<K, V, C>;

export function loaderFactory(batch: boolean): LoaderFactory {
  return (fn, options = {}) => new DataLoader(fn, batch ? options : { ...options, batch: false, cache: false });
}

/** Groups rows by a key, keeping every requested key (empty array when none). */
function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const m = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) m.get(keyOf(r))?.push(r);
  return keys.map((k) => m.get(k)!);
}

function byKey<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const m = new Map<K, T>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => m.get(k) ?? null);
}

export interface RelatedRow {
  item: Item;
  articleId: string;
}

/**
 * DataLoaders for one request: every field that loads related rows goes
 * through one of these, so a nested query costs one statement per level,
 * whatever the number of rows.
 */
export function createLoaders(ds: DataSource, options: LoaderOptions = {}) {
  const em = ds.manager;
  const loader = loaderFactory(options.batch ?? true);
  /** Items citing each key of one citation column (an article, a statute), once per item, in list order. */
  const itemsCiting = (column: 'article_id' | 'statute_id') =>
    loader<string, Item[]>(async (ids) => {
      const { entities, raw } = await em
        .createQueryBuilder(Item, 'i')
        .innerJoin(Citation, 'c', 'c.item_id = i.id')
        .addSelect(`c.${column}`, 'cited_key')
        .where(`c.${column} IN (:...ids)`, { ids: [...ids] })
        .orderBy('i.jurisdiction_code', 'ASC')
        .addOrderBy('i.list_id', 'ASC')
        .addOrderBy('i.position', 'ASC')
        .getRawAndEntities();
      return pairRaw(ids, entities, raw, (r) => r.cited_key as string);
    });
  const item = loader<string, Item | null>(async (ids) =>
    byKey(ids, await em.find(Item, { where: { id: In([...ids]) } }), (i) => i.id));
  return {
    ...createHierarchyLoaders(ds, async (ids) => (await item.loadMany(ids)).map((r) => (r instanceof Item ? r : null)), loader),
    jurisdiction: loader<string, Jurisdiction | null>(async (codes) =>
      byKey(codes, await em.find(Jurisdiction, { where: { code: In([...codes]) } }), (j) => j.code)),
    children: loader<string, Jurisdiction[]>(async (codes) =>
      groupBy(codes, await em.find(Jurisdiction, { where: { parentCode: In([...codes]) }, order: { code: 'ASC' } }), (j) => j.parentCode!)),
    list: loader<string, PowerList | null>(async (ids) =>
      byKey(ids, await em.find(PowerList, { where: { id: In([...ids]) } }), (l) => l.id)),
    listsOfJurisdiction: loader<string, PowerList[]>(async (codes) =>
      groupBy(codes, await em.find(PowerList, { where: { jurisdictionCode: In([...codes]) }, order: { department: 'ASC', id: 'ASC' } }), (l) => l.jurisdictionCode)),
    item,
    itemsOfList: loader<string, Item[]>(async (ids) =>
      groupBy(ids, await em.find(Item, { where: { listId: In([...ids]) }, order: { listId: 'ASC', position: 'ASC' } }), (i) => i.listId)),
    itemsOfJurisdiction: loader<string, Item[]>(async (codes) =>
      groupBy(codes, await em.find(Item, { where: { jurisdictionCode: In([...codes]) }, order: { jurisdictionCode: 'ASC', listId: 'ASC', position: 'ASC' } }), (i) => i.jurisdictionCode)),
    levelsOfItem: loader<string, ItemLevel[]>(async (ids) =>
      groupBy(ids, await em.find(ItemLevel, { where: { itemId: In([...ids]) }, order: { itemId: 'ASC', position: 'ASC' } }), (l) => l.itemId)),
    citationsOfItem: loader<string, Citation[]>(async (ids) =>
      groupBy(ids, await em.find(Citation, { where: { itemId: In([...ids]) }, order: { itemId: 'ASC', position: 'ASC' } }), (c) => c.itemId)),
    citation: loader<string, Citation | null>(async (ids) =>
      byKey(ids, await em.find(Citation, { where: { id: In([...ids]) } }), (c) => c.id)),
    statute: loader<string, Statute | null>(async (ids) =>
      byKey(ids, await em.find(Statute, { where: { id: In([...ids]) } }), (s) => s.id)),
    article: loader<string, Article | null>(async (ids) =>
      byKey(ids, await em.find(Article, { where: { id: In([...ids]) } }), (a) => a.id)),
    articlesOfStatute: loader<string, Article[]>(async (ids) =>
      groupBy(ids, await em.find(Article, { where: { statuteId: In([...ids]) }, order: { statuteId: 'ASC', number: 'ASC' } }), (a) => a.statuteId)),
    /** Every item citing each article, once per item, in list order. */
    itemsCitingArticle: itemsCiting('article_id'),
    /** What the lists quote for each article of a statute, and the suspect citations: computed from every citation of the statute. */
    statuteAnalysis: loader<string, StatuteAnalysis>(async (ids) => {
      const rows: { statute_id: string; id: string; item_id: string; number: number; quoted: string | null }[] = await em
        .createQueryBuilder(Citation, 'c')
        .innerJoin(Article, 'a', 'a.id = c.article_id')
        .select(['c.statute_id AS statute_id', 'c.id AS id', 'c.item_id AS item_id', 'a.number AS number', 'c.quoted AS quoted'])
        .where('c.statute_id IN (:...ids)', { ids: [...ids] })
        .orderBy('c.id', 'ASC')
        .getRawMany();
      return groupBy(ids, rows, (r) => r.statute_id).map((rs) =>
        analyseStatute(rs.map((r) => ({ citationId: r.id, itemId: r.item_id, article: Number(r.number), quoted: r.quoted }))),
      );
    }),
    /** Every item citing each statute (any article, or the statute alone), once per item, in list order. */
    itemsCitingStatute: itemsCiting('statute_id'),
    /** For each item, the items in other lists that cite an article it cites (the cross-links across lists). */
    relatedOfItem: loader<string, RelatedRow[]>(async (ids) => {
      const { entities, raw } = await em
        .createQueryBuilder(Item, 'i')
        .innerJoin(Citation, 'other', 'other.item_id = i.id')
        .innerJoin(Citation, 'mine', 'mine.article_id = other.article_id AND mine.item_id <> other.item_id')
        // Cross-links go to other lists: an item's neighbours in its own list are not news.
        .innerJoin(Item, 'mine_item', 'mine_item.id = mine.item_id AND mine_item.list_id <> i.list_id')
        .addSelect('mine.item_id', 'source_item_id')
        .addSelect('other.article_id', 'shared_article_id')
        .where('mine.item_id IN (:...ids)', { ids: [...ids] })
        .orderBy('i.jurisdiction_code', 'ASC')
        .addOrderBy('i.list_id', 'ASC')
        .addOrderBy('i.position', 'ASC')
        .addOrderBy('other.article_id', 'ASC')
        .getRawAndEntities();
      const byId = new Map(entities.map((e) => [e.id, e]));
      const rows = raw.map((r) => ({ key: r.source_item_id as string, item: byId.get(r.i_id as string)!, articleId: r.shared_article_id as string }));
      return groupBy(ids, rows, (r) => r.key).map((g) => g.map(({ item, articleId }) => ({ item, articleId })));
    }),
  };
}

/**
 * getRawAndEntities returns one entity per distinct primary key but one raw
 * row per join row; pair them by the entity's id column to keep every
 * (key, entity) pair.
 */
function pairRaw<T extends { id: string }>(keys: readonly string[], entities: T[], raw: Record<string, unknown>[], keyOf: (r: Record<string, unknown>) => string): T[][] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const out = new Map<string, T[]>(keys.map((k) => [k, []]));
  const seen = new Set<string>();
  for (const r of raw) {
    const e = byId.get(r.i_id as string);
    const k = keyOf(r);
    if (!e || seen.has(`${k}\u0000${e.id}`)) continue;
    seen.add(`${k}\u0000${e.id}`);
    out.get(k)?.push(e);
  }
  return keys.map((k) => out.get(k)!);
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  ds: DataSource;
  loaders: Loaders;
  /** The matters of the data as this request sees it (one revision check per request). */
  matters: () => Promise<MatterIndex>;
}

export function createContext(ds: DataSource, options: LoaderOptions = {}): Context {
  let matters: Promise<MatterIndex> | undefined;
  return { ds, loaders: createLoaders(ds, options), matters: () => (matters ??= matterIndex(ds)) };
}
