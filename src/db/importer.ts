import { createHash } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { parseDocument } from '../ingest';
import type { ImportWarning, ItemRecord, ListRecord } from '../domain/records';
import { departmentsAgree, inferJurisdiction, splitDepartment, isAncestor, type Inference } from '../domain/places';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList, Statute } from './entities';
import { division, divisionChain, placeIndex } from './gazetteer';
import { stableId } from './ids';
import { bulkInsert } from './bulk';

export interface ImportInput {
  bytes: Buffer;
  fileName: string;
  /** GB/T 2260 code of the jurisdiction whose list this is; inferred from the document when absent. */
  jurisdictionCode?: string;
  /** Publishing department; inferred from the document when absent. */
  department?: string;
}

/** One list to write: a document, or one department's section of it. */
export interface PreparedList {
  id: string;
  jurisdictionCode: string;
  department: string;
  items: ItemRecord[];
  warnings: ImportWarning[];
}

/** A document read and placed, not yet stored (what --dry-run shows). */
export interface PreparedImport {
  fileName: string;
  sha256: string;
  record: ListRecord;
  /** The document's main list first, then one per other department's section. */
  lists: PreparedList[];
  /** How the jurisdiction was settled: given, inferred (with evidence), or both. */
  placement: { given: string | null; inferred: Inference };
}

