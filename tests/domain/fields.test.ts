import { FIELD_SYNONYMS, fieldForHeader, LEGAL_BASIS_FIELDS, normaliseHeader, OTHER_CITING_FIELDS } from '../../src/domain/fields';
import type { FieldKey } from '../../src/domain/fields';

describe('normaliseHeader', () => {
  it('removes all whitespace, including full-width spaces', () => {
    expect(normaliseHeader('权利运行 结果公示')).toBe('权利运行结果公示');
    expect(normaliseHeader(' 备\u3000注 ')).toBe('备注');
  });
  it('makes brackets half-width', () => {
    expect(normaliseHeader('项目名称（主项）')).toBe('项目名称(主项)');
  });
  it('drops a trailing colon and required-field asterisks', () => {
    expect(normaliseHeader('事项名称：')).toBe('事项名称');
    expect(normaliseHeader('*事项名称')).toBe('事项名称');
  });
});

describe('fieldForHeader', () => {
  // Every header seen in the five seed lists, with the field it names.
  const seen: [string, FieldKey][] = [
    ['序号', 'seq'],
    ['事项名称', 'name'],
    ['权利事项名称', 'name'],
    ['子项名称', 'subItem'],
    ['权力类型', 'powerType'],
    ['职权类型', 'powerType'],
    ['权利类型', 'powerType'],
    ['实施依据', 'legalBasis'],
    ['设定依据', 'legalBasis'],
    ['处罚依据', 'legalBasis'],
    ['强制依据', 'legalBasis'],
    ['行使主体', 'body'],
    ['实施主体', 'body'],
    ['承办机构', 'unit'],
    ['承办公室', 'unit'],
    ['实施层级及权限', 'levelScope'],
    ['办事层级', 'levelScope'],
    ['部门职责', 'departmentDuties'],
    ['责任事项内容', 'responsibilities'],
    ['责任事项', 'responsibilities'],
    ['责任事项依据', 'responsibilityBasis'],
    ['追责对象范围', 'accountablePersons'],
    ['追究对象范围', 'accountablePersons'],
    ['追责情形', 'accountabilityCircumstances'],
    ['追究情形', 'accountabilityCircumstances'],
    ['担责方式', 'accountabilityManner'],
    ['担责情形', 'accountabilityManner'],
    ['地方权力编码', 'localCode'],
    ['子项地方权力编码', 'subItemLocalCode'],
    ['监督电话', 'supervisionPhone'],
    ['检查方式', 'inspectionMethods'],
    ['权利运行结果公示', 'resultPublication'],
    ['权利运行 结果公示', 'resultPublication'],
    ['备注', 'remarks'],
  ];
  it.each(seen)('%s → %s', (header, key) => {
    expect(fieldForHeader(header)).toBe(key);
  });

  it('matches glossary synonyms not in the seeds', () => {
    expect(fieldForHeader('项目名称（主项）')).toBe('name');
    expect(fieldForHeader('项目名称(主项)')).toBe('name');
    expect(fieldForHeader('事项类型')).toBe('powerType');
    expect(fieldForHeader('项目类型')).toBe('powerType');
    expect(fieldForHeader('实施部门')).toBe('body');
    expect(fieldForHeader('承办科室')).toBe('unit');
    expect(fieldForHeader('行使层级')).toBe('levelScope');
  });

  it.each([
    ['实施机关', 'body'],
    ['责任主体', 'body'],
    ['行使机关', 'body'],
    ['权力名称', 'name'],
    ['职权名称', 'name'],
    ['行政权力名称', 'name'],
    ['主项', 'name'],
    ['项目名称(子项)', 'subItem'],
    ['子项事项名称', 'subItem'],
    ['事项编码', 'localCode'],
    ['权力编码', 'localCode'],
    ['权力事项编码', 'localCode'],
    ['法定依据', 'legalBasis'],
    ['执法依据', 'legalBasis'],
    ['职权依据', 'legalBasis'],
    ['追责依据', 'accountabilityBasis'],
    ['问责依据', 'accountabilityBasis'],
    ['办理时限', 'timeLimit'],
    ['法定办结时限', 'timeLimit'],
    ['承办单位', 'unit'],
    ['责任科室', 'unit'],
    ['责任依据', 'responsibilityBasis'],
    ['权力种类', 'powerType'],
    ['监督举报电话', 'supervisionPhone'],
  ] as [string, FieldKey][])('matches the further synonym %s → %s', (header, key) => {
    expect(fieldForHeader(header)).toBe(key);
  });

  it('matches headers written with full-width letters, digits and spaces', () => {
    expect(fieldForHeader('事项　名称')).toBe('name');
    expect(normaliseHeader('项目名称（主项）：')).toBe('项目名称(主项)');
    expect(normaliseHeader('ＡＢ１备注')).toBe('AB1备注');
  });

  it('keeps unknown headers unknown', () => {
    expect(fieldForHeader('公开方式')).toBeNull();
    expect(fieldForHeader('收费标准')).toBeNull();
  });

  it('tolerates spacing and colons around a header', () => {
    expect(fieldForHeader(' 事项 名称： ')).toBe('name');
  });

  it('returns null for text that is not a header', () => {
    expect(fieldForHeader('')).toBeNull();
    expect(fieldForHeader('对医疗救助的监督检查')).toBeNull();
    expect(fieldForHeader('行政处罚')).toBeNull();
    expect(fieldForHeader('编号')).toBeNull();
  });

  it('gives every synonym back its own key, and no synonym to two keys', () => {
    const owner = new Map<string, FieldKey>();
    for (const [key, names] of Object.entries(FIELD_SYNONYMS) as [FieldKey, readonly string[]][]) {
      for (const n of names) {
        expect(fieldForHeader(n)).toBe(key);
        const prev = owner.get(normaliseHeader(n));
        if (prev) expect(prev).toBe(key);
        owner.set(normaliseHeader(n), key);
      }
    }
  });
});

describe('citing fields', () => {
  it('searches the legal basis and the basis of responsibilities', () => {
    expect(LEGAL_BASIS_FIELDS).toEqual(['legalBasis']);
    expect(OTHER_CITING_FIELDS).toContain('responsibilityBasis');
    expect(OTHER_CITING_FIELDS).toContain('accountabilityBasis');
  });
});
