/**
 * What the lists quote for each article, and which citations are suspect,
 * is read from every citation of a statute — 100,000 of them for a common
 * one at national scale — so an analysis is kept until the data changes,
 * like the matter index: one pass per statute after each import, not one
 * per request.
 */
import type { DataSource } from 'typeorm';
import { sql } from '../db/bulk';
import { analyseStatute, type StatuteAnalysis } from '../domain/articleText';
import { dataRevision } from './matterIndex';

const cache = new WeakMap<DataSource, { revision: string; byStatute: Map<string, Promise<StatuteAnalysis>> }>();

/** The analysis of each statute (in the order asked), as of the current data revision. */
export async function statuteAnalyses(ds: DataSource, ids: readonly string[]): Promise<StatuteAnalysis[]> {
  const revision = await dataRevision(ds);
  let entry = cache.get(ds);
  if (!entry || entry.revision !== revision) cache.set(ds, (entry = { revision, byStatute: new Map() }));
  const { byStatute } = entry;
  const missing = [...new Set(ids.filter((id) => !byStatute.has(id)))];
  if (missing.length) {
    const read = analyse(ds, missing);
    missing.forEach((id, k) => {
      const one = read.then((all) => all[k]);
      byStatute.set(id, one);
      // A failed read is not kept: the next request tries again.
      one.catch(() => byStatute.get(id) === one && byStatute.delete(id));
    });
  }
  return Promise.all(ids.map((id) => byStatute.get(id)!));
}

async function analyse(ds: DataSource, ids: string[]): Promise<StatuteAnalysis[]> {
  const marks = ids.map(() => '?').join(', ');
  const rows = await sql<{ statute_id: string; id: string; item_id: string; number: number | string; quoted: string | null }>(
    ds.manager,
    `SELECT c.statute_id, c.id, c.item_id, a.number, c.quoted FROM citation c JOIN article a ON a.id = c.article_id WHERE c.statute_id IN (${marks}) ORDER BY c.id`,
    ids,
  );
  const byStatute = new Map<string, typeof rows>(ids.map((id) => [id, []]));
  for (const r of rows) byStatute.get(r.statute_id)!.push(r);
  return ids.map((id) => analyseStatute(byStatute.get(id)!.map((r) => ({ citationId: r.id, itemId: r.item_id, article: Number(r.number), quoted: r.quoted }))));
}
