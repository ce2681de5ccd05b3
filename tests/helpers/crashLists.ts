/**
 * Large lists whose every version can be told apart in the database: each
 * item's legal basis carries its version (（第v版）), and the number of
 * items depends on the version, so a list that is a mix of two versions, or
 * half of one, cannot pass for either.
 */
import type { ImportInput } from '../../src/db/prepare';

export const CRASH_LISTS = 3;
export const CRASH_DEPARTMENT = (list: number) => `尼勒克县测试${'甲乙丙丁'[list]}局`;

const ARTICLES = ['八十七', '八十八', '八十六', '七十七', '八十二', '六十三', '九十一', '八十四'];

/** Items in version v: between 1,500 and 1,740, some added and some gone from one version to the next. */
export const crashItemCount = (list: number, version: number) => 1500 + ((version * 7 + list * 3) % 5) * 60;

export function crashListText(list: number, version: number): string {
  const rows = ['序号\t事项名称\t权力类型\t实施依据'];
  const n = crashItemCount(list, version);
  for (let i = 0; i < n; i++) {
    // Names stay across versions (the same item, rewritten in place); the basis changes with every version.
    rows.push(`${i + 1}\t对第${i + 1}项违法行为的处罚（${'甲乙丙丁'[list]}）\t行政处罚\t《中华人民共和国社会保险法》第${ARTICLES[i % ARTICLES.length]}条（第${version}版）`);
  }
  return `${CRASH_DEPARTMENT(list)}权责清单\n\n${rows.join('\n')}\n`;
}

export function crashListInput(list: number, version: number): ImportInput {
  return { bytes: Buffer.from(crashListText(list, version)), fileName: `crash-${list}.txt`, jurisdictionCode: '654028', department: CRASH_DEPARTMENT(list) };
}
