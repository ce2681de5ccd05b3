import { extractCitations, isCutOffReference, readDocumentNumber } from '../../src/domain/citations';

const read = (text: string) =>
  extractCitations(text, 'legalBasis').map((c) => [c.statuteTitle, c.article, c.status, c.documentNumber, c.inferredCategory]);

describe('readDocumentNumber (real trailers from the seeds)', () => {
  it.each([
    ['（卫规财发〔2012〕86号）', '卫规财发〔2012〕86号'],
    ['(国办发〔2019〕2号)', '国办发〔2019〕2号'],
    ['（医保发〔2018〕22号）', '医保发〔2018〕22号'],
    ['(国务院令649号, 自2014年5月1日起施行)', '国务院令649号'],
    ['（中华人民共和国国务院令第649号）', '中华人民共和国国务院令第649号'],
    ['(2021年国务院令735号)', '国务院令735号'],
    ['(2021年1月国务院令735号)', '国务院令735号'],
    ['(1997年12月29日主席令第九十二号公布)', '主席令第九十二号'],
    ['（中华人民共和国主席令第三十五号）', '中华人民共和国主席令第三十五号'],
    ['（2015年11月9日，甘政办发〔2015〕158号）', '甘政办发〔2015〕158号'],
    ['（1999年3月19日中华人民共和国劳动和社会保障部令第3号）', '中华人民共和国劳动和社会保障部令第3号'],
    ['（2015年11月25日内蒙古自治区第十二届人民代表大会常务委员会公告第十五号）', '内蒙古自治区第十二届人民代表大会常务委员会公告第十五号'],
    ['中华人民共和国国务院令765号', '中华人民共和国国务院令765号'],
  ])('%s → %s', (trailer, doc) => {
    expect(readDocumentNumber(trailer)).toBe(doc);
  });

  it.each(['', '(2018年12月29日修改)', '（2021年1月15日公布，2021年5月1日起施行）', '（2019年12月28日第十三届全国人民代表大会常务委员会第十五次会议通过）'])(
    'finds none in %s',
    (trailer) => {
      expect(readDocumentNumber(trailer)).toBeNull();
    },
  );

  it('takes the first of several', () => {
    expect(readDocumentNumber('（国办发〔2015〕7号）（国办发〔2019〕2号）')).toBe('国办发〔2015〕7号');
  });
});

describe('isCutOffReference', () => {
  it.each([
    ['第', true],
    ['第\n2.《价格法》', true],
    ['第，', true],
    ['第八十', true],
    ['第八十。', true],
    ['第十三届全国人民代表大会', false],
    ['第八十七条', false],
    ['规定', false],
  ])('%s → %s', (text, cut) => {
    expect(isCutOffReference(text, 0)).toBe(cut);
  });
});

