/** What the document says about itself: its title and the department whose list it is. */
import type { ItemRecord } from '../domain/records';
import type { Heading } from './types';

// A department name ends in an organ word, and in a title it is followed by what the list is.
const DEPARTMENT_IN_TITLE =
  /^(.{1,40}?(?:局|厅|委员会|委|办公室|中心|院|署|政府))(?=权责|权力|行政|职权|事项|责任|清单)/;

/** First heading of the document, or null. */
export function inferTitle(headings: readonly Heading[]): string | null {
  return headings[0]?.text ?? null;
}

/**
 * The department from the first heading that names one ("尼勒克县医疗保障局权责清单…"),
 * else the most common 行使主体 of the items, unless that is a generic body
 * ("各级医疗保障行政部门" names no single department).
 */
export function inferDepartment(headings: readonly Heading[], items: readonly ItemRecord[]): string | null {
  for (const h of headings) {
    const m = DEPARTMENT_IN_TITLE.exec(h.text.replace(/\s+/g, ''));
    if (m) return m[1];
  }
  const counts = new Map<string, number>();
  for (const item of items) if (item.body) counts.set(item.body, (counts.get(item.body) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [body, n] of counts) if (n > bestCount) [best, bestCount] = [body, n];
  return best !== null && !/^各(级|地)/.test(best) ? best : null;
}
