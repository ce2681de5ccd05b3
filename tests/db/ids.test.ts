import { articleIdFor, stableId, statuteIdFor } from '../../src/db/ids';

describe('stable IDs', () => {
  // Pinned: clients keep these IDs across nights, releases and backends.
  it('are the same on every run and release', () => {
    expect(stableId('statute', '社会保险法')).toBe(PINNED.statute);
    expect(stableId('article', PINNED.statute, 87)).toBe(PINNED.article);
  });

  it('memoised statute and article IDs equal the plain ones, on first use and from the cache', () => {
    for (let round = 0; round < 2; round++) {
      expect(statuteIdFor('社会保险法')).toBe(PINNED.statute);
      expect(articleIdFor(PINNED.statute, 87)).toBe(PINNED.article);
    }
    expect(statuteIdFor('社会救助暂行办法')).toBe(stableId('statute', '社会救助暂行办法'));
    expect(articleIdFor(PINNED.statute, 88)).not.toBe(PINNED.article);
  });
});

const PINNED = {
  statute: '1851301f8cebd4fb6c5f',
  article: '4a2f9001f0b6c8ed71c1',
};
