import fc from 'fast-check';
import {
  codePointLength, dutiesText, foldAscii, ftsMatchExpression, likeContains, matchRanges, MAX_SEARCH_LENGTH,
  parseSearchText, ruleRank, SearchInputError, snippet,
} from '../../src/domain/searchQuery';

/** The text of a range given in code points. */
const slice = (text: string, r: { start: number; end: number }) => Array.from(text).slice(r.start, r.end).join('');

describe('parseSearchText', () => {
  it('splits on any whitespace (the ideographic space too), folds ASCII case only and drops repeats', () => {
    expect(parseSearchText('  医疗救助\u3000DRG\t医疗救助 ').terms).toEqual(['医疗救助', 'drg']);
    expect(parseSearchText('ÄÖ Ｋ').terms).toEqual(['ÄÖ', 'Ｋ']);
  });

  it('drops a term contained in another: under AND the longer one implies it', () => {
    const q = parseSearchText('医疗 医疗救助 检查');
    expect(q.terms).toEqual(['医疗救助', '检查']);
    expect(q.long).toEqual(['医疗救助']);
    expect(q.short).toEqual(['检查']);
  });

  it('sorts terms into long and short by code points, not UTF-16 units', () => {
    expect(parseSearchText('😀😀').short).toEqual(['😀😀']); // 4 UTF-16 units, 2 characters
    expect(parseSearchText('😀😀😀').long).toEqual(['😀😀😀']);
    expect(parseSearchText('a😀').short).toEqual(['a😀']);
    expect(parseSearchText('ab c').short).toEqual(['ab', 'c']);
  });

  it('keeps every symbol as a literal character; control characters and lone surrogates separate terms', () => {
    expect(parseSearchText('"医疗" OR "x"').terms).toEqual(['"医疗"', 'or', '"x"']);
    expect(parseSearchText('NEAR(a b) col:term * ^ -').terms).toEqual(['near(a', 'b)', 'col:term', '*', '^', '-']);
    expect(parseSearchText('医疗\u0000救助\u0007x\u007f').terms).toEqual(['医疗', '救助', 'x']);
    expect(parseSearchText('ab\uD800cd\uDC00').terms).toEqual(['ab', 'cd']);
    expect(parseSearchText('\uD83D\uDE00').terms).toEqual(['😀']);
  });

  it('refuses empty text and text over the limit, counted in code points', () => {
    for (const t of ['', '   ', '\u3000\n\t', '\u0000\u0001']) expect(() => parseSearchText(t)).toThrow(SearchInputError);
    expect(() => parseSearchText('医'.repeat(MAX_SEARCH_LENGTH + 1))).toThrow(/at most 100/);
    expect(parseSearchText('😀'.repeat(MAX_SEARCH_LENGTH)).terms).toHaveLength(1); // 200 UTF-16 units, 100 characters
    expect(parseSearchText(` ${'医'.repeat(MAX_SEARCH_LENGTH)} `).terms).toHaveLength(1);
    expect(new SearchInputError('x').code).toBe('BAD_USER_INPUT');
  });
});

describe('query text for the backends', () => {
  it('quotes every FTS5 term as a phrase, doubling inner quotes', () => {
    expect(ftsMatchExpression(['医疗救助'])).toBe('"医疗救助"');
    expect(ftsMatchExpression(['a"b', 'near(x'])).toBe('"a""b" AND "near(x"');
    expect(ftsMatchExpression(['"""'])).toBe('""""""""');
  });

  it('escapes LIKE metacharacters', () => {
    expect(likeContains('50%_\\x')).toBe('%50\\%\\_\\\\x%');
    expect(likeContains('医疗')).toBe('%医疗%');
  });

  it('counts code points', () => {
    expect(codePointLength('医疗😀')).toBe(3);
    expect('医疗😀'.length).toBe(4);
    expect(foldAscii('DRG Ä ａＢ')).toBe('drg Ä ａＢ');
  });
});

describe('snippets', () => {
  it('gives match ranges in code points, merged', () => {
    const text = '😀医疗😀医疗救助';
    expect(matchRanges(text, ['医疗'])).toEqual([{ start: 1, end: 3 }, { start: 4, end: 6 }]);
    expect(matchRanges(text, ['医疗', '疗救助'])).toEqual([{ start: 1, end: 3 }, { start: 4, end: 8 }]);
    expect(matchRanges('DRG付费', ['drg'])).toEqual([{ start: 0, end: 3 }]);
    expect(matchRanges(text, ['无'])).toEqual([]);
  });

  it('takes a window starting a little before the first match', () => {
    const text = `${'甲'.repeat(100)}医疗救助${'乙'.repeat(100)}医疗`;
    const s = snippet(text, ['医疗'])!;
    expect(s.offset).toBe(88);
    expect(s.length).toBe(206);
    expect(codePointLength(s.text)).toBe(48);
    expect(s.highlights).toEqual([{ start: 12, end: 14 }]);
    expect(slice(s.text, s.highlights[0])).toBe('医疗');
    // Near the end, the window ends with the text; a short text is whole.
    expect(snippet(text, ['医疗救助'.slice(0, 2) + '无'])).toBeNull();
    expect(snippet('对医疗救助的监督检查', ['监督'])).toEqual({ text: '对医疗救助的监督检查', offset: 0, length: 10, highlights: [{ start: 6, end: 8 }] });
    const tail = snippet(`${'甲'.repeat(100)}医疗`, ['医疗'])!;
    expect(tail.offset + codePointLength(tail.text)).toBe(102);
  });

  it('widens the window for a match longer than it', () => {
    const long = '医'.repeat(60);
    const s = snippet(`前${long}后`, [long], 48)!;
    expect(slice(s.text, s.highlights[0])).toBe(long);
  });

  it('highlights only occurrences of the terms (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(), fc.integer({ min: 1, max: 4 }), (text, at, len) => {
        const chars = Array.from(text);
        if (chars.length === 0) return;
        const start = at % chars.length;
        const term = foldAscii(chars.slice(start, start + len).join(''));
        if (/[\s]/u.test(term)) return;
        const s = snippet(text, [term])!;
        expect(s).not.toBeNull();
        expect(s.highlights.length).toBeGreaterThan(0);
        for (const h of s.highlights) expect(foldAscii(slice(s.text, h))).toContain(term);
        expect(Array.from(text).slice(s.offset, s.offset + codePointLength(s.text)).join('')).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('other search helpers', () => {
  it('reads the duties text from the duty fields', () => {
    expect(dutiesText([{ key: 'name', text: 'n' }, { key: 'responsibilities', text: '一' }, { key: 'departmentDuties', text: '二' }, { key: null, text: '三' }])).toBe('一\n二');
    expect(dutiesText([{ key: 'name', text: 'n' }])).toBeNull();
  });

  it('ranks by the documented rule: 3 per term in the name, 1 per other field, then shorter names', () => {
    expect(ruleRank('医疗救助', ['依据医疗', null], ['医疗'], 4)).toBe(4 + 1 / 5);
    expect(ruleRank('检查', ['医疗'], ['医疗', '检查'], 2)).toBe(4 + 1 / 3);
    expect(ruleRank('DRG', [], ['drg'], 3)).toBe(3.25);
  });
});
