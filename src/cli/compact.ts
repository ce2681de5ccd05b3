/**
 * npm run compact -- [--days N]
 *
 * Drops change-log entries older than the retention (N days; default
 * CHANGE_RETENTION_DAYS, else 90). Clients that last synced before it get
 * SNAPSHOT_REQUIRED and start again from a full export. Run it from cron
 * after the nightly import.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/dataSource';
import { compactChanges } from '../db/changes';

export const DEFAULT_RETENTION_DAYS = 90;

export function retentionDays(argv: string[], env: NodeJS.ProcessEnv): number {
  const { values } = parseArgs({ args: argv, options: { days: { type: 'string' } } });
  const raw = values.days ?? env.CHANGE_RETENTION_DAYS ?? String(DEFAULT_RETENTION_DAYS);
  if (!/^\d+$/.test(raw)) throw new Error(`the retention must be a whole number of days, got "${raw}"`);
  return Number(raw);
}

export async function runCompact(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const days = retentionDays(argv, env);
  const ds = await openDatabase();
  try {
    const r = await compactChanges(ds, new Date(Date.now() - days * 86_400_000));
    out(`removed ${r.removed} change-log entries older than ${days} days; a client must have synced after revision ${r.compactedThrough}`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  runCompact(process.argv.slice(2), process.env, (s) => process.stdout.write(`${s}\n`)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
      process.exit(1);
    },
  );
}
