/** Builders for small synthetic documents. */
import type { FieldKey } from '../../src/domain/fields';
import type { ItemRecord, ListRecord } from '../../src/domain/records';
import { parseDocument } from '../../src/ingest';

/** Lines joined with \n; a line given as cells is joined with tabs. */
export const doc = (...lines: (string | string[])[]): string => lines.map((l) => (Array.isArray(l) ? l.join('\t') : l)).join('\n');

/** A row of `width` cells, empty except at the given 0-based positions. */
export const row = (width: number, at: Record<number, string>): string[] =>
  Array.from({ length: width }, (_, i) => at[i] ?? '');

/** Parse without citations, so placement tests do not depend on the extractor. */
export const parse = (text: string): ListRecord => parseDocument(text, { fileName: 'test.txt', extractCitations: () => [] });

/** Warnings as "line:CODE", the form most assertions want. */
export const codes = (list: ListRecord): string[] => list.warnings.map((w) => `${w.line}:${w.code}`);

export const texts = (item: ItemRecord, key: FieldKey | null): string[] => item.fields.filter((f) => f.key === key).map((f) => f.text);

/** The header of the Xinjiang provincial list (seed 000). */
export const WIDE_HEADER = [
  '序号', '事项名称', '子项名称', '权力类型', '实施依据', '行使主体', '承办机构',
  '实施层级及权限', '部门职责', '责任事项内容', '责任事项依据', '追责对象范围', '追责情形', '备注',
];
// Column positions in WIDE_HEADER.
export const C = {
  seq: 0, name: 1, sub: 2, type: 3, basis: 4, body: 5, unit: 6, scope: 7, duties: 8, resp: 9, respBasis: 10, persons: 11, circ: 12, remarks: 13,
} as const;
export const wide = (at: Record<number, string>): string[] => row(WIDE_HEADER.length, at);

/** The header of the county list split into sections (seed 001). */
export const SECTION_HEADER = ['序号', '事项名称', '权力类型', '行使主体', '承办机构', '实施依据', '责任事项内容', '责任事项依据', '追责对象范围', '追责情形'];
