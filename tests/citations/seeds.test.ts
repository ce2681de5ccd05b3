/**
 * Pinned citations of every legal-basis cell of the five seeds (see
 * seeds.expected.ts for how they were read) against extractCitations over
 * the item's cleaned legal-basis field text. One test per item, named by file
 * and the line of the item's name.
 */
import { SEED_EXPECTATIONS } from './seeds.expected';
import { expectedKeys, extractedRecords, findItem, legalBasisTexts, recordKeys, seedFiles, seedItems } from './seedItems';

describe('seed expectations cover every item with a legal basis', () => {
  it('names every item with a legal-basis cell exactly once', () => {
    const pinned = new Set(SEED_EXPECTATIONS.map((e) => `${e.file}:${e.line}`));
    expect(pinned.size).toBe(SEED_EXPECTATIONS.length);
    const withBasis: string[] = [];
    for (const file of seedFiles()) {
      for (const item of seedItems(file)) {
        if (legalBasisTexts(item).length === 0) continue;
        const e = SEED_EXPECTATIONS.find((x) => x.file === file && findItem(file, x.line) === item);
        withBasis.push(e ? `${file}:${e.line}` : `${file}: unpinned item ${item.name} (lines ${item.lines.join(',')})`);
      }
    }
    expect(withBasis.sort()).toEqual([...pinned].sort());
  });
});

describe.each(SEED_EXPECTATIONS.map((e) => [`${e.file}:${e.line} ${e.name}`, e] as const))('%s', (_label, e) => {
  it('has the citations a careful reader records', () => {
    const item = findItem(e.file, e.line);
    expect(item).toBeDefined();
    expect(recordKeys(extractedRecords(item!))).toEqual(expectedKeys(e));
  });
});
