import { MigrationInterface, QueryRunner } from "typeorm";

export class ImportReport1795496424085 implements MigrationInterface {
    name = 'ImportReport1795496424085'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "power_list" ADD "report" json`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "power_list" DROP COLUMN "report"`);
    }

}
