import { MigrationInterface, QueryRunner } from "typeorm";

export class CitationOrder1795510400361 implements MigrationInterface {
    name = 'CitationOrder1795510400361'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_5c90d7c0472fd47180ff7c86ba"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`ALTER TABLE "citation" ADD "jurisdiction_code" character varying(6)`);
        await queryRunner.query(`ALTER TABLE "citation" ADD "list_id" character varying(20)`);
        await queryRunner.query(`ALTER TABLE "citation" ADD "item_position" integer`);
        // Rows written before the copy existed take it from their item.
        await queryRunner.query(`UPDATE "citation" c SET "jurisdiction_code" = i."jurisdiction_code", "list_id" = i."list_id", "item_position" = i."position" FROM "item" i WHERE i."id" = c."item_id"`);
        await queryRunner.query(`CREATE INDEX "IDX_f30d2279c722c05b01d9b2f5bf" ON "citation"  ("statute_id", "jurisdiction_code", "list_id", "item_position", "item_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c4f53ca56a55303167e429dd6b" ON "citation"  ("article_id", "jurisdiction_code", "list_id", "item_position", "item_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_c4f53ca56a55303167e429dd6b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f30d2279c722c05b01d9b2f5bf"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "item_position"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "list_id"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "jurisdiction_code"`);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation" USING btree ("article_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5c90d7c0472fd47180ff7c86ba" ON "citation" USING btree ("statute_id") `);
    }

}
