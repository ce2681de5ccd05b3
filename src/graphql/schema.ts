import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { JurisdictionResolver } from './resolvers/JurisdictionResolver';
import { PowerListResolver } from './resolvers/PowerListResolver';
import { ItemResolver, RelatedItemEdgeResolver } from './resolvers/ItemResolver';
import { ItemLevelResolver, NodeResolver } from './resolvers/NodeResolver';
import { ItemMatterResolver, JurisdictionMatterResolver, MatterResolver, MatterVariantResolver } from './resolvers/MatterResolver';
import { ArticleQuoteResolver, ArticleResolver, CitationResolver, StatuteResolver } from './resolvers/StatuteResolver';
import { ItemSearchEdgeResolver, SearchResolver } from './resolvers/SearchResolver';
import { ChangeResolver } from './resolvers/ChangeResolver';
import { ImportResolver } from './resolvers/ImportResolver';

let cached: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once from the resolvers. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [NodeResolver, ItemLevelResolver, RelatedItemEdgeResolver, JurisdictionResolver, JurisdictionMatterResolver, PowerListResolver, ItemResolver, ItemMatterResolver, MatterResolver, MatterVariantResolver, StatuteResolver, ArticleResolver, ArticleQuoteResolver, CitationResolver, SearchResolver, ItemSearchEdgeResolver, ChangeResolver, ImportResolver],
    validate: false,
  }).then((schema) => {
    // type-graphql gives the root type no description; the schema is bilingual throughout.
    schema.getQueryType()!.description = '查询入口：区划树、清单、事项、跨区划事项归并、法规与条款。Entry points: the jurisdiction tree, lists, items, matters across places, statutes and articles.';
    schema.getMutationType()!.description = '写入：导入与删除清单，需要写入令牌。Writes: importing and deleting lists, with the write token.';
    return schema;
  });
  return cached;
}

/** SDL as checked in to schema.graphql: sorted, so the file changes only when the schema does. */
export async function schemaSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
