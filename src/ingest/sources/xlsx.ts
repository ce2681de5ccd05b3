/**
 * XLSX workbooks to lines. Every visible sheet with content is read, in
 * workbook order, as one document: a sheet's row r is line (rows of the
 * sheets before it) + r, so a line number still finds its row.
 *
 * Cells read as a text export would show them: numbers as displayed (序号 1,
 * not 1.0), dates as ISO text, formulas by their cached result, rich text as
 * its plain text. Merged cells "read as merged": the value stays in the
 * top-left cell, covered cells are empty, and those covered from a row above
 * are marked in SourceLine.mergedFromAbove, so the layouts can tell a merged
 * 事项名称 from a missing one.
 */
import { posix } from 'node:path';
import type { ImportWarning } from '../../domain/records';
import type { SourceLine } from '../lines';
import { SourceError } from './binary';
import { builtinFormat } from './numfmt';
import { sourceWarning, type Source } from './types';
import { attr, walkXml } from './xml';
import { MAX_COLUMNS, readSheet, sheetLines, type StylePatterns, unescapeOoxml } from './xlsxSheet';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip';

/** A zip is a workbook when it has the workbook part. */
export function isWorkbook(entries: ReadonlyMap<string, ZipEntry>): boolean {
  return entries.has('xl/workbook.xml');
}

interface SheetRef {
  name: string;
  path: string | null;
  hidden: boolean;
}

interface Workbook {
  sheets: SheetRef[];
  date1904: boolean;
}

type Part = (name: string) => string | null;

function readWorkbook(part: Part): Workbook {
  const xml = part('xl/workbook.xml');
  if (xml === null) throw new SourceError('the XLSX file has no workbook part (xl/workbook.xml)');
  const targets = new Map<string, string>();
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels !== null) {
    walkXml(rels, {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target) return;
        // Targets are relative to xl/, or absolute within the package.
        targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join('xl', a.Target)));
      },
    });
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  walkXml(xml, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const id = attr(a, 'id');
      sheets.push({
        name: a.name ?? `Sheet${sheets.length + 1}`,
        path: id ? (targets.get(id) ?? null) : null,
        hidden: a.state === 'hidden' || a.state === 'veryHidden',
      });
    },
  });
  return { sheets, date1904 };
}

/** Shared strings: plain or rich text (runs concatenated), phonetic guides (rPh) left out. */
function readSharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  let cur = '';
  let inT = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name) {
      if (name === 'si') cur = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 'si') out.push(unescapeOoxml(cur));
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(t) {
      if (inT) cur += t;
    },
  });
  return out;
}

/** The number format of each cell style, from the styles part's cellXfs. */
function readStyles(xml: string | null): StylePatterns {
  const patterns: (string | null)[] = [];
  if (xml === null) return patterns;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  walkXml(xml, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const pattern = custom.get(id) ?? builtinFormat(id);
        patterns.push(pattern === 'General' ? null : pattern);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return patterns;
}

export function readXlsx(buf: Buffer, entries: ReadonlyMap<string, ZipEntry> = readZipDirectory(buf)): Source {
  const part: Part = (name) => {
    const e = entries.get(name);
    return e ? readZipEntry(buf, e).toString('utf8') : null;
  };
  const book = readWorkbook(part);
  const shared = readSharedStrings(part('xl/sharedStrings.xml'));
  const styles = readStyles(part('xl/styles.xml'));
  const warnings: ImportWarning[] = [];
  const lines: SourceLine[] = [];
  const read: string[] = [];
  let offset = 0;

  book.sheets.forEach((ref, i) => {
    if (ref.hidden) {
      // Hidden sheets hold lookup lists for drop-downs (the power types, the levels), not list rows.
      warnings.push(sourceWarning('HIDDEN_SHEET_SKIPPED', null, `hidden sheet "${ref.name}" was not read`));
      return;
    }
    const path = ref.path ?? `xl/worksheets/sheet${i + 1}.xml`;
    const xml = part(path);
    if (xml === null) return; // a chart sheet or a dangling reference: no rows
    const sheet = readSheet(xml, shared, styles, book.date1904);
    const { lines: sl, lastRow } = sheetLines(sheet, offset);
    if (sheet.formulasWithoutValue.length > 0) {
      const cells = sheet.formulasWithoutValue.slice(0, 5).join(', ') + (sheet.formulasWithoutValue.length > 5 ? ', …' : '');
      warnings.push(sourceWarning('FORMULA_WITHOUT_VALUE', null, `sheet "${ref.name}": ${sheet.formulasWithoutValue.length} formula cell(s) have no saved result and read as empty (${cells}); open and save the file in a spreadsheet program to store results`));
    }
    if (sheet.beyondLastColumn.length > 0) {
      const cells = sheet.beyondLastColumn.slice(0, 5).join(', ') + (sheet.beyondLastColumn.length > 5 ? ', …' : '');
      warnings.push(sourceWarning('CELLS_BEYOND_LAST_COLUMN', null, `sheet "${ref.name}": ${sheet.beyondLastColumn.length} cell(s) right of column ${MAX_COLUMNS} were not read (${cells}); no list has that many columns`));
    }
    if (sl.length === 0) return;
    read.push(`"${ref.name}" rows 1–${lastRow} are lines ${offset + 1}–${offset + lastRow}`);
    for (const line of sl) lines.push(line); // not push(...sl): a long sheet would overflow the call stack
    offset += lastRow;
  });
  if (read.length > 1) {
    warnings.push(sourceWarning('MULTIPLE_SHEETS', null, `${read.length} sheets read as one document: ${read.join('; ')}`));
  }
  return { format: 'xlsx', encoding: null, lines, lineCount: offset, warnings };
}

/** What a ZIP archive that is not a workbook is, by the parts it holds, for the error that refuses it. */
export function describeZip(entries: ReadonlyMap<string, ZipEntry>): string {
  if (entries.has('word/document.xml')) return 'a Word document (.docx): save its table as .xlsx or .html';
  if (entries.has('ppt/presentation.xml')) return 'a PowerPoint file (.pptx)';
  if (entries.has('content.xml') && entries.has('mimetype')) return 'an OpenDocument file (.ods/.odt): save it as .xlsx';
  return 'a ZIP archive that is not an XLSX workbook';
}
