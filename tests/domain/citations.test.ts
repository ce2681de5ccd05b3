import * as fs from 'fs';
import * as path from 'path';
import {
  extractCitations,
  findTitles,
  isReferencePosition,
  isRevisionNote,
  parseReference,
  readEmbeddedTitle,
  readQuoted,
  readTagBefore,
  skipTitleTrailer,
  splitLeadingTag,
  type TitleSpan,
} from '../../src/domain/citations';
import { isStatuteTitle } from '../../src/domain/statuteTitles';
import type { CitationRecord } from '../../src/domain/records';

/** [statute, article, paragraph, clause] per record: the shape most tests care about. */
const refs = (text: string) =>
  extractCitations(text, 'legalBasis').map((r) => [r.statuteTitle, r.article, r.paragraph, r.clause]);
const only = (text: string): CitationRecord => {
  const rs = extractCitations(text, 'legalBasis');
  expect(rs).toHaveLength(1);
  return rs[0];
};
const titleAt = (text: string, inner: string): TitleSpan => {
  const t = findTitles(text).find((x) => x.inner === inner);
  if (!t) throw new Error(`no title ${inner}`);
  return t;
};

// ---------------------------------------------------------------------------
describe('findTitles', () => {
  it('finds each 《》 title with its span', () => {
    const text = '【法律】《社会保险法》第八十四条';
    expect(findTitles(text)).toEqual([{ start: 4, end: 11, inner: '社会保险法', balanced: true }]);
  });

  it('finds titles written back to back', () => {
    const text = '《中华人民共和国社会保险法》《中华人民共和国行政处罚法》 《社会救助暂行办法》';
    expect(findTitles(text).map((t) => t.inner)).toEqual(['中华人民共和国社会保险法', '中华人民共和国行政处罚法', '社会救助暂行办法']);
  });

  it('keeps 〈〉 inside a title', () => {
    const text = '1.《国家医保局办公室 财政部办公厅关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知》（医保发〔2018〕22号）';
    const [t] = findTitles(text);
    expect(t.inner).toBe('国家医保局办公室 财政部办公厅关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知');
    expect(text.slice(t.start, t.end)).toBe(`《${t.inner}》`);
  });

  it('treats 《》 nested inside a title as part of it', () => {
    const text = '《自治区党委办公厅、自治区人民政府办公厅关于印发《新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定》的通知》（新党厅字〔2018〕172号）';
    const titles = findTitles(text);
    expect(titles).toHaveLength(1);
    expect(titles[0].inner).toMatch(/^自治区党委办公厅.*的通知$/);
  });

  it('finds forms too (deciding what is a statute is a later stage)', () => {
    expect(findTitles('应制作《行政处罚告知书》送达当事人').map((t) => t.inner)).toEqual(['行政处罚告知书']);
  });

  it('cuts a title whose 》 is missing before its article number', () => {
    const text = '【法律】《中华人民共和国社会保险法第八十七条：社会保险经办机构…';
    expect(findTitles(text)).toEqual([{ start: 4, end: 17, inner: '中华人民共和国社会保险法', balanced: false }]);
  });

  it('does not let a missing 》 run into the next title', () => {
    const text = '《社会保险法 《行政处罚法》第三条';
    expect(findTitles(text).map((t) => [t.inner, t.balanced])).toEqual([
      ['社会保险法', false],
      ['行政处罚法', true],
    ]);
  });

  it('ignores an unclosed 《 that does not start a statute title', () => {
    expect(findTitles('说明《见附件')).toEqual([]);
  });

  it('does not let a title span lines', () => {
    const text = '《社会保险法\n》';
    expect(findTitles(text).map((t) => t.inner)).toEqual(['社会保险法']);
  });

  it('accepts a missing 《 only where a title plainly starts (after a tag or an item number)', () => {
    expect(findTitles('【法律】中华人民共和国社会保险法》第八十七条').map((t) => t.inner)).toEqual(['中华人民共和国社会保险法']);
    expect(findTitles('1.社会保险法》第八十七条').map((t) => t.inner)).toEqual(['社会保险法']);
    expect(findTitles('x；\n2、社会保险法》').map((t) => t.inner)).toEqual(['社会保险法']);
    // At a bare line start the title cannot be told from a lead-in ("依据…").
    expect(findTitles('依据社会保险法》第八十七条')).toEqual([]);
    expect(findTitles('社会保险法》第八十七条')).toEqual([]);
    expect(findTitles('【法律】行政处罚决定书》')).toEqual([]);
  });
});

describe('splitLeadingTag', () => {
  it('splits a tag written inside the quotes', () => {
    expect(splitLeadingTag('【法律】中华人民共和国行政处罚法')).toEqual({ tag: '【法律】', rest: '中华人民共和国行政处罚法' });
    expect(splitLeadingTag('[部门规章] 社会保险稽核办法')).toEqual({ tag: '[部门规章]', rest: '社会保险稽核办法' });
  });
  it('leaves other titles alone', () => {
    expect(splitLeadingTag('社会保险法')).toEqual({ tag: null, rest: '社会保险法' });
  });
});

describe('readEmbeddedTitle', () => {
  it('reads 实施《X》若干规定 as one instrument', () => {
    const text = '。实施《中华人民共和国社会保险法》若干规定第二十五条:医疗机构';
    const t = titleAt(text, '中华人民共和国社会保险法');
    expect(readEmbeddedTitle(text, t)).toEqual({
      start: 1,
      end: 21,
      asWritten: '实施《中华人民共和国社会保险法》若干规定',
      titleForm: '实施〈中华人民共和国社会保险法〉若干规定',
    });
  });

  it('reads 《X》实施条例 as the implementing regulation', () => {
    const text = '《药品管理法》实施条例第十条';
    expect(readEmbeddedTitle(text, titleAt(text, '药品管理法'))?.titleForm).toBe('药品管理法实施条例');
  });

  it('does not read "《X》规定" (the law provides) as a title', () => {
    const text = '依据《社会保险法》规定，';
    expect(readEmbeddedTitle(text, titleAt(text, '社会保险法'))).toBeNull();
  });
});

