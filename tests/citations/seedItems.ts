/**
 * The seed items the pinned expectations name, read with parseDocument, and
 * what extractCitations finds in their cleaned legal-basis cells. Shared by
 * seeds.test.ts and bench/citations.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../src/ingest';
import { extractCitations } from '../../src/domain/citations';
import type { CitationRecord, ItemRecord } from '../../src/domain/records';
import { citationKey, type ExpectedItem } from './seeds.expected';

export const SEEDS = path.join(__dirname, '..', '..', 'seeds');

const docs = new Map<string, ItemRecord[]>();

/** Items of one seed file (parsed once). */
export function seedItems(file: string): ItemRecord[] {
  let items = docs.get(file);
  if (!items) {
    items = parseDocument(fs.readFileSync(path.join(SEEDS, file)), { fileName: file }).items;
    docs.set(file, items);
  }
  return items;
}

/** Every seed file name. */
export function seedFiles(): string[] {
  return fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
}

/** The item whose name sits on `line` of `file`, or undefined. */
export function findItem(file: string, line: number): ItemRecord | undefined {
  const src = fs.readFileSync(path.join(SEEDS, file), 'utf8').split(/\r?\n/);
  return seedItems(file).find((it) => it.lines.includes(line) && (src[line - 1] ?? '').includes(it.name));
}

/** Cleaned text of every legal-basis cell of an item. */
export function legalBasisTexts(item: ItemRecord): string[] {
  return item.fields.filter((f) => f.key === 'legalBasis').map((f) => f.text);
}

/** extractCitations over each legal-basis cell of the item. */
export function extractedRecords(item: ItemRecord): CitationRecord[] {
  return legalBasisTexts(item).flatMap((t) => extractCitations(t, 'legalBasis'));
}

/** Sorted distinct keys of records (statute, article, 款, 项). */
export function recordKeys(records: CitationRecord[]): string[] {
  return [...new Set(records.map((r) => citationKey({ statute: r.statuteTitle, article: r.article, paragraph: r.paragraph, clause: r.clause })))].sort();
}

/** Sorted distinct keys of an item's expectations. */
export function expectedKeys(e: ExpectedItem): string[] {
  return [...new Set(e.citations.map(citationKey))].sort();
}
