import { MigrationInterface, QueryRunner } from "typeorm";

// Full-text search (src/db/search.ts): the searched text of each item and
// statute, ASCII-lowered (translate: the folding SQLite's lower() does, so
// both backends find the same rows), in side tables with pg_trgm GIN
// indexes, so LIKE '%term%' of any length can use them. Statement-level
// triggers with transition tables fill them from the importer's multi-row
// INSERTs in one statement each; ON DELETE CASCADE removes them with their
// rows (a deleted list takes its items' search rows along).
// Side tables rather than expression indexes on "item": evaluating the
// expressions (detoast, translate, JSON) on every recheck made a search of
// 710 items take ~300 ms; plain columns take a few. TypeORM's schema diff
// does not look at tables no entity names.

const FOLD = (e: string) => `translate(${e}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
const ITEM_ROWS = (t: string) => `SELECT r.id, ${FOLD(`r.name || coalesce(E'\\n' || r.sub_item, '')`)}, ${FOLD('r.legal_basis')},
    (SELECT ${FOLD(`string_agg(f->>'text', E'\\n')`)} FROM json_array_elements(r.fields) f WHERE f->>'key' IN ('responsibilities', 'departmentDuties'))
    FROM ${t} r`;
const STATUTE_ROWS = (t: string) => `SELECT r.id, ${FOLD('r.title')}, (SELECT ${FOLD(`string_agg(a, E'\\n')`)} FROM json_array_elements_text(r.aliases) a) FROM ${t} r`;
const UPSERT_ITEM = `ON CONFLICT (item_id) DO UPDATE SET name = EXCLUDED.name, basis = EXCLUDED.basis, duties = EXCLUDED.duties`;
const UPSERT_STATUTE = `ON CONFLICT (statute_id) DO UPDATE SET title = EXCLUDED.title, aliases = EXCLUDED.aliases`;

export class Search1795600000000 implements MigrationInterface {
    name = 'Search1795600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

        await queryRunner.query(`CREATE TABLE item_search (item_id character varying(20) PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE ON UPDATE CASCADE, name text NOT NULL, basis text, duties text)`);
        await queryRunner.query(`CREATE FUNCTION item_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO item_search (item_id, name, basis, duties) ${ITEM_ROWS('changed')} ${UPSERT_ITEM};
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER item_search_insert AFTER INSERT ON item REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION item_search_sync()`);
        await queryRunner.query(`CREATE TRIGGER item_search_update AFTER UPDATE ON item REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION item_search_sync()`);
        await queryRunner.query(`INSERT INTO item_search (item_id, name, basis, duties) ${ITEM_ROWS('item')}`);
        for (const c of ['name', 'basis', 'duties']) await queryRunner.query(`CREATE INDEX "IDX_item_search_${c}" ON item_search USING gin (${c} gin_trgm_ops)`);

        await queryRunner.query(`CREATE TABLE statute_search (statute_id character varying(20) PRIMARY KEY REFERENCES statute (id) ON DELETE CASCADE ON UPDATE CASCADE, title text NOT NULL, aliases text)`);
        await queryRunner.query(`CREATE FUNCTION statute_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO statute_search (statute_id, title, aliases) ${STATUTE_ROWS('changed')} ${UPSERT_STATUTE};
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER statute_search_insert AFTER INSERT ON statute REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statute_search_sync()`);
        await queryRunner.query(`CREATE TRIGGER statute_search_update AFTER UPDATE ON statute REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statute_search_sync()`);
        await queryRunner.query(`INSERT INTO statute_search (statute_id, title, aliases) ${STATUTE_ROWS('statute')}`);
        for (const c of ['title', 'aliases']) await queryRunner.query(`CREATE INDEX "IDX_statute_search_${c}" ON statute_search USING gin (${c} gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const t of ['item', 'statute']) {
            await queryRunner.query(`DROP TRIGGER ${t}_search_insert ON ${t}`);
            await queryRunner.query(`DROP TRIGGER ${t}_search_update ON ${t}`);
            await queryRunner.query(`DROP FUNCTION ${t}_search_sync()`);
            await queryRunner.query(`DROP TABLE ${t}_search`);
        }
        // pg_trgm stays: other objects may use it.
    }
}