describe('isRevisionNote', () => {
  it('recognises 根据…《…决定》修订', () => {
    const a = '(2014年2月21日中华人民共和国国务院令649号公布根据2019年3月2日《国务院关于修改部分行政法规的决定》修订)';
    expect(isRevisionNote(a, titleAt(a, '国务院关于修改部分行政法规的决定'))).toBe(true);
    const b = '根据2019年3月2日国务院令709号《国务院关于修改部分行政法规的决定》修订';
    expect(isRevisionNote(b, titleAt(b, '国务院关于修改部分行政法规的决定'))).toBe(true);
  });

  it('does not take a cited amending act for a note', () => {
    const text = '【行政法规】《国务院关于修改部分行政法规的决定》(国务院令710号)“企业在办理登记注册时，同步办理社会保险登记。”';
    expect(isRevisionNote(text, titleAt(text, '国务院关于修改部分行政法规的决定'))).toBe(false);
  });
});

describe('readTagBefore', () => {
  const at = (text: string) => readTagBefore(text, text.indexOf('《'));

  it('reads a tag right before the title', () => {
    expect(at('【法律】《社会保险法》')).toEqual({ tag: '【法律】', category: '法律', numbered: false, unitStart: 0 });
    expect(at('x；【行政法规】 《条例》')).toMatchObject({ tag: '【行政法规】', category: '行政法规', unitStart: 2 });
    expect(at('[部门规章]《社会保险稽核办法》')).toMatchObject({ category: '规章' });
    expect(at('【法规】《医疗保障基金使用监督管理条例》')).toMatchObject({ category: '行政法规' });
  });

  it('reads a tag with an item number between it and the title', () => {
    expect(at('【法律】1.《中华人民共和国社会保险法》')).toEqual({ tag: '【法律】', category: '法律', numbered: true, unitStart: 0 });
  });

  it('reads an item number before the tag', () => {
    expect(at('\n2.【法律】《价格法》')).toEqual({ tag: '【法律】', category: '法律', numbered: false, unitStart: 1 });
  });

  it('reads an item number alone', () => {
    expect(at('…罚款。\n2.《中华人民共和国基本医疗卫生与健康促进法》')).toEqual({
      tag: null,
      category: null,
      numbered: true,
      unitStart: 5,
    });
    expect(at('1. 《社会救助暂行办法》')).toMatchObject({ numbered: true, unitStart: 0 });
  });

  it('does not take the end of a word for an item number', () => {
    expect(at('统一、《社会保险法》')).toMatchObject({ tag: null, numbered: false });
  });

  it('reports a tag that is not a category with category null', () => {
    expect(at('【依据】《社会保险法》')).toMatchObject({ tag: '【依据】', category: null });
  });

  it('finds nothing when the title stands alone', () => {
    expect(at('依据《社会保险法》')).toEqual({ tag: null, category: null, numbered: false, unitStart: 2 });
  });
});

describe('skipTitleTrailer', () => {
  const after = (text: string) => text.slice(skipTitleTrailer(text, 0));

  it('skips version notes in either width of parenthesis', () => {
    expect(after('(2018年12月29日修改)第八十四条')).toBe('第八十四条');
    expect(after('（国务院令第735号）第三十八条')).toBe('第三十八条');
    expect(after('（国办发〔2019〕2号）、《吉林省…》')).toBe('、《吉林省…》');
  });

  it('skips several and nested parentheticals', () => {
    expect(after('(甘肃省人民代表大会常务委员会公告(第23号))(2015年10月1日施行)第五章')).toBe('第五章');
  });

  it('skips a parenthetical holding a revision act', () => {
    expect(after('（2014年2月21日发布，根据2019年3月2日《国务院关于印发修改部分行政法规的决定》修订） 第五十七条')).toBe(
      ' 第五十七条',
    );
  });

  it('skips an order or document number written without parentheses', () => {
    expect(after('中华人民共和国国务院令765号第四十三条')).toBe('第四十三条');
    expect(after('国务院令第649号第五十七条')).toBe('第五十七条');
    expect(after('国办发〔2019〕2号第三条')).toBe('第三条');
  });

  it('skips the 的通知 of a notice whose outer quotes are missing', () => {
    expect(after('的通知（甘医保发〔2019〕35号）第一章第二条')).toBe('第一章第二条');
  });

  it('stops at an unclosed parenthesis and at anything else', () => {
    expect(after('(2018年12月29日修改第八十四条')).toBe('(2018年12月29日修改第八十四条');
    expect(after('第八十四条')).toBe('第八十四条');
    expect(after('规定，')).toBe('规定，');
  });
});

