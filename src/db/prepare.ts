/**
 * Reading and placing a document, without the database: parse, check, settle
 * where it belongs, split by department. Kept apart from the writer so it can
 * run in a worker thread while the main thread commits the previous list.
 */
import { createHash } from 'node:crypto';
import { parseDocument } from '../ingest';
import type { ImportWarning, ItemRecord, ListRecord } from '../domain/records';
import { departmentsAgree, inferJurisdiction, splitDepartment, isAncestor, type Inference } from '../domain/places';
import { division, placeIndex } from './gazetteer';
import { stableId } from './ids';
import { normaliseWidth } from '../domain/width';

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

/** Bad input, named by where it is; nothing was stored. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    readonly line: number | null = null,
    options?: ErrorOptions,
  ) {
    super(`${fileName}${line != null ? `:${line}` : ''}: ${message}`, options);
    this.name = 'ImportError';
  }
}

// Place mentions are context only; a bounded prefix keeps inference cheap on huge files.
const CONTEXT_CHARS = 1_000_000;

/** The name as an ID key: width folded, whitespace dropped, brackets half-width, so spelling noise keeps the ID. */
function normaliseName(name: string): string {
  return normaliseWidth(name).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function listIdFor(jurisdictionCode: string, department: string, title: string | null, fileName: string): string {
  return stableId('list', jurisdictionCode, department, title ?? fileName);
}

export function itemIdFor(jurisdictionCode: string, department: string, item: ItemRecord): string {
  return stableId('item', jurisdictionCode, department, [...item.powerTypes].sort().join('+'), normaliseName(item.name), item.subItem ? normaliseName(item.subItem) : '');
}

export function warn(code: string, message: string, line: number | null = null, text?: string): ImportWarning {
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
    // The cause is kept: a SourceError is the document's fault, anything else is a bug in
    // the reader, and a caller (or the fuzz test) must be able to tell the two apart.
    throw new ImportError(fileName, `could not be read: ${(e as Error).message}`, null, { cause: e });
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

