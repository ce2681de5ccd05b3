/**
 * Builders that turn tab-separated rows into the other formats a list is
 * published in, so tests can feed one table through every source reader.
 * XLSX files are written with exceljs, a library independent of the reader.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as zlib from 'zlib';

export const SEEDS = join(__dirname, '../../../seeds');

export function seedText(prefix: string): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
  return readFileSync(join(SEEDS, file), 'utf8');
}

/** Physical lines of a TSV, each split on tabs (the final terminator ends the last line). */
export function tsvRows(text: string): string[][] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

const csvField = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

export function toCsv(rows: string[][], eol = '\n'): string {
  return rows.map((r) => r.map(csvField).join(',')).join(eol) + eol;
}

const isTitle = (r: string[]) => r.length === 1 && r[0].trim() !== '';
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A government web page: site navigation in a table, the list as tables
 * (a new table after each heading; one-cell lines become <h2> headings),
 * a footer table. Cells hold the TSV cell as their inner HTML.
 */
export function toHtml(rows: string[][], pageTitle = '权责清单'): string {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(pageTitle)}_某县人民政府网</title>`,
    '<style>td { border: 1px solid #ccc; }</style>',
    '<script>var _hmt = _hmt || []; if (a < b && c > d) {}</script>',
    '</head>',
    '<body>',
    '<div class="header"><table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td><td>政策解读</td></tr></table></div>',
    '<h3>当前位置：首页 &gt; 政务公开</h3>',
    '<div class="article">',
  ];
  let open = false;
  for (const r of rows) {
    if (isTitle(r)) {
      if (open) out.push('</table>');
      open = false;
      out.push(`<h2 class="title">${esc(r[0].replace(/^#+\s*/, ''))}</h2>`);
      continue;
    }
    if (r.every((c) => c.trim() === '')) continue;
    if (!open) out.push('<table border="1" cellspacing="0" style="width:100%">');
    open = true;
    out.push(`  <tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  }
  if (open) out.push('</table>');
  out.push('</div>', '<table class="footer"><tr><td>主办单位：某县人民政府办公室</td><td>联系电话：0999-1234567</td></tr></table>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

/** A cell value as a spreadsheet holds it: whole numbers as numbers, the rest as text. */
const sheetValue = (c: string): string | number | null => (c === '' ? null : /^\d{1,9}$/.test(c) ? Number(c) : c);

/** One sheet, TSV line i at row i + 1. */
export function addSheet(wb: ExcelJS.Workbook, name: string, rows: string[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((c, j) => {
      const v = sheetValue(c);
      if (v !== null) row.getCell(j + 1).value = v;
    });
  });
  return ws;
}

export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Sheet1', rows);
  return xlsxBuffer(wb);
}

/** A ZIP archive of the given files, deflated unless `stored`; for hand-written XLSX parts and damaged archives. */
export function zip(files: Record<string, string | Buffer>, stored = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = stored ? data : zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * A workbook from hand-written sheet XML (the <sheetData> and anything after
 * it), for cell forms exceljs does not write: inline strings, phonetic runs,
 * ISO dates, formulas without results, namespace prefixes.
 */
export function rawXlsx(sheets: { name: string; xml: string; state?: string }[], shared: string[] = [], styles = ''): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${i % 2 ? '/xl/' : ''}worksheets/s${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${shared.join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${styles}</styleSheet>`,
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/s${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}>${s.xml}</worksheet>`;
  });
  return zip(files);
}
