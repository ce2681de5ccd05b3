/**
 * Canonical fields of a 权责清单 item and the header names lists use for them.
 * Headers are matched after removing whitespace, so "权利运行 结果公示" is
 * "权利运行结果公示".
 */
export type FieldKey =
  | 'seq'
  | 'name'
  | 'subItem'
  | 'powerType'
  | 'legalBasis'
  | 'body'
  | 'unit'
  | 'levelScope'
  | 'departmentDuties'
  | 'responsibilities'
  | 'responsibilityBasis'
  | 'accountablePersons'
  | 'accountabilityCircumstances'
  | 'accountabilityManner'
  | 'localCode'
  | 'subItemLocalCode'
  | 'supervisionPhone'
  | 'inspectionMethods'
  | 'resultPublication'
  | 'remarks';

export const FIELD_SYNONYMS: Readonly<Record<FieldKey, readonly string[]>> = {
  seq: ['序号'],
  name: [
    '事项名称',
    '权利事项名称',
    '权力事项名称',
    '权责事项名称',
    '权力名称',
    '职权名称',
    '项目名称',
    '项目名称(主项)',
    '项目名称（主项）',
    '主项名称',
  ],
  subItem: ['子项名称', '子项', '子项目名称'],
  powerType: ['权力类型', '职权类型', '权利类型', '事项类型', '项目类型', '权力类别', '职权类别', '事项类别'],
  legalBasis: ['实施依据', '设定依据', '处罚依据', '强制依据', '法律依据', '法定依据', '设定和实施依据', '依据'],
  body: ['行使主体', '实施主体', '实施部门', '实施机关', '行使部门', '执法主体'],
  unit: ['承办机构', '承办公室', '承办科室', '承办处室', '承办股室', '内设机构'],
  levelScope: ['实施层级及权限', '办事层级', '行使层级', '行使层级及权限', '实施层级'],
  departmentDuties: ['部门职责'],
  responsibilities: ['责任事项内容', '责任事项'],
  responsibilityBasis: ['责任事项依据'],
  accountablePersons: ['追责对象范围', '追究对象范围', '追责对象'],
  accountabilityCircumstances: ['追责情形', '追究情形', '问责情形'],
  accountabilityManner: ['担责方式', '担责情形'],
  localCode: ['地方权力编码', '权力编码', '事项编码'],
  subItemLocalCode: ['子项地方权力编码', '子项编码'],
  supervisionPhone: ['监督电话', '监督投诉电话', '投诉电话'],
  inspectionMethods: ['检查方式', '检查方法'],
  resultPublication: ['权利运行结果公示', '权力运行结果公示'],
  remarks: ['备注'],
};

/** Fields whose text is searched for legal-basis citations. */
export const LEGAL_BASIS_FIELDS: readonly FieldKey[] = ['legalBasis'];
/** Other fields whose citations are recorded, marked with their field. */
export const OTHER_CITING_FIELDS: readonly FieldKey[] = ['responsibilityBasis'];

const BY_HEADER = new Map<string, FieldKey>();
for (const [key, names] of Object.entries(FIELD_SYNONYMS) as [FieldKey, readonly string[]][]) {
  for (const n of names) BY_HEADER.set(normaliseHeader(n), key);
}

/**
 * Header text reduced to what matters for matching: no whitespace, half-width
 * brackets, no trailing colon and no required-field asterisk ("*事项名称：").
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[:：]+$/, '');
}

/** The canonical field a header names, or null when it is not a known header. */
export function fieldForHeader(header: string): FieldKey | null {
  return BY_HEADER.get(normaliseHeader(header)) ?? null;
}
