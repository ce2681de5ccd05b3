import { GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** graphql-scalars' DateTimeISO with a bilingual description, like the rest of the schema. */
export const DateTimeISO = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  description: 'ISO 8601 日期时间（UTC），如 2026-11-24T04:27:58.000Z。An ISO 8601 date-time in UTC.',
});
