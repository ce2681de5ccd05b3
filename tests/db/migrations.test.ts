import { freshDatabase } from '../helpers/db';

// Both backends, whatever DATABASE_URL says: the migrations of each must
// produce exactly the schema the entities describe (what
// `typeorm migration:generate --check` checks).
describe.each(['sqlite', 'postgres'] as const)('migrations on %s', (kind) => {
  it('match the entities: nothing left for the schema builder to do', async () => {
    const ds = await freshDatabase(kind);
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });
});
