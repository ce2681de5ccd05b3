#!/usr/bin/env node
// Rewrites migrations/<backend>/index.ts to list every migration file of the
// folder, in timestamp order: run after `typeorm migration:generate`.
const fs = require('node:fs');
const path = require('node:path');

for (const backend of ['sqlite', 'postgres']) {
  const dir = path.join(__dirname, '..', 'migrations', backend);
  const files = fs.readdirSync(dir).filter((f) => /^\d+-.+\.ts$/.test(f)).sort();
  const entries = files.map((f) => {
    const cls = /export class (\w+)/.exec(fs.readFileSync(path.join(dir, f), 'utf8'))[1];
    return { cls, mod: `./${f.replace(/\.ts$/, '')}` };
  });
  const out = [
    `/** Every ${backend} migration, in order (written by scripts/index-migrations.js). Listed so the app, the CLI and the tests load the same set. */`,
    ...entries.map((e) => `import { ${e.cls} } from '${e.mod}';`),
    '',
    `export const ${backend.toUpperCase()}_MIGRATIONS: Function[] = [${entries.map((e) => e.cls).join(', ')}];`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'index.ts'), out);
  console.log(`${backend}: ${entries.length} migrations`);
}
