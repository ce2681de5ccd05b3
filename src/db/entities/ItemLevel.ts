import { Entity, PrimaryColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { Item, ItemFieldType } from './Item';
import { Node } from '../../graphql/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LevelEnum } from '../../graphql/enums';
import type { LevelKind } from '../../domain/levels';
import type { FieldValue } from '../../domain/records';

@ObjectType({ implements: Node, description: '事项下按层级分列的行（自治区级 / 地州市级 / 县市级）。A per-level row under an item.' })
@Entity('item_level')
@Index(['itemId', 'position'], { unique: true })
export class ItemLevel {
  @Field(() => ID, { description: '层级行 ID（事项 ID 加序号）。Row ID: the item ID and the row position.' })
  @PrimaryColumn('varchar', { length: 24 })
  id: string;

  @Column('varchar', { length: 20 })
  itemId: string;

  @ManyToOne(() => Item, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Item;

  @Column('integer')
  position: number;

  @Field({ description: '层级原文，如“地州市级”。The level as written.' })
  @Column('varchar', { length: 128 })
  levelText: string;

  @Field(() => LevelEnum, { nullable: true, description: '识别出的层级。The level it designates, when recognisable.' })
  @Column('varchar', { length: 16, nullable: true })
  level: LevelKind | null;

  @Field(() => String, { nullable: true, description: '行使主体。Exercising body.' })
  @Column('text', { nullable: true })
  body: string | null;

  @Field(() => String, { nullable: true, description: '承办机构。Handling unit.' })
  @Column('text', { nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true, description: '实施层级及权限。Level and scope.' })
  @Column('text', { nullable: true })
  scope: string | null;

  @Field(() => String, { nullable: true, description: '部门职责。Department duties.' })
  @Column('text', { nullable: true })
  duties: string | null;

  @Field(() => String, { nullable: true, description: '责任事项内容。Responsibility items.' })
  @Column('text', { nullable: true })
  responsibilities: string | null;

  @Field(() => [ItemFieldType], { description: '该行的全部字段。Every field of the row.' })
  @Column('json')
  fields: FieldValue[];

  @Field(() => [Int], { description: '来源行号。Source lines.' })
  @Column('json')
  sourceLines: number[];
}
