import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every `extensions.code` a client may see. Anything else that reaches the
 * client is an internal failure, answered as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  DEPTH_LIMIT: 'DEPTH_LIMIT',
  COST_LIMIT: 'COST_LIMIT',
  ALIAS_LIMIT: 'ALIAS_LIMIT',
  DUPLICATE_FIELD_LIMIT: 'DUPLICATE_FIELD_LIMIT',
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  SNAPSHOT_REQUIRED: 'SNAPSHOT_REQUIRED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose message is written for the client (ours and Apollo Server's own request errors). */
const PUBLIC_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

/** A change feed asked from before the compacted log: the client must start again from a full export. */
export function snapshotRequired(after: number, compactedThrough: number, revision: number): GraphQLError {
  return new GraphQLError(
    `changes after revision ${after} are no longer kept (the log was compacted through revision ${compactedThrough}): take a fresh snapshot (GET /export/items.ndjson and the other exports, or npm run export), then ask for changes after the revision it gives (X-Revision)`,
    { extensions: { code: ErrorCode.SNAPSHOT_REQUIRED, after, compactedThrough, revision } },
  );
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/**
 * A query refused by a limit before execution: HTTP 400 (Apollo reads
 * `extensions.http`; it is removed from the response), with `extra` (the
 * measured value and the limit) in the extensions.
 */
export function limitError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400 } } });
}

export const INTERNAL_MESSAGE = 'Internal server error';

export interface ErrorFormatOptions {
  /** Development: messages and stack traces as thrown. */
  development: boolean;
  /** Receives every internal error hidden from the client. */
  log: (error: unknown) => void;
}

/**
 * Apollo `formatError`: errors with a public code pass (without stack trace
 * outside development); any other error — a driver error carrying SQL text,
 * a bug — is logged and answered with a generic message.
 */
export function formatErrorFor(options: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (options.development) return formatted;
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
      const { stacktrace: _drop, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    }
    // Apollo's own request errors without a code (a persisted-query hash that is not the query's) carry a 4xx status.
    const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
    if ((code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) && typeof status === 'number' && status >= 400 && status < 500) {
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_REQUEST } };
    }
    options.log(error);
    return {
      message: INTERNAL_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
