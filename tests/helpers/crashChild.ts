/**
 * The process tests/db/crash.test.ts kills: opens the database and imports
 * the next version of each list in turn, for ever, saying on stdout (written
 * synchronously, so a line is out before the next step) when it begins and
 * when it has committed each one.
 *
 * argv: <database config JSON> <next version of each list, JSON array>
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { openDatabase } from '../../src/db/dataSource';
import { importList } from '../../src/db/importer';
import type { DbConfig } from '../../src/db/config';
import { crashListInput } from './crashLists';

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]) as DbConfig;
  const next = JSON.parse(process.argv[3]) as number[];
  const ds = await openDatabase(config);
  fs.writeSync(1, 'ready\n');
  for (;;) {
    for (let list = 0; list < next.length; list++) {
      fs.writeSync(1, `begin ${list} ${next[list]}\n`);
      await importList(ds, crashListInput(list, next[list]));
      fs.writeSync(1, `committed ${list} ${next[list]}\n`);
      next[list]++;
    }
  }
}

main().catch((e) => {
  fs.writeSync(2, `${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
