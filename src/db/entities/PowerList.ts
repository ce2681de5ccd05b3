import { Entity, PrimaryColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { Jurisdiction } from './Jurisdiction';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISO } from '../../graphql/scalars';
import type { ImportWarning } from '../../domain/records';

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

@ObjectType({ description: '一份导入的权责清单文档。One imported 权责清单 document.' })
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
}
