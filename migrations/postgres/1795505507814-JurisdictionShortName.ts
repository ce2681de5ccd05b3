import { MigrationInterface, QueryRunner } from "typeorm";

export class JurisdictionShortName1795505507814 implements MigrationInterface {
    name = 'JurisdictionShortName1795505507814'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "jurisdiction" ADD "short_name" character varying(32)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "jurisdiction" DROP COLUMN "short_name"`);
    }

}
