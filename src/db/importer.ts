import { createHash } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { parseDocument } from '../ingest';
import type { ItemRecord, ListRecord } from '../domain/records';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList, Statute } from './entities';
import { divisionChain } from './gazetteer';
import { stableId } from './ids';

export interface ImportInput {
  bytes: Buffer;
  fileName: string;
  /** GB/T 2260 code of the jurisdiction whose list this is. */
  jurisdictionCode: string;
  /** Publishing department; inferred from the document when absent. */
  department?: string;
}

export interface ImportResult {
  list: PowerList;
  /** True when the same bytes were already stored: nothing was written. */
  unchanged: boolean;
  record: ListRecord;
  statutes: number;
  citations: number;
}

/** Bad input, named by where it is; nothing was stored. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    readonly line: number | null = null,
  ) {
    super(`${fileName}${line != null ? `:${line}` : ''}: ${message}`);
    this.name = 'ImportError';
  }
}

const CHUNK = 200;

function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function listIdFor(jurisdictionCode: string, department: string, title: string | null, fileName: string): string {
  return stableId('list', jurisdictionCode, department, title ?? fileName);
}

export function itemIdFor(jurisdictionCode: string, department: string, item: ItemRecord): string {
  return stableId('item', jurisdictionCode, department, [...item.powerTypes].sort().join('+'), normaliseName(item.name), item.subItem ? normaliseName(item.subItem) : '');
}

async function insertChunked<T>(em: EntityManager, target: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.createQueryBuilder().insert().into(target).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

/** Makes sure the jurisdiction and its ancestors exist, taken from the gazetteer. */
async function ensureJurisdiction(em: EntityManager, code: string): Promise<void> {
  const chain = divisionChain(code);
  const existing = new Set((await em.find(Jurisdiction, { where: { code: In(chain.map((d) => d.code)) }, select: { code: true } })).map((j) => j.code));
  for (const d of chain) {
    if (!existing.has(d.code)) await em.insert(Jurisdiction, { code: d.code, name: d.name, level: d.level, parentCode: d.parentCode });
  }
}

/**
 * Imports one document as a whole: the list it replaces (same jurisdiction,
 * department and title) is deleted and the new one written in one
 * transaction, so readers see the old list or the new, never a mix.
 */
