import fs from 'node:fs';
import path from 'node:path';
import { graphql } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from './helpers/db';
import { importSeeds } from '../src/db/seed';
import { buildAppSchema } from '../src/graphql/schema';
import { createContext } from '../src/graphql/loaders';

// The README's example must stay true: its query, run on the seeds, returns its JSON.
describe('README example', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await freshDatabase();
    await importSeeds(ds);
  });
  afterAll(() => ds?.destroy());

  it('returns what the README says it returns', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const example = readme.slice(readme.indexOf('## Example'));
    const query = /```graphql\n([\s\S]*?)```/.exec(example)![1];
    const expected = JSON.parse(/```json\n([\s\S]*?)```/.exec(example)![1]);
    const result = await graphql({ schema: await buildAppSchema(), source: query, contextValue: createContext(ds) });
    expect(JSON.parse(JSON.stringify(result))).toEqual(expected);
  });
});

// The image runs the server as `npm start` does: same entry point, same node flags.
describe('Dockerfile', () => {
  it('starts the server with the command of `npm start`', () => {
    const root = path.join(__dirname, '..');
    const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const cmd = /^CMD (\[.*\])$/m.exec(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'))![1];
    expect((JSON.parse(cmd) as string[]).join(' ')).toBe(start);
  });
});
