/**
 * Abuse of the public API: each abusive request is refused before it runs
 * (4xx, a code naming the limit) or answered within a bound; none is an
 * internal error, none changes data. And injection — SQL and search syntax —
 * through every string argument of every query field, which must answer
 * (data or a user error), never fail inside, and leave the data as it was.
 */
import { getNamedType, isInputObjectType, isNonNullType, isListType, isScalarType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { seededServers } from '../helpers/server';
import { buildAppSchema } from '../../src/graphql/schema';
import { toGlobalId } from '../../src/graphql/node';

const servers = seededServers();
/** A hang detector, not a speed target: an abusive request that runs at all must end well within this. */
const BOUND_MS = 5000;

async function send(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; ms: number }> {
  const t = Date.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: kept as text */
  }
  return { status: res.status, body: parsed, ms: Date.now() - t };
}

const codes = (body: any): string[] => (Array.isArray(body?.errors) ? body.errors.map((e: any) => e.extensions?.code) : []);

async function tableCounts(url: string) {
  const r = await send(url, { query: '{ revision lists(first: 0) { totalCount } items(first: 0) { totalCount } jurisdictions(first: 0) { totalCount } }' });
  return r.body.data;
}

const nest = (depth: number) => `{ jurisdiction(code: "654028") { ${'parent { '.repeat(depth)}name${' }'.repeat(depth)} } }`;

