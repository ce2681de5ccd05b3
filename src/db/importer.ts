import { In, type DataSource, type EntityManager } from 'typeorm';
import type { ImportWarning, ListRecord } from '../domain/records';
import { nearMissOf } from '../domain/statuteTitles';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList, Statute } from './entities';
import { jurisdictionRow } from './jurisdictions';
import { forgetJurisdictionTree } from './tree';
import { divisionChain, placeIndex } from './gazetteer';
import { leadingPlace } from '../domain/places';
import { articleIdFor, stableId, statuteIdFor } from './ids';
import { itemIdFor, prepareImport, warn, type ImportInput, type PreparedImport, type PreparedList } from './prepare';
import { bulkInsert, jsonValue, marks, sql } from './bulk';
import { contentDigest, recordChanges, writeTransaction, type ChangeEntry } from './changes';

export type { ImportInput, PreparedList, PreparedImport } from './prepare';
export { ImportError, prepareImport, listIdFor, itemIdFor } from './prepare';

export interface ImportResult {
  /** The document's main list. */
  list: PowerList;
  /** Every list written (more than one when the document holds several departments' sections). */
  lists: PowerList[];
  /** True when the same bytes were already stored: nothing was written. */
  unchanged: boolean;
  /** The revision after this import (the one before it when nothing changed). */
  revision: number;
  /** Items inserted or rewritten, and items removed, over every list written. */
  itemsUpserted: number;
  itemsRemoved: number;
  record: ListRecord;
  statutes: number;
  citations: number;
}

const CHUNK = 200;

/** Makes sure the jurisdiction and its ancestors exist, taken from the gazetteer. */
async function ensureJurisdiction(em: EntityManager, code: string): Promise<void> {
  // Normally already there (the whole tree is loaded when the database opens); kept for a tree older than the gazetteer.
  const rows = divisionChain(code).map(jurisdictionRow);
  // One statement, root first: its rows go in in order, so each parent exists before its child.
  await bulkInsert(em, Jurisdiction, rows, { ignoreExisting: true });
}

interface Written {
  list: PowerList;
  statutes: Set<string>;
  citations: number;
  /** What the write changed, for the change log. */
  changes: ChangeEntry[];
  /** Items inserted or rewritten, and removed. */
  upserted: number;
  removed: number;
}

