import type { ItemRecord } from '../../src/domain/records';
import { inferDepartment, inferTitle } from '../../src/ingest/document';

const item = (body: string | null) => ({ body }) as ItemRecord;

describe('inferTitle', () => {
  it('is the first heading', () => {
    expect(inferTitle([{ line: 3, text: '甲' }, { line: 9, text: '乙' }])).toBe('甲');
    expect(inferTitle([])).toBeNull();
  });
});

describe('inferDepartment', () => {
  it.each([
    ['尼勒克县医疗保障局权责清单事项表(行政处罚)', '尼勒克县医疗保障局'],
    ['通化市医疗保障局权责事项清单（试行）', '通化市医疗保障局'],
    ['凉州区医疗保障局权责清单', '凉州区医疗保障局'],
    ['某市人力资源和社会保障局行政职权清单', '某市人力资源和社会保障局'],
    ['某县卫生健康委员会权力清单', '某县卫生健康委员会'],
  ])('reads the department from "%s"', (heading, department) => {
    expect(inferDepartment([{ line: 1, text: heading }], [])).toBe(department);
  });

  it('does not invent a department from a title that names none', () => {
    expect(inferDepartment([{ line: 1, text: '内蒙古自治区医疗保障行政执法事项清单' }], [item('各级医疗保障行政部门')])).toBeNull();
  });

  it('falls back to the most common 行使主体', () => {
    expect(inferDepartment([], [item('自治区医疗保障局'), item('地州市医疗保障局'), item('自治区医疗保障局'), item(null)])).toBe('自治区医疗保障局');
    expect(inferDepartment([], [])).toBeNull();
  });

  it('uses a later heading when the first names no department', () => {
    expect(inferDepartment([{ line: 1, text: '说明' }, { line: 5, text: '某局权责清单' }], [])).toBe('某局');
  });
});
