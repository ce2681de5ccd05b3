import {
  inferCategoryFromTitle,
  isStatuteTitle,
  KNOWN_TITLE_TYPOS,
  normaliseStatuteTitle,
  statuteCategory,
} from '../../src/domain/statuteTitles';

const key = (s: string) => normaliseStatuteTitle(s).title;

describe('normaliseStatuteTitle', () => {
  it('keys the long and the short form of a law alike, as the short form', () => {
    expect(key('《中华人民共和国社会保险法》')).toBe('社会保险法');
    expect(key('《社会保险法》')).toBe('社会保险法');
    expect(key('中华人民共和国社会保险法')).toBe('社会保险法');
    expect(key('中华人民共和国基本医疗卫生与健康促进法')).toBe(key('基本医疗卫生与健康促进法'));
  });

  it('keeps the input as written and reports no correction for ordinary titles', () => {
    expect(normaliseStatuteTitle('《中华人民共和国社会保险法》')).toEqual({
      title: '社会保险法',
      corrected: false,
      asWritten: '《中华人民共和国社会保险法》',
    });
  });

  it('does not strip 中华人民共和国 when it is the whole title', () => {
    expect(key('中华人民共和国')).toBe('中华人民共和国');
  });

  it('removes whitespace, including full-width spaces', () => {
    expect(key('《新疆维吾尔自治区 新疆生产建设兵团医疗保障基金使用监督管理行政处罚裁量基准》')).toBe(
      key('《新疆维吾尔自治区新疆生产建设兵团医疗保障基金使用监督管理行政处罚裁量基准》'),
    );
    expect(key('社会\u3000保险法')).toBe('社会保险法');
  });

  it('unifies full- and half-width brackets and digits', () => {
    expect(key('《高值医用耗材集中采购工作规范（试行）》')).toBe('高值医用耗材集中采购工作规范(试行)');
    expect(key('高值医用耗材集中采购工作规范(试行)')).toBe('高值医用耗材集中采购工作规范(试行)');
    expect(key('社会信用体系建设规划纲要（２０１４-２０２０年）')).toBe('社会信用体系建设规划纲要(2014-2020年)');
  });

  it('drops a category tag written inside the quotes', () => {
    expect(key('《【法律】中华人民共和国行政处罚法》')).toBe('行政处罚法');
  });

  it('tolerates a missing opening or closing quote', () => {
    expect(key('《社会保险法')).toBe('社会保险法');
    expect(key('社会保险法》')).toBe('社会保险法');
  });

  it('keys a notice that publishes a named document by that document', () => {
    expect(key('《国家医保局办公室 财政部办公厅关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知》')).toBe(
      '欺诈骗取医疗保障基金行为举报奖励暂行办法',
    );
    expect(
      key('《自治区党委办公厅、自治区人民政府办公厅关于印发《新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定》的通知》'),
    ).toBe('新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定');
    expect(
      key('自治区党委办公厅 自治区人民政府办公厅关于印发〈新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定〉的通知'),
    ).toBe('新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定');
    expect(key('《甘肃省卫计委关于印发〈甘肃省医疗卫生机构药品备案采购管理办法〉的通知》')).toBe(
      '甘肃省医疗卫生机构药品备案采购管理办法',
    );
  });

  it('keeps a publishing notice without inner quotes as written (where X begins would be a guess)', () => {
    expect(key('《国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知》')).toBe(
      '国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知',
    );
  });

  it('keeps other notices and opinions as they are', () => {
    expect(key('《国务院办公厅关于完善公立医院药品集中采购工作的指导意见》')).toBe(
      '国务院办公厅关于完善公立医院药品集中采购工作的指导意见',
    );
  });

  it('keys 实施〈中华人民共和国X〉若干规定 with the inner prefix removed too', () => {
    expect(key('实施〈中华人民共和国社会保险法〉若干规定')).toBe('实施〈社会保险法〉若干规定');
    expect(key('《实施〈社会保险法〉若干规定》')).toBe('实施〈社会保险法〉若干规定');
    expect(key('《实施《中华人民共和国社会保险法》若干规定》')).toBe('实施〈社会保险法〉若干规定');
  });

  it('corrects a known typo and says so', () => {
    expect(normaliseStatuteTitle('《医疗保险基金使用监督管理条例》')).toEqual({
      title: '医疗保障基金使用监督管理条例',
      corrected: true,
      asWritten: '《医疗保险基金使用监督管理条例》',
    });
    expect(normaliseStatuteTitle('《欺诈骗取医疗保险基金行为举报奖励暂行办法》')).toMatchObject({
      title: '欺诈骗取医疗保障基金行为举报奖励暂行办法',
      corrected: true,
    });
  });

  it('does not guess beyond the typo table', () => {
    // Garbled in a seed list; several statutes could be meant.
    expect(normaliseStatuteTitle('《基金监管使用监督管理条例》')).toMatchObject({
      title: '基金监管使用监督管理条例',
      corrected: false,
    });
    // A regional document with its own wording is not the national one.
    expect(normaliseStatuteTitle('《新疆维吾尔自治区打击欺诈骗取医疗保险基金行为举报奖励暂行办法》').corrected).toBe(false);
    expect(normaliseStatuteTitle('《医疗保障基金使用监督管理条例》').corrected).toBe(false);
  });

  it('every typo maps to a title that is itself canonical and not a typo', () => {
    for (const [typo, fixed] of KNOWN_TITLE_TYPOS) {
      expect(key(typo)).toBe(fixed);
      expect(key(fixed)).toBe(fixed);
      expect(KNOWN_TITLE_TYPOS.has(fixed)).toBe(false);
    }
  });

  it('is idempotent', () => {
    const samples = [
      '《中华人民共和国社会保险法》',
      '《高值医用耗材集中采购工作规范（试行）》',
      '《国家医保局办公室 财政部办公厅关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知》',
      '《医疗保险基金使用监督管理条例》',
      '实施〈中华人民共和国社会保险法〉若干规定',
    ];
    for (const s of samples) expect(key(key(s))).toBe(key(s));
  });
});