async function writeList(em: EntityManager, prepared: PreparedImport, p: PreparedList): Promise<Written> {
  const { record } = prepared;
  const { id: listId, jurisdictionCode, department } = p;
  await ensureJurisdiction(em, jurisdictionCode);

  const list = Object.assign(new PowerList(), {
    id: listId,
    jurisdictionCode,
    department,
    title: record.title,
    sourceFile: prepared.fileName,
    sha256: prepared.sha256,
    layout: record.layout,
    importedAt: new Date(),
    itemCount: p.items.length,
    lineCount: record.lineCount,
    warnings: [...p.warnings],
    report: record.report ?? null,
  });

  const items: Item[] = [];
  const levels: ItemLevel[] = [];
  const citations: Citation[] = [];
  const statutes = new Map<string, Statute>();
  const articles = new Map<string, Article>();
  const seen = new Set<string>();

  p.items.forEach((rec, position) => {
    let id = itemIdFor(jurisdictionCode, department, rec);
    if (seen.has(id)) {
      // Same power listed twice in one list: keep both, say so.
      list.warnings.push(warn('DUPLICATE_ITEM', `item "${rec.name}" appears more than once in the list`, rec.lines[0] ?? null, rec.name));
      id = stableId('item-dup', id, position);
    }
    seen.add(id);
    items.push(Object.assign(new Item(), {
      id, listId, jurisdictionCode, position,
      seq: rec.seq, name: rec.name, subItem: rec.subItem,
      powerTypes: rec.powerTypes, powerTypeText: rec.powerTypeText,
      body: rec.body, unit: rec.unit, localCode: rec.localCode, legalBasis: rec.legalBasis,
      fields: rec.fields, sourceLines: rec.lines,
    }));
    rec.levels.forEach((lv, i) => {
      levels.push(Object.assign(new ItemLevel(), {
        id: `${id}:${i}`, itemId: id, position: i,
        levelText: lv.levelText, level: lv.level, body: lv.body, unit: lv.unit, scope: lv.scope,
        duties: lv.duties, responsibilities: lv.responsibilities, fields: lv.fields, sourceLines: lv.lines,
      }));
    });
    rec.citations.forEach((c, i) => {
      const statuteId = statuteIdFor(c.statuteTitle);
      let statute = statutes.get(statuteId);
      if (!statute) {
        statute = Object.assign(new Statute(), {
          id: statuteId, title: c.statuteTitle, category: c.category, inferredCategory: c.inferredCategory ?? null,
          aliases: [] as string[], documentNumbers: [] as string[],
        });
        statutes.set(statuteId, statute);
      }
      if (!statute.category && c.category) statute.category = c.category;
      if (!statute.inferredCategory && c.inferredCategory) statute.inferredCategory = c.inferredCategory;
      if (!statute.aliases.includes(c.titleAsWritten)) statute.aliases.push(c.titleAsWritten);
      if (c.documentNumber && !statute.documentNumbers!.includes(c.documentNumber)) statute.documentNumbers!.push(c.documentNumber);
      let articleId: string | null = null;
      if (c.article != null) {
        articleId = articleIdFor(statuteId, c.article);
        if (!articles.has(articleId)) articles.set(articleId, Object.assign(new Article(), { id: articleId, statuteId, number: c.article }));
      }
      citations.push(Object.assign(new Citation(), {
        id: `${id}:${i}`, itemId: id, position: i, jurisdictionCode, listId, itemPosition: position, statuteId, articleId,
        field: c.field, titleAsWritten: c.titleAsWritten, category: c.category,
        paragraph: c.paragraph, clause: c.clause, line: c.line ?? null, text: c.text, start: c.start, end: c.end, quoted: c.quoted,
        status: c.status ?? 'OK', documentNumber: c.documentNumber ?? null,
      }));
    });
  });

  // The same department may list one power in two of its lists; the second
  // keeps its item under an ID salted with its list, and says so.
  const clashes = new Set<string>();
  for (let i = 0; i < items.length; i += CHUNK) {
    const ids = items.slice(i, i + CHUNK).map((it) => it.id);
    for (const other of await sql<{ id: string; list_id: string }>(em, `SELECT id, list_id FROM item WHERE id IN (${marks(ids.length)})`, ids)) {
      if (other.list_id !== listId) clashes.add(other.id);
    }
  }
  if (clashes.size) {
    const renamed = new Map<string, string>();
    for (const it of items) {
      if (!clashes.has(it.id)) continue;
      const id = stableId('item-in-list', listId, it.id);
      renamed.set(it.id, id);
      list.warnings.push(warn('DUPLICATE_ACROSS_LISTS', `item "${it.name}" is also in another list of ${department}; stored under its own ID`, it.sourceLines[0] ?? null, it.name));
      it.id = id;
    }
    for (const lv of levels) if (renamed.has(lv.itemId)) Object.assign(lv, { itemId: renamed.get(lv.itemId)!, id: `${renamed.get(lv.itemId)}:${lv.position}` });
    for (const c of citations) if (renamed.has(c.itemId)) Object.assign(c, { itemId: renamed.get(c.itemId)!, id: `${renamed.get(c.itemId)}:${c.position}` });
  }

  // Statutes and articles are shared across lists: add what is new; merge spellings, document numbers and categories into what exists.
  const known = await statuteRows(em, [...statutes.keys()]);
  const before = new Set(statutes.keys());
  await resolveNearMisses(em, statutes, new Set(known.map((r) => r.id)), articles, citations, list.warnings);
  // A near miss may have merged into a known statute this document did not name: its row is needed too.
  known.push(...(await statuteRows(em, [...statutes.keys()].filter((id) => !before.has(id)))));
  const statuteIds = new Set(statutes.keys());
  const changes: ChangeEntry[] = [{ type: 'LIST', id: listId, op: 'UPSERT' }];
  for (const old of known) {
    const mine = statutes.get(old.id)!;
    const oldAliases = jsonValue<string[]>(old.aliases);
    const oldNumbers = jsonValue<string[] | null>(old.document_numbers) ?? [];
    const aliases = [...new Set([...oldAliases, ...mine.aliases])];
    const numbers = [...new Set([...oldNumbers, ...(mine.documentNumbers ?? [])])];
    const category = old.category ?? mine.category;
    const inferred = old.inferred_category ?? mine.inferredCategory;
    if (aliases.length !== oldAliases.length || numbers.length !== oldNumbers.length || category !== old.category || inferred !== old.inferred_category) {
      await sql(em, 'UPDATE statute SET aliases = ?, document_numbers = ?, category = ?, inferred_category = ? WHERE id = ?', [
        JSON.stringify(aliases), JSON.stringify(numbers), category, inferred, old.id,
      ]);
      changes.push({ type: 'STATUTE', id: old.id, op: 'UPSERT' });
    }
    statutes.delete(old.id);
  }
  await bulkInsert(em, Statute, [...statutes.values()]);
  for (const id of statutes.keys()) changes.push({ type: 'STATUTE', id, op: 'UPSERT' });
  const knownArticles = new Set<string>();
  const articleIds = [...articles.keys()];
  for (let i = 0; i < articleIds.length; i += CHUNK) {
    const ids = articleIds.slice(i, i + CHUNK);
    for (const r of await sql<{ id: string }>(em, `SELECT id FROM article WHERE id IN (${marks(ids.length)})`, ids)) knownArticles.add(r.id);
  }
  const newArticles = [...articles.values()].filter((a) => !knownArticles.has(a.id));
  await bulkInsert(em, Article, newArticles);
  for (const a of newArticles) changes.push({ type: 'ARTICLE', id: a.id, op: 'UPSERT' });

  // The list is replaced item by item: unchanged items stay as they are (same row, no change logged),
  // changed ones are rewritten under their stable IDs, new ones inserted, missing ones deleted.
  const levelsOf = groupByItem(levels);
  const citationsOf = groupByItem(citations);
  for (const it of items) it.contentHash = itemDigest(it, levelsOf.get(it.id) ?? [], citationsOf.get(it.id) ?? []);
  const stored = new Map((await sql<{ id: string; content_hash: string | null }>(em, 'SELECT id, content_hash FROM item WHERE list_id = ?', [listId])).map((r) => [r.id, r.content_hash]));
  const kept = new Set(items.map((it) => it.id));
  const removed = [...stored.keys()].filter((id) => !kept.has(id));
  const fresh = items.filter((it) => stored.get(it.id) !== it.contentHash);
  const rewritten = fresh.filter((it) => stored.has(it.id)).map((it) => it.id);
  // Rewritten items go too, levels and citations with them (ON DELETE CASCADE): a rewritten item may take a position a removed one held.
  const gone = [...removed, ...rewritten];
  for (let i = 0; i < gone.length; i += CHUNK) {
    const ids = gone.slice(i, i + CHUNK);
    await sql(em, `DELETE FROM item WHERE id IN (${marks(ids.length)})`, ids);
  }
  await upsertList(em, list);
  const freshIds = new Set(fresh.map((it) => it.id));
  await bulkInsert(em, Item, fresh);
  await bulkInsert(em, ItemLevel, levels.filter((lv) => freshIds.has(lv.itemId)));
  await bulkInsert(em, Citation, citations.filter((c) => freshIds.has(c.itemId)));
  for (const id of removed) changes.push({ type: 'ITEM', id, op: 'DELETE' });
  for (const it of fresh) changes.push({ type: 'ITEM', id: it.id, op: 'UPSERT' });
  return { list, statutes: statuteIds, citations: citations.length, changes, upserted: fresh.length, removed: removed.length };
}

