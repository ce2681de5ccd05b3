import { nearMissOf } from '../../src/domain/statuteTitles';

describe('near-miss statute titles', () => {
  const known = ['医疗保障基金使用监督管理条例', '社会保险法', '社会救助暂行办法', '药品管理法实施条例'];

  it('resolves one substituted character in a long title to the one known title', () => {
    expect(nearMissOf('医疗保险基金使用监督管理条例', known)).toBe('医疗保障基金使用监督管理条例');
  });

  it('leaves short titles, exact titles and other instruments alone', () => {
    expect(nearMissOf('社会保障法', known)).toBeNull(); // too short to tell a typo from another law
    expect(nearMissOf('医疗保障基金使用监督管理条例', known)).toBeNull();
    expect(nearMissOf('社会救助办法', known)).toBeNull(); // 暂行 dropped: another instrument
    expect(nearMissOf('药品管理法条例', known)).toBeNull();
    expect(nearMissOf('基金监管使用监督管理条例', known)).toBeNull(); // garbled beyond one character
  });

  it('refuses to choose between two candidates', () => {
    expect(nearMissOf('甲乙丙丁戊己庚辛条例', ['甲乙丙丁戊己庚壬条例', '甲乙丙丁戊己癸辛条例'])).toBeNull();
  });
});

describe('near misses never cross places', () => {
  const { placeIndex } = require('../../src/db/gazetteer') as typeof import('../../src/db/gazetteer');
  const { leadingPlace } = require('../../src/domain/places') as typeof import('../../src/domain/places');
  const placeLength = (t: string) => [...(leadingPlace(t, placeIndex())?.name ?? '')].length;

  it.each([
    ['河南省医疗保障基金监督管理办法', '河北省医疗保障基金监督管理办法'],
    ['山东省医疗保障基金监督管理办法', '山西省医疗保障基金监督管理办法'],
    ['临汾市城乡居民医疗保险实施办法', '临沧市城乡居民医疗保险实施办法'],
    ['南宁市城乡居民医疗保险实施办法', '南昌市城乡居民医疗保险实施办法'],
  ])('%s is not a misspelling of %s (nor the other way)', (a, b) => {
    expect(nearMissOf(a, [b], placeLength)).toBeNull();
    expect(nearMissOf(b, [a], placeLength)).toBeNull();
  });

  it('still corrects a typo after the place name', () => {
    expect(nearMissOf('河南省医疗保险基金监督管理办法', ['河南省医疗保障基金监督管理办法'], placeLength)).toBe('河南省医疗保障基金监督管理办法');
  });
});
