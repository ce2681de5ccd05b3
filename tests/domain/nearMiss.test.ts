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
