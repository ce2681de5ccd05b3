/**
 * Every format goes through the same row assembly: each seed list, converted
 * here into CSV, HTML, XLSX and GBK-encoded TSV, reads as the same items
 * (序号, name, power types) as the UTF-8 TSV it came from.
 */
import * as iconv from 'iconv-lite';
import type { ListRecord } from '../../../src/domain/records';
import { parseDocument } from '../../../src/ingest';
import { seedText, toCsv, toHtml, toXlsx, tsvRows } from './fixtures';

const parse = (input: Buffer | string): ListRecord => parseDocument(input, { fileName: 'list', extractCitations: () => [] });
const summary = (list: ListRecord) => list.items.map((i) => ({ seq: i.seq, name: i.name, powerTypes: i.powerTypes }));

describe.each(['000', '001', '002', '003', '004'])('seed %s', (prefix) => {
  const text = seedText(prefix);
  const rows = tsvRows(text);
  const original = parse(Buffer.from(text, 'utf8'));

  it('has items to compare', () => {
    expect(original.items.length).toBeGreaterThan(4);
    expect(original.format).toBe('text');
    expect(original.encoding).toBe('utf-8');
  });

  it('reads the same items from CSV (CRLF, as Excel writes it)', () => {
    const list = parse(Buffer.from(toCsv(rows, '\r\n'), 'utf8'));
    expect(list.format).toBe('csv');
    expect(summary(list)).toEqual(summary(original));
    expect(list.layout).toBe(original.layout);
  });

  it('reads the same items from GBK-encoded CSV', () => {
    const list = parse(iconv.encode(toCsv(rows), 'gb18030'));
    expect([list.format, list.encoding]).toEqual(['csv', 'gb18030']);
    expect(summary(list)).toEqual(summary(original));
  });

  it('reads the same items from an HTML page', () => {
    const list = parse(Buffer.from(toHtml(rows), 'utf8'));
    expect(list.format).toBe('html');
    expect(summary(list)).toEqual(summary(original));
    expect(list.layout).toBe(original.layout);
  });

  it('reads the same items from XLSX', async () => {
    const list = parse(await toXlsx(rows));
    expect([list.format, list.encoding]).toEqual(['xlsx', undefined]);
    expect(summary(list)).toEqual(summary(original));
    expect(list.layout).toBe(original.layout);
    // One row per TSV line: item lines point at the same rows.
    expect(list.items.map((i) => i.lines)).toEqual(original.items.map((i) => i.lines));
  });

  it('reads the same items from GBK-encoded TSV, and says so', () => {
    const list = parse(iconv.encode(text, 'gb18030'));
    expect([list.format, list.encoding]).toEqual(['text', 'gb18030']);
    expect(list).toEqual({ ...original, encoding: 'gb18030', report: { ...original.report!, encoding: 'gb18030' } });
  });
});
