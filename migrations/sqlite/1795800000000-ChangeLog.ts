import { MigrationInterface, QueryRunner } from "typeorm";

// The revision feed (issue 7): a change log with one revision per entry, the sync bookkeeping row,
// and each item's content digest (a re-import rewrites only the items whose digest changed).
// What is already stored enters the log once, as UPSERTs: statutes, articles, lists, then items,
// so a client reading from revision 0 meets what an item refers to before the item.
export class ChangeLog1795800000000 implements MigrationInterface {
    name = 'ChangeLog1795800000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "change" ("revision" integer PRIMARY KEY NOT NULL, "entity_type" varchar(16) NOT NULL, "entity_id" varchar(40) NOT NULL, "operation" varchar(8) NOT NULL, "changed_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_d34856c9e4ca3ef163a61ae784" ON "change" ("entity_type", "revision") `);
        await queryRunner.query(`CREATE INDEX "IDX_efcee840352738a65a01303080" ON "change" ("changed_at") `);
        await queryRunner.query(`CREATE TABLE "sync_state" ("id" integer PRIMARY KEY NOT NULL, "revision" integer NOT NULL, "compacted_through" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`ALTER TABLE "item" ADD COLUMN "content_hash" varchar(40)`);
        await queryRunner.query(`INSERT INTO "change" ("revision", "entity_type", "entity_id", "operation", "changed_at")
            SELECT ROW_NUMBER() OVER (ORDER BY k, id), t, id, 'UPSERT', at FROM (
                SELECT 1 AS k, 'STATUTE' AS t, id, strftime('%Y-%m-%d %H:%M:%f', 'now') AS at FROM "statute"
                UNION ALL SELECT 2, 'ARTICLE', id, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM "article"
                UNION ALL SELECT 3, 'LIST', id, imported_at FROM "power_list"
                UNION ALL SELECT 4, 'ITEM', i.id, l.imported_at FROM "item" i JOIN "power_list" l ON l.id = i.list_id) x`);
        await queryRunner.query(`INSERT INTO "sync_state" ("id", "revision", "compacted_through") SELECT 1, COUNT(*), 0 FROM "change"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "item" DROP COLUMN "content_hash"`);
        await queryRunner.query(`DROP TABLE "sync_state"`);
        await queryRunner.query(`DROP INDEX "IDX_efcee840352738a65a01303080"`);
        await queryRunner.query(`DROP INDEX "IDX_d34856c9e4ca3ef163a61ae784"`);
        await queryRunner.query(`DROP TABLE "change"`);
    }
}
