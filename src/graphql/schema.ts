import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { JurisdictionResolver } from './resolvers/JurisdictionResolver';
import { PowerListResolver } from './resolvers/PowerListResolver';
import { ItemResolver } from './resolvers/ItemResolver';
import { ArticleResolver, CitationResolver, StatuteResolver } from './resolvers/StatuteResolver';

let cached: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once from the resolvers. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [JurisdictionResolver, PowerListResolver, ItemResolver, StatuteResolver, ArticleResolver, CitationResolver],
    validate: false,
  });
  return cached;
}

/** SDL as checked in to schema.graphql: sorted, so the file changes only when the schema does. */
export async function schemaSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
