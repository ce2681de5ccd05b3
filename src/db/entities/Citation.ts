import { Entity, PrimaryColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { Item } from './Item';
import { Statute } from './Statute';
import { Article } from './Article';
import { Node } from '../../graphql/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { FieldKey } from '../../domain/fields';
import type { CitationStatus } from '../../domain/records';
import { CitationStatusEnum } from '../../graphql/enums';

@ObjectType({ implements: Node, description: '事项对法规（及条款）的一处引用。One reference from an item to a statute, and to an article when named.' })
@Entity('citation')
@Index(['itemId', 'position'], { unique: true })
// Citing items in list order straight from the index, without reading item rows.
@Index(['articleId', 'jurisdictionCode', 'listId', 'itemPosition', 'itemId'])
@Index(['statuteId', 'jurisdictionCode', 'listId', 'itemPosition', 'itemId'])
export class Citation {
  @Field(() => ID, { description: '引用 ID（事项 ID 加序号）。Citation ID: the item ID and the citation position.' })
  @PrimaryColumn('varchar', { length: 24 })
  id: string;

  @Column('varchar', { length: 20 })
  itemId: string;

  @ManyToOne(() => Item, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Item;

  @Column('integer')
  position: number;

  /**
   * The citing item's jurisdiction, list and position, copied so that "items
   * citing X, in list order" is one index range: an article cited by 17,000
   * items pages without touching 17,000 item rows. Null only on rows written
   * before the copy existed and not yet back-filled.
   */
  @Column('varchar', { length: 6, nullable: true })
  jurisdictionCode: string | null;

  @Column('varchar', { length: 20, nullable: true })
  listId: string | null;

  @Column('integer', { nullable: true })
  itemPosition: number | null;

  @Column('varchar', { length: 20 })
  statuteId: string;

  @ManyToOne(() => Statute, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'statute_id' })
  statute?: Statute;

  @Column('varchar', { length: 20, nullable: true })
  articleId: string | null;

  @ManyToOne(() => Article, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'article_id' })
  article?: Article;

  @Field(() => String, { description: '引用所在字段，如 legalBasis、responsibilityBasis。The field the citation was found in.' })
  @Column('varchar', { length: 32 })
  field: FieldKey;

  @Field({ description: '书名号内的标题原文。Title as written between 《》.' })
  @Column('text')
  titleAsWritten: string;

  @Field(() => String, { nullable: true, description: '标题前的类别标签，如“法律”。Category tag read before the title.' })
  @Column('varchar', { length: 32, nullable: true })
  category: string | null;

  @Field(() => Int, { nullable: true, description: '款。Paragraph number.' })
  @Column('integer', { nullable: true })
  paragraph: number | null;

  @Field(() => Int, { nullable: true, description: '项。Clause number.' })
  @Column('integer', { nullable: true })
  clause: number | null;

  @Field({ name: 'textAsWritten', description: '引用原文，如“《社会保险法》第八十七条”。The reference as written.' })
  @Column('text')
  text: string;

  @Field(() => Int, { nullable: true, description: '引用所在字段的源文件行号。Source line of the field the citation was found in.' })
  @Column('integer', { nullable: true })
  line: number | null;

  /** Offsets in the cleaned field text; served as `span`. */
  @Column('integer')
  start: number;

  @Column('integer')
  end: number;

  @Field(() => CitationStatusEnum, { description: '读取情况。How the citation was read.' })
  @Column('varchar', { length: 16, default: 'OK' })
  status: CitationStatus;

  @Field(() => String, { nullable: true, description: '标题后括号中的文号，如 国办发〔2019〕2号。Document number given after the title.' })
  @Column('varchar', { length: 64, nullable: true })
  documentNumber: string | null;

  @Field(() => String, { name: 'quote', nullable: true, description: '条号后引用的条文原文。Article wording quoted after the number.' })
  @Column('text', { nullable: true })
  quoted: string | null;
}
