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
