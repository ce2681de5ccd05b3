import { excerpt, isBlank, isSeparatorRow, lineFromCells, physicalLines, splitLines } from '../../src/ingest/lines';

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

describe('physicalLines', () => {
  it('splits on LF without a line for the final terminator', () => {
    expect(physicalLines('a\nb\n')).toEqual(['a', 'b']);
    expect(physicalLines('a\n\n')).toEqual(['a', '']);
    expect(physicalLines('')).toEqual([]);
  });
});

describe('lineFromCells', () => {
  it('shows the cells tab-joined on one line and keeps the cells as given', () => {
    expect(lineFromCells(7, ['1', '甲\n乙', 'a\tb'])).toEqual({ no: 7, text: '1\t甲 乙\ta b', cells: ['1', '甲\n乙', 'a\tb'] });
  });
  it('keeps merge marks only when some cell is covered from above', () => {
    expect(lineFromCells(1, ['', 'x'], [true, false]).mergedFromAbove).toEqual([true, false]);
    expect(lineFromCells(1, ['', 'x'], [false, false])).not.toHaveProperty('mergedFromAbove');
  });
  it('makes an all-empty row a blank line, as layouts expect', () => {
    expect(isBlank(lineFromCells(1, ['', '', '']))).toBe(true);
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
