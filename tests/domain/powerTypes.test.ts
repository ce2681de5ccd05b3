import { isPowerTypeCell, parsePowerTypes, POWER_TYPE_NAMES, POWER_TYPES } from '../../src/domain/powerTypes';

describe('parsePowerTypes', () => {
  it('reads each statutory name', () => {
    for (const t of POWER_TYPES) expect(parsePowerTypes(POWER_TYPE_NAMES[t])).toEqual([t]);
  });

  it('reads the spellings lists use', () => {
    expect(parsePowerTypes('行政监督检查')).toEqual(['INSPECTION']);
    expect(parsePowerTypes('其他行政职权')).toEqual(['OTHER']);
    expect(parsePowerTypes('其他行政权力')).toEqual(['OTHER']);
    expect(parsePowerTypes('其他行政权利')).toEqual(['OTHER']);
    expect(parsePowerTypes('其他权力')).toEqual(['OTHER']);
  });

  it('reads combinations in order of appearance', () => {
    expect(parsePowerTypes('行政检查和行政处罚')).toEqual(['INSPECTION', 'PUNISHMENT']);
    expect(parsePowerTypes('行政处罚、行政强制')).toEqual(['PUNISHMENT', 'COERCION']);
  });

  it('does not read 行政检查 a second time inside 行政监督检查', () => {
    expect(parsePowerTypes('行政监督检查和行政检查')).toEqual(['INSPECTION']);
  });

  it('reads power types written with ideographic spaces', () => {
    expect(parsePowerTypes('行政　处罚')).toEqual(['PUNISHMENT']);
    expect(isPowerTypeCell('行政检查　')).toBe(true);
  });

  it('ignores whitespace and drops duplicates', () => {
    expect(parsePowerTypes(' 行政 处罚 ')).toEqual(['PUNISHMENT']);
    expect(parsePowerTypes('行政处罚及行政处罚')).toEqual(['PUNISHMENT']);
  });

  it('finds power types inside a heading', () => {
    expect(parsePowerTypes('尼勒克县医疗保障局权责清单事项表(行政奖励)')).toEqual(['REWARD']);
  });

  it('returns [] for nothing or unknown text', () => {
    expect(parsePowerTypes(null)).toEqual([]);
    expect(parsePowerTypes(undefined)).toEqual([]);
    expect(parsePowerTypes('')).toEqual([]);
    expect(parsePowerTypes('公共服务')).toEqual([]);
  });
});

describe('isPowerTypeCell', () => {
  it('accepts a cell that is only a power type or a combination', () => {
    expect(isPowerTypeCell('行政处罚')).toBe(true);
    expect(isPowerTypeCell(' 行政检查和行政处罚 ')).toBe(true);
    expect(isPowerTypeCell('行政处罚；行政强制')).toBe(true);
    expect(isPowerTypeCell('其他行政权力')).toBe(true);
  });

  it('rejects prose that mentions a power type', () => {
    expect(isPowerTypeCell('对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的行政处罚')).toBe(false);
    expect(isPowerTypeCell('依法实施行政处罚')).toBe(false);
  });

  it('rejects empty and unrelated text', () => {
    expect(isPowerTypeCell('')).toBe(false);
    expect(isPowerTypeCell('自治区医疗保障局')).toBe(false);
  });
});
