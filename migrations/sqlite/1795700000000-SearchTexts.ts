import { MigrationInterface, QueryRunner } from "typeorm";

// Item search over distinct texts (src/db/search.ts). Lists quote the same
// legal basis and duties thousands of times — the national corpus has 71
// distinct basis texts among 200,000 items — so each distinct text (ASCII-
// lowered, as before) is stored and trigram-indexed once, in search_text
// (+ search_text_fts), and item_text points each item at its name, basis and
// duties texts. An import tokenises only texts never seen before (it was
// tokenising every item's, inside the import transaction: half of ingest
// time), and a search matches a few hundred texts, then follows the IDs.
// Texts no item points at any more stay (they match no item); they cost
// space only.
// Note: a later migration that rebuilds "item" (TypeORM's temporary-table
// copy) drops these triggers and must create them again; tests/db/search.test.ts
// checks they exist.

const ITEM_NAME = (r: string) => `lower(${r}.name || coalesce(char(10) || ${r}.sub_item, ''))`;
const ITEM_DUTIES = (r: string) =>
    `lower((SELECT group_concat(json_extract(f.value, '$.text'), char(10)) FROM json_each(${r}.fields) f WHERE json_extract(f.value, '$.key') IN ('responsibilities', 'departmentDuties')))`;
const TEXT_ID = (e: string) => `(SELECT id FROM search_text WHERE body = ${e})`;

const ITEM_ROW = (r: string) => `
    INSERT OR IGNORE INTO search_text (body) SELECT v FROM (SELECT ${ITEM_NAME(r)} AS v UNION ALL SELECT lower(${r}.legal_basis) UNION ALL SELECT ${ITEM_DUTIES(r)}) WHERE v IS NOT NULL AND v <> '';
    INSERT INTO item_text (item_id, name_id, basis_id, duties_id, name_length) VALUES (${r}.id, ${TEXT_ID(ITEM_NAME(r))}, ${TEXT_ID(`lower(${r}.legal_basis)`)}, ${TEXT_ID(ITEM_DUTIES(r))}, length(${r}.name));`;

export class SearchTexts1795700000000 implements MigrationInterface {
    name = 'SearchTexts1795700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        for (const t of ['item_search_insert', 'item_search_delete', 'item_search_update']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${t}`);
        for (const t of ['item_search', 'item_search_key']) await queryRunner.query(`DROP TABLE IF EXISTS ${t}`);

        await queryRunner.query(`CREATE TABLE search_text (id INTEGER PRIMARY KEY, body text NOT NULL UNIQUE)`);
        await queryRunner.query(`CREATE VIRTUAL TABLE search_text_fts USING fts5(body, tokenize = 'trigram case_sensitive 1')`);
        await queryRunner.query(`CREATE TRIGGER search_text_insert AFTER INSERT ON search_text BEGIN
            INSERT INTO search_text_fts (rowid, body) VALUES (new.id, new.body);
        END`);
        await queryRunner.query(`CREATE TRIGGER search_text_delete AFTER DELETE ON search_text BEGIN
            DELETE FROM search_text_fts WHERE rowid = old.id;
        END`);

        await queryRunner.query(`CREATE TABLE item_text (item_id varchar PRIMARY KEY NOT NULL, name_id integer, basis_id integer, duties_id integer, name_length integer NOT NULL)`);
        for (const c of ['name_id', 'basis_id', 'duties_id']) await queryRunner.query(`CREATE INDEX IDX_item_text_${c} ON item_text (${c})`);
        await queryRunner.query(`CREATE TRIGGER item_text_insert AFTER INSERT ON item BEGIN ${ITEM_ROW('new')}
        END`);
        await queryRunner.query(`CREATE TRIGGER item_text_delete AFTER DELETE ON item BEGIN
            DELETE FROM item_text WHERE item_id = old.id;
        END`);
        await queryRunner.query(`CREATE TRIGGER item_text_update AFTER UPDATE ON item BEGIN
            DELETE FROM item_text WHERE item_id = old.id; ${ITEM_ROW('new')}
        END`);

        // Rows already there.
        await queryRunner.query(`INSERT OR IGNORE INTO search_text (body) SELECT v FROM (SELECT ${ITEM_NAME('i')} AS v FROM item i UNION ALL SELECT lower(i.legal_basis) FROM item i UNION ALL SELECT ${ITEM_DUTIES('i')} FROM item i) WHERE v IS NOT NULL AND v <> ''`);
        await queryRunner.query(`INSERT INTO item_text (item_id, name_id, basis_id, duties_id, name_length) SELECT i.id, ${TEXT_ID(ITEM_NAME('i'))}, ${TEXT_ID('lower(i.legal_basis)')}, ${TEXT_ID(ITEM_DUTIES('i'))}, length(i.name) FROM item i`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const t of ['item_text_insert', 'item_text_delete', 'item_text_update', 'search_text_insert', 'search_text_delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${t}`);
        for (const t of ['item_text', 'search_text_fts', 'search_text']) await queryRunner.query(`DROP TABLE IF EXISTS ${t}`);
        // The Search migration's per-item FTS table, as it made it.
        const row = (r: string) => `INSERT INTO item_search (rowid, item_id, name, basis, duties) SELECT k, ${r}.id, ${ITEM_NAME(r)}, lower(${r}.legal_basis), ${ITEM_DUTIES(r)} FROM item_search_key WHERE item_id = ${r}.id;`;
        await queryRunner.query(`CREATE VIRTUAL TABLE item_search USING fts5(item_id UNINDEXED, name, basis, duties, tokenize = 'trigram case_sensitive 1')`);
        await queryRunner.query(`CREATE TABLE item_search_key (k INTEGER PRIMARY KEY, item_id varchar NOT NULL UNIQUE)`);
        await queryRunner.query(`CREATE TRIGGER item_search_insert AFTER INSERT ON item BEGIN INSERT INTO item_search_key (item_id) VALUES (new.id); ${row('new')} END`);
        await queryRunner.query(`CREATE TRIGGER item_search_delete AFTER DELETE ON item BEGIN
            DELETE FROM item_search WHERE rowid = (SELECT k FROM item_search_key WHERE item_id = old.id);
            DELETE FROM item_search_key WHERE item_id = old.id;
        END`);
        await queryRunner.query(`CREATE TRIGGER item_search_update AFTER UPDATE ON item BEGIN
            DELETE FROM item_search WHERE rowid = (SELECT k FROM item_search_key WHERE item_id = old.id);
            UPDATE item_search_key SET item_id = new.id WHERE item_id = old.id;
            ${row('new')}
        END`);
        await queryRunner.query(`INSERT INTO item_search_key (item_id) SELECT id FROM item ORDER BY id`);
        await queryRunner.query(`INSERT INTO item_search (rowid, item_id, name, basis, duties) SELECT k.k, i.id, ${ITEM_NAME('i')}, lower(i.legal_basis), ${ITEM_DUTIES('i')} FROM item i JOIN item_search_key k ON k.item_id = i.id`);
    }
}