describe('extractCitations sets status, documentNumber and inferredCategory', () => {
  it('OK with a document number (白银, 高值医用耗材)', () => {
    const text =
      '【规范性文件】《高值医用耗材集中采购工作规范（试行）》（卫规财发〔2012〕86号）第四十二条：集中采购管理机构要设立举报电话、开通电子邮箱并向';
    expect(read(text)).toEqual([['高值医用耗材集中采购工作规范(试行)', 42, 'OK', '卫规财发〔2012〕86号', '规范性文件']]);
  });

  it('keeps the document number on every article of a chapter reference (凉州)', () => {
    const text = '1. 《社会救助暂行办法》(国务院令649号, 自2014年5月1日起施行)第五章第二十七条:“国家建立';
    expect(read(text)).toEqual([['社会救助暂行办法', 27, 'OK', '国务院令649号', '行政法规']]);
  });

  it('CORRECTED_TITLE for a known misspelling (医疗保险… for 医疗保障…)', () => {
    const text = '【法规】《医疗保险基金使用监督管理条例》（2021年1月15日公布，2021年5月1日起施行）第十一条';
    expect(read(text)).toEqual([['医疗保障基金使用监督管理条例', 11, 'CORRECTED_TITLE', null, '行政法规']]);
  });

  it('CORRECTED_TITLE outranks NO_ARTICLE', () => {
    expect(read('《医疗保险基金使用监督管理条例》')).toEqual([['医疗保障基金使用监督管理条例', null, 'CORRECTED_TITLE', null, '行政法规']]);
  });

  it('TRUNCATED when the text stops after 第 (or after a numeral with no 条)', () => {
    expect(read('【法律】《中华人民共和国行政处罚法》第')).toEqual([['行政处罚法', null, 'TRUNCATED', null, '法律']]);
    expect(read('【法律】《中华人民共和国行政处罚法》第八十')).toEqual([['行政处罚法', null, 'TRUNCATED', null, '法律']]);
    expect(read('【法律】《中华人民共和国行政处罚法》第\n【法律】《价格法》第三条')).toEqual([
      ['行政处罚法', null, 'TRUNCATED', null, '法律'],
      ['价格法', 3, 'OK', null, '法律'],
    ]);
  });

  it('NO_ARTICLE for a statute named alone (国办发 notice, seed 003)', () => {
    const text = '《国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知》(国办发〔2019〕2号)';
    expect(read(text)).toEqual([
      ['国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知', null, 'NO_ARTICLE', '国办发〔2019〕2号', '规范性文件'],
    ]);
  });

  it('NO_ARTICLE for a chapter reference', () => {
    expect(read('《社会救助暂行办法》第五章')).toEqual([['社会救助暂行办法', null, 'NO_ARTICLE', null, null]]);
  });

  it('infers 地方性法规 from a 人大常委会公告 where the list tags 行政法规 (seed 004)', () => {
    const text =
      '【行政法规】《内蒙古自治区城镇基本医疗保险条例》（2015年11月25日内蒙古自治区第十二届人民代表大会常务委员会公告第十五号）第五十五条 用人单位未为其职工参加职工基本医疗保险的';
    const [c] = extractCitations(text, 'legalBasis');
    expect([c.category, c.inferredCategory, c.documentNumber, c.article]).toEqual([
      '行政法规',
      '地方性法规',
      '内蒙古自治区第十二届人民代表大会常务委员会公告第十五号',
      55,
    ]);
  });

  it('infers 规章 from a 部令 number (seed 004)', () => {
    const text = '【部门规章】《社会保险费征缴监督检查办法》（1999年3月19日中华人民共和国劳动和社会保障部令第3号）第十二条 缴费单位有下列行为之一';
    expect(read(text)).toEqual([['社会保险费征缴监督检查办法', 12, 'OK', '中华人民共和国劳动和社会保障部令第3号', '规章']]);
  });

  it('sets all three on every record of every seed citation', () => {
    const text = '【法律】《价格法》(1997年12月29日主席令第九十二号公布)第三条：国家实行…；第十二条：…';
    const records = extractCitations(text, 'legalBasis');
    expect(records.map((c) => [c.article, c.status, c.documentNumber, c.inferredCategory])).toEqual([
      [3, 'OK', '主席令第九十二号', '法律'],
      [12, 'OK', '主席令第九十二号', '法律'],
    ]);
  });
});

describe('over the seed lists', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fs = require('fs') as typeof import('fs');
  const dir = `${__dirname}/../../seeds`;
  const records = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(`${dir}/${f}`, 'utf8').split(/[\n\t]/))
    .map((cell) => cell.replace(/<\/(p|li|div)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''))
    .flatMap((text) => extractCitations(text, 'legalBasis'));

  it('sets status, documentNumber and inferredCategory on every record', () => {
    expect(records.length).toBeGreaterThan(500);
    for (const c of records) {
      expect(['OK', 'CORRECTED_TITLE', 'TRUNCATED', 'NO_ARTICLE']).toContain(c.status);
      expect(c.documentNumber === null || typeof c.documentNumber === 'string').toBe(true);
      expect(c.inferredCategory === null || typeof c.inferredCategory === 'string').toBe(true);
      expect(c.status === 'OK').toBe(c.article !== null && c.status !== 'CORRECTED_TITLE');
    }
  });
});
