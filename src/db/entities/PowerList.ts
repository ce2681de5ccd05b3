import { Entity, PrimaryColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { Jurisdiction } from './Jurisdiction';
import { Node } from '../../graphql/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISO } from '../../graphql/scalars';
import type { ImportReport, ImportWarning } from '../../domain/records';

@ObjectType({ description: '导入时的警告：无法安放的行、缺失的字段等。A warning raised while reading a list.' })
export class ImportWarningType implements ImportWarning {
  @Field(() => Int, { nullable: true, description: '源文件中的行号（从 1 起）。1-based line in the source document.' })
  line: number | null;
  @Field({ description: '警告类别，如 UNPLACED_LINE。Machine-readable kind.' })
  code: string;
  @Field({ description: '说明。Human-readable message.' })
  message: string;
  @Field({ nullable: true, description: '相关原文。The source text concerned.' })
  text?: string;
}

@ObjectType({ description: '行数统计。Line counts of a document.' })
export class ReportLines {
  @Field(() => Int, { description: '总行数。Every line.' })
  total: number;
  @Field(() => Int, { description: '有内容的行。Lines with visible content.' })
  content: number;
  @Field(() => Int, { description: '进入事项或层级行的行。Content lines used by an item or level row.' })
  used: number;
  @Field(() => Int, { description: '表头、标题、分隔行。Header rows, headings and separators.' })
  structural: number;
  @Field(() => Int, { description: '无法安放的行。Content lines no rule could place.' })
  unplaced: number;
}

@ObjectType({ description: '无法安放的一行。A line the reader could not place.' })
export class UnplacedLine {
  @Field(() => Int, { description: '行号。Line number.' })
  line: number;
  @Field({ description: '原文（过长时截断）。The text, shortened when long.' })
  text: string;
}

@ObjectType({ description: '缺少某字段的事项。An item lacking a field.' })
export class MissingFieldItem {
  @Field(() => String, { nullable: true, description: '序号。序号 as written.' })
  seq: string | null;
  @Field({ description: '事项名称。Item name.' })
  name: string;
  @Field(() => Int, { nullable: true, description: '首行行号。First source line.' })
  line: number | null;
}

@ObjectType({ description: '部分事项缺少的字段。A field some items lack.' })
export class MissingField {
  @Field({ description: '规范字段名。Canonical field.' })
  field: string;
  @Field(() => [MissingFieldItem], { description: '缺少该字段的事项。The items lacking it.' })
  items: MissingFieldItem[];
}

@ObjectType({ description: '某类警告的数量。Count of one kind of warning.' })
export class WarningCount {
  @Field({ description: '警告类别。Warning kind.' })
  code: string;
  @Field(() => Int, { description: '数量。How many.' })
  count: number;
}

@ObjectType({ description: '导入报告：读出了什么，哪些没能读出。What a document yielded, and what it did not.' })
export class ImportReportType {
  @Field({ description: '识别出的版式。Layout detected.' })
  layout: string;
  @Field({ description: '文件格式：text、csv、xlsx、html。Container format.' })
  format: string;
  @Field({ description: '字符编码。Character encoding.' })
  encoding: string;
  @Field(() => Int, { description: '事项数。Items read.' })
  items: number;
  @Field(() => Int, { description: '层级行数。Level rows read.' })
  levels: number;
  @Field(() => Int, { description: '引用数。Citations found.' })
  citations: number;
  @Field(() => ReportLines, { description: '行数统计。Line counts.' })
  lines: ReportLines;
  @Field(() => [UnplacedLine], { description: '无法安放的行。Lines not placed.' })
  unplacedLines: UnplacedLine[];
  @Field(() => [String], { description: '所有事项都没有的字段（文档无此列）。Fields no item has.' })
  absentFields: string[];
  @Field(() => [MissingField], { description: '部分事项缺少的字段。Fields some items lack.' })
  missingFields: MissingField[];
  @Field(() => Int, { description: '重复出现并已合并的事项数。Items rendered twice and merged.' })
  duplicatesMerged: number;
  @Field(() => [WarningCount], { description: '各类警告数量。Warnings by kind.' })
  warningCounts: WarningCount[];

  static from(r: ImportReport): ImportReportType {
    return Object.assign(new ImportReportType(), r, {
      warningCounts: Object.entries(r.warningsByCode).map(([code, count]) => ({ code, count })),
    });
  }
}

@ObjectType({ implements: Node, description: '一份导入的权责清单文档。One imported 权责清单 document.' })
@Entity('power_list')
export class PowerList {
  @Field(() => ID, { description: '稳定 ID：由区划、部门和标题导出。Stable ID derived from jurisdiction, department and title.' })
  @PrimaryColumn('varchar', { length: 20 })
  id: string;

  @Field({ description: '所属区划代码。Code of the jurisdiction whose list this is.' })
  @Index()
  @Column('varchar', { length: 6 })
  jurisdictionCode: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Field({ description: '发布部门，如“尼勒克县医疗保障局”。Publishing department.' })
  @Column('varchar', { length: 128 })
  department: string;

  @Field(() => String, { nullable: true, description: '文档标题。Title found in the document.' })
  @Column('text', { nullable: true })
  title: string | null;

  @Field({ description: '源文件名。Source file name.' })
  @Column('varchar', { length: 255 })
  sourceFile: string;

  @Field({ description: '源文件字节的 SHA-256。SHA-256 of the source bytes.' })
  @Column('varchar', { length: 64 })
  sha256: string;

  @Field({ description: '识别出的版式。Layout family detected from the content.' })
  @Column('varchar', { length: 64 })
  layout: string;

  @Field(() => DateTimeISO, { description: '导入时间。When the list was imported.' })
  // Indexed: the data revision (COUNT and MAX of this) is read on every request that needs matters.
  @Index()
  @Column({ type: Date })
  importedAt: Date;

  @Field(() => Int, { description: '事项数。Number of items read.' })
  @Column('integer')
  itemCount: number;

  @Field(() => Int, { description: '源文件行数。Number of lines in the source document.' })
  @Column('integer')
  lineCount: number;

  @Field(() => [ImportWarningType], { description: '导入警告。Warnings raised while reading.' })
  @Column('json')
  warnings: ImportWarning[];

  /** Read through PowerListResolver.report, which turns it into ImportReportType. */
  @Column('json', { nullable: true })
  report: ImportReport | null;
}
