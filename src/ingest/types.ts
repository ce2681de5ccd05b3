/**
 * What layout modules hand back to the pipeline, and the contract a layout
 * module fulfils. Adding a layout family = one module implementing
 * LayoutModule, registered in detect.ts.
 */
import type { FieldValue, ImportWarning, ItemLevelRecord } from '../domain/records';
import type { SourceLine } from './lines';

/** A heading line (title or section), with markdown '#' markers removed. */
export interface Heading {
  line: number;
  text: string;
}

/** Power type implied by the section heading an item sits under. */
export interface SectionContext {
  /** The power-type part of the heading as written, e.g. "行政处罚" from "…事项表(行政处罚)". */
  powerTypeText: string;
  line: number;
}

/**
 * An item as placed by a layout: labelled fields and per-level rows, before
 * named values, power types and citations are derived (assemble.ts does that).
 */
export interface DraftItem {
  fields: FieldValue[];
  levels: ItemLevelRecord[];
  /** Every source line that contributed. */
  lines: Set<number>;
  section: SectionContext | null;
  /**
   * Department of the section the item sits under. Set by the layout while
   * placing; settleDrafts keeps it only when the document holds several
   * departments' sections (then null means "before any department heading").
   */
  department?: string | null;
}

export interface LayoutResult {
  /** ListRecord.layout, e.g. "table", "table+sections", "cards". */
  layout: string;
  items: DraftItem[];
  headings: Heading[];
  warnings: ImportWarning[];
}

export interface LayoutModule {
  /** Family name, also the base of LayoutResult.layout. */
  family: string;
  /** How well the document's lines fit this layout, 0..1. Content only, never the file name. */
  score(lines: readonly SourceLine[]): number;
  /** Places rows into items; ends with settleDrafts (assemble.ts) so duplicates and departments are handled alike. */
  parse(lines: readonly SourceLine[]): LayoutResult;
}
