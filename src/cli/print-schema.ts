/** Writes schema.graphql from the resolvers (npm run schema). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../graphql/schema';
import { PROJECT_ROOT } from '../db/config';

schemaSdl().then((sdl) => {
  const file = path.join(PROJECT_ROOT, 'schema.graphql');
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}, (e) => {
  console.error(e);
  process.exit(1);
});
