import { MigrationInterface, QueryRunner } from "typeorm";

// Hand-simplified from the generated table rebuild: a nullable column can be
// added in place, and rebuilding "jurisdiction" would have to drop a table
// that every list and item references.
export class JurisdictionShortName1795505506597 implements MigrationInterface {
    name = 'JurisdictionShortName1795505506597'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "jurisdiction" ADD COLUMN "short_name" varchar(32)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "jurisdiction" DROP COLUMN "short_name"`);
    }
}