describe('parseReference', () => {
  const parse = (text: string, missingDi = false) => parseReference(text, 0, missingDi);
  const numbers = (text: string, missingDi = false) => parse(text, missingDi)?.items.map((i) => i.numbers);

  it('reads one article', () => {
    expect(parse('第八十七条:社会保险')).toEqual({
      kind: 'article',
      start: 0,
      end: 5,
      items: [{ start: 0, end: 5, numbers: [87] }],
      paragraph: null,
      clause: null,
    });
    expect(numbers('第一百零三条')).toEqual([[103]]);
    expect(numbers('第15条')).toEqual([[15]]);
    expect(numbers('第１５条')).toEqual([[15]]);
    expect(numbers('第七十二條。')).toEqual([[72]]);
  });

  it('reads paragraph and clause', () => {
    expect(parse('第六十四条第二款：')).toMatchObject({ end: 8, paragraph: 2, clause: null });
    expect(parse('第四十条第一款第（一）项')).toMatchObject({ end: 12, paragraph: 1, clause: 1 });
    expect(parse('第四十条第一款第(一)项')).toMatchObject({ paragraph: 1, clause: 1 });
    expect(parse('第三条第一款第四项：组织')).toMatchObject({ end: 9, paragraph: 1, clause: 4 });
    expect(parse('第四十条第（二）项')).toMatchObject({ paragraph: null, clause: 2 });
  });

  it('reads a range as every article in it', () => {
    expect(parse('第四十二至四十七条')).toMatchObject({
      end: 9,
      items: [{ start: 0, end: 9, numbers: [42, 43, 44, 45, 46, 47] }],
    });
    expect(numbers('第四十二条至第四十七条')).toEqual([[42, 43, 44, 45, 46, 47]]);
    expect(numbers('第3-5条')).toEqual([[3, 4, 5]]);
  });

  it('records only the ends of a backwards or implausibly long range', () => {
    expect(numbers('第四十七至四十二条')).toEqual([[47, 42]]);
    expect(numbers('第一至九百条')).toEqual([[1, 900]]);
  });

  it('reads numbers sharing one 第…条, each element with its own span', () => {
    const text = '第四十七、四十二至四十七、五十五、五十七至六十一、六十三、七十二、七十二条。';
    const g = parse(text)!;
    expect(g.items.map((i) => text.slice(i.start, i.end))).toEqual([
      '第四十七',
      '四十二至四十七',
      '五十五',
      '五十七至六十一',
      '六十三',
      '七十二',
      '七十二条',
    ]);
    expect(g.items.map((i) => i.numbers)).toEqual([[47], [42, 43, 44, 45, 46, 47], [55], [57, 58, 59, 60, 61], [63], [72], [72]]);
    expect(g.end).toBe(text.length - 1);
  });

  it('reads a list that repeats 第', () => {
    expect(numbers('第二、第二十九条')).toEqual([[2], [29]]);
  });

  it('drops 款/项 when several articles are named', () => {
    expect(parse('第三、五条第二款')).toMatchObject({ paragraph: null, clause: null });
  });

  it('reads chapters', () => {
    expect(parse('第五章、第六卷')).toEqual({
      kind: 'chapter',
      start: 0,
      end: 3,
      items: [{ start: 0, end: 3, numbers: [5] }],
      paragraph: null,
      clause: null,
    });
  });

  it('reads an article under a chapter as the article, spanning both', () => {
    expect(parse('第五章第二十七条:“国家')).toMatchObject({ kind: 'article', start: 0, end: 8, items: [{ start: 0, end: 8, numbers: [27] }] });
    expect(parse('第五章医疗救助第二十五条: 县级')).toMatchObject({ kind: 'article', end: 12, items: [{ numbers: [25] }] });
    expect(parse('第一章第二条：')).toMatchObject({ kind: 'article', items: [{ numbers: [2] }] });
  });

  it('reads an article without 第 only when asked to', () => {
    expect(numbers('七十九条 社会保险行政部门', true)).toEqual([[79]]);
    expect(parse('七十九条 社会保险行政部门')).toBeNull();
  });

  it('never invents an article from a cut-off reference', () => {
    expect(parse('第')).toBeNull();
    expect(parse('第八十')).toBeNull();
    expect(parse('第八十七')).toBeNull();
    expect(parse('第二、第二十九')).toBeNull();
    expect(parse('第十三届全国人民代表大会')).toBeNull();
    expect(parse('第二次修正')).toBeNull();
    expect(parse('第一款')).toBeNull();
    expect(parse('第（一）项')).toBeNull();
    expect(parse('第零条')).toBeNull();
    expect(parse('2019年3月2日', true)).toBeNull();
  });

  it('reads 第十五条之一 as article 15, keeping 之一 in the span', () => {
    const g = parse('第十五条之一：')!;
    expect(g.items.map((it) => it.numbers)).toEqual([[15]]);
    expect(g.end).toBe('第十五条之一'.length);
  });
});

describe('isReferencePosition', () => {
  const pos = (text: string) => isReferencePosition(text, text.lastIndexOf('第'));

  it.each([
    ['第八十七条'],
    ['…罚款。\n第一百零三条'],
    ['…执业资格。”; 第八十八条'],
    ['…吊销其执业资格。”第八十八条'],
    ['…侵占或者挪用；第六十九条'],
    ['第三条、第五条'],
    ['…服务”。第三十条'],
    ['\n1.第五条'],
  ])('%j: a reference position', (text) => {
    expect(pos(text)).toBe(true);
  });

  it.each([
    ['违反本法第二十条'],
    ['实施了本条例第三十八条'],
    ['依照本法第八十六条'],
    ['按照第三十条'],
    ['《社会保险法》第八十七条'], // right after a title is handled by the title stage
  ])('%j: not a reference position', (text) => {
    expect(pos(text)).toBe(false);
  });
});

describe('readQuoted', () => {
  const q = (text: string) => readQuoted(text, 0, text.length);

  it('reads wording after a colon, a full-width colon or a space', () => {
    expect(q(':用人单位不办理社会保险登记的,由社会保险行政部门责令限期改正。')).toBe('用人单位不办理社会保险登记的,由社会保险行政部门责令限期改正。');
    expect(q('：以欺诈…的罚款。')).toBe('以欺诈…的罚款。');
    expect(q(' 社会保险行政部门…公布。')).toBe('社会保险行政部门…公布。');
  });

  it('reads the inside of “”', () => {
    expect(q(':“社会保险经办机构…执业资格。”; ')).toBe('社会保险经办机构…执业资格。');
    expect(q(':“国家建立健全医疗救助制度”。')).toBe('国家建立健全医疗救助制度');
  });

  it('drops a stray closing quote and trailing separators', () => {
    expect(q(' 社会保险行政部门…应当定期向社会公布。”')).toBe('社会保险行政部门…应当定期向社会公布。');
    expect(q('：定点医药机构应当…考核评价体系；')).toBe('定点医药机构应当…考核评价体系');
  });

  it('is null when nothing but punctuation is left', () => {
    expect(q('。')).toBeNull();
    expect(q('；')).toBeNull();
    expect(q('、')).toBeNull();
    expect(q('')).toBeNull();
    expect(q(' \n')).toBeNull();
  });
});

