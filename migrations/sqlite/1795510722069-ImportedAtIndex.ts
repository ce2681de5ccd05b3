import { MigrationInterface, QueryRunner } from "typeorm";

// The data revision (COUNT and MAX of imported_at) is read per request: from the index, not the list rows.
export class ImportedAtIndex1795510722069 implements MigrationInterface {
    name = 'ImportedAtIndex1795510722069'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_a25a213a2b6e4a42679e999a85" ON "power_list" ("imported_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_a25a213a2b6e4a42679e999a85"`);
    }
}
