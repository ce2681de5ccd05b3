/**
 * What the document says about itself: its title, its headings, the sections
 * they open (by power type, by department, or both) and the department whose
 * list it is. Shared by every layout, so a heading means the same in a table
 * as in a run of cards.
 */
import { isPowerTypeCell, parsePowerTypes } from '../domain/powerTypes';
import type { ItemRecord } from '../domain/records';
import { cleanCell, normaliseWidth } from './clean';
import type { SourceLine } from './lines';
import type { Heading, SectionContext } from './types';

const ORGAN = '(?:局|厅|委员会|委|办公室|中心|院|署|政府)';
// A department name ends in an organ word, and in a title it is followed by what the list is.
const DEPARTMENT_IN_TITLE = new RegExp(`^(.{1,40}?${ORGAN})(?=权责|权力|行政|职权|事项|责任|清单)`);
// A heading that is a department name and nothing else ("县卫生健康委员会").
const BARE_DEPARTMENT = new RegExp(`^[\\u4e00-\\u9fa5（）()]{2,30}${ORGAN}$`);

// Outline numbers that open a section: "一、", "（二）", "第三部分".
const OUTLINE_NUMBER = /^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百]+\s*[）)]|第[一二三四五六七八九十百]+(?:部分|章|节|类)\s*[、.．:：]?)\s*/;
// "（共3项）", "(3项)", "共12项": how many items the section holds.
const COUNT_NOTE = /\s*(?:[（(]\s*共?\s*\d+\s*[项条个]\s*[）)]|共\s*\d+\s*[项条个])\s*$/;

/** A heading's text without its outline number and item count: "一、行政许可（共3项）" → "行政许可". */
export function headingCore(text: string): { core: string; numbered: boolean } {
  const t = normaliseWidth(text).trim();
  const m = OUTLINE_NUMBER.exec(t);
  const rest = m ? t.slice(m[0].length) : t;
  return { core: rest.replace(COUNT_NOTE, '').trim(), numbered: m !== null };
}

/** The department a heading names ("尼勒克县医疗保障局权责清单…", "一、尼勒克县医疗保障局"), or null. */
export function departmentOfHeading(text: string): string | null {
  const core = headingCore(text).core.replace(/\s+/g, '');
  const m = DEPARTMENT_IN_TITLE.exec(core);
  if (m) return m[1];
  return BARE_DEPARTMENT.test(core) ? core : null;
}

/** True when the heading core is a power type on its own ("行政许可", "行政检查和行政处罚"). */
function isPowerTypeHeading(core: string): boolean {
  return isPowerTypeCell(core) || isPowerTypeCell(core.replace(/(?:类|事项|部分)$/, ''));
}

/**
 * The text of a heading line, or null. A heading has text in its first cell
 * only (exports pad a title row spanning the table with tabs) and is one of:
 * marked with '#'; a title naming a list ("…权责清单事项表(行政奖励)"); a
 * department or a power type on its own, with or without an outline number
 * ("一、尼勒克县医疗保障局", "（二）行政处罚", "行政许可（共3项）"). Other lone
 * lines are not headings, so they are reported rather than silently taken as titles.
 */
export function headingText(line: SourceLine): string | null {
  if (line.cells.slice(1).some((c) => c.trim() !== '')) return null;
  const t = line.cells[0].trim();
  if (t === '') return null;
  const marked = /^#{1,6}\s*/.exec(t);
  const text = cleanCell(marked ? t.slice(marked[0].length) : t);
  if (text === '') return null;
  if (marked) return text;
  // A sentence or a note is not a title, even one that mentions a list ("注：本清单自公布之日起施行").
  if (text.length > 60 || /[\n。]/.test(text) || /[；;，,：:]$/.test(text) || /^(注|说明|备注|附注|附件)\s*\d*\s*[：:]/.test(text)) return null;
  if (/(清单|事项表|一览表|目录|权责)/.test(text)) return text;
  const { core } = headingCore(text);
  if (isPowerTypeHeading(core) || BARE_DEPARTMENT.test(core.replace(/\s+/g, ''))) return text;
  return null;
}

/**
 * The power type a section heading carries: the bracketed part
 * ("…事项表(行政处罚)"), the heading itself without outline number and count
 * ("一、行政许可（共3项）" → "行政许可"), else the whole heading when it names
 * a power type at all ("行政处罚事项").
 */
export function sectionFromHeading(heading: Heading): SectionContext | null {
  for (const m of heading.text.matchAll(/[（(]([^（）()]+)[）)]/g)) {
    if (isPowerTypeCell(m[1])) return { powerTypeText: m[1].trim(), line: heading.line };
  }
  const { core } = headingCore(heading.text);
  if (isPowerTypeCell(core)) return { powerTypeText: core, line: heading.line };
  return parsePowerTypes(heading.text).length > 0 ? { powerTypeText: heading.text, line: heading.line } : null;
}

/**
 * The section the next item sits in, as headings go by. A heading naming a
 * department starts that department's section (and forgets the power type of
 * the previous one); a heading naming a power type sets it within the
 * department. `keepType` says whether a heading naming neither keeps the
 * power type (cards, whose title repeats before every card) or ends it
 * (tables, where a new heading is a new section).
 */
export class SectionTracker {
  section: SectionContext | null = null;
  department: string | null = null;
  /** Headings that gave a power type: the document is split into typed sections. */
  typedSections = 0;

  constructor(private readonly keepType: boolean) {}

  enter(heading: Heading): void {
    const department = departmentOfHeading(heading.text);
    if (department !== null && department !== this.department) {
      this.department = department;
      this.section = null;
    }
    const section = sectionFromHeading(heading);
    if (section) {
      this.section = section;
      this.typedSections++;
    } else if (!this.keepType) {
      this.section = null;
    }
  }
}

/** Departments named by the document's headings, distinct, in order. */
export function headingDepartments(headings: readonly Heading[]): string[] {
  const out: string[] = [];
  for (const h of headings) {
    const d = departmentOfHeading(h.text);
    if (d !== null && !out.includes(d)) out.push(d);
  }
  return out;
}

/** First heading of the document, or null. */
export function inferTitle(headings: readonly Heading[]): string | null {
  return headings[0]?.text ?? null;
}

/**
 * The department from the first heading that names one ("尼勒克县医疗保障局权责清单…",
 * "一、尼勒克县医疗保障局"): in a document of several departments' sections
 * that is the main (first) one. Else the most common 行使主体 of the items,
 * unless that is a generic body ("各级医疗保障行政部门" names no single department).
 */
export function inferDepartment(headings: readonly Heading[], items: readonly ItemRecord[]): string | null {
  const named = headingDepartments(headings);
  if (named.length > 0) return named[0];
  const counts = new Map<string, number>();
  for (const item of items) if (item.body) counts.set(item.body, (counts.get(item.body) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [body, n] of counts) if (n > bestCount) [best, bestCount] = [body, n];
  return best !== null && !/^各(级|地)/.test(best) ? best : null;
}
