import { commonShortName, departmentsAgree, inferJurisdiction, leadingPlace, shortNames } from '../../src/domain/places';
import { placeIndex } from '../../src/db/gazetteer';

const index = placeIndex();
const infer = (names: string[], text = '') => inferJurisdiction({ names, text }, index);

describe('short names', () => {
  it.each([
    ['新疆维吾尔自治区', 'PROVINCE', ['新疆']],
    ['内蒙古自治区', 'PROVINCE', ['内蒙古']],
    ['北京市', 'PROVINCE', ['北京']],
    ['伊犁哈萨克自治州', 'PREFECTURE', ['伊犁', '伊犁州']],
    ['恩施土家族苗族自治州', 'PREFECTURE', ['恩施', '恩施州']],
    ['海西蒙古族藏族自治州', 'PREFECTURE', ['海西', '海西州']],
    ['阿克苏地区', 'PREFECTURE', ['阿克苏']],
    ['尼勒克县', 'COUNTY', ['尼勒克']],
    ['天祝藏族自治县', 'COUNTY', ['天祝']],
    ['凉州区', 'COUNTY', ['凉州']],
    ['城区', 'COUNTY', []],
    ['香港特别行政区', 'PROVINCE', ['香港']],
  ] as const)('%s → %j', (name, level, expected) => {
    expect(shortNames({ name, level })).toEqual(expected);
  });

  it.each([
    ['新疆维吾尔自治区', 'PROVINCE', '新疆'],
    ['伊犁哈萨克自治州', 'PREFECTURE', '伊犁州'],
    ['延边朝鲜族自治州', 'PREFECTURE', '延边州'],
    ['阿克苏地区', 'PREFECTURE', '阿克苏'],
    ['尼勒克县', 'COUNTY', '尼勒克'],
    ['通化市', 'PREFECTURE', '通化'],
    ['城区', 'COUNTY', null],
  ] as const)('the common short name of %s is %s', (name, level, expected) => {
    expect(commonShortName({ name, level })).toBe(expected);
  });
});

describe('the place a name begins with', () => {
  it('takes the longest match', () => {
    expect(leadingPlace('通化市医疗保障局', index)?.divisions.map((d) => d.code)).toEqual(['220500']);
    expect(leadingPlace('尼勒克医疗保障局', index)?.divisions.map((d) => d.code)).toEqual(['654028']);
    expect(leadingPlace('医疗保障局', index)).toBeNull();
  });
});

describe('inferring a list\'s jurisdiction', () => {
  it('reads the place a department name begins with, full or short', () => {
    expect(infer(['尼勒克县医疗保障局'])).toMatchObject({ code: '654028' });
    expect(infer(['尼勒克医疗保障局', '尼勒克县医疗保障局'])).toMatchObject({ code: '654028' });
    expect(infer(['通化市医疗保障局权责事项清单（试行）'])).toMatchObject({ code: '220500' });
    expect(infer(['凉州区医疗保障局'])).toMatchObject({ code: '620602' });
    expect(infer(['内蒙古自治区医疗保障行政执法事项清单', '各级医疗保障行政部门'])).toMatchObject({ code: '150000' });
  });

  it('prefers the most specific place when names name a place and its ancestors', () => {
    expect(infer(['伊犁州医疗保障局', '尼勒克县医疗保障局', '新疆维吾尔自治区医疗保障局'])).toMatchObject({ code: '654028' });
  });

  it('resolves a level-only name from the places the document mentions', () => {
    expect(infer(['自治区医疗保障局'], '…经新疆维吾尔自治区医疗保障局职能部门审核…')).toMatchObject({ code: '650000' });
    expect(infer(['自治区医疗保障局'])).toMatchObject({ code: null });
  });

  it('settles a shared name by context, or leaves it unresolved', () => {
    const both = infer(['朝阳区医疗保障局']);
    expect(both).toMatchObject({ code: null });
    expect(both.code === null && both.candidates.sort()).toEqual(['110105', '220104']);
    expect(infer(['朝阳区医疗保障局'], '北京市朝阳区人民政府')).toMatchObject({ code: '110105' });
    expect(infer(['朝阳区医疗保障局'], '长春市医疗保障局')).toMatchObject({ code: '220104' });
  });

  it('never guesses between places that disagree', () => {
    expect(infer(['通化市医疗保障局', '凉州区医疗保障局'])).toMatchObject({ code: null });
    expect(infer(['各级医疗保障行政部门', '基金监管处'])).toMatchObject({ code: null });
  });
});

describe('do two department names agree', () => {
  it.each([
    ['尼勒克医疗保障局', '尼勒克县医疗保障局', true],
    ['新疆维吾尔自治区医疗保障局', '自治区医疗保障局', true],
    ['内蒙古自治区医疗保障局', '自治区医疗保障局', true],
    ['通化市医疗保障局', '通化市医疗保障局', true],
    ['通化市医疗保障局', '凉州区医疗保障局', false],
    ['尼勒克县医疗保障局', '尼勒克县卫生健康委员会', false],
    ['吉林省医疗保障局', '自治区医疗保障局', false],
  ])('%s ~ %s: %s', (a, b, agree) => {
    expect(departmentsAgree(a, b, index)).toBe(agree);
  });
});
