import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795495707879 implements MigrationInterface {
    name = 'Init1795495707879'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "jurisdiction" ("code" character varying(6) NOT NULL, "name" character varying(64) NOT NULL, "level" character varying(16) NOT NULL, "parent_code" character varying(6), CONSTRAINT "PK_c1d6ad3bf29ee463d99f0d08a0b" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cbccce51075ebaaf0260e138e1" ON "jurisdiction"  ("parent_code") `);
        await queryRunner.query(`CREATE TABLE "power_list" ("id" character varying(20) NOT NULL, "jurisdiction_code" character varying(6) NOT NULL, "department" character varying(128) NOT NULL, "title" text, "source_file" character varying(255) NOT NULL, "sha256" character varying(64) NOT NULL, "layout" character varying(64) NOT NULL, "imported_at" TIMESTAMP NOT NULL, "item_count" integer NOT NULL, "line_count" integer NOT NULL, "warnings" json NOT NULL, CONSTRAINT "PK_b66a9522f354a97f853f97d26b8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_448311dfb6f05120cd0b8a4686" ON "power_list"  ("jurisdiction_code") `);
        await queryRunner.query(`CREATE TABLE "item" ("id" character varying(20) NOT NULL, "list_id" character varying(20) NOT NULL, "jurisdiction_code" character varying(6) NOT NULL, "position" integer NOT NULL, "seq" character varying(32), "name" text NOT NULL, "sub_item" text, "power_types" json NOT NULL, "power_type_text" character varying(64), "body" text, "unit" text, "local_code" character varying(64), "legal_basis" text, "fields" json NOT NULL, "source_lines" json NOT NULL, CONSTRAINT "PK_d3c0c71f23e7adcf952a1d13423" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_248b1e7abf5865ada5c031fd34" ON "item"  ("jurisdiction_code", "list_id", "position") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3702c6c00809e76da63af6eb96" ON "item"  ("list_id", "position") `);
        await queryRunner.query(`CREATE TABLE "item_level" ("id" character varying(24) NOT NULL, "item_id" character varying(20) NOT NULL, "position" integer NOT NULL, "level_text" character varying(128) NOT NULL, "level" character varying(16), "body" text, "unit" text, "scope" text, "duties" text, "responsibilities" text, "fields" json NOT NULL, "source_lines" json NOT NULL, CONSTRAINT "PK_3aa1fa8599e622f02d03f7b3517" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ed897ff531ee942099559b44b5" ON "item_level"  ("item_id", "position") `);
        await queryRunner.query(`CREATE TABLE "statute" ("id" character varying(20) NOT NULL, "title" character varying(255) NOT NULL, "category" character varying(32), "aliases" json NOT NULL, CONSTRAINT "PK_1a4b8a060a88e7dab8d39c7e320" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_86f45c19f1be336bc340683a19" ON "statute"  ("title") `);
        await queryRunner.query(`CREATE TABLE "article" ("id" character varying(20) NOT NULL, "statute_id" character varying(20) NOT NULL, "number" integer NOT NULL, CONSTRAINT "PK_40808690eb7b915046558c0f81b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ddbd24852add66e7bcb1581873" ON "article"  ("statute_id", "number") `);
        await queryRunner.query(`CREATE TABLE "citation" ("id" character varying(24) NOT NULL, "item_id" character varying(20) NOT NULL, "position" integer NOT NULL, "statute_id" character varying(20) NOT NULL, "article_id" character varying(20), "field" character varying(32) NOT NULL, "title_as_written" text NOT NULL, "category" character varying(32), "paragraph" integer, "clause" integer, "text" text NOT NULL, "line" integer, "start" integer NOT NULL, "end" integer NOT NULL, "quoted" text, CONSTRAINT "PK_f02dfdce6c05dfbf2fead28d0b6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5c90d7c0472fd47180ff7c86ba" ON "citation"  ("statute_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation"  ("article_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_173b042276f8acc9980f47b023" ON "citation"  ("item_id", "position") `);
        await queryRunner.query(`ALTER TABLE "jurisdiction" ADD CONSTRAINT "FK_cbccce51075ebaaf0260e138e1d" FOREIGN KEY ("parent_code") REFERENCES "jurisdiction"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "power_list" ADD CONSTRAINT "FK_448311dfb6f05120cd0b8a4686c" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item" ADD CONSTRAINT "FK_e3cb6c22e692535555c28e501c5" FOREIGN KEY ("list_id") REFERENCES "power_list"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item" ADD CONSTRAINT "FK_a00d34918cceb5421a69f760f65" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item_level" ADD CONSTRAINT "FK_bc2abc31f88dd9d896fa9b876df" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "article" ADD CONSTRAINT "FK_b1483a7b975f19ad57e71fcb94e" FOREIGN KEY ("statute_id") REFERENCES "statute"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_05127634f3b99034dddee045915" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_5c90d7c0472fd47180ff7c86ba3" FOREIGN KEY ("statute_id") REFERENCES "statute"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_1a7c51071112717babbd842c1b7" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_1a7c51071112717babbd842c1b7"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_5c90d7c0472fd47180ff7c86ba3"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_05127634f3b99034dddee045915"`);
        await queryRunner.query(`ALTER TABLE "article" DROP CONSTRAINT "FK_b1483a7b975f19ad57e71fcb94e"`);
        await queryRunner.query(`ALTER TABLE "item_level" DROP CONSTRAINT "FK_bc2abc31f88dd9d896fa9b876df"`);
        await queryRunner.query(`ALTER TABLE "item" DROP CONSTRAINT "FK_a00d34918cceb5421a69f760f65"`);
        await queryRunner.query(`ALTER TABLE "item" DROP CONSTRAINT "FK_e3cb6c22e692535555c28e501c5"`);
        await queryRunner.query(`ALTER TABLE "power_list" DROP CONSTRAINT "FK_448311dfb6f05120cd0b8a4686c"`);
        await queryRunner.query(`ALTER TABLE "jurisdiction" DROP CONSTRAINT "FK_cbccce51075ebaaf0260e138e1d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_173b042276f8acc9980f47b023"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5c90d7c0472fd47180ff7c86ba"`);
        await queryRunner.query(`DROP TABLE "citation"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ddbd24852add66e7bcb1581873"`);
        await queryRunner.query(`DROP TABLE "article"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_86f45c19f1be336bc340683a19"`);
        await queryRunner.query(`DROP TABLE "statute"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ed897ff531ee942099559b44b5"`);
        await queryRunner.query(`DROP TABLE "item_level"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3702c6c00809e76da63af6eb96"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_248b1e7abf5865ada5c031fd34"`);
        await queryRunner.query(`DROP TABLE "item"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_448311dfb6f05120cd0b8a4686"`);
        await queryRunner.query(`DROP TABLE "power_list"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cbccce51075ebaaf0260e138e1"`);
        await queryRunner.query(`DROP TABLE "jurisdiction"`);
    }

}
