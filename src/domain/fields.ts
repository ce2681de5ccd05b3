/**
 * Canonical fields of a 权责清单 item and the header names lists use for them.
 * Headers are matched after removing whitespace and folding width, so
 * "权利运行 结果公示" is "权利运行结果公示" and "项目名称（主项）" is "项目名称(主项)".
 */
import { normaliseWidth } from './width';

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
  | 'accountabilityBasis'
  | 'timeLimit'
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
    '行政权力名称',
    '行政职权名称',
    '权力事项',
    '职权事项',
    '项目名称',
    '项目名称(主项)',
    '事项名称(主项)',
    '主项名称',
    // The upper row of a two-row header "项目名称 / 主项 | 子项" leaves 主项 alone under it.
    '主项',
  ],
  subItem: ['子项名称', '子项', '子项目名称', '子项事项名称', '子事项名称', '项目名称(子项)', '事项名称(子项)'],
  powerType: ['权力类型', '职权类型', '权利类型', '事项类型', '项目类型', '权力类别', '职权类别', '事项类别', '权力种类', '职权种类'],
  legalBasis: [
    '实施依据',
    '设定依据',
    '处罚依据',
    '强制依据',
    '法律依据',
    '法定依据',
    '设定和实施依据',
    '设定依据和实施依据',
    '权力依据',
    '职权依据',
    '执法依据',
    '行使依据',
    '依据',
  ],
  body: ['行使主体', '实施主体', '实施部门', '实施机关', '行使部门', '行使机关', '执法主体', '责任主体', '实施单位'],
  unit: ['承办机构', '承办公室', '承办科室', '承办处室', '承办股室', '内设机构', '承办单位', '承办部门', '责任科室', '责任处室', '责任股室'],
  levelScope: ['实施层级及权限', '办事层级', '行使层级', '行使层级及权限', '实施层级', '行使层级和权限'],
  departmentDuties: ['部门职责'],
  responsibilities: ['责任事项内容', '责任事项', '责任内容'],
  responsibilityBasis: ['责任事项依据', '责任依据'],
  accountablePersons: ['追责对象范围', '追究对象范围', '追责对象'],
  accountabilityCircumstances: ['追责情形', '追究情形', '问责情形'],
  accountabilityManner: ['担责方式', '担责情形'],
  accountabilityBasis: ['追责依据', '追究依据', '问责依据'],
  timeLimit: ['办理时限', '法定时限', '承诺时限', '法定办结时限', '承诺办结时限', '办结时限'],
  localCode: ['地方权力编码', '权力编码', '事项编码', '权力事项编码', '基本编码', '事项代码', '权力代码'],
  subItemLocalCode: ['子项地方权力编码', '子项编码'],
  supervisionPhone: ['监督电话', '监督投诉电话', '投诉电话', '监督举报电话'],
  inspectionMethods: ['检查方式', '检查方法'],
  resultPublication: ['权利运行结果公示', '权力运行结果公示', '运行结果公示'],
  remarks: ['备注'],
};

/** Fields whose text is searched for legal-basis citations. */
export const LEGAL_BASIS_FIELDS: readonly FieldKey[] = ['legalBasis'];
/** Other fields whose citations are recorded, marked with their field. */
export const OTHER_CITING_FIELDS: readonly FieldKey[] = ['responsibilityBasis', 'accountabilityBasis'];

const BY_HEADER = new Map<string, FieldKey>();
for (const [key, names] of Object.entries(FIELD_SYNONYMS) as [FieldKey, readonly string[]][]) {
  for (const n of names) BY_HEADER.set(normaliseHeader(n), key);
}

/**
 * Header text reduced to what matters for matching: width folded (ＡＢ１ → AB1),
 * no whitespace, half-width brackets, no trailing colon and no required-field
 * asterisk ("*事项名称：").
 */
export function normaliseHeader(text: string): string {
  return normaliseWidth(text)
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[:：]+$/, '');
}

/** The canonical field a header names, or null when it is not a known header. */
export function fieldForHeader(header: string): FieldKey | null {
  // Most headers are written exactly as listed: try that before normalising.
  return BY_HEADER.get(header) ?? BY_HEADER.get(normaliseHeader(header)) ?? null;
}
