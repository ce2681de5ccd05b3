import { MigrationInterface, QueryRunner } from "typeorm";

// Hand-simplified from the generated table rebuild: nullable columns are
// added in place, back-filled from the items, and the single-column indexes
// give way to ones that also hold the citing item's order.
export class CitationOrder1795510394157 implements MigrationInterface {
    name = 'CitationOrder1795510394157'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "citation" ADD COLUMN "jurisdiction_code" varchar(6)`);
        await queryRunner.query(`ALTER TABLE "citation" ADD COLUMN "list_id" varchar(20)`);
        await queryRunner.query(`ALTER TABLE "citation" ADD COLUMN "item_position" integer`);
        await queryRunner.query(`UPDATE "citation" SET ("jurisdiction_code", "list_id", "item_position") = (SELECT i."jurisdiction_code", i."list_id", i."position" FROM "item" i WHERE i."id" = "citation"."item_id")`);
        await queryRunner.query(`DROP INDEX "IDX_5c90d7c0472fd47180ff7c86ba"`);
        await queryRunner.query(`DROP INDEX "IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`CREATE INDEX "IDX_f30d2279c722c05b01d9b2f5bf" ON "citation" ("statute_id", "jurisdiction_code", "list_id", "item_position", "item_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c4f53ca56a55303167e429dd6b" ON "citation" ("article_id", "jurisdiction_code", "list_id", "item_position", "item_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_c4f53ca56a55303167e429dd6b"`);
        await queryRunner.query(`DROP INDEX "IDX_f30d2279c722c05b01d9b2f5bf"`);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation" ("article_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5c90d7c0472fd47180ff7c86ba" ON "citation" ("statute_id") `);
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "item_position"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "list_id"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "jurisdiction_code"`);
    }
}
