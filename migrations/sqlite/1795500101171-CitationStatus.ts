import { MigrationInterface, QueryRunner } from "typeorm";

export class CitationStatus1795500101171 implements MigrationInterface {
    name = 'CitationStatus1795500101171'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_86f45c19f1be336bc340683a19"`);
        await queryRunner.query(`CREATE TABLE "temporary_statute" ("id" varchar(20) PRIMARY KEY NOT NULL, "title" varchar(255) NOT NULL, "category" varchar(32), "aliases" json NOT NULL, "inferred_category" varchar(32), "document_numbers" json)`);
        await queryRunner.query(`INSERT INTO "temporary_statute"("id", "title", "category", "aliases") SELECT "id", "title", "category", "aliases" FROM "statute"`);
        await queryRunner.query(`DROP TABLE "statute"`);
        await queryRunner.query(`ALTER TABLE "temporary_statute" RENAME TO "statute"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_86f45c19f1be336bc340683a19" ON "statute" ("title") `);
        await queryRunner.query(`DROP INDEX "IDX_173b042276f8acc9980f47b023"`);
        await queryRunner.query(`DROP INDEX "IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`DROP INDEX "IDX_5c90d7c0472fd47180ff7c86ba"`);
        await queryRunner.query(`CREATE TABLE "temporary_citation" ("id" varchar(24) PRIMARY KEY NOT NULL, "item_id" varchar(20) NOT NULL, "position" integer NOT NULL, "statute_id" varchar(20) NOT NULL, "article_id" varchar(20), "field" varchar(32) NOT NULL, "title_as_written" text NOT NULL, "category" varchar(32), "paragraph" integer, "clause" integer, "text" text NOT NULL, "line" integer, "start" integer NOT NULL, "end" integer NOT NULL, "quoted" text, "status" varchar(16) NOT NULL DEFAULT ('OK'), "document_number" varchar(64), CONSTRAINT "FK_1a7c51071112717babbd842c1b7" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5c90d7c0472fd47180ff7c86ba3" FOREIGN KEY ("statute_id") REFERENCES "statute" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_05127634f3b99034dddee045915" FOREIGN KEY ("item_id") REFERENCES "item" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_citation"("id", "item_id", "position", "statute_id", "article_id", "field", "title_as_written", "category", "paragraph", "clause", "text", "line", "start", "end", "quoted") SELECT "id", "item_id", "position", "statute_id", "article_id", "field", "title_as_written", "category", "paragraph", "clause", "text", "line", "start", "end", "quoted" FROM "citation"`);
        await queryRunner.query(`DROP TABLE "citation"`);
        await queryRunner.query(`ALTER TABLE "temporary_citation" RENAME TO "citation"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_173b042276f8acc9980f47b023" ON "citation" ("item_id", "position") `);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation" ("article_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5c90d7c0472fd47180ff7c86ba" ON "citation" ("statute_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_5c90d7c0472fd47180ff7c86ba"`);
        await queryRunner.query(`DROP INDEX "IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`DROP INDEX "IDX_173b042276f8acc9980f47b023"`);
        await queryRunner.query(`ALTER TABLE "citation" RENAME TO "temporary_citation"`);
        await queryRunner.query(`CREATE TABLE "citation" ("id" varchar(24) PRIMARY KEY NOT NULL, "item_id" varchar(20) NOT NULL, "position" integer NOT NULL, "statute_id" varchar(20) NOT NULL, "article_id" varchar(20), "field" varchar(32) NOT NULL, "title_as_written" text NOT NULL, "category" varchar(32), "paragraph" integer, "clause" integer, "text" text NOT NULL, "line" integer, "start" integer NOT NULL, "end" integer NOT NULL, "quoted" text, CONSTRAINT "FK_1a7c51071112717babbd842c1b7" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5c90d7c0472fd47180ff7c86ba3" FOREIGN KEY ("statute_id") REFERENCES "statute" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_05127634f3b99034dddee045915" FOREIGN KEY ("item_id") REFERENCES "item" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "citation"("id", "item_id", "position", "statute_id", "article_id", "field", "title_as_written", "category", "paragraph", "clause", "text", "line", "start", "end", "quoted") SELECT "id", "item_id", "position", "statute_id", "article_id", "field", "title_as_written", "category", "paragraph", "clause", "text", "line", "start", "end", "quoted" FROM "temporary_citation"`);
        await queryRunner.query(`DROP TABLE "temporary_citation"`);
        await queryRunner.query(`CREATE INDEX "IDX_5c90d7c0472fd47180ff7c86ba" ON "citation" ("statute_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation" ("article_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_173b042276f8acc9980f47b023" ON "citation" ("item_id", "position") `);
        await queryRunner.query(`DROP INDEX "IDX_86f45c19f1be336bc340683a19"`);
        await queryRunner.query(`ALTER TABLE "statute" RENAME TO "temporary_statute"`);
        await queryRunner.query(`CREATE TABLE "statute" ("id" varchar(20) PRIMARY KEY NOT NULL, "title" varchar(255) NOT NULL, "category" varchar(32), "aliases" json NOT NULL)`);
        await queryRunner.query(`INSERT INTO "statute"("id", "title", "category", "aliases") SELECT "id", "title", "category", "aliases" FROM "temporary_statute"`);
        await queryRunner.query(`DROP TABLE "temporary_statute"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_86f45c19f1be336bc340683a19" ON "statute" ("title") `);
    }

}
