/** Inputs that are not lists at all, inputs that are empty, and inputs that are large. */
import { randomBytes } from 'crypto';
import { parseDocument, readSource, SourceError } from '../../../src/ingest';
import { seedText, toXlsx, tsvRows, zip } from './fixtures';

const parse = (input: Buffer | string) => parseDocument(input, { fileName: 'a', extractCitations: () => [] });

describe('binary files are refused with a message saying what they look like', () => {
  it.each([
    ['PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]), /PNG image/],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /PDF document/],
    ['JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(100)]), /JPEG image/],
    ['legacy .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), /legacy Office file .*save it as \.xlsx/],
    ['gzip', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), randomBytes(50)]), /gzip/],
    ['random bytes', randomBytes(4096), /binary data, not text/],
    ['NUL-padded data', Buffer.concat([Buffer.from('序号\t事项名称\n', 'utf8'), Buffer.alloc(2000)]), /binary data, not text/],
  ])('%s', (_, bytes, message) => {
    expect(() => parse(bytes)).toThrow(SourceError);
    expect(() => parse(bytes)).toThrow(message);
  });

  it('names ZIP files that are not workbooks', () => {
    expect(() => readSource(zip({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' }))).toThrow(/Word document \(\.docx\)/);
    expect(() => readSource(zip({ 'a.txt': 'x' }))).toThrow(/ZIP archive that is not an XLSX workbook/);
  });
});

describe('damaged workbooks are refused, not half read', () => {
  let good: Buffer;
  beforeAll(async () => {
    good = await toXlsx(tsvRows(seedText('002')));
  });

  it('a truncated file', () => {
    for (const keep of [0.5, 0.99]) {
      const cut = good.subarray(0, Math.floor(good.length * keep));
      expect(() => parse(cut)).toThrow(SourceError);
      expect(() => parse(cut)).toThrow(/looks like a ZIP\/XLSX file but it has no end-of-archive record: the file is truncated or damaged/);
    }
  });

  it('a corrupted entry', () => {
    const bad = Buffer.from(good);
    // Flip bytes in the sheet's compressed data, just after its local header and name.
    const at = bad.indexOf('xl/worksheets/sheet1.xml') + 40;
    for (let i = at; i < at + 40; i++) bad[i] ^= 0xff;
    expect(() => parse(bad)).toThrow(/truncated or damaged/);
  });

  it('a stored entry that fails its checksum', () => {
    const z = zip({ 'xl/workbook.xml': '<workbook><sheets/></workbook>' }, true);
    const i = z.indexOf('<workbook>');
    z[i + 1] = 'W'.charCodeAt(0);
    expect(() => readSource(z)).toThrow(/xl\/workbook.xml fails its checksum/);
  });
});

describe('empty input', () => {
  it('has no lines, no format and no items', () => {
    for (const input of [Buffer.alloc(0), '', Buffer.from([0xef, 0xbb, 0xbf])]) {
      expect(readSource(input)).toEqual({ format: null, encoding: null, lines: [], lineCount: 0, warnings: [] });
      const { report, ...record } = parse(input);
      expect(record).toEqual({ title: null, department: null, layout: 'unknown', items: [], warnings: [], lineCount: 0 });
      expect(report).toMatchObject({ items: 0, lines: { total: 0, content: 0, used: 0, structural: 0, unplaced: 0 } });
    }
  });
});

describe('large input', () => {
  it('reads a few MB of TSV in linear time', () => {
    const seed = seedText('002');
    const big = Buffer.from(seed.repeat(Math.ceil((4 * 1024 * 1024) / seed.length)), 'utf8');
    const src = readSource(big);
    expect(src.format).toBe('text');
    expect(src.lines.length).toBeGreaterThan(3000);
  });

  it('reports every line of a large unreadable document without running out of stack', () => {
    const list = parse(Buffer.from('这是一段没有结构的文字，没有表格。\n'.repeat(200_000), 'utf8'));
    expect(list.items).toEqual([]);
    expect(list.warnings).toHaveLength(200_001);
  });

  it.each([
    ['one long line of spaces and text', `${'序号  '.repeat(2)}${'甲 '.repeat(1_000_000)}`],
    ['pipes and backslashes', `| 序号 | 事项名称 |\n${'|\\'.repeat(1_000_000)}\n`],
    ['quotes and commas', `序号,事项名称,权力类型\n${'","'.repeat(700_000)}\n`],
    ['tags without end', `<table>${'<tr><td>'.repeat(200_000)}`],
    ['names on their own lines', '序号\n事项名称\n权力类型\n'.repeat(150_000)],
    ['prose without structure', '这是一段没有结构的文字，'.repeat(200_000)],
  ])('does not blow up on %s', (_, text) => {
    // Backtracking or quadratic work would run past the test's timeout; speed itself is measured in bench/.
    expect(() => readSource(text)).not.toThrow(RangeError);
  }, 20_000);
});
