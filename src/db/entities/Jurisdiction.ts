import { Entity, PrimaryColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { Node } from '../../graphql/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { LevelEnum } from '../../graphql/enums';
import type { LevelKind } from '../../domain/levels';

@ObjectType({ implements: Node, description: '行政区划（省级、地级、县级），以 GB/T 2260 代码标识。A jurisdiction in the administrative tree, identified by its GB/T 2260 code.' })
@Entity('jurisdiction')
export class Jurisdiction {
  @Field(() => ID, { description: 'GB/T 2260 行政区划代码（6 位）。The 6-digit GB/T 2260 division code.' })
  @PrimaryColumn('varchar', { length: 6 })
  code: string;

  @Field({ description: '名称，如“尼勒克县”。Official name, e.g. 尼勒克县.' })
  @Column('varchar', { length: 64 })
  name: string;

  @Field(() => String, { nullable: true, description: '通用简称，如“新疆”“伊犁州”“尼勒克”；无简称时为空。Common short name; null when there is none.' })
  @Column('varchar', { length: 32, nullable: true })
  shortName: string | null;

  @Field(() => LevelEnum, { description: '层级。Level in the tree.' })
  @Column('varchar', { length: 16 })
  level: LevelKind;

  @Field(() => String, { nullable: true, description: '上级区划代码；省级为空。Code of the parent jurisdiction; null for a province.' })
  @Index()
  @Column('varchar', { length: 6, nullable: true })
  parentCode: string | null;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_code' })
  parent?: Jurisdiction;
}
