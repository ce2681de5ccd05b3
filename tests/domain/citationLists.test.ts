import { extractCitations, parseReference } from '../../src/domain/citations';

const recs = (text: string) => extractCitations(text, 'legalBasis').map((c) => [c.article, c.text, c.status]);

describe('第十八条、二十四条: a further article without 第 after a 第…条', () => {
  it('reads both, each with its own span', () => {
    expect(recs('《社会保险法》第十八条、二十四条')).toEqual([
      [18, '《社会保险法》第十八条', 'OK'],
      [24, '二十四条', 'OK'],
    ]);
  });

  it('reads several and a range', () => {
    const g = parseReference('第八十七条、八十八条、九十至九十二条', 0)!;
    expect(g.items.map((i) => i.numbers)).toEqual([[87], [88], [90, 91, 92]]);
    expect(g.end).toBe('第八十七条、八十八条、九十至九十二条'.length);
  });

  it('drops 款/项 when several articles are named that way', () => {
    const g = parseReference('第十八条、二十四条第二款', 0)!;
    expect([g.paragraph, g.clause, g.items.length]).toEqual([null, null, 2]);
  });

  it('needs the 条: "第三条、五" leaves 五 as text', () => {
    const g = parseReference('第三条、五个工作日内', 0)!;
    expect(g.items.map((i) => i.numbers)).toEqual([[3]]);
    expect(g.end).toBe(3);
  });

  it('still reads 第十八条、第二十四条 as two references', () => {
    expect(recs('《社会保险法》第十八条、第二十四条').map((r) => r[0])).toEqual([18, 24]);
  });
});

describe('第十五条之一', () => {
  it('is article 15 with 之一 kept in the text, and its wording quoted', () => {
    const [c] = extractCitations('【法律】《行政处罚法》第十五条之一：违反本法规定的', 'legalBasis');
    expect([c.article, c.text, c.quoted]).toEqual([15, '《行政处罚法》第十五条之一', '违反本法规定的']);
  });

  it('reads a paragraph after it', () => {
    const g = parseReference('第十五条之一第二款', 0)!;
    expect([g.items[0].numbers, g.paragraph]).toEqual([[15], 2]);
  });

  it('does not take 之 without a numeral', () => {
    const g = parseReference('第十五条之规定', 0)!;
    expect(g.end).toBe('第十五条'.length);
  });
});