export async function importList(ds: DataSource, input: ImportInput): Promise<ImportResult> {
  const { bytes, fileName, jurisdictionCode } = input;
  if (!/^\d{6}$/.test(jurisdictionCode)) throw new ImportError(fileName, `jurisdiction code must be 6 digits (GB/T 2260), got "${jurisdictionCode}"`);
  try {
    divisionChain(jurisdictionCode);
  } catch (e) {
    throw new ImportError(fileName, (e as Error).message);
  }
  let record: ListRecord;
  try {
    record = parseDocument(bytes, { fileName });
  } catch (e) {
    throw new ImportError(fileName, `could not be read: ${(e as Error).message}`);
  }
  if (record.items.length === 0) {
    const first = record.warnings.slice(0, 3).map((w) => `${w.line != null ? `line ${w.line}: ` : ''}${w.message}`);
    throw new ImportError(fileName, `no items found (layout "${record.layout}")${first.length ? `; ${first.join('; ')}` : ''}`);
  }
  const department = input.department?.trim() || record.department;
  if (!department) throw new ImportError(fileName, 'department not given and not found in the document');

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const listId = listIdFor(jurisdictionCode, department, record.title, fileName);

  return ds.transaction(async (em) => {
    const previous = await em.findOne(PowerList, { where: { id: listId } });
    if (previous && previous.sha256 === sha256) {
      return { list: previous, unchanged: true, record, statutes: 0, citations: 0 };
    }
    await ensureJurisdiction(em, jurisdictionCode);
    if (previous) await em.delete(PowerList, { id: listId });

    const list = Object.assign(new PowerList(), {
      id: listId,
      jurisdictionCode,
      department,
      title: record.title,
      sourceFile: fileName,
      sha256,
      layout: record.layout,
      importedAt: new Date(),
      itemCount: record.items.length,
      lineCount: record.lineCount,
      warnings: [...record.warnings],
    });

    const items: Item[] = [];
    const levels: ItemLevel[] = [];
    const citations: Citation[] = [];
    const statutes = new Map<string, Statute>();
    const articles = new Map<string, Article>();
    const seen = new Set<string>();

    record.items.forEach((rec, position) => {
      let id = itemIdFor(jurisdictionCode, department, rec);
      if (seen.has(id)) {
        // Same power listed twice in one list: keep both, say so.
        list.warnings.push({ line: rec.lines[0] ?? null, code: 'DUPLICATE_ITEM', message: `item "${rec.name}" appears more than once in the list`, text: rec.name });
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
        const statuteId = stableId('statute', c.statuteTitle);
        let statute = statutes.get(statuteId);
        if (!statute) {
          statute = Object.assign(new Statute(), { id: statuteId, title: c.statuteTitle, category: c.category, aliases: [] as string[] });
          statutes.set(statuteId, statute);
        }
        if (!statute.category && c.category) statute.category = c.category;
        if (!statute.aliases.includes(c.titleAsWritten)) statute.aliases.push(c.titleAsWritten);
        let articleId: string | null = null;
        if (c.article != null) {
          articleId = stableId('article', statuteId, c.article);
          if (!articles.has(articleId)) articles.set(articleId, Object.assign(new Article(), { id: articleId, statuteId, number: c.article }));
        }
        citations.push(Object.assign(new Citation(), {
          id: `${id}:${i}`, itemId: id, position: i, statuteId, articleId,
          field: c.field, titleAsWritten: c.titleAsWritten, category: c.category,
          paragraph: c.paragraph, clause: c.clause, line: c.line ?? null, text: c.text, start: c.start, end: c.end, quoted: c.quoted,
        }));
      });
    });

    // The same department may list one power in two of its lists; the second
    // keeps its item under an ID salted with its list, and says so.
    const clashes = new Set<string>();
    for (let i = 0; i < items.length; i += CHUNK) {
      const ids = items.slice(i, i + CHUNK).map((it) => it.id);
      for (const other of await em.find(Item, { where: { id: In(ids) }, select: { id: true, listId: true } })) if (other.listId !== listId) clashes.add(other.id);
    }
    if (clashes.size) {
      const renamed = new Map<string, string>();
      for (const it of items) {
        if (!clashes.has(it.id)) continue;
        const id = stableId('item-in-list', listId, it.id);
        renamed.set(it.id, id);
        list.warnings.push({ line: it.sourceLines[0] ?? null, code: 'DUPLICATE_ACROSS_LISTS', message: `item "${it.name}" is also in another list of ${department}; stored under its own ID`, text: it.name });
        it.id = id;
      }
      for (const lv of levels) if (renamed.has(lv.itemId)) Object.assign(lv, { itemId: renamed.get(lv.itemId)!, id: `${renamed.get(lv.itemId)}:${lv.position}` });
      for (const c of citations) if (renamed.has(c.itemId)) Object.assign(c, { itemId: renamed.get(c.itemId)!, id: `${renamed.get(c.itemId)}:${c.position}` });
    }

    // Statutes and articles are shared across lists: add what is new, merge aliases into what exists.
    const known = statutes.size ? await em.find(Statute, { where: { id: In([...statutes.keys()]) } }) : [];
    for (const old of known) {
      const mine = statutes.get(old.id)!;
      const aliases = [...new Set([...old.aliases, ...mine.aliases])];
      const category = old.category ?? mine.category;
      if (aliases.length !== old.aliases.length || category !== old.category) await em.update(Statute, { id: old.id }, { aliases, category });
      statutes.delete(old.id);
    }
    await insertChunked(em, Statute, [...statutes.values()]);
    const knownArticles = new Set(
      articles.size ? (await em.find(Article, { where: { id: In([...articles.keys()]) }, select: { id: true } })).map((a) => a.id) : [],
    );
    await insertChunked(em, Article, [...articles.values()].filter((a) => !knownArticles.has(a.id)));

    await em.insert(PowerList, list);
    await insertChunked(em, Item, items);
    await insertChunked(em, ItemLevel, levels);
    await insertChunked(em, Citation, citations);
    return { list, unchanged: false, record, statutes: known.length + statutes.size, citations: citations.length };
  });
}
