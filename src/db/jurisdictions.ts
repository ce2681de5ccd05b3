/**
 * The whole administrative tree as `jurisdiction` rows: every province,
 * prefecture and county of the gazetteer, whether or not it has a list.
 * Brought in line with the gazetteer package each time a database is opened,
 * the same way on both backends; a package upgrade that renames or moves a
 * division is applied then. Rows are never deleted: lists may hang on them.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { commonShortName } from '../domain/places';
import { bulkInsert, sql } from './bulk';
import { Jurisdiction } from './entities';
import { allDivisions, type Division } from './gazetteer';
import { forgetJurisdictionTree } from './tree';

export function jurisdictionRow(d: Division): Jurisdiction {
  return Object.assign(new Jurisdiction(), { code: d.code, name: d.name, shortName: commonShortName(d), level: d.level, parentCode: d.parentCode });
}

interface Stored {
  code: string;
  name: string;
  short_name: string | null;
  level: string;
  parent_code: string | null;
}

/** Inserts the divisions the database lacks and corrects those that differ. Returns how many rows changed. */
export async function syncJurisdictions(ds: DataSource | EntityManager): Promise<{ inserted: number; updated: number }> {
  const em = 'manager' in ds ? ds.manager : ds;
  const stored = new Map((await sql<Stored>(em, 'SELECT code, name, short_name, level, parent_code FROM jurisdiction')).map((r) => [r.code, r]));
  const wanted = allDivisions().map(jurisdictionRow);
  const missing = wanted.filter((j) => !stored.has(j.code));
  const changed = wanted.filter((j) => {
    const s = stored.get(j.code);
    return s && (s.name !== j.name || s.short_name !== j.shortName || s.level !== j.level || s.parent_code !== j.parentCode);
  });
  if (!missing.length && !changed.length) return { inserted: 0, updated: 0 };
  await em.transaction(async (tx) => {
    // Parents come before children in allDivisions(), so each batch's parents exist.
    await bulkInsert(tx, Jurisdiction, missing, { ignoreExisting: true });
    for (const j of changed) {
      await sql(tx, 'UPDATE jurisdiction SET name = ?, short_name = ?, level = ?, parent_code = ? WHERE code = ?', [j.name, j.shortName, j.level, j.parentCode, j.code]);
    }
  });
  forgetJurisdictionTree(em.connection);
  return { inserted: missing.length, updated: changed.length };
}
