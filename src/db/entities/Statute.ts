import { Entity, PrimaryColumn, Column, Index } from 'typeorm';
import { Node } from '../../graphql/node';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ implements: Node, description: '法律、法规、规章或规范性文件。A statute or normative document cited by lists.' })
@Entity('statute')
export class Statute {
  @Field(() => ID, { description: '稳定 ID：由规范化标题导出。Stable ID derived from the normalised title.' })
  @PrimaryColumn('varchar', { length: 20 })
  id: string;

  @Field({ description: '规范化标题（不含书名号）。Normalised title, without 《》.' })
  @Index({ unique: true })
  @Column('varchar', { length: 255 })
  title: string;

  @Field(() => String, { nullable: true, description: '类别：法律、行政法规、规章、地方性法规、规范性文件。Category as the lists tag it.' })
  @Column('varchar', { length: 32, nullable: true })
  category: string | null;

  @Field(() => [String], { description: '清单中出现过的各种写法。Every spelling seen in the lists.' })
  @Column('json')
  aliases: string[];

  @Field(() => String, { nullable: true, description: '由标题和发文机关推断的类别（推测）。Category inferred from title and issuer (a guess).' })
  @Column('varchar', { length: 32, nullable: true })
  inferredCategory: string | null;

  /** Every document number the lists give (null: none yet); served by StatuteResolver.documentNumbers. */
  @Column('json', { nullable: true })
  documentNumbers: string[] | null;
}
