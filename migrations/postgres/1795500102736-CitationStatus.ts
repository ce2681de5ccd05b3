import { MigrationInterface, QueryRunner } from "typeorm";

export class CitationStatus1795500102736 implements MigrationInterface {
    name = 'CitationStatus1795500102736'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "statute" ADD "inferred_category" character varying(32)`);
        await queryRunner.query(`ALTER TABLE "statute" ADD "document_numbers" json`);
        await queryRunner.query(`ALTER TABLE "citation" ADD "status" character varying(16) NOT NULL DEFAULT 'OK'`);
        await queryRunner.query(`ALTER TABLE "citation" ADD "document_number" character varying(64)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "document_number"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "status"`);
        await queryRunner.query(`ALTER TABLE "statute" DROP COLUMN "document_numbers"`);
        await queryRunner.query(`ALTER TABLE "statute" DROP COLUMN "inferred_category"`);
    }

}
