import { categoriesConflict, inferCategoryFromTitle } from '../../src/domain/statuteTitles';

describe('inferCategoryFromTitle with the issuer and document number (seed titles)', () => {
  it.each([
    // document number first
    ['社会救助暂行办法', '国务院令649号', '行政法规'],
    ['社会救助暂行办法', '中华人民共和国国务院令第649号', '行政法规'],
    ['价格法', '主席令第九十二号', '法律'],
    ['社会保险稽核办法', '劳动和社会保障部令第16号', '规章'],
    ['社会保险费征缴监督检查办法', '中华人民共和国劳动和社会保障部令第3号', '规章'],
    ['内蒙古自治区城镇基本医疗保险条例', '内蒙古自治区第十二届人民代表大会常务委员会公告第十五号', '地方性法规'],
    ['欺诈骗取医疗保障基金行为举报奖励暂行办法', '医保发〔2018〕22号', '规范性文件'],
    ['甘肃省药品集中采购诚信管理办法', '甘卫发〔2016〕180号', '规范性文件'],
    ['药品集中采购监督管理办法', '国办发〔2010〕6号', '规范性文件'],
    // title alone
    ['中华人民共和国基本医疗卫生与健康促进法', null, '法律'],
    ['内蒙古自治区城镇基本医疗保险条例', null, '地方性法规'],
    ['新疆维吾尔自治区实施〈中华人民共和国社会保险法〉办法', null, '规章'],
    ['吉林省社会救助条例', null, '地方性法规'],
    ['吉林省医疗保障基金监督管理办法', null, '规章'],
    ['乌鲁木齐市城镇职工基本医疗保险条例', null, '地方性法规'],
    ['甘肃省人民政府办公厅关于完善公立医院药品集中采购工作的实施意见', null, '规范性文件'],
    ['国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知', null, '规范性文件'],
    ['国务院关于印发社会信用体系建设规划纲要(2014-2020年)的通知', null, '规范性文件'],
    ['医疗保障基金使用监督管理条例', null, '行政法规'],
    ['行政机关公务员处分条例', null, '行政法规'],
    ['国家医疗保障局医疗保障行政处罚程序暂行规定', null, '规章'],
    ['卫生部医疗机构药品集中采购工作规范', null, '规章'],
    ['新疆维吾尔自治区新疆生产建设兵团医疗保障基金使用监督管理行政处罚裁量基准', null, '规范性文件'],
  ])('%s (%s) → %s', (title, doc, category) => {
    expect(inferCategoryFromTitle(title, doc)).toBe(category);
  });

  it.each([
    ['医疗机构医疗保障定点管理暂行办法', null], // 规章 in fact (国家医保局令第2号), but the title does not say so
    ['职能配置、机构设置和人员编制规定', null],
    ['中国共产党党内监督条例', null],
    ['行政处罚决定书', '国务院令649号'],
    ['医疗机构内部控制规范办法', null], // 内部 is not an issuer
  ])('is unsure about %s (%s)', (title, doc) => {
    expect(inferCategoryFromTitle(title, doc)).toBeNull();
  });
});

describe('categoriesConflict', () => {
  it('flags the seed conflicts', () => {
    // seed 004: 【行政法规】《内蒙古自治区城镇基本医疗保险条例》
    expect(categoriesConflict('行政法规', inferCategoryFromTitle('内蒙古自治区城镇基本医疗保险条例'))).toBe(true);
    // seed 000: 【法律】《医疗保障基金使用监督管理条例》
    expect(categoriesConflict('法律', inferCategoryFromTitle('医疗保障基金使用监督管理条例'))).toBe(true);
  });

  it.each([
    ['法规', '行政法规'],
    ['【法规】', '行政法规'],
    ['部门规章', '规章'],
    ['政府规章', '规章'],
    ['法律', '法律'],
  ])('treats %s as %s', (tag, inferred) => {
    expect(categoriesConflict(tag, inferred)).toBe(false);
  });

  it('is false when either side is unknown', () => {
    expect(categoriesConflict(null, '法律')).toBe(false);
    expect(categoriesConflict('法律', null)).toBe(false);
    expect(categoriesConflict('其他', '法律')).toBe(false);
    expect(categoriesConflict(null, null)).toBe(false);
  });

  it('is true for known, different categories', () => {
    expect(categoriesConflict('部门规章', '规范性文件')).toBe(true);
    expect(categoriesConflict('规范性文件', '规章')).toBe(true);
  });
});