describe('isStatuteTitle', () => {
  it.each([
    '中华人民共和国社会保险法',
    '《社会保险法》',
    '医疗保障基金使用监督管理条例',
    '社会救助暂行办法',
    '实施〈中华人民共和国社会保险法〉若干规定',
    '社会保险稽核办法',
    '高值医用耗材集中采购工作规范（试行）',
    '甘肃省欺诈骗取医疗保险基金行为举报奖励实施办法（暂行）',
    '国务院关于印发社会信用体系建设规划纲要（2014-2020年）的通知',
    '国务院办公厅关于完善公立医院药品集中采购工作的指导意见',
    '甘肃省人民政府办公厅关于完善公立医院药品集中采购工作的实施意见',
    '国务院关于修改部分行政法规的决定',
    '吉林省治理高值医用耗材实施方案',
    '新疆维吾尔自治区新疆生产建设兵团医疗保障基金使用监督管理行政处罚裁量基准',
    '职能配置、机构设置和人员编制规定',
    '中国共产党党内监督条例',
    '【法律】中华人民共和国行政处罚法',
  ])('%s is a statute or normative document', (title) => {
    expect(isStatuteTitle(title)).toBe(true);
  });

  it.each([
    '行政处罚决定书',
    '《行政处罚决定书》',
    '行政处罚告知书',
    '行政处罚听证告知书',
    '行政强制决定书',
    '社会保险登记表',
    '权责清单',
    '医疗保障定点医药机构服务协议书',
    '检查笔录',
    '医师执业证',
    '药品检验方法',
    '法',
    '',
    '新疆维吾尔自治区医疗保障局',
  ])('%j is not', (title) => {
    expect(isStatuteTitle(title)).toBe(false);
  });
});

describe('statuteCategory', () => {
  it.each([
    ['【法律】', '法律'],
    ['法律', '法律'],
    ['【行政法规】', '行政法规'],
    ['【法规】', '行政法规'],
    ['【规章】', '规章'],
    ['【部门规章】', '规章'],
    ['[部门规章]', '规章'],
    ['［规章］', '规章'],
    ['【地方性法规】', '地方性法规'],
    ['【规范性文件】', '规范性文件'],
    ['【 法律 】', '法律'],
  ])('%s → %s', (tag, category) => {
    expect(statuteCategory(tag)).toBe(category);
  });

  it.each(['【其他】', '【依据】', '', '【法律法规】', '行政处罚'])('%j is not a category', (tag) => {
    expect(statuteCategory(tag)).toBeNull();
  });
});

describe('inferCategoryFromTitle (a guess, never a tag)', () => {
  it.each([
    ['中华人民共和国社会保险法', '法律'],
    ['《行政处罚法》', '法律'],
    ['医疗保障基金使用监督管理条例', '行政法规'],
    ['社会保险费征缴暂行条例', '行政法规'],
    ['内蒙古自治区城镇基本医疗保险条例', '地方性法规'],
    ['甘肃省社会救助条例', '地方性法规'],
    ['国务院办公厅关于完善公立医院药品集中采购工作的指导意见', '规范性文件'],
    ['高值医用耗材集中采购工作规范（试行）', '规范性文件'],
    ['吉林省治理高值医用耗材实施方案', '规范性文件'],
  ])('%s → %s', (title, category) => {
    expect(inferCategoryFromTitle(title)).toBe(category);
  });

  it.each([
    '社会救助暂行办法', // 行政法规 in fact, but …办法 are also 规章 and 规范性文件
    '社会保险稽核办法',
    '实施〈中华人民共和国社会保险法〉若干规定',
    '国务院关于修改部分行政法规的决定',
    '中国共产党党内监督条例',
    '行政处罚决定书',
  ])('does not guess for %s', (title) => {
    expect(inferCategoryFromTitle(title)).toBeNull();
  });
});
