import { decode, excerpt, isBlank, isSeparatorRow, splitLines } from '../../src/ingest/lines';

describe('decode', () => {
  it('decodes UTF-8 bytes', () => {
    expect(decode(Buffer.from('序号\t事项名称', 'utf8'))).toEqual({ text: '序号\t事项名称', invalidUtf8: false });
  });
  it('strips a BOM from bytes and from strings', () => {
    expect(decode(Buffer.from('\ufeff序号', 'utf8')).text).toBe('序号');
    expect(decode('\ufeff序号').text).toBe('序号');
  });
  it('makes CRLF and lone CR into LF', () => {
    expect(decode('a\r\nb\rc\n').text).toBe('a\nb\nc\n');
  });
  it('replaces invalid bytes and says so', () => {
    const d = decode(Buffer.from([0x61, 0xff, 0x62]));
    expect(d.invalidUtf8).toBe(true);
    expect(d.text).toBe('a\ufffdb');
  });
});

describe('splitLines', () => {
  it('numbers lines from 1 and splits cells on tabs', () => {
    expect(splitLines('a\tb\n\nc')).toEqual([
      { no: 1, text: 'a\tb', cells: ['a', 'b'] },
      { no: 2, text: '', cells: [''] },
      { no: 3, text: 'c', cells: ['c'] },
    ]);
  });
  it('does not count a final line terminator as a line', () => {
    expect(splitLines('a\nb\n')).toHaveLength(2);
    expect(splitLines('a\nb\n\n')).toHaveLength(3);
  });
  it('gives no lines for no text', () => {
    expect(splitLines('')).toEqual([]);
  });
  it('keeps leading and trailing empty cells', () => {
    expect(splitLines('\t\tx\t')[0].cells).toEqual(['', '', 'x', '']);
  });
});

describe('isBlank / isSeparatorRow', () => {
  const line = (text: string) => splitLines(text)[0];
  it('treats lines of tabs and spaces as blank', () => {
    expect(isBlank(line(' \t \t'))).toBe(true);
    expect(isBlank(line('\t-\t'))).toBe(false);
  });
  it('recognises markdown separator rows', () => {
    expect(isSeparatorRow(line('---\t---\t------'))).toBe(true);
    expect(isSeparatorRow(line(':---\t---:\t'))).toBe(true);
    expect(isSeparatorRow(line('---\t事项'))).toBe(false);
    expect(isSeparatorRow(line('\t\t'))).toBe(false);
    expect(isSeparatorRow(line('-'))).toBe(false);
  });
});

describe('excerpt', () => {
  it('shortens long text and trims', () => {
    expect(excerpt('  abc  ')).toBe('abc');
    expect(excerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
