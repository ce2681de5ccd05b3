import { LEVEL_KINDS, levelOfCode, levelsBelow, levelsNamedByBody, parseLevelDesignation } from '../../src/domain/levels';

describe('levelOfCode', () => {
  it('reads the level from a GB/T 2260 code', () => {
    expect(levelOfCode('650000')).toBe('PROVINCE');
    expect(levelOfCode('654000')).toBe('PREFECTURE');
    expect(levelOfCode('654028')).toBe('COUNTY');
  });
  it('rejects anything but six digits', () => {
    expect(() => levelOfCode('65400')).toThrow();
    expect(() => levelOfCode('65400a')).toThrow();
  });
});

describe('parseLevelDesignation', () => {
  // Every level cell of the seed lists.
  it.each([
    ['地州市级', 'PREFECTURE'],
    ['县市级', 'COUNTY'],
    ['地州市医疗保障局', 'PREFECTURE'],
    ['县市区医疗保障局', 'COUNTY'],
    ['县区级', 'COUNTY'],
    ['县市区级', 'COUNTY'],
    ['县级', 'COUNTY'],
    ['自治区医疗保障局', 'PROVINCE'],
  ])('%s → %s', (text, level) => {
    expect(parseLevelDesignation(text)).toBe(level);
  });

  it('reads province-level words', () => {
    expect(parseLevelDesignation('自治区级')).toBe('PROVINCE');
    expect(parseLevelDesignation('省级')).toBe('PROVINCE');
    expect(parseLevelDesignation('自治区本级')).toBe('PROVINCE');
  });

  it('reads bracketed spellings', () => {
    expect(parseLevelDesignation('县（市、区）级')).toBe('COUNTY');
    expect(parseLevelDesignation('地（州、市）级')).toBe('PREFECTURE');
    expect(parseLevelDesignation('县(市、区)医疗保障局')).toBe('COUNTY');
  });

  it('reads 市级 and 区级 but not a bare 市 or 区', () => {
    expect(parseLevelDesignation('市级')).toBe('PREFECTURE');
    expect(parseLevelDesignation('区级')).toBe('COUNTY');
    expect(parseLevelDesignation('市')).toBeNull();
    expect(parseLevelDesignation('区')).toBeNull();
  });

  it('reads "各…" bodies of one level, but not "各级…" (every level)', () => {
    expect(parseLevelDesignation('各地州市医疗保障局')).toBe('PREFECTURE');
    expect(parseLevelDesignation('各县（市、区）医疗保障局')).toBe('COUNTY');
    expect(parseLevelDesignation('各级医疗保障行政部门')).toBeNull();
  });

  it('ignores whitespace, ideographic spaces included', () => {
    expect(parseLevelDesignation('县市区　医疗保障局')).toBe('COUNTY');
  });

  it('ignores whitespace', () => {
    expect(parseLevelDesignation(' 地州市 级 ')).toBe('PREFECTURE');
  });

  it('does not take a place or a specific body for a level', () => {
    expect(parseLevelDesignation('尼勒克县医疗保障局')).toBeNull();
    expect(parseLevelDesignation('新疆维吾尔自治区')).toBeNull();
    expect(parseLevelDesignation('各级医疗保障行政部门')).toBeNull();
    expect(parseLevelDesignation('县医院')).toBeNull();
    expect(parseLevelDesignation('负责地州市级对药品上市许可持有人的监督检查')).toBeNull();
  });

  it('returns null for nothing', () => {
    expect(parseLevelDesignation(null)).toBeNull();
    expect(parseLevelDesignation(undefined)).toBeNull();
    expect(parseLevelDesignation('')).toBeNull();
  });

  it('only returns known kinds', () => {
    for (const t of ['自治区级', '地州市级', '县级']) expect(LEVEL_KINDS).toContain(parseLevelDesignation(t));
  });
});

describe('levels below a level', () => {
  it('lists the lower levels, top down', () => {
    expect(levelsBelow('PROVINCE')).toEqual(['PREFECTURE', 'COUNTY']);
    expect(levelsBelow('PREFECTURE')).toEqual(['COUNTY']);
    expect(levelsBelow('COUNTY')).toEqual([]);
  });
});

describe('bodies that name several levels at once', () => {
  it.each([
    ['各级医疗保障行政部门', ['PROVINCE', 'PREFECTURE', 'COUNTY']],
    ['各级 医疗保障部门', ['PROVINCE', 'PREFECTURE', 'COUNTY']],
    ['县级以上人民政府医疗保障行政部门', ['PROVINCE', 'PREFECTURE', 'COUNTY']],
    ['设区的市级以上医疗保障部门', ['PROVINCE', 'PREFECTURE']],
    ['省级以上医疗保障部门', ['PROVINCE']],
  ] as const)('%s → %j', (body, levels) => {
    expect(levelsNamedByBody(body)).toEqual(levels);
  });

  it.each(['自治区医疗保障局', '地州市医疗保障局', '县市区医疗保障局', '尼勒克县医疗保障局', '', null])('%s names no set of levels', (body) => {
    expect(levelsNamedByBody(body)).toBeNull();
  });
});