const ABUSE: { name: string; body: unknown; refusedWith?: RegExp }[] = [
  { name: 'deep nesting', body: { query: nest(60) }, refusedWith: /DEPTH_LIMIT/ },
  { name: 'an alias flood', body: { query: `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: revision`).join(' ')} }` }, refusedWith: /ALIAS_LIMIT/ },
  { name: 'a document over the size bound', body: { query: `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: revision`).join(' ')} }` }, refusedWith: /DOCUMENT_TOO_LARGE/ },
  { name: 'the same field a thousand times', body: { query: `{ ${'revision '.repeat(1000)} }` }, refusedWith: /DUPLICATE_FIELD_LIMIT/ },
  { name: 'a huge first', body: { query: '{ items(first: 1000000000) { edges { node { id } } } }' }, refusedWith: /COST_LIMIT|BAD_USER_INPUT/ },
  { name: 'a huge first in variables', body: { query: 'query($n: Int!) { items(first: $n) { edges { node { id } } } }', variables: { n: 2147483647 } }, refusedWith: /COST_LIMIT|BAD_USER_INPUT/ },
  { name: 'nested pages multiplying', body: { query: '{ jurisdictions(first: 100) { edges { node { lists(first: 100) { edges { node { items(first: 100) { edges { node { id } } } } } } } } } }' }, refusedWith: /COST_LIMIT/ },
  { name: 'a batch of operations', body: Array.from({ length: 50 }, () => ({ query: '{ revision }' })), refusedWith: /BAD_REQUEST/ },
  { name: 'a giant search string', body: { query: 'query($t: String!) { searchItems(text: $t) { totalCount } }', variables: { t: '骗'.repeat(300_000) } }, refusedWith: /BAD_USER_INPUT/ },
  { name: 'a body over 1 MB', body: { query: '{ revision }', variables: { pad: 'x'.repeat(1_200_000) } }, refusedWith: /PAYLOAD_TOO_LARGE|BAD_REQUEST/ },
  { name: 'a fragment cycle', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }, refusedWith: /GRAPHQL_VALIDATION_FAILED|COST_LIMIT/ },
  {
    name: 'fragments fanning out',
    body: { query: `query { ...F0 } ${Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ${i < 19 ? `a: __typename ...F${i + 1} b: __typename ...F${i + 1}` : 'revision'} }`).join(' ')}` },
    refusedWith: /COST_LIMIT|ALIAS_LIMIT|DUPLICATE_FIELD_LIMIT|GRAPHQL_VALIDATION_FAILED/,
  },
  { name: 'deep introspection', body: { query: `{ __schema { types { ${'fields { type { ofType { '.repeat(12)}name${' } } }'.repeat(12)} } } }` } },
  { name: 'many variables', body: { query: `query(${Array.from({ length: 2000 }, (_, i) => `$v${i}: Int`).join(', ')}) { revision }` }, refusedWith: /DOCUMENT_TOO_LARGE/ },
  // Search patterns that are slow in naive engines: wildcards, LIKE metacharacters, FTS syntax, many short terms, a regex bomb.
  ...['%%%%%%%%%%', '_ _ _ _ _ _ _ _ _ _', '" OR * NEAR(a b) NOT', '(a+)+$ (.*){1,99}', Array.from({ length: 50 }, (_, i) => String.fromCharCode(0x4e00 + i)).join(' '), '\\\\\\\\\'\'""'].map((t) => ({
    name: `a search for ${JSON.stringify(t.slice(0, 20))}`,
    body: { query: 'query($t: String!) { searchItems(text: $t, first: 100) { totalCount edges { node { id } snippets { text } } } }', variables: { t } },
  })),
];

describe('abusive requests', () => {
  it.each(ABUSE.map((a) => [a.name, a] as const))('%s: refused before running, or bounded; never an internal error; no data changed', async (_name, abuse) => {
    const { url } = await servers.start();
    const before = await tableCounts(url);
    const r = await send(url, abuse.body);
    expect(r.status).toBeLessThan(500);
    expect(codes(r.body)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(r.ms).toBeLessThan(BOUND_MS);
    if (abuse.refusedWith) {
      // Request errors are 400 (GraphQL over HTTP, application/graphql-response+json); an argument refused by its field
      // before it reads anything is an error beside null data.
      expect(r.status === 200 ? r.body.errors?.length : r.status).toBeGreaterThanOrEqual(r.status === 200 ? 1 : 400);
      expect(JSON.stringify(codes(r.body).length ? codes(r.body) : r.body)).toMatch(abuse.refusedWith);
      // Refused, not run: no data in the answer.
      expect(r.body?.data ?? null).toBeNull();
    }
    expect(await tableCounts(url)).toEqual(before);
  });
});

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE item; --",
  '"; DELETE FROM power_list; --',
  "654028' UNION SELECT id, name FROM item --",
  "1; UPDATE sync_state SET revision = 0",
  '%',
  '_',
  '\\',
  "') OR 1=1 --",
  '" OR "" = "',
  'name:* OR body:*',
  'NEAR("a" "b", 0)',
  '*',
  '^',
  '-- ',
  '/* */',
  '\u0000',
  '𠀀😀\u202e',
];

/** A value of the argument's type built around a payload, or null when the type takes no text. */
function valueFor(type: GraphQLInputType, payload: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const v = valueFor(inner.ofType, payload);
    return v === null ? null : [v];
  }
  const named = getNamedType(inner);
  if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) return payload;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      const v = valueFor(f.type, payload);
      if (v !== null) out[f.name] = v;
      else if (isNonNullType(f.type) && f.defaultValue === undefined) return null;
    }
    return Object.keys(out).length ? out : null;
  }
  return null;
}

describe('injection through every string argument', () => {
  it('answers every query field given SQL and search syntax in each text argument, with no internal error and no data changed', async () => {
    const { url } = await servers.start();
    const schema = await buildAppSchema();
    const before = await tableCounts(url);
    let tried = 0;
    const fields = Object.values(schema.getQueryType()!.getFields());
    for (const field of fields) {
      const textArgs = field.args.filter((a) => valueFor(a.type, 'x') !== null);
      for (const arg of textArgs) {
        // The other required arguments get plain values of their type.
        const others = field.args.filter((a: GraphQLArgument) => a !== arg && isNonNullType(a.type) && a.defaultValue === undefined);
        for (const payload of PAYLOADS) {
          const variables: Record<string, unknown> = { v: valueFor(arg.type, payload) };
          const decls = [`$v: ${String(arg.type)}`];
          const passed = [`${arg.name}: $v`];
          others.forEach((o, i) => {
            const named = getNamedType(o.type).name;
            variables[`o${i}`] = named === 'Int' ? 1 : named === 'Boolean' ? false : valueFor(o.type, '654028');
            decls.push(`$o${i}: ${String(o.type)}`);
            passed.push(`${o.name}: $o${i}`);
          });
          const query = `query(${decls.join(', ')}) { r: ${field.name}(${passed.join(', ')}) { __typename } }`;
          const r = await send(url, { query, variables });
          tried++;
          const where = `${field.name}(${arg.name}: ${JSON.stringify(payload)})`;
          expect({ where, status: r.status < 500, internal: codes(r.body).includes('INTERNAL_SERVER_ERROR') }).toEqual({ where, status: true, internal: false });
        }
      }
    }
    expect(tried).toBeGreaterThan(PAYLOADS.length * 10);
    expect(await tableCounts(url)).toEqual(before);
  });

  it('leaves the data alone when a holder of the write token sends injection as a list ID', async () => {
    const token = 'injection-test-token-0123456789';
    const { url } = await servers.start({ writeToken: token });
    const before = await tableCounts(url);
    for (const payload of PAYLOADS) {
      const q = 'mutation($id: ID!) { deleteList(id: $id) { deletedListId itemsRemoved } }';
      // As sent: not an ID of ours, refused.
      const raw = await send(url, { query: q, variables: { id: payload } }, { authorization: `Bearer ${token}` });
      expect(codes(raw.body)).toEqual(['BAD_USER_INPUT']);
      // Wrapped as a list ID, it reaches the database, as a value: no such list.
      const wrapped = await send(url, { query: q, variables: { id: toGlobalId('PowerList', payload) } }, { authorization: `Bearer ${token}` });
      // (A control character is in none of our IDs: refused as not one of them.)
      if (/[\u0000-\u001f]/.test(payload)) expect(codes(wrapped.body)).toEqual(['BAD_USER_INPUT']);
      else expect(wrapped.body.data).toEqual({ deleteList: { deletedListId: null, itemsRemoved: 0 } });
    }
    expect(await tableCounts(url)).toEqual(before);
  });
});