export interface ImportResult {
  /** The document's main list. */
  list: PowerList;
  /** Every list written (more than one when the document holds several departments' sections). */
  lists: PowerList[];
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
// Place mentions are context only; a bounded prefix keeps inference cheap on huge files.
const CONTEXT_CHARS = 1_000_000;

function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function listIdFor(jurisdictionCode: string, department: string, title: string | null, fileName: string): string {
  return stableId('list', jurisdictionCode, department, title ?? fileName);
}

export function itemIdFor(jurisdictionCode: string, department: string, item: ItemRecord): string {
  return stableId('item', jurisdictionCode, department, [...item.powerTypes].sort().join('+'), normaliseName(item.name), item.subItem ? normaliseName(item.subItem) : '');
}

function warn(code: string, message: string, line: number | null = null, text?: string): ImportWarning {
  return text === undefined ? { line, code, message } : { line, code, message, text };
}

function inferPlace(record: ListRecord): Inference {
  const names = [record.department, record.title, ...record.items.map((i) => i.department), ...record.items.map((i) => i.body)].filter(
    (s): s is string => !!s,
  );
  let text = '';
  for (const item of record.items) {
    for (const f of item.fields) {
      if (text.length > CONTEXT_CHARS) break;
      text += f.text + '\n';
    }
  }
  return inferJurisdiction({ names, text }, placeIndex());
}

/**
 * Reads a document and settles where it belongs, without touching the
 * database: parse, check, place (given values win; disagreement with what the
 * document says is a warning), split by department.
 */
export function prepareImport(input: ImportInput): PreparedImport {
  const { bytes, fileName } = input;
  const given = input.jurisdictionCode?.trim() || null;
  if (given !== null) {
    if (!/^\d{6}$/.test(given)) throw new ImportError(fileName, `jurisdiction code must be 6 digits (GB/T 2260), got "${given}"`);
    if (!division(given)) throw new ImportError(fileName, `unknown GB/T 2260 code ${given}: not in the gazetteer`);
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

  const warnings: ImportWarning[] = [...record.warnings];
  const inferred = inferPlace(record);
  let jurisdictionCode: string;
  if (given) {
    jurisdictionCode = given;
    if (inferred.code !== null && inferred.code !== given) {
      warnings.push(warn('JURISDICTION_MISMATCH', `given jurisdiction ${given} (${division(given)!.name}), but the document points to ${inferred.code} (${inferred.name}): ${inferred.evidence}`));
    }
  } else if (inferred.code !== null) {
    jurisdictionCode = inferred.code;
    warnings.push(warn('JURISDICTION_INFERRED', `jurisdiction not given; inferred ${inferred.code} (${inferred.name}): ${inferred.evidence}`));
  } else {
    throw new ImportError(fileName, `jurisdiction not given and could not be inferred: ${inferred.reason}; pass --jurisdiction CODE`);
  }

  const index = placeIndex();
  const givenDept = input.department?.trim() || null;
  const department = givenDept ?? record.department;
  if (!department) throw new ImportError(fileName, 'department not given and not found in the document; pass --department NAME');
  if (givenDept && record.department && !departmentsAgree(givenDept, record.department, index)) {
    warnings.push(warn('DEPARTMENT_MISMATCH', `given department "${givenDept}", but the document names "${record.department}"`));
  }

  // Sections of other departments become lists of their own, placed where their name says when that lies within the document's jurisdiction.
  const groups = new Map<string, ItemRecord[]>();
  for (const item of record.items) {
    const d = item.department && !departmentsAgree(item.department, department, index) ? item.department : department;
    (groups.get(d) ?? groups.set(d, []).get(d)!).push(item);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lists: PreparedList[] = [...groups].map(([dept, items], i) => {
    let code = jurisdictionCode;
    if (i > 0) {
      const own = splitDepartment(dept, index).codes.filter((c) => c === jurisdictionCode || isAncestor(jurisdictionCode, c, index));
      if (own.length === 1) code = own[0];
    }
    return { id: listIdFor(code, dept, record.title, fileName), jurisdictionCode: code, department: dept, items, warnings: i === 0 ? warnings : [] };
  });
  return { fileName, sha256, record, lists, placement: { given, inferred } };
}

/** Makes sure the jurisdiction and its ancestors exist, taken from the gazetteer. */
async function ensureJurisdiction(em: EntityManager, code: string): Promise<void> {
  const chain = divisionChain(code);
  const existing = new Set((await em.find(Jurisdiction, { where: { code: In(chain.map((d) => d.code)) }, select: { code: true } })).map((j) => j.code));
  for (const d of chain) {
    if (!existing.has(d.code)) await em.insert(Jurisdiction, { code: d.code, name: d.name, level: d.level, parentCode: d.parentCode });
  }
}

interface Written {
  list: PowerList;
  statutes: Set<string>;
  citations: number;
}

async function writeList(em: EntityManager, prepared: PreparedImport, p: PreparedList): Promise<Written> {
  const { record } = prepared;
  const { id: listId, jurisdictionCode, department } = p;
  await ensureJurisdiction(em, jurisdictionCode);
  await em.delete(PowerList, { id: listId });

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
      list.warnings.push(warn('DUPLICATE_ACROSS_LISTS', `item "${it.name}" is also in another list of ${department}; stored under its own ID`, it.sourceLines[0] ?? null, it.name));
      it.id = id;
    }
    for (const lv of levels) if (renamed.has(lv.itemId)) Object.assign(lv, { itemId: renamed.get(lv.itemId)!, id: `${renamed.get(lv.itemId)}:${lv.position}` });
    for (const c of citations) if (renamed.has(c.itemId)) Object.assign(c, { itemId: renamed.get(c.itemId)!, id: `${renamed.get(c.itemId)}:${c.position}` });
  }

  // Statutes and articles are shared across lists: add what is new, merge aliases into what exists.
  const statuteIds = new Set(statutes.keys());
  const known = statutes.size ? await em.find(Statute, { where: { id: In([...statutes.keys()]) } }) : [];
  for (const old of known) {
    const mine = statutes.get(old.id)!;
    const aliases = [...new Set([...old.aliases, ...mine.aliases])];
    const category = old.category ?? mine.category;
    if (aliases.length !== old.aliases.length || category !== old.category) await em.update(Statute, { id: old.id }, { aliases, category });
    statutes.delete(old.id);
  }
  await bulkInsert(em, Statute, [...statutes.values()]);
  const knownArticles = new Set(
    articles.size ? (await em.find(Article, { where: { id: In([...articles.keys()]) }, select: { id: true } })).map((a) => a.id) : [],
  );
  await bulkInsert(em, Article, [...articles.values()].filter((a) => !knownArticles.has(a.id)));

  await em.insert(PowerList, list);
  await bulkInsert(em, Item, items);
  await bulkInsert(em, ItemLevel, levels);
  await bulkInsert(em, Citation, citations);
  return { list, statutes: statuteIds, citations: citations.length };
}

/**
 * Stores a prepared document as a whole: every list it makes replaces the
 * list with the same ID (jurisdiction, department, title) in one
 * transaction, so readers see the old lists or the new, never a mix.
 */
export async function commitImport(ds: DataSource, prepared: PreparedImport): Promise<ImportResult> {
  return ds.transaction(async (em) => {
    const previous = await em.find(PowerList, { where: { id: In(prepared.lists.map((l) => l.id)) } });
    if (previous.length === prepared.lists.length && previous.every((l) => l.sha256 === prepared.sha256)) {
      const byId = new Map(previous.map((l) => [l.id, l]));
      const lists = prepared.lists.map((l) => byId.get(l.id)!);
      return { list: lists[0], lists, unchanged: true, record: prepared.record, statutes: 0, citations: 0 };
    }
    const written: Written[] = [];
    for (const p of prepared.lists) written.push(await writeList(em, prepared, p));
    return {
      list: written[0].list,
      lists: written.map((w) => w.list),
      unchanged: false,
      record: prepared.record,
      statutes: new Set(written.flatMap((w) => [...w.statutes])).size,
      citations: written.reduce((s, w) => s + w.citations, 0),
    };
  });
}

/** Reads, places and stores one document (see prepareImport and commitImport). */
export async function importList(ds: DataSource, input: ImportInput): Promise<ImportResult> {
  return commitImport(ds, prepareImport(input));
}
