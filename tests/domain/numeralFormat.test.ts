import { formatArticleLabel, parseChineseNumber, toChineseNumber } from '../../src/domain/numerals';

describe('toChineseNumber', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [87, '八十七'],
    [100, '一百'],
    [103, '一百零三'],
    [110, '一百一十'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2034, '二千零三十四'],
    [9999, '九千九百九十九'],
  ])('%d → %s', (n, text) => {
    expect(toChineseNumber(n)).toBe(text);
  });

  it('is the inverse of parseChineseNumber for 1..9999', () => {
    for (let n = 1; n <= 9999; n++) {
      expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
    }
  });

  it.each([0, -1, 10000, 1.5, NaN])('refuses %d rather than guess', (n) => {
    expect(() => toChineseNumber(n)).toThrow(RangeError);
  });
});

describe('formatArticleLabel', () => {
  it.each([
    [87, '第八十七条'], // 《社会保险法》第八十七条 (seeds 000–004)
    [103, '第一百零三条'],
    [10, '第十条'],
    [20, '第二十条'],
    [1001, '第一千零一条'],
  ])('%d → %s', (n, label) => {
    expect(formatArticleLabel(n)).toBe(label);
  });
});
