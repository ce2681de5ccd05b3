import { MigrationInterface, QueryRunner } from "typeorm";

export class ImportReport1795496421866 implements MigrationInterface {
    name = 'ImportReport1795496421866'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_448311dfb6f05120cd0b8a4686"`);
        await queryRunner.query(`CREATE TABLE "temporary_power_list" ("id" varchar(20) PRIMARY KEY NOT NULL, "jurisdiction_code" varchar(6) NOT NULL, "department" varchar(128) NOT NULL, "title" text, "source_file" varchar(255) NOT NULL, "sha256" varchar(64) NOT NULL, "layout" varchar(64) NOT NULL, "imported_at" datetime NOT NULL, "item_count" integer NOT NULL, "line_count" integer NOT NULL, "warnings" json NOT NULL, "report" json, CONSTRAINT "FK_448311dfb6f05120cd0b8a4686c" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_power_list"("id", "jurisdiction_code", "department", "title", "source_file", "sha256", "layout", "imported_at", "item_count", "line_count", "warnings") SELECT "id", "jurisdiction_code", "department", "title", "source_file", "sha256", "layout", "imported_at", "item_count", "line_count", "warnings" FROM "power_list"`);
        await queryRunner.query(`DROP TABLE "power_list"`);
        await queryRunner.query(`ALTER TABLE "temporary_power_list" RENAME TO "power_list"`);
        await queryRunner.query(`CREATE INDEX "IDX_448311dfb6f05120cd0b8a4686" ON "power_list" ("jurisdiction_code") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_448311dfb6f05120cd0b8a4686"`);
        await queryRunner.query(`ALTER TABLE "power_list" RENAME TO "temporary_power_list"`);
        await queryRunner.query(`CREATE TABLE "power_list" ("id" varchar(20) PRIMARY KEY NOT NULL, "jurisdiction_code" varchar(6) NOT NULL, "department" varchar(128) NOT NULL, "title" text, "source_file" varchar(255) NOT NULL, "sha256" varchar(64) NOT NULL, "layout" varchar(64) NOT NULL, "imported_at" datetime NOT NULL, "item_count" integer NOT NULL, "line_count" integer NOT NULL, "warnings" json NOT NULL, CONSTRAINT "FK_448311dfb6f05120cd0b8a4686c" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "power_list"("id", "jurisdiction_code", "department", "title", "source_file", "sha256", "layout", "imported_at", "item_count", "line_count", "warnings") SELECT "id", "jurisdiction_code", "department", "title", "source_file", "sha256", "layout", "imported_at", "item_count", "line_count", "warnings" FROM "temporary_power_list"`);
        await queryRunner.query(`DROP TABLE "temporary_power_list"`);
        await queryRunner.query(`CREATE INDEX "IDX_448311dfb6f05120cd0b8a4686" ON "power_list" ("jurisdiction_code") `);
    }

}
