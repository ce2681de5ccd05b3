/**
 * Domain records: what ingestion produces from a document and what the
 * database layer stores. Plain data, no I/O. Every record keeps the lines of
 * the source document it came from (1-based line numbers) so a derived value
 * can be traced back to the list, line and text it was read from.
 */
import type { FieldKey } from './fields';
import type { PowerType } from './powerTypes';
import type { LevelKind } from './levels';

/** A problem found while reading a document; never fatal on its own. */
export interface ImportWarning {
  /** 1-based line in the source document, or null when it concerns the whole document. */
  line: number | null;
  /** Machine-readable kind, e.g. UNPLACED_ROW, MISSING_FIELD, UNKNOWN_POWER_TYPE. */
  code: string;
  message: string;
  /** The source text concerned, as written (shortened when long). */
  text?: string;
}

/** One cell or card value, labelled by its column header as written. */
export interface FieldValue {
  /** Canonical field, or null when the header is not one we know. */
  key: FieldKey | null;
  /** Header as written in the document, e.g. "追究情形". */
  label: string;
  /** Cleaned text: HTML turned into text with line breaks, whitespace folded. */
  text: string;
  /** The cell exactly as written (HTML included). */
  raw: string;
  /** 1-based source line the value (or its first part) came from. */
  line: number;
}

/** A per-level row under an item (自治区级 / 地州市级 / 县市级 …). */
export interface ItemLevelRecord {
  /** The level cell as written, e.g. "地州市级", "县市区医疗保障局". */
  levelText: string;
  /** Level it designates, when recognisable. */
  level: LevelKind | null;
  body: string | null;
  unit: string | null;
  scope: string | null;
  duties: string | null;
  responsibilities: string | null;
  /** Every cell of the row that was placed, labelled. */
  fields: FieldValue[];
  lines: number[];
}

/** A reference from an item's text to a statute, and to an article when one is named. */
export interface CitationRecord {
  /** The field the citation was found in (legalBasis, responsibilityBasis, …). */
  field: FieldKey;
  /** Normalised statute title (no 《》, no 中华人民共和国 prefix rules applied — see statuteTitles). */
  statuteTitle: string;
  /** Title as written between 《》. */
  titleAsWritten: string;
  /** Category tag read before the title (法律, 行政法规, 规章, 规范性文件 …), or null. */
  category: string | null;
  /** Article number (第八十七条 → 87), or null when only the statute is cited. */
  article: number | null;
  /** Paragraph (款) and clause (项) numbers when given. */
  paragraph: number | null;
  clause: number | null;
  /** The reference text as written, e.g. "《社会保险法》第八十七条" or "第八十八条". */
  text: string;
  /** Offsets of `text` in the cleaned field text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** Text quoted after the article number (the article's wording as the list gives it), if any. */
  quoted: string | null;
  /** Source line of the field the citation was found in (set by ingest; with `field` it names the text `start`/`end` index). */
  line?: number;
  /**
   * How the citation was read: OK; CORRECTED_TITLE (a known misspelling of the
   * title was resolved); TRUNCATED (the text was cut off where an article
   * number should be: 《…法》第 and nothing after); NO_ARTICLE (only the statute
   * is named). Absent means OK.
   */
  status?: CitationStatus;
  /** Document number read from the parenthetical after the title (国办发〔2019〕2号, 国务院令第735号), or null. */
  documentNumber?: string | null;
  /** Category inferred from the title and issuer, independent of the tag (a guess; compare with `category`). */
  inferredCategory?: string | null;
}

export type CitationStatus = 'OK' | 'CORRECTED_TITLE' | 'TRUNCATED' | 'NO_ARTICLE';

/** One 事项 as read from a list. */
export interface ItemRecord {
  /** 序号 as written, or null when the list gives none for this item. */
  seq: string | null;
  name: string;
  subItem: string | null;
  /** Normalised power types (several for "行政检查和行政处罚"). */
  powerTypes: PowerType[];
  /** Power type as written in the row, else the text of the section heading that gave it; null when neither names one. */
  powerTypeText: string | null;
  body: string | null;
  unit: string | null;
  localCode: string | null;
  /** Legal-basis text (实施依据 / 设定依据 / 处罚依据 / 强制依据), cleaned. */
  legalBasis: string | null;
  /** Every field of the item, labelled, including those above. */
  fields: FieldValue[];
  levels: ItemLevelRecord[];
  citations: CitationRecord[];
  /** Source lines that make up the item, ascending. */
  lines: number[];
  /**
   * Department of the section the item sits under, when the document holds
   * several departments' sections; absent or null means the list's department.
   */
  department?: string | null;
}

/** One imported document. */
export interface ListRecord {
  /** Title found in the document (first heading line), or null. */
  title: string | null;
  /** Department inferred from the document (e.g. "尼勒克县医疗保障局"), or null. */
  department: string | null;
  /** Layout family detected from the content, e.g. "table", "cards". */
  layout: string;
  items: ItemRecord[];
  warnings: ImportWarning[];
  /** Number of source lines in the document. */
  lineCount: number;
  /** Format detected from the bytes: text (tab-separated), csv, xlsx, html, markdown (pipe tables), aligned (space-aligned columns), cell-per-line. */
  format?: string;
  /** Character encoding detected for text formats (utf-8, gb18030 …). */
  encoding?: string;
  /** What was read and what was not: set by parseDocument. */
  report?: ImportReport;
}

/** The account of one document's reading: nothing is dropped without a line here. */
export interface ImportReport {
  layout: string;
  format: string;
  encoding: string;
  items: number;
  levels: number;
  citations: number;
  lines: {
    /** Every line of the document. */
    total: number;
    /** Lines with visible content. */
    content: number;
    /** Content lines that went into an item or a level row. */
    used: number;
    /** Header rows, headings and titles (separator rows are not content). */
    structural: number;
    /** Content lines no rule could place (each also an UNPLACED_LINE warning). */
    unplaced: number;
  };
  unplacedLines: { line: number; text: string }[];
  /** Fields no item has: the document has no such column. */
  absentFields: FieldKey[];
  /** Fields some items have and others lack, with the items lacking them. */
  missingFields: { field: FieldKey; items: { seq: string | null; name: string; line: number | null }[] }[];
  /** Items rendered twice and merged into one. */
  duplicatesMerged: number;
  warningsByCode: Record<string, number>;
}
