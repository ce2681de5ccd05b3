/**
 * Citation extraction (contract; implementation in progress by the domain work).
 * extractCitations(text, field) finds every statute/article reference in one
 * cleaned field text and returns CitationRecords with spans into `text`.
 */
import type { CitationRecord } from './records';
import type { FieldKey } from './fields';

export function extractCitations(text: string, field: FieldKey): CitationRecord[] {
  void text;
  void field;
  throw new Error('extractCitations: not implemented yet');
}
