import { Entity, PrimaryColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { PowerList } from './PowerList';
import { Jurisdiction } from './Jurisdiction';
import { Node } from '../../graphql/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PowerTypeEnum } from '../../graphql/enums';
import type { PowerType } from '../../domain/powerTypes';
import type { FieldValue } from '../../domain/records';
import type { FieldKey } from '../../domain/fields';

@ObjectType({ description: '事项的一个字段，按清单表头标注。One field of an item, labelled by the header the list used.' })
export class ItemFieldType {
  @Field(() => String, { nullable: true, description: '规范字段名，如 legalBasis；表头未知时为空。Canonical field, null for an unknown header.' })
  key: FieldKey | null;
  @Field({ description: '表头原文，如“追究情形”。Header as written.' })
  label: string;
  @Field({ description: '清洗后的文本（HTML 转为带换行的文本）。Cleaned text.' })
  text: string;
  @Field({ description: '单元格原文（含 HTML）。The cell as written, HTML included.' })
  raw: string;
  @Field(() => Int, { description: '来源行号。1-based source line.' })
  line: number;
}

@ObjectType({ implements: Node, description: '事项：清单中的一项行政权力。An item (事项): one administrative power in a list.' })
@Entity('item')
@Index(['listId', 'position'], { unique: true })
@Index(['jurisdictionCode', 'listId', 'position'])
export class Item {
  @Field(() => ID, { description: '稳定 ID：由区划、部门、权力类型、名称和子项导出。Stable ID from jurisdiction, department, power type, name and sub-item.' })
  @PrimaryColumn('varchar', { length: 20 })
  id: string;

  @Column('varchar', { length: 20 })
  listId: string;

  @ManyToOne(() => PowerList, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id' })
  list?: PowerList;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Field({ description: '所属区划代码。Code of the jurisdiction whose list holds the item.' })
  @Column('varchar', { length: 6 })
  jurisdictionCode: string;

  @Field(() => Int, { description: '在清单中的顺序（从 0 起）。Position in its list, from 0.' })
  @Column('integer')
  position: number;

  @Field(() => String, { nullable: true, description: '序号原文；清单未给出时为空。序号 as written; null when the list gives none.' })
  @Column('varchar', { length: 32, nullable: true })
  seq: string | null;

  @Field({ description: '事项名称。Item name.' })
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true, description: '子项名称。Sub-item name.' })
  @Column('text', { nullable: true })
  subItem: string | null;

  @Field(() => [PowerTypeEnum], { description: '规范化的权力类型（组合类型有多个）。Normalised power types.' })
  @Column('json')
  powerTypes: PowerType[];

  @Field(() => String, { nullable: true, description: '权力类型原文。Power type as written.' })
  @Column('varchar', { length: 64, nullable: true })
  powerTypeText: string | null;

  @Field(() => String, { nullable: true, description: '行使主体。Exercising body.' })
  @Column('text', { nullable: true })
  body: string | null;

  @Field(() => String, { nullable: true, description: '承办机构。Handling unit.' })
  @Column('text', { nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true, description: '地方权力编码。Local power code.' })
  @Column('varchar', { length: 64, nullable: true })
  localCode: string | null;

  /** Not read for pages of items either (the longest text of a row): ItemResolver.legalBasis loads it. */
  @Column('text', { nullable: true })
  legalBasis: string | null;

  /** Not read with the item for pages of items (2 KB of JSON each): the GraphQL field loads it (ItemResolver.fields). */
  @Column('json')
  fields: FieldValue[];

  @Field(() => [Int], { description: '构成该事项的源文件行号。Source lines the item was read from.' })
  @Column('json')
  sourceLines: number[];

  /**
   * Digest of everything stored for the item (row, levels, citations): a
   * re-import rewrites only the items whose digest changed. Null on rows
   * written before digests existed, which the next import rewrites.
   */
  @Column('varchar', { length: 40, nullable: true })
  contentHash: string | null;
}
