/**
 * Column names as evidence for a format: a way of splitting lines is right
 * when it turns some line into a header row of known column names. The rule
 * is the layouts' (two known names at least, and most cells known), applied
 * to plain cell text.
 */
import { fieldForHeader } from '../../domain/fields';

/** A known column name; long cells are not looked up, which keeps this cheap on data rows. */
export function isColumnName(cell: string): boolean {
  const t = cell.trim();
  return t !== '' && t.length <= 40 && fieldForHeader(t) !== null;
}

export function looksLikeHeader(cells: readonly string[]): boolean {
  let known = 0;
  let content = 0;
  for (const c of cells) {
    if (c.trim() === '') continue;
    content++;
    if (isColumnName(c)) known++;
  }
  return known >= 2 && known * 2 > content;
}