function groupByItem<T extends { itemId: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) (m.get(r.itemId) ?? m.set(r.itemId, []).get(r.itemId)!).push(r);
  return m;
}

/** Everything stored for an item, its ID and digest aside: what a client syncing it would see change. */
function itemDigest(it: Item, levels: ItemLevel[], citations: Citation[]): string {
  const { id: _id, contentHash: _hash, ...row } = it;
  return contentDigest([row, levels, citations]);
}

/** Inserts the list row, or updates it in place (its items refer to it). */
async function upsertList(em: EntityManager, list: PowerList): Promise<void> {
  const exists = (await sql(em, 'SELECT 1 FROM power_list WHERE id = ?', [list.id])).length > 0;
  if (!exists) return bulkInsert(em, PowerList, [list]);
  await em.getRepository(PowerList).update({ id: list.id }, {
    jurisdictionCode: list.jurisdictionCode, department: list.department, title: list.title, sourceFile: list.sourceFile, sha256: list.sha256,
    layout: list.layout, importedAt: list.importedAt, itemCount: list.itemCount, lineCount: list.lineCount, warnings: list.warnings, report: list.report,
  });
}

type StatuteRow = { id: string; category: string | null; inferred_category: string | null; aliases: unknown; document_numbers: unknown };

async function statuteRows(em: EntityManager, ids: string[]): Promise<StatuteRow[]> {
  if (!ids.length) return [];
  return sql<StatuteRow>(em, `SELECT id, category, inferred_category, aliases, document_numbers FROM statute WHERE id IN (${marks(ids.length)})`, ids);
}

