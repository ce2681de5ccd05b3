import { createHash } from 'node:crypto';

/**
 * Deterministic IDs: the same natural key gives the same ID on every import
 * and on every database, so clients can keep IDs across nights and backends.
 * 20 hex digits (80 bits) keep collisions out of reach for millions of rows.
 */
export function stableId(kind: string, ...parts: (string | number | null | undefined)[]): string {
  const h = createHash('sha256');
  h.update(kind);
  for (const p of parts) h.update('\u001f' + (p ?? ''));
  return h.digest('hex').slice(0, 20);
}

// Statutes and articles recur in every list of a batch: hash each key once.
const memo = new Map<string, string>();
function memoised(kind: string, a: string, b?: number): string {
  const key = b === undefined ? `${kind}\u001f${a}` : `${kind}\u001f${a}\u001f${b}`;
  let id = memo.get(key);
  if (id === undefined) {
    if (memo.size >= 100_000) memo.clear();
    id = b === undefined ? stableId(kind, a) : stableId(kind, a, b);
    memo.set(key, id);
  }
  return id;
}

/** A statute's ID, from its normalised title. */
export const statuteIdFor = (title: string): string => memoised('statute', title);
/** An article's ID, from its statute and number. */
export const articleIdFor = (statute: string, number: number): string => memoised('article', statute, number);