// ---------------------------------------------------------------------------
describe('extractCitations', () => {
  it('reads a tagged law with a version note and an article (尼勒克)', () => {
    const text =
      '【法律】《社会保险法》(2018年12月29日修改)第八十四条:用人单位不办理社会保险登记的,由社会保险行政部门责令限期改正;逾期不改正的,对用人单位处应缴社会保险费数额一倍以上三倍以下的罚款,对其直接负责的主管人员和其他直接责任人员处五百元以上三千元以下的罚款。';
    expect(only(text)).toEqual({
      field: 'legalBasis',
      statuteTitle: '社会保险法',
      titleAsWritten: '社会保险法',
      category: '法律',
      article: 84,
      paragraph: null,
      clause: null,
      text: '《社会保险法》(2018年12月29日修改)第八十四条',
      start: 4,
      end: 31,
      quoted: text.slice(32),
      status: 'OK',
      documentNumber: null,
      inferredCategory: '法律',
    });
  });

  it('passes the field through', () => {
    expect(only('《社会保险法》第八十四条').field).toBe('legalBasis');
    expect(extractCitations('《社会保险法》第八十四条', 'responsibilityBasis')[0].field).toBe('responsibilityBasis');
  });

  it('reads several quoted articles after one title (凉州区)', () => {
    const text =
      '《中华人民共和国社会保险法》(2011年7月1日施行, 2018年12月29日第十三届全国人民代表大会常务委员会第七次会议修正)第八十七条:“社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的, 由社会保险行政部门责令退回骗取的社会保险金, 处骗取金额二倍以上五倍以下的罚款; 属于社会保险服务机构的, 解除服务协议; 直接负责的主管人员和其他直接责任人员有执业资格的, 依法吊销其执业资格。”; 第八十八条:“以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的, 由社会保险行政部门责令退回骗取的社会保险金, 处骗取金额二倍以上五倍以下的罚款。”';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.article, r.category])).toEqual([
      ['社会保险法', 87, null],
      ['社会保险法', 88, null],
    ]);
    expect(rs[0].text).toMatch(/^《中华人民共和国社会保险法》\(2011年.*修正\)第八十七条$/);
    expect(rs[0].quoted).toMatch(/^社会保险经办机构以及.*依法吊销其执业资格。$/);
    expect(rs[1].text).toBe('第八十八条');
    expect(rs[1].quoted).toBe('以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的, 由社会保险行政部门责令退回骗取的社会保险金, 处骗取金额二倍以上五倍以下的罚款。');
  });

  it('continues the statute on the next line (title in one <p>, article in the next)', () => {
    const text = [
      '【法律】《中华人民共和国基本医疗卫生与健康促进法》(2019年12月28日第十三届全国人大常委会第十五次会议通过, 2020年6月1日起施行)',
      '第一百零三条: 违反本法规定, 参加药品采购投标的投标人以低于成本的报价竞标, 或者以欺诈、串通投标、滥用市场支配地位等方式竞标的, 由县级以上人民政府医疗保障主管部门责令改正, 没收违法所得; 情节严重的, 取消其二年至五年内参加药品采购投标的资格并予以公告。',
      '【法律】《中华人民共和国药品管理法》(1984年9月20日第六届全国人大常委会第七次会议通过, 2019年8月26日第十三届全国人大常委会第十二次会议第二次修正)',
      '第八十八条: 禁止药品上市许可持有人、药品生产企业、药品经营企业和医疗机构在药品购销中给予、收受回扣或者其他不正当利益。',
    ].join('\n');
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.category, r.article, r.text])).toEqual([
      ['基本医疗卫生与健康促进法', '法律', 103, '第一百零三条'],
      ['药品管理法', '法律', 88, '第八十八条'],
    ]);
    // The quoted wording stops before the next tag and does not contain "本法" as a citation.
    expect(rs[0].quoted).toMatch(/^违反本法规定, .*并予以公告。$/);
    expect(rs[1].quoted).toMatch(/^禁止药品上市许可持有人.*不正当利益。$/);
  });

  it('continues across several lines of one statute (社会保险稽核办法)', () => {
    const text = [
      '【规章】《社会保险稽核办法》（2003年2月9日通过，2003年4月11日起施行）第二条：本办法所称稽核是指社会保险经办机构依法对社会保险缴费缴纳情况和用人单位依法履行社会保险缴费义务的情况进行的核查。',
      '第三条：县级以上社会保险经办机构负责社会保险稽核工作。',
      '第五条：社会保险经办机构及社会保险稽核人员开展稽核工作，行使下列职责： （一）要求被稽核单位提供用人情况； （二）可以记录、录音、录像、照相和复制与缴纳社会保险费有关的资料； （三）要求被稽核对象提供与稽核事项有关的资料。',
      '第十二条：社会保险经办机构应当对参保个人领取社会保险待遇情况进行核查。',
    ].join('\n');
    expect(refs(text)).toEqual([
      ['社会保险稽核办法', 2, null, null],
      ['社会保险稽核办法', 3, null, null],
      ['社会保险稽核办法', 5, null, null],
      ['社会保险稽核办法', 12, null, null],
    ]);
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.every((r) => r.category === '规章')).toBe(true);
    expect(rs[1].quoted).toBe('县级以上社会保险经办机构负责社会保险稽核工作。');
    expect(rs[2].quoted).toMatch(/^社会保险经办机构及.*（三）要求被稽核对象提供与稽核事项有关的资料。$/);
  });

  it('skips article numbers inside the quoted wording (本法/本条例 …)', () => {
    const text = [
      '【法规】《医疗保障基金使用监督管理条例》（2021年1月15日公布，2021年5月1日施行）',
      '第四十条：定点医药机构通过下列方式骗取医疗保障基金支出的，由医疗保障行政部门责令退回，处骗取金额2倍以上5倍以下的罚款；（三）其他骗取医疗保障基金支出的行为。定点医药机构以骗取医疗保障基金为目的，实施了本条例第三十八条规定行为之一的，按照本条规定处理。',
      '第四十二条：医疗保障行政部门、医疗保障经办机构、定点医药机构及其工作人员收受贿赂或者取得其他非法收入，没收违法所得。',
    ].join('\n');
    expect(refs(text)).toEqual([
      ['医疗保障基金使用监督管理条例', 40, null, null],
      ['医疗保障基金使用监督管理条例', 42, null, null],
    ]);
    expect(extractCitations(text, 'legalBasis')[0].quoted).toMatch(/实施了本条例第三十八条规定行为之一的，按照本条规定处理。$/);
  });

  it('skips 依照本法第X条 / 违反本法第X条 wording', () => {
    const text =
      '【法律】《中华人民共和国价格法》第三十三条：县级以上各级人民政府价格主管部门，依法对价格活动进行监督检查，并依照本法第三十九条的规定对价格违法行为实施行政处罚；违反本法第十四条的，责令改正。';
    expect(refs(text)).toEqual([['价格法', 33, null, null]]);
  });

  it('does not cite a law the quoted wording mentions after 依照', () => {
    const text = '《社会救助暂行办法》第六十八条：…构成违反治安管理行为的，依照《中华人民共和国治安管理处罚法》第五十条的规定处罚。';
    expect(refs(text)).toEqual([['社会救助暂行办法', 68, null, null]]);
    expect(extractCitations(text, 'legalBasis')[0].quoted).toContain('《中华人民共和国治安管理处罚法》第五十条');
  });

  it('reads a list of numbers sharing one 第…条, one record per article, ranges expanded', () => {
    const text = '【法律】《中华人民共和国行政处罚法》第四十七、四十二至四十七、五十五、五十七至六十一、六十三、七十二、七十二条。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => r.article)).toEqual([47, 42, 43, 44, 45, 46, 47, 55, 57, 58, 59, 60, 61, 63, 72, 72]);
    expect(rs.every((r) => r.statuteTitle === '行政处罚法' && r.category === '法律' && r.quoted === null)).toBe(true);
    expect(rs[0].text).toBe('《中华人民共和国行政处罚法》第四十七');
    const range = rs.filter((r) => r.text === '四十二至四十七');
    expect(range.map((r) => r.article)).toEqual([42, 43, 44, 45, 46, 47]);
    expect(new Set(range.map((r) => `${r.start}-${r.end}`)).size).toBe(1);
    expect(rs[rs.length - 1].text).toBe('七十二条');
  });

  it('reads a range as six records with one span', () => {
    const rs = extractCitations('《中华人民共和国行政处罚法》第四十二至四十七条', 'legalBasis');
    expect(rs.map((r) => r.article)).toEqual([42, 43, 44, 45, 46, 47]);
    expect(new Set(rs.map((r) => r.text))).toEqual(new Set(['《中华人民共和国行政处罚法》第四十二至四十七条']));
  });

  it('reads the traditional 條 and a tag inside the quotes', () => {
    const text = '《【法律】中华人民共和国行政处罚法》第十七、四十二至四十四、五十五、五十七至六十一、六十三、七十二條。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs[0]).toMatchObject({ statuteTitle: '行政处罚法', titleAsWritten: '【法律】中华人民共和国行政处罚法', category: '法律', article: 17 });
    expect(rs.map((r) => r.article)).toEqual([17, 42, 43, 44, 55, 57, 58, 59, 60, 61, 63, 72]);
  });

  it('records chapter references as statute-level citations that keep the chapter in text', () => {
    const text = [
      '【法律】《中华人民共和国行政处罚法》(1996年3月17日第八届全国人民代表大会第四次会议通过, 2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订)',
      '第五章、第六卷、第七章。',
    ].join('\n');
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.article, r.text, r.quoted])).toEqual([
      ['行政处罚法', null, '第五章', null],
      ['行政处罚法', null, '第七章', null],
    ]);
  });

  it('reads 第五章第二十七条 and 第五章医疗救助第二十五条 as articles (凉州区)', () => {
    const text =
      '1. 《社会救助暂行办法》(国务院令649号, 自2014年5月1日起施行)第五章第二十七条:“国家建立健全医疗救助制度, 保障医疗救助对象获得基本医疗卫生服务”。第三十条:“申请医疗救助的, 应当向乡镇人民政府、街道办事处提出, 经审核、公示后, 由县级人民政府民政部门审批”。 2. 《甘肃省社会救助条例》(甘肃省人民代表大会常务委员会公告(第23号))(2015年10月1日施行)第五章医疗救助第二十五条: 县级以上人民政府对最低生活保障家庭成员给予医疗救助。第二十九条: 县级以上人民政府应当建立健全医疗救助与基本医疗保险、大病保险相衔接的医疗费用结算机制, 为医疗救助对象提供便捷服务。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.article])).toEqual([
      ['社会救助暂行办法', 27],
      ['社会救助暂行办法', 30],
      ['甘肃省社会救助条例', 25],
      ['甘肃省社会救助条例', 29],
    ]);
    expect(rs[0].text).toBe('《社会救助暂行办法》(国务院令649号, 自2014年5月1日起施行)第五章第二十七条');
    expect(rs[0].quoted).toBe('国家建立健全医疗救助制度, 保障医疗救助对象获得基本医疗卫生服务');
    expect(rs[1].quoted).toBe('申请医疗救助的, 应当向乡镇人民政府、街道办事处提出, 经审核、公示后, 由县级人民政府民政部门审批');
    expect(rs[2].text).toMatch(/第五章医疗救助第二十五条$/);
    expect(rs[2].quoted).toBe('县级以上人民政府对最低生活保障家庭成员给予医疗救助。');
  });

  it('reads paragraph and clause, and a run of references separated by ；', () => {
    const text =
      '【法律】《社会保险法》第六十四条第二款：社会保险基金专款专用，任何组织和个人不得侵占或者挪用；第六十九条第二款：社会保险基金不得违规投资运营；第九十一条：违反本法规定，隐匿、转移、占用、挪用社会保险基金或者违规投资运营的，由社会保险行政部门、财政部门、审计机关责令追回。\n【行政法规】《医疗保障基金使用监督管理条例》第二十一条：医疗保障基金专款专用，任何组织和个人不得侵占。第四十四条：违反本条例规定，侵占、挪用医疗保障基金的，由医疗保障等行政部门责令追回。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.category, r.article, r.paragraph])).toEqual([
      ['社会保险法', '法律', 64, 2],
      ['社会保险法', '法律', 69, 2],
      ['社会保险法', '法律', 91, null],
      ['医疗保障基金使用监督管理条例', '行政法规', 21, null],
      ['医疗保障基金使用监督管理条例', '行政法规', 44, null],
    ]);
    expect(rs[0].text).toBe('《社会保险法》第六十四条第二款');
    expect(rs[0].quoted).toBe('社会保险基金专款专用，任何组织和个人不得侵占或者挪用');
    expect(rs[1].text).toBe('第六十九条第二款');
    expect(rs[3].quoted).toBe('医疗保障基金专款专用，任何组织和个人不得侵占。');
  });

  it('reads 第三条第一款第四项 on the line after a notice (新疆)', () => {
    const text = [
      '【规范性文件】《自治区党委办公厅 自治区人民政府办公厅关于印发〈新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定〉的通知》（新党厅字〔2018〕172号）。',
      '第三条第一款第四项：组织拟订药品、医用耗材价格和医疗服务项目、医用耗材的招标采购政策并监督实施。',
    ].join('\n');
    expect(only(text)).toMatchObject({
      statuteTitle: '新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定',
      category: '规范性文件',
      article: 3,
      paragraph: 1,
      clause: 4,
      text: '第三条第一款第四项',
      quoted: '组织拟订药品、医用耗材价格和医疗服务项目、医用耗材的招标采购政策并监督实施。',
    });
  });

  it('reads 第四十条第一款第（一）项', () => {
    expect(only('《医疗保障基金使用监督管理条例》第四十条第一款第（一）项：诱导、协助他人冒名')).toMatchObject({
      article: 40,
      paragraph: 1,
      clause: 1,
      quoted: '诱导、协助他人冒名',
    });
  });

  it('carries a tag over the numbered items it heads', () => {
    const text =
      '【法律】1.《中华人民共和国社会保险法》第八十条：以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。\n2.《中华人民共和国基本医疗卫生与健康促进法》第一百零四条：违反本法规定，以欺诈、伪造证明材料或者其他手段骗取基本医疗保险待遇的，由县级以上人民政府医疗保障主管部门依照有关社会保险的法律、行政法规规定给予行政处罚。【行政法规】《医疗保障基金使用监督管理条例》第四十一条：个人有下列情形之一的，由医疗保障行政部门责令改正';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.category, r.article])).toEqual([
      ['社会保险法', '法律', 80],
      ['基本医疗卫生与健康促进法', '法律', 104],
      ['医疗保障基金使用监督管理条例', '行政法规', 41],
    ]);
    expect(rs[0].text).toBe('《中华人民共和国社会保险法》第八十条');
    expect(rs[0].quoted).toMatch(/罚款。$/);
    expect(rs[1].quoted).toMatch(/给予行政处罚。$/);
  });

  it('does not carry a tag to a later title that is not a numbered item', () => {
    const text =
      '【法律】《社会保险法》(2018年12月29日修改)第八十八条:以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的,由社会保险行政部门责令退回骗取的社会保险金。《基本医疗卫生与健康促进法》第一百零四条:基本医疗保险经办机构以及医疗机构以欺诈手段骗取基本医疗保险基金支出的,给予行政处罚。';
    expect(extractCitations(text, 'legalBasis').map((r) => [r.statuteTitle, r.category, r.article])).toEqual([
      ['社会保险法', '法律', 88],
      ['基本医疗卫生与健康促进法', null, 104],
    ]);
  });

  it('reads 实施《中华人民共和国社会保险法》若干规定 as its own instrument', () => {
    const text =
      '【法律】《社会保险法》(2018年12月29日修改)第八十七条:社会保险经办机构…依法吊销其执业资格。实施《中华人民共和国社会保险法》若干规定第二十五条:医疗机构、药品经营单位等社会保险服务机构以欺诈手段骗取社会保险基金支出的,处骗取金额二倍以上五倍以下的罚款。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.article])).toEqual([
      ['社会保险法', 87],
      ['实施〈社会保险法〉若干规定', 25],
    ]);
    expect(rs[0].quoted).toBe('社会保险经办机构…依法吊销其执业资格。');
    expect(rs[1]).toMatchObject({
      titleAsWritten: '实施《中华人民共和国社会保险法》若干规定',
      text: '实施《中华人民共和国社会保险法》若干规定第二十五条',
      category: null,
    });
  });

  it('reads an article whose 第 is missing right after the version note (内蒙古)', () => {
    const text =
      '【法律】《中华人民共和国社会保险法》(2010年10月28日中华人民共和国主席令第三十五号,2018年12月29日中华人民共和国主席令第二十五号修正)七十九条 社会保险行政部门对社会保险基金的收支、管理和投资运营情况进行监督检查,发现存在问题的,应当提出整改建议,依法作出处理决定或者向有关行政部门提出处理建议。社会保险基金检查结果应当定期向社会公布。”';
    const r = only(text);
    expect(r).toMatchObject({ statuteTitle: '社会保险法', category: '法律', article: 79 });
    expect(r.text).toMatch(/修正\)七十九条$/);
    expect(r.quoted).toMatch(/^社会保险行政部门对.*定期向社会公布。$/);
  });

  it('reads articles separated only by a closing quote and a space (内蒙古)', () => {
    const text =
      '【法律】《中华人民共和国社会保险法》（2010年10月28日中华人民共和国主席令第三十五号，2018年12月29日中华人民共和国主席令第二十五号修正）第三十一条 社会保险经办机构根据管理服务的需要,可以与医疗机构、药品经营单位签订服务协议,规范医疗服务行为。第八十七条 社会保险经办机构以及医疗机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的,依法吊销其执业资格。”第八十八条 以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的,由社会保险行政部门责令退回骗取的社会保险金。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => r.article)).toEqual([31, 87, 88]);
    expect(rs[1].quoted).toBe('社会保险经办机构以及医疗机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的,依法吊销其执业资格。');
    expect(rs[2].text).toBe('第八十八条');
  });

  it('reads an article after a colon following the title', () => {
    expect(only('《社会保险法》：第八十七条').text).toBe('《社会保险法》：第八十七条');
    expect(refs('《社会保险法》：七十九条')).toEqual([['社会保险法', null, null, null]]);
  });

  it('reads an order number written without parentheses (尼勒克)', () => {
    const text =
      '【行政法规】《社会保险经办条例》中华人民共和国国务院令765号第四十三条:社会保险经办机构发现社会保险服务机构违反服务协议的,可以督促其履行服务协议。第四十四条:社会保险经办机构发现用人单位违反社会保险法律法规、规章的,应当责令改正。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.category, r.article])).toEqual([
      ['社会保险经办条例', '行政法规', 43],
      ['社会保险经办条例', '行政法规', 44],
    ]);
    expect(rs[0].text).toBe('《社会保险经办条例》中华人民共和国国务院令765号第四十三条');
  });

  it('ignores the revision act inside a version note', () => {
    const text =
      '【行政法规】《社会救助暂行办法》(2014年2月21日中华人民共和国国务院令649号公布根据2019年3月2日《国务院关于修改部分行政法规的决定》修订)第六十八条：采取虚报、隐瞒、伪造等手段，骗取社会救助资金、物资或者服务的，由有关部门决定停止社会救助。';
    expect(refs(text)).toEqual([['社会救助暂行办法', 68, null, null]]);
  });

  it('ignores a revision act outside parentheses as well', () => {
    const text = '《社会救助暂行办法》2014年2月21日公布，根据2019年3月2日《国务院关于修改部分行政法规的决定》修订。';
    expect(refs(text)).toEqual([['社会救助暂行办法', null, null, null]]);
  });

  it('cites an amending act that is itself the basis', () => {
    const text =
      '【行政法规】《国务院关于修改部分行政法规的决定》(国务院令710号)“企业在办理登记注册时，同步办理社会保险登记。”《社会保险费征缴暂行条例》(中华人民共和国国务院令259号)第七条：缴费单位必须向当地社会保险经办机构办理社会保险登记，参加社会保险。';
    expect(extractCitations(text, 'legalBasis').map((r) => [r.statuteTitle, r.category, r.article, r.quoted])).toEqual([
      ['国务院关于修改部分行政法规的决定', '行政法规', null, null],
      ['社会保险费征缴暂行条例', null, 7, '缴费单位必须向当地社会保险经办机构办理社会保险登记，参加社会保险。'],
    ]);
  });

  it('gives one statute-level record per statute cited without article (通化)', () => {
    const text = '《中华人民共和国社会保险法》《中华人民共和国基本医疗卫生与健康促进法》《中华人民共和国行政处罚法》《医疗保障基金使用监督管理条例》《社会保险欺诈案件管理办法》';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.article, r.category, r.quoted])).toEqual([
      ['社会保险法', null, null, null],
      ['基本医疗卫生与健康促进法', null, null, null],
      ['行政处罚法', null, null, null],
      ['医疗保障基金使用监督管理条例', null, null, null],
      ['社会保险欺诈案件管理办法', null, null, null],
    ]);
    expect(rs[0]).toMatchObject({ text: '《中华人民共和国社会保险法》', start: 0, end: 14 });
  });

  it('keeps document numbers and 、 between titles out of the way', () => {
    const text =
      '《高值医用耗材集中采购工作规范（试行）》《国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知》（国办发〔2019〕2号）、《吉林省治理高值医用耗材实施方案》';
    expect(refs(text).map((r) => r[0])).toEqual([
      '高值医用耗材集中采购工作规范(试行)',
      '国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知',
      '吉林省治理高值医用耗材实施方案',
    ]);
  });

  it('does not read an article out of an unclosed version note', () => {
    expect(refs('【法律】《社会保险法》(2018年12月29日修改第八十四条:用人单位')).toEqual([['社会保险法', null, null, null]]);
  });

  it('cites a statute with no article when the text is cut off after 第', () => {
    expect(refs('【法律】《中华人民共和国行政处罚法》第')).toEqual([['行政处罚法', null, null, null]]);
    expect(refs('【法律】《中华人民共和国行政处罚法》第八十')).toEqual([['行政处罚法', null, null, null]]);
  });

  it('yields nothing for forms', () => {
    const text =
      '4.告知责任:作出行政处罚决定之前,应制作《行政处罚告知书》送达当事人,符合听证规定的,制作并送达《行政处罚听证告知书》。\n5.决定责任:依法需要给予行政处罚的,应制作《行政处罚决定书》,载明违法事实和证据。';
    expect(extractCitations(text, 'responsibilities')).toEqual([]);
  });

  it('does not attach articles after a form to the statute before it', () => {
    const text = '《社会保险法》第八十七条：…应制作《行政处罚决定书》。第五条：…';
    expect(refs(text)).toEqual([['社会保险法', 87, null, null]]);
  });

  it('ignores 第X条 with no statute before it', () => {
    expect(extractCitations('第八十七条：社会保险经办机构…', 'legalBasis')).toEqual([]);
  });

  it('reads the publishing notice form and the unquoted "…》的通知" form by the published document (凉州区)', () => {
    const text = [
      '1.《国家医保局办公室 财政部办公厅关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知》（医保发〔2018〕22号）第十条：举报人举报事项同时符合下列条件的，给予奖励。第十一条：举报人为定点医疗机构内部人员的，可适当提高奖励标准。',
      '2.《甘肃省欺诈骗取医疗保险基金行为举报奖励实施办法（暂行）》的通知（甘医保发〔2019〕35号）第一章第二条：“公民、法人或者其他社会组织，经查证属实，应予以奖励的，适用本办法。第五条：各统筹地区医疗保障部门，具体负责本统筹地区举报案件的查处。”',
    ].join('\n');
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.article, r.category])).toEqual([
      ['欺诈骗取医疗保障基金行为举报奖励暂行办法', 10, null],
      ['欺诈骗取医疗保障基金行为举报奖励暂行办法', 11, null],
      ['甘肃省欺诈骗取医疗保险基金行为举报奖励实施办法(暂行)', 2, null],
      ['甘肃省欺诈骗取医疗保险基金行为举报奖励实施办法(暂行)', 5, null],
    ]);
    expect(rs[2].text).toBe('《甘肃省欺诈骗取医疗保险基金行为举报奖励实施办法（暂行）》的通知（甘医保发〔2019〕35号）第一章第二条');
    expect(rs[2].quoted).toBe('公民、法人或者其他社会组织，经查证属实，应予以奖励的，适用本办法。');
  });

  it('corrects a known typo in the statute title, keeping the title as written', () => {
    const r = only('【法规】《医疗保险基金使用监督管理条例》（2021年1月15日公布，2021年5月1日起施行）第十一条：医疗保障经办机构应当与定点医药机构建立集体谈判协商机制。');
    expect(r).toMatchObject({
      statuteTitle: '医疗保障基金使用监督管理条例',
      titleAsWritten: '医疗保险基金使用监督管理条例',
      category: '行政法规',
      article: 11,
    });
  });

  it('keeps the category as tagged even when the tag is wrong', () => {
    // A local regulation tagged 【行政法规】 in the 内蒙古 list.
    const r = only('【行政法规】《内蒙古自治区城镇基本医疗保险条例》(2015年11月25日内蒙古自治区第十二届人民代表大会常务委员会公告第十五号)第四十九条 医疗保险经办机构和医疗机构通过协商签订服务协议。');
    expect(r.category).toBe('行政法规');
  });

  it('lists separated by 、 and ; each with their own 第…条 (尼勒克)', () => {
    const text = '【部门规章】《医疗机构医疗保障定点管理暂行办法》第三十、三十八条;【部门规章】《零售药店医疗保障定点管理暂行办法》第二十九、三十五条;';
    expect(extractCitations(text, 'legalBasis').map((r) => [r.statuteTitle, r.category, r.article, r.text])).toEqual([
      ['医疗机构医疗保障定点管理暂行办法', '规章', 30, '《医疗机构医疗保障定点管理暂行办法》第三十'],
      ['医疗机构医疗保障定点管理暂行办法', '规章', 38, '三十八条'],
      ['零售药店医疗保障定点管理暂行办法', '规章', 29, '《零售药店医疗保障定点管理暂行办法》第二十九'],
      ['零售药店医疗保障定点管理暂行办法', '规章', 35, '三十五条'],
    ]);
    expect(refs('【行政法规】《社会保险经办条例》第六条、第九条、第十条、第十一条').map((r) => r[1])).toEqual([6, 9, 10, 11]);
    expect(refs('【部门规章】《基本医疗保险用药管理暂行办法》第二、第二十九条').map((r) => r[1])).toEqual([2, 29]);
  });

  it('cuts the wording of the last article before a short lead-in to the next title', () => {
    const text = '【法律】《药品管理法》第八十六条：药品上市许可持有人应当依法向药品价格主管部门提供资料。\n自治区医疗保障局《职能配置、机构设置和人员编制规定》。';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.article, r.quoted])).toEqual([
      ['药品管理法', 86, '药品上市许可持有人应当依法向药品价格主管部门提供资料。'],
      ['职能配置、机构设置和人员编制规定', null, null],
    ]);
  });

  it('tolerates a missing 》', () => {
    const rs = extractCitations('【法律】《中华人民共和国社会保险法第八十七条：社会保险经办机构以欺诈手段骗取社会保险基金支出的，处罚款。', 'legalBasis');
    expect(rs.map((r) => [r.statuteTitle, r.category, r.article, r.text])).toEqual([
      ['社会保险法', '法律', 87, '《中华人民共和国社会保险法第八十七条'],
    ]);
  });

  it('tolerates a missing 《 after a tag', () => {
    expect(refs('【法律】中华人民共和国社会保险法》第八十七条')).toEqual([['社会保险法', 87, null, null]]);
  });

  it('returns records in text order with spans that index the text', () => {
    const text = '【法律】《中华人民共和国基本医疗卫生与健康促进法》第八十七条；【行政法规】《医疗保障基金使用监督管理条例》第六、二十二、二十七条';
    const rs = extractCitations(text, 'legalBasis');
    expect(rs.map((r) => r.article)).toEqual([87, 6, 22, 27]);
    for (let i = 1; i < rs.length; i++) expect(rs[i].start).toBeGreaterThanOrEqual(rs[i - 1].start);
    for (const r of rs) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  it('counts offsets in UTF-16 units', () => {
    const text = '𠀀《社会保险法》第八十四条'; // a supplementary-plane character takes two units
    expect(only(text)).toMatchObject({ start: 2, end: 14 });
  });

  it('returns nothing for text without citations', () => {
    expect(extractCitations('', 'legalBasis')).toEqual([]);
    expect(extractCitations('各级医疗保障行政部门', 'legalBasis')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Every cell of the seed lists: invariants that must hold whatever the layout.

const SEED_DIR = path.join(__dirname, '..', '..', 'seeds');

/** A cell's HTML as the ingest cleans it: paragraphs and list items on their own lines. */
function cellText(cell: string): string {
  return cell
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|div)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

function seedCells(): { file: string; line: number; text: string }[] {
  const out: { file: string; line: number; text: string }[] = [];
  for (const file of fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    fs.readFileSync(path.join(SEED_DIR, file), 'utf8')
      .split('\n')
      .forEach((row, i) => {
        for (const cell of row.split('\t')) {
          const text = cellText(cell);
          if (text.includes('《') || /第.{1,6}条/.test(text)) out.push({ file, line: i + 1, text });
        }
      });
  }
  return out;
}

describe('extractCitations over the seed lists', () => {
  const cells = seedCells();
  const all = cells.map((c) => ({ ...c, records: extractCitations(c.text, 'legalBasis') }));
  const records = all.flatMap((c) => c.records.map((r) => ({ cell: c, r })));

  it('finds the cells and a plausible number of citations', () => {
    expect(new Set(cells.map((c) => c.file)).size).toBe(5);
    expect(records.length).toBeGreaterThan(300);
    expect(records.filter(({ r }) => r.article !== null).length).toBeGreaterThan(150);
  });

  it('every record text is the slice of the cell text it claims', () => {
    for (const { cell, r } of records) expect(cell.text.slice(r.start, r.end)).toBe(r.text);
  });

  it('article, paragraph and clause numbers are positive integers or null', () => {
    for (const { r } of records) {
      for (const n of [r.article, r.paragraph, r.clause]) {
        if (n !== null) {
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThan(0);
          expect(n).toBeLessThan(1000);
        }
      }
      if (r.article === null) expect(r.paragraph === null && r.clause === null && r.quoted === null).toBe(true);
    }
  });

  it('no article citation comes from 本法/本条例/本办法/本规定 … 第X条 wording', () => {
    for (const { cell, r } of records.filter(({ r }) => r.article !== null)) {
      const before = cell.text.slice(Math.max(0, r.start - 4), r.start);
      expect(before).not.toMatch(/(本法|本条例|本办法|本规定|依照|按照|根据)$/);
    }
  });

  it('a form such as 《行政处罚决定书》 is never a statute', () => {
    for (const { r } of records) {
      expect(r.statuteTitle).not.toMatch(/(决定书|告知书|书|表)$/);
      expect(isStatuteTitle(r.statuteTitle)).toBe(true);
    }
    const formCells = all.filter((c) => c.text.includes('《行政处罚决定书》'));
    expect(formCells.length).toBeGreaterThan(0);
  });

  it('statute titles are canonical: no quotes, no whitespace, no 中华人民共和国 prefix', () => {
    for (const { r } of records) {
      expect(r.statuteTitle).not.toMatch(/[《》\s]/);
      expect(r.statuteTitle.startsWith('中华人民共和国')).toBe(false);
      expect(r.statuteTitle.length).toBeGreaterThan(1);
    }
  });

  it('categories are the known ones', () => {
    for (const { r } of records) {
      expect([null, '法律', '行政法规', '地方性法规', '规章', '规范性文件']).toContain(r.category);
    }
  });

  it('quoted wording never starts with an article reference and is trimmed', () => {
    for (const { r } of records) {
      if (r.quoted === null) continue;
      expect(r.quoted).not.toMatch(/^第[0-9０-９零〇一二两三四五六七八九十百千]+条/);
      expect(r.quoted).toBe(r.quoted.trim());
      expect(r.quoted.length).toBeGreaterThan(0);
    }
  });

  it('records come in text order within a cell', () => {
    for (const c of all) {
      for (let i = 1; i < c.records.length; i++) expect(c.records[i].start).toBeGreaterThanOrEqual(c.records[i - 1].start);
    }
  });

  it('finds the citations everyone agrees on', () => {
    const has = (title: string, article: number | null) => records.some(({ r }) => r.statuteTitle === title && r.article === article);
    expect(has('社会保险法', 87)).toBe(true);
    expect(has('社会保险法', 88)).toBe(true);
    expect(has('社会保险法', 79)).toBe(true);
    expect(has('基本医疗卫生与健康促进法', 103)).toBe(true);
    expect(has('医疗保障基金使用监督管理条例', 41)).toBe(true);
    expect(has('行政处罚法', null)).toBe(true);
    // 《中华人民共和国社会保险法》 and 《社会保险法》 are one statute.
    const asWritten = new Set(records.filter(({ r }) => r.statuteTitle === '社会保险法').map(({ r }) => r.titleAsWritten));
    expect(asWritten).toEqual(new Set(['社会保险法', '中华人民共和国社会保险法']));
  });
});
