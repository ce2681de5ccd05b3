import { ARTICLE_NUMERAL, isNumeralChar, parseChineseNumber, toHalfWidthDigits } from '../../src/domain/numerals';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十九', 29],
    ['七十二', 72],
    ['九十一', 91],
    ['一百', 100],
    ['一百零三', 103],
    ['一百零四', 104],
    ['一百一十', 110],
    ['一百十', 110],
    ['一百二十五', 125],
    ['两百', 200],
    ['一千', 1000],
    ['一千二百', 1200],
    ['一千零三', 1003],
    ['一千零三十', 1030],
    ['一千二百三十四', 1234],
    ['一万', 10000],
    ['三万五千', 35000],
    ['一万零三', 10003],
    ['十万', 100000],
    ['零', 0],
    ['〇', 0],
  ])('reads the Chinese numeral %s as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each([
    ['15', 15],
    ['0', 0],
    ['１５', 15],
    ['２０２１', 2021],
    ['735', 735],
  ])('reads Arabic digits %s (half- or full-width) as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('reads digit-by-digit forms such as years', () => {
    expect(parseChineseNumber('二〇一九')).toBe(2019);
    expect(parseChineseNumber('二零二一')).toBe(2021);
    expect(parseChineseNumber('三零')).toBe(30);
  });

  it('trims surrounding whitespace', () => {
    expect(parseChineseNumber(' 十五 ')).toBe(15);
  });

  it.each([
    [''],
    ['   '],
    ['条'],
    ['百'],
    ['千'],
    ['十十'],
    ['百十'],
    ['一百三'], // colloquial 130, or 103 written carelessly: not guessed
    ['一千二'],
    ['零三'],
    ['一百零'],
    ['一百零零三'],
    ['万'],
    ['一万万'],
    ['1百'],
    ['第八十七'],
    ['八十七条'],
    ['abc'],
    ['〇一'],
  ])('rejects %j', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('numeral helpers', () => {
  it('ARTICLE_NUMERAL matches the numeral run of a reference and nothing around it', () => {
    const re = new RegExp(`第(${ARTICLE_NUMERAL})条`);
    expect(re.exec('第一百零三条:')?.[1]).toBe('一百零三');
    expect(re.exec('第15条')?.[1]).toBe('15');
    expect(re.exec('第１５条')?.[1]).toBe('１５');
    expect(re.exec('第（一）项')).toBeNull();
  });

  it('isNumeralChar accepts numeral characters only', () => {
    for (const ch of ['一', '十', '百', '千', '万', '零', '〇', '两', '7', '７']) expect(isNumeralChar(ch)).toBe(true);
    for (const ch of ['第', '条', '、', '至', 'a', '', undefined]) expect(isNumeralChar(ch)).toBe(false);
  });

  it('toHalfWidthDigits converts full-width digits only', () => {
    expect(toHalfWidthDigits('第１５条（２０２１）')).toBe('第15条（2021）');
  });
});
