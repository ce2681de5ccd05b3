/**
 * Layout detection: every registered layout scores the document's lines and
 * the best fit parses it. Detection reads content only; a file name says
 * nothing reliable about a list's layout.
 */
import type { ImportWarning } from '../domain/records';
import { headingText, unplaced, warning } from './assemble';
import { cardsLayout } from './layouts/cards';
import { tableLayout } from './layouts/table';
import { isBlank, isSeparatorRow, type SourceLine } from './lines';
import type { Heading, LayoutModule, LayoutResult } from './types';

/** Registered layouts; on equal scores the earlier one wins. */
export const LAYOUTS: readonly LayoutModule[] = [tableLayout, cardsLayout];

/** Below this share of recognised lines no layout is trusted. */
const MIN_SCORE = 0.5;

export function detectLayout(lines: readonly SourceLine[], layouts: readonly LayoutModule[] = LAYOUTS): LayoutModule | null {
  let best: LayoutModule | null = null;
  let bestScore = 0;
  for (const layout of layouts) {
    const s = layout.score(lines);
    if (s > bestScore) [best, bestScore] = [layout, s];
  }
  return bestScore >= MIN_SCORE ? best : null;
}

/** The result for a document no layout fits: its headings, and every other line reported. */
export function unknownLayout(lines: readonly SourceLine[]): LayoutResult {
  const headings: Heading[] = [];
  const warnings: ImportWarning[] = [];
  const content = lines.filter((l) => !isBlank(l));
  if (content.length > 0) warnings.push(warning('UNKNOWN_LAYOUT', null, 'no known layout fits this document; no items were read'));
  for (const line of content) {
    if (isSeparatorRow(line)) continue;
    const h = headingText(line);
    if (h !== null) headings.push({ line: line.no, text: h });
    else warnings.push(unplaced(line, 'document layout not recognised'));
  }
  return { layout: 'unknown', items: [], headings, warnings };
}
