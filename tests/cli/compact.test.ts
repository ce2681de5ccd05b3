import { retentionDays, DEFAULT_RETENTION_DAYS } from '../../src/cli/compact';

describe('npm run compact', () => {
  it('takes the retention from --days, else CHANGE_RETENTION_DAYS, else the default; refuses nonsense', () => {
    expect(retentionDays([], {})).toBe(DEFAULT_RETENTION_DAYS);
    expect(retentionDays([], { CHANGE_RETENTION_DAYS: '30' })).toBe(30);
    expect(retentionDays(['--days', '7'], { CHANGE_RETENTION_DAYS: '30' })).toBe(7);
    expect(() => retentionDays(['--days', 'soon'], {})).toThrow(/whole number of days/);
    expect(() => retentionDays([], { CHANGE_RETENTION_DAYS: '-1' })).toThrow(/whole number of days/);
  });
});
