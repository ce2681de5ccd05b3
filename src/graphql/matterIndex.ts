/**
 * Matters (the same power listed by different places) are grouped over every
 * item at once, so they are computed in memory from the stored items and
 * citations and kept until the data changes: one pass after each import, then
 * one cheap revision check per request. Grouping is deterministic, so every
 * process over the same data holds the same matters under the same IDs.
 */
import type { DataSource } from 'typeorm';
import { jsonValue, sql } from '../db/bulk';
import { stableId } from '../db/ids';
import { groupMatters, type MatterGroup, type MatterMember } from '../domain/matters';
import type { PowerType } from '../domain/powerTypes';

export interface MatterEntry {
  id: string;
  group: MatterGroup;
  /** Jurisdictions of the members, by code. */
  jurisdictionCodes: string[];
}

export interface MatterIndex {
  revision: string;
  matters: MatterEntry[];
  byId: Map<string, MatterEntry>;
  byItem: Map<string, MatterEntry>;
  /** Matters each jurisdiction's own items take part in. */
  byJurisdiction: Map<string, MatterEntry[]>;
}

const cache = new WeakMap<DataSource, { revision: string; index: Promise<MatterIndex> }>();

/** The change log's high-water mark: it moves with every write that changed something, deletes included. */
export async function dataRevision(ds: DataSource): Promise<string> {
  const [r] = await sql<{ revision: number | string }>(ds.manager, 'SELECT revision FROM sync_state WHERE id = 1');
  return String(r.revision);
}

export async function matterIndex(ds: DataSource, revision?: string): Promise<MatterIndex> {
  const rev = revision ?? (await dataRevision(ds));
  const hit = cache.get(ds);
  if (hit && hit.revision === rev) return hit.index;
  const index = build(ds, rev);
  cache.set(ds, { revision: rev, index });
  // A failed build is not kept: the next request tries again.
  index.catch(() => cache.get(ds)?.index === index && cache.delete(ds));
  return index;
}

async function build(ds: DataSource, revision: string): Promise<MatterIndex> {
  const em = ds.manager;
  const items = await sql<{ id: string; list_id: string; jurisdiction_code: string; name: string; sub_item: string | null; power_types: unknown }>(
    em,
    'SELECT id, list_id, jurisdiction_code, name, sub_item, power_types FROM item',
  );
  const cites = await sql<{ item_id: string; article_id: string | null; statute_id: string }>(em, 'SELECT item_id, article_id, statute_id FROM citation');
  const members = new Map<string, MatterMember>();
  for (const r of items) {
    members.set(r.id, {
      id: r.id, listId: r.list_id, jurisdictionCode: r.jurisdiction_code, name: r.name, subItem: r.sub_item,
      powerTypes: jsonValue<PowerType[]>(r.power_types), articles: [], statutes: [],
    });
  }
  for (const c of cites) {
    const m = members.get(c.item_id);
    if (!m) continue;
    if (c.article_id && !m.articles.includes(c.article_id)) m.articles.push(c.article_id);
    if (!m.statutes.includes(c.statute_id)) m.statutes.push(c.statute_id);
  }
  const matters: MatterEntry[] = groupMatters([...members.values()]).map((group) => ({
    id: stableId('matter', group.key),
    group,
    jurisdictionCodes: [...new Set(group.members.map((m) => m.member.jurisdictionCode))].sort(),
  }));
  const byId = new Map(matters.map((m) => [m.id, m]));
  const byItem = new Map<string, MatterEntry>();
  const byJurisdiction = new Map<string, MatterEntry[]>();
  for (const m of matters) {
    for (const { member } of m.group.members) byItem.set(member.id, m);
    for (const code of m.jurisdictionCodes) (byJurisdiction.get(code) ?? byJurisdiction.set(code, []).get(code)!).push(m);
  }
  return { revision, matters, byId, byItem, byJurisdiction };
}
