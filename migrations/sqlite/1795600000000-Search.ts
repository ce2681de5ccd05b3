import { MigrationInterface, QueryRunner } from "typeorm";

// Full-text search (src/db/search.ts): FTS5 tables with the trigram tokenizer,
// kept by triggers so every write path (the importer's bulk inserts, the
// cascade from a deleted list, statute alias updates) keeps them right.
// Text is stored ASCII-lowered (SQLite's built-in lower() folds ASCII only)
// in a case-sensitive index: the one folding every search path shares.
// FTS rows are found again through *_search_key (an INTEGER PRIMARY KEY per
// row ID), not the base table's implicit rowid, which VACUUM may renumber.
// Note: a later migration that rebuilds "item" or "statute" (TypeORM's
// temporary-table copy) drops these triggers and must create them again;
// tests/db/search.test.ts checks they exist.

const ITEM_NAME = (r: string) => `lower(${r}.name || coalesce(char(10) || ${r}.sub_item, ''))`;
const ITEM_DUTIES = (r: string) =>
    `lower((SELECT group_concat(json_extract(f.value, '$.text'), char(10)) FROM json_each(${r}.fields) f WHERE json_extract(f.value, '$.key') IN ('responsibilities', 'departmentDuties')))`;
const STATUTE_ALIASES = (r: string) => `lower((SELECT group_concat(a.value, char(10)) FROM json_each(${r}.aliases) a))`;

const ITEM_ROW = (r: string) =>
    `INSERT INTO item_search (rowid, item_id, name, basis, duties) SELECT k, ${r}.id, ${ITEM_NAME(r)}, lower(${r}.legal_basis), ${ITEM_DUTIES(r)} FROM item_search_key WHERE item_id = ${r}.id;`;
const STATUTE_ROW = (r: string) =>
    `INSERT INTO statute_search (rowid, statute_id, title, aliases) SELECT k, ${r}.id, lower(${r}.title), ${STATUTE_ALIASES(r)} FROM statute_search_key WHERE statute_id = ${r}.id;`;

export class Search1795600000000 implements MigrationInterface {
    name = 'Search1795600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE VIRTUAL TABLE item_search USING fts5(item_id UNINDEXED, name, basis, duties, tokenize = 'trigram case_sensitive 1')`);
        await queryRunner.query(`CREATE TABLE item_search_key (k INTEGER PRIMARY KEY, item_id varchar NOT NULL UNIQUE)`);
        await queryRunner.query(`CREATE TRIGGER item_search_insert AFTER INSERT ON item BEGIN
            INSERT INTO item_search_key (item_id) VALUES (new.id);
            ${ITEM_ROW('new')}
        END`);
        await queryRunner.query(`CREATE TRIGGER item_search_delete AFTER DELETE ON item BEGIN
            DELETE FROM item_search WHERE rowid = (SELECT k FROM item_search_key WHERE item_id = old.id);
            DELETE FROM item_search_key WHERE item_id = old.id;
        END`);
        await queryRunner.query(`CREATE TRIGGER item_search_update AFTER UPDATE ON item BEGIN
            DELETE FROM item_search WHERE rowid = (SELECT k FROM item_search_key WHERE item_id = old.id);
            UPDATE item_search_key SET item_id = new.id WHERE item_id = old.id;
            ${ITEM_ROW('new')}
        END`);

        await queryRunner.query(`CREATE VIRTUAL TABLE statute_search USING fts5(statute_id UNINDEXED, title, aliases, tokenize = 'trigram case_sensitive 1')`);
        await queryRunner.query(`CREATE TABLE statute_search_key (k INTEGER PRIMARY KEY, statute_id varchar NOT NULL UNIQUE)`);
        await queryRunner.query(`CREATE TRIGGER statute_search_insert AFTER INSERT ON statute BEGIN
            INSERT INTO statute_search_key (statute_id) VALUES (new.id);
            ${STATUTE_ROW('new')}
        END`);
        await queryRunner.query(`CREATE TRIGGER statute_search_delete AFTER DELETE ON statute BEGIN
            DELETE FROM statute_search WHERE rowid = (SELECT k FROM statute_search_key WHERE statute_id = old.id);
            DELETE FROM statute_search_key WHERE statute_id = old.id;
        END`);
        await queryRunner.query(`CREATE TRIGGER statute_search_update AFTER UPDATE ON statute BEGIN
            DELETE FROM statute_search WHERE rowid = (SELECT k FROM statute_search_key WHERE statute_id = old.id);
            UPDATE statute_search_key SET statute_id = new.id WHERE statute_id = old.id;
            ${STATUTE_ROW('new')}
        END`);

        // Rows already there.
        await queryRunner.query(`INSERT INTO item_search_key (item_id) SELECT id FROM item ORDER BY id`);
        await queryRunner.query(`INSERT INTO item_search (rowid, item_id, name, basis, duties) SELECT k.k, i.id, ${ITEM_NAME('i')}, lower(i.legal_basis), ${ITEM_DUTIES('i')} FROM item i JOIN item_search_key k ON k.item_id = i.id`);
        await queryRunner.query(`INSERT INTO statute_search_key (statute_id) SELECT id FROM statute ORDER BY id`);
        await queryRunner.query(`INSERT INTO statute_search (rowid, statute_id, title, aliases) SELECT k.k, s.id, lower(s.title), ${STATUTE_ALIASES('s')} FROM statute s JOIN statute_search_key k ON k.statute_id = s.id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const t of ['item_search_insert', 'item_search_delete', 'item_search_update', 'statute_search_insert', 'statute_search_delete', 'statute_search_update']) {
            await queryRunner.query(`DROP TRIGGER IF EXISTS ${t}`);
        }
        for (const t of ['item_search', 'item_search_key', 'statute_search', 'statute_search_key']) await queryRunner.query(`DROP TABLE IF EXISTS ${t}`);
    }
}