/**
 * A title never seen before that is one character off a known statute (in the
 * database or elsewhere in this document) is that statute misspelled: its
 * citations move to the known statute, keep the spelling as an alias and are
 * marked CORRECTED_TITLE. Costs a query only when a document brings new titles.
 */
function leadingPlaceLength(title: string): number {
  const lead = leadingPlace(title, placeIndex());
  return lead ? [...lead.name].length : 0;
}

async function resolveNearMisses(
  em: EntityManager,
  statutes: Map<string, Statute>,
  existing: ReadonlySet<string>,
  articles: Map<string, Article>,
  citations: Citation[],
  warnings: ImportWarning[],
): Promise<void> {
  const fresh = [...statutes.values()].filter((st) => !existing.has(st.id) && [...st.title].length >= 8);
  if (!fresh.length) return;
  const lengths = [...new Set(fresh.map((st) => [...st.title].length))];
  const dbTitles = (await sql<{ title: string }>(em, `SELECT title FROM statute WHERE length(title) IN (${marks(lengths.length)})`, lengths)).map((r) => r.title);
  for (const st of fresh) {
    const others = [...dbTitles, ...[...statutes.values()].filter((o) => o !== st && statutes.has(o.id)).map((o) => o.title)];
    const target = nearMissOf(st.title, others, leadingPlaceLength);
    if (!target) continue;
    const targetId = statuteIdFor(target);
    const into = statutes.get(targetId) ?? Object.assign(new Statute(), { id: targetId, title: target, category: null, inferredCategory: null, aliases: [] as string[], documentNumbers: [] as string[] });
    statutes.set(targetId, into);
    for (const a of st.aliases) if (!into.aliases.includes(a)) into.aliases.push(a);
    for (const n of st.documentNumbers ?? []) if (!into.documentNumbers!.includes(n)) into.documentNumbers!.push(n);
    into.category ??= st.category;
    into.inferredCategory ??= st.inferredCategory;
    statutes.delete(st.id);
    const numberOf = new Map<string, number>();
    for (const [id, a] of [...articles]) {
      if (a.statuteId !== st.id) continue;
      numberOf.set(id, a.number);
      articles.delete(id);
      const moved = articleIdFor(targetId, a.number);
      if (!articles.has(moved)) articles.set(moved, Object.assign(new Article(), { id: moved, statuteId: targetId, number: a.number }));
    }
    for (const c of citations) {
      if (c.statuteId !== st.id) continue;
      c.statuteId = targetId;
      if (c.articleId) c.articleId = articleIdFor(targetId, numberOf.get(c.articleId)!);
      c.status = 'CORRECTED_TITLE';
    }
    warnings.push(warn('CORRECTED_TITLE', `《${st.title}》 read as 《${target}》: one character off a known statute`, citations.find((c) => c.statuteId === targetId)?.line ?? null, st.title));
  }
}

/**
 * Stores a prepared document as a whole: every list it makes replaces the
 * list with the same ID (jurisdiction, department, title) in one
 * transaction, so readers see the old lists or the new, never a mix.
 */
export async function commitImport(ds: DataSource, prepared: PreparedImport): Promise<ImportResult> {
  // The in-memory tree is read again after the commit, in case the import added a place to it.
  return writeTransaction(ds, (em) => commitIn(em, prepared)).finally(() => forgetJurisdictionTree(ds));
}

