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
