import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { buildAppSchema, schemaSdl } from '../../src/graphql/schema';

describe('schema.graphql', () => {
  it('is what the resolvers generate (run `npm run schema` after changing them)', async () => {
    const checkedIn = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(checkedIn).toBe(await schemaSdl());
  });

  it('describes every type, field and argument in Chinese and English', async () => {
    const schema = await buildAppSchema();
    const bilingual = (d: string | null | undefined) => !!d && /[\u4e00-\u9fff]/.test(d) && /[A-Za-z]{3}/.test(d);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!bilingual(type.description)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (!bilingual(f.description)) missing.push(`${type.name}.${f.name}`);
          for (const a of 'args' in f ? f.args : []) if (!bilingual(a.description)) missing.push(`${type.name}.${f.name}(${a.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!bilingual(v.description)) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
