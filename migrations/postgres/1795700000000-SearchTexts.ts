import { MigrationInterface, QueryRunner } from "typeorm";

// Item search over distinct texts (src/db/search.ts). Lists quote the same
// legal basis and duties thousands of times — the national corpus has 71
// distinct basis texts among 200,000 items — so each distinct text (ASCII-
// lowered, as before) is stored and trigram-indexed once, in search_text,
// and item_text points each item at its name, basis and duties texts. A
// search for a phrase as common as 医疗救助 (23,000 items) rechecked LIKE on
// every one of their long texts (0.5 s, a sequential scan of 280 MB); now it
// matches a few hundred texts, then follows the IDs. Texts no item points at
// any more stay (they match no item); they cost space only. Unique by md5:
// a B-tree entry cannot hold a long legal basis.

const FOLD = (e: string) => `translate(${e}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
const TEXTS = (t: string) => `SELECT r.id AS item_id, ${FOLD(`r.name || coalesce(E'\\n' || r.sub_item, '')`)} AS name, ${FOLD('r.legal_basis')} AS basis,
    (SELECT ${FOLD(`string_agg(f->>'text', E'\\n')`)} FROM json_array_elements(r.fields) f WHERE f->>'key' IN ('responsibilities', 'departmentDuties')) AS duties,
    length(r.name) AS name_length
    FROM ${t} r`;
const TEXT_ID = (e: string) => `(SELECT id FROM search_text WHERE md5(body) = md5(${e}) AND body = ${e})`;
// The texts of the rows in `t`, then their item_text rows.
const SYNC = (t: string) => `
    INSERT INTO search_text (body)
        SELECT DISTINCT v FROM (${TEXTS(t)}) x CROSS JOIN LATERAL (VALUES (x.name), (x.basis), (x.duties)) AS v(v) WHERE v IS NOT NULL AND v <> ''
        ON CONFLICT (md5(body)) DO NOTHING;
    INSERT INTO item_text (item_id, name_id, basis_id, duties_id, name_length)
        SELECT x.item_id, ${TEXT_ID('x.name')}, ${TEXT_ID('x.basis')}, ${TEXT_ID('x.duties')}, x.name_length FROM (${TEXTS(t)}) x
        ON CONFLICT (item_id) DO UPDATE SET name_id = EXCLUDED.name_id, basis_id = EXCLUDED.basis_id, duties_id = EXCLUDED.duties_id, name_length = EXCLUDED.name_length;`;

export class SearchTexts1795700000000 implements MigrationInterface {
    name = 'SearchTexts1795700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER IF EXISTS item_search_insert ON item`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS item_search_update ON item`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS item_search_sync()`);
        await queryRunner.query(`DROP TABLE IF EXISTS item_search`);

        await queryRunner.query(`CREATE TABLE search_text (id serial PRIMARY KEY, body text NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_search_text_md5" ON search_text (md5(body))`);
        await queryRunner.query(`CREATE TABLE item_text (item_id character varying(20) PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE ON UPDATE CASCADE, name_id integer, basis_id integer, duties_id integer, name_length integer NOT NULL)`);
        for (const c of ['name_id', 'basis_id', 'duties_id']) await queryRunner.query(`CREATE INDEX "IDX_item_text_${c}" ON item_text (${c})`);
        await queryRunner.query(`CREATE FUNCTION item_text_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                ${SYNC('changed')}
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER item_text_insert AFTER INSERT ON item REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION item_text_sync()`);
        await queryRunner.query(`CREATE TRIGGER item_text_update AFTER UPDATE ON item REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION item_text_sync()`);
        await queryRunner.query(SYNC('item'));
        await queryRunner.query(`CREATE INDEX "IDX_search_text_body" ON search_text USING gin (body gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER item_text_insert ON item`);
        await queryRunner.query(`DROP TRIGGER item_text_update ON item`);
        await queryRunner.query(`DROP FUNCTION item_text_sync()`);
        await queryRunner.query(`DROP TABLE item_text`);
        await queryRunner.query(`DROP TABLE search_text`);
        // The Search migration's item_search, as it made it.
        const rows = (t: string) => `SELECT x.item_id, x.name, x.basis, x.duties FROM (${TEXTS(t)}) x`;
        await queryRunner.query(`CREATE TABLE item_search (item_id character varying(20) PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE ON UPDATE CASCADE, name text NOT NULL, basis text, duties text)`);
        await queryRunner.query(`CREATE FUNCTION item_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO item_search (item_id, name, basis, duties) ${rows('changed')} ON CONFLICT (item_id) DO UPDATE SET name = EXCLUDED.name, basis = EXCLUDED.basis, duties = EXCLUDED.duties;
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER item_search_insert AFTER INSERT ON item REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION item_search_sync()`);
        await queryRunner.query(`CREATE TRIGGER item_search_update AFTER UPDATE ON item REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION item_search_sync()`);
        await queryRunner.query(`INSERT INTO item_search (item_id, name, basis, duties) ${rows('item')}`);
        for (const c of ['name', 'basis', 'duties']) await queryRunner.query(`CREATE INDEX "IDX_item_search_${c}" ON item_search USING gin (${c} gin_trgm_ops)`);
    }
}
