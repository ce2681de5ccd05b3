/**
 * Limits checked before any resolver runs. Pure functions over the document;
 * the server decides when to call them:
 * - size, before parsing;
 * - depth, aliases, repeated fields, on the parsed document before
 *   validation (repeated fields and aliases are what make validation's
 *   overlap check quadratic);
 * - cost, once the operation and its variables are known.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode, limitError } from './errors';

export interface QueryLimits {
  /** Nesting of fields, fragments expanded (introspection excluded: graphql-js bounds it). */
  maxDepth: number;
  /** Cost as computed by `queryCost`. */
  maxCost: number;
  /** Aliased fields in the document, as written. */
  maxAliases: number;
  /** Fields (or fragment spreads) repeated within one selection set, summed over the document. */
  maxDuplicateFields: number;
  /** Bytes (UTF-8) of the query text. */
  maxDocumentBytes: number;
  /** Size assumed for a list field that takes no `first`. */
  assumedListSize: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 15,
  maxCost: 5000,
  maxAliases: 30,
  maxDuplicateFields: 10,
  maxDocumentBytes: 16 * 1024,
  assumedListSize: 10,
};

export function checkDocumentSize(query: string, limits: Pick<QueryLimits, 'maxDocumentBytes'>): GraphQLError | null {
  // Cheap bound first: a UTF-8 byte is at least one UTF-16 unit, at most three.
  if (query.length * 3 <= limits.maxDocumentBytes) return null;
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes <= limits.maxDocumentBytes) return null;
  return limitError(ErrorCode.DOCUMENT_TOO_LARGE, `The query document is ${bytes} bytes; the limit is ${limits.maxDocumentBytes}.`, {
    bytes,
    limit: limits.maxDocumentBytes,
  });
}

export interface DocumentShape {
  depth: number;
  aliases: number;
  duplicateFields: number;
}

const isIntrospectionRoot = (name: string) => name === '__schema' || name === '__type';

/**
 * Depth (fragments expanded, each fragment measured once), aliases and
 * repeated fields (as written). Linear in the document; fragment cycles
 * (invalid, reported later by validation) are cut.
 */
export function documentShape(doc: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fragmentDepth = new Map<string, number>();
  const inProgress = new Set<string>();

  const depthOf = (set: SelectionSetNode): number => {
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (isIntrospectionRoot(s.name.value)) continue;
        max = Math.max(max, 1 + (s.selectionSet ? depthOf(s.selectionSet) : 0));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(s.selectionSet));
      } else {
        const name = s.name.value;
        let d = fragmentDepth.get(name);
        if (d === undefined) {
          const f = fragments.get(name);
          if (!f || inProgress.has(name)) continue;
          inProgress.add(name);
          d = depthOf(f.selectionSet);
          inProgress.delete(name);
          fragmentDepth.set(name, d);
        }
        max = Math.max(max, d);
      }
    }
    return max;
  };

  let aliases = 0;
  let duplicateFields = 0;
  const countSet = (set: SelectionSetNode) => {
    const seen = new Set<string>();
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.alias) aliases++;
        const key = (s.alias ?? s.name).value;
        if (seen.has(key)) duplicateFields++;
        else seen.add(key);
        if (s.selectionSet) countSet(s.selectionSet);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const key = `...${s.name.value}`;
        if (seen.has(key)) duplicateFields++;
        else seen.add(key);
      } else {
        countSet(s.selectionSet);
      }
    }
  };

  let depth = 0;
  for (const d of doc.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) depth = Math.max(depth, depthOf(d.selectionSet));
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) countSet(d.selectionSet);
  }
  return { depth, aliases, duplicateFields };
}

/** The first limit the document's shape breaks, or null. */
export function checkDocumentShape(doc: DocumentNode, limits: QueryLimits): GraphQLError | null {
  const s = documentShape(doc);
  if (s.depth > limits.maxDepth) {
    return limitError(ErrorCode.DEPTH_LIMIT, `The query is ${s.depth} fields deep; the limit is ${limits.maxDepth}.`, { depth: s.depth, limit: limits.maxDepth });
  }
  if (s.aliases > limits.maxAliases) {
    return limitError(ErrorCode.ALIAS_LIMIT, `The query uses ${s.aliases} aliases; the limit is ${limits.maxAliases}.`, { aliases: s.aliases, limit: limits.maxAliases });
  }
  if (s.duplicateFields > limits.maxDuplicateFields) {
    return limitError(
      ErrorCode.DUPLICATE_FIELD_LIMIT,
      `The query repeats fields ${s.duplicateFields} times within a selection set; the limit is ${limits.maxDuplicateFields}.`,
      { duplicateFields: s.duplicateFields, limit: limits.maxDuplicateFields },
    );
  }
  return null;
}

/**
 * Cost of a field = 1 + m × (cost of its subfields), where m is
 * - its `first` argument (given or the schema default) when it has one;
 * - 1 for the lists of a Relay connection (a type with `pageInfo`): `first` counted them;
 * - 1 inside introspection (the schema is small and fixed);
 * - `assumedListSize` for any other list of objects;
 * - 1 otherwise.
 * Generic over the schema: any field taking `first` is priced by it.
 */
export function costEstimator(assumedListSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (typeof args.first === 'number') return 1 + Math.max(0, args.first) * childComplexity;
    if (!isListType(getNullableType(field.type)) || childComplexity === 0) return 1 + childComplexity;
    if (type.name.startsWith('__') || getNamedType(field.type).name.startsWith('__')) return 1 + childComplexity;
    if (isObjectType(type) && 'pageInfo' in type.getFields()) return 1 + childComplexity;
    return 1 + assumedListSize * childComplexity;
  };
}

/** Fields visited by the cost walk (fragments expanded) before it gives up. */
export const MAX_COST_NODES = 10_000;

/**
 * The cost of the operation, or null when it cannot be computed from these
 * variables (execution then reports the variables' error). A document too
 * large to walk is refused as over the cost limit.
 */
export function queryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  limits: Pick<QueryLimits, 'assumedListSize' | 'maxCost'>,
): { cost: number } | { error: GraphQLError } | null {
  try {
    const cost = getComplexity({
      schema,
      query,
      operationName,
      variables: variables ?? {},
      estimators: [costEstimator(limits.assumedListSize)],
      maxQueryNodes: MAX_COST_NODES,
    });
    return { cost };
  } catch (e) {
    if (e instanceof GraphQLError && /maximum allowed number of nodes/.test(e.message)) {
      return {
        error: limitError(ErrorCode.COST_LIMIT, `The query expands to more than ${MAX_COST_NODES} fields; its cost exceeds the limit of ${limits.maxCost}.`, {
          cost: null,
          limit: limits.maxCost,
        }),
      };
    }
    return null;
  }
}

export function costLimitError(cost: number, limit: number): GraphQLError {
  return limitError(ErrorCode.COST_LIMIT, `The query's cost is ${cost}; the limit is ${limit}. Ask for fewer items per page (first) or fewer nested lists.`, {
    cost,
    limit,
  });
}