/**
 * Several documents in one transaction, each behind its own savepoint: a
 * document that fails is rolled back alone and reported, the others commit
 * together. Fewer commits is what makes a night's batch fast.
 */
export async function commitBatch(ds: DataSource, batch: readonly PreparedImport[]): Promise<(ImportResult | Error)[]> {
  return writeTransaction(ds, async (em) => {
    const out: (ImportResult | Error)[] = [];
    for (const [i, prepared] of batch.entries()) {
      const sp = `doc_${i}`;
      await em.query(`SAVEPOINT ${sp}`);
      try {
        out.push(await commitIn(em, prepared));
        await em.query(`RELEASE SAVEPOINT ${sp}`);
      } catch (e) {
        await em.query(`ROLLBACK TO SAVEPOINT ${sp}`);
        await em.query(`RELEASE SAVEPOINT ${sp}`);
        out.push(e as Error);
      }
    }
    return out;
  }).finally(() => forgetJurisdictionTree(ds));
}

async function commitIn(em: EntityManager, prepared: PreparedImport): Promise<ImportResult> {
  const ids = prepared.lists.map((l) => l.id);
  // Plain SQL: on the hot path a query builder per document costs more than the lookup.
  const stored = await sql<{ sha256: string }>(em, `SELECT sha256 FROM power_list WHERE id IN (${marks(ids.length)})`, ids);
  if (stored.length === ids.length && stored.every((l) => l.sha256 === prepared.sha256)) {
    const previous = await em.find(PowerList, { where: { id: In(ids) } });
    const byId = new Map(previous.map((l) => [l.id, l]));
    const lists = prepared.lists.map((l) => byId.get(l.id)!);
    const [{ revision }] = await sql<{ revision: number | string }>(em, 'SELECT revision FROM sync_state WHERE id = 1');
    return { list: lists[0], lists, unchanged: true, revision: Number(revision), itemsUpserted: 0, itemsRemoved: 0, record: prepared.record, statutes: 0, citations: 0 };
  }
  const written: Written[] = [];
  for (const p of prepared.lists) written.push(await writeList(em, prepared, p));
  // One statute or article named by two lists of the document is logged once.
  const seen = new Set<string>();
  const changes = written.flatMap((w) => w.changes).filter((c) => !seen.has(`${c.type}|${c.id}|${c.op}`) && seen.add(`${c.type}|${c.id}|${c.op}`));
  return {
    list: written[0].list,
    lists: written.map((w) => w.list),
    unchanged: false,
    revision: await recordChanges(em, changes, written[0].list.importedAt),
    itemsUpserted: written.reduce((s, w) => s + w.upserted, 0),
    itemsRemoved: written.reduce((s, w) => s + w.removed, 0),
    record: prepared.record,
    statutes: new Set(written.flatMap((w) => [...w.statutes])).size,
    citations: written.reduce((s, w) => s + w.citations, 0),
  };
}

/** Reads, places and stores one document (see prepareImport and commitImport). */
export async function importList(ds: DataSource, input: ImportInput): Promise<ImportResult> {
  return commitImport(ds, prepareImport(input));
}

/**
 * Deletes a list and its items, logged as deletions. Statutes and articles
 * stay (other lists may cite them; they are shared). False when no list has
 * that ID.
 */
export async function deleteList(ds: DataSource, listId: string): Promise<{ deleted: boolean; revision: number; itemsRemoved: number }> {
  return writeTransaction(ds, async (em) => {
    const items = (await sql<{ id: string }>(em, 'SELECT id FROM item WHERE list_id = ? ORDER BY position', [listId])).map((r) => r.id);
    const exists = (await sql(em, 'SELECT 1 FROM power_list WHERE id = ?', [listId])).length > 0;
    if (!exists) {
      const [{ revision }] = await sql<{ revision: number | string }>(em, 'SELECT revision FROM sync_state WHERE id = 1');
      return { deleted: false, revision: Number(revision), itemsRemoved: 0 };
    }
    await sql(em, 'DELETE FROM power_list WHERE id = ?', [listId]);
    const revision = await recordChanges(em, [...items.map((id) => ({ type: 'ITEM' as const, id, op: 'DELETE' as const })), { type: 'LIST', id: listId, op: 'DELETE' }]);
    return { deleted: true, revision, itemsRemoved: items.length };
  });
}
