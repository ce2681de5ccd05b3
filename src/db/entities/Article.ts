import { Entity, PrimaryColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { Statute } from './Statute';
import { Node } from '../../graphql/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ implements: Node, description: '法规的一条。One article of a statute.' })
@Entity('article')
@Index(['statuteId', 'number'], { unique: true })
export class Article {
  @Field(() => ID, { description: '稳定 ID：由法规和条号导出。Stable ID from statute and article number.' })
  @PrimaryColumn('varchar', { length: 20 })
  id: string;

  @Column('varchar', { length: 20 })
  statuteId: string;

  @ManyToOne(() => Statute, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'statute_id' })
  statute?: Statute;

  @Field(() => Int, { description: '条号，如 第八十七条 → 87。Article number.' })
  @Column('integer')
  number: number;
}
