import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildAppSchema } from '../graphql/schema';
import type { Context } from '../graphql/loaders';
import { formatErrorFor } from '../graphql/errors';
import type { QueryLimits } from '../graphql/limits';
import { limitsPlugin } from './graphqlHttp';

/** What an Apollo server of this service is built from: the same on the main thread and in the read lane's worker. */
export interface ApolloSettings {
  limits: QueryLimits;
  introspection: boolean;
  development: boolean;
}

/** A started Apollo server with the service's schema, limits and error policy. */
export async function startApollo(settings: ApolloSettings, logError: (e: unknown) => void, plugins: ApolloServerPlugin<Context>[] = []): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    plugins: [
      // Apollo's landing pages load from a CDN, which intranets cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      // Cache-Control is set by the HTTP handler, which knows the data revision.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin<Context>(settings.limits),
      ...plugins,
    ],
    introspection: settings.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: settings.development,
    formatError: formatErrorFor({ development: settings.development, log: logError }),
  });
  await apollo.start();
  return apollo;
}
