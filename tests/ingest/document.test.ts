import type { ItemRecord } from '../../src/domain/records';
import { departmentOfHeading, headingCore, headingDepartments, inferDepartment, inferTitle, SectionTracker } from '../../src/ingest/document';

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

describe('headingCore', () => {
  it('strips outline numbers and item counts', () => {
    expect(headingCore('一、行政许可（共3项）')).toEqual({ core: '行政许可', numbered: true });
    expect(headingCore('（二）县卫生健康委员会')).toEqual({ core: '县卫生健康委员会', numbered: true });
    expect(headingCore('第三部分 行政处罚(12项)')).toEqual({ core: '行政处罚', numbered: true });
    expect(headingCore('行政检查 共９项')).toEqual({ core: '行政检查', numbered: false });
  });
});

describe('departmentOfHeading', () => {
  it.each([
    ['一、尼勒克县医疗保障局', '尼勒克县医疗保障局'],
    ['（二）县卫生健康委员会', '县卫生健康委员会'],
    ['伊犁州医疗保障局权责清单', '伊犁州医疗保障局'],
    ['尼勒克县医疗保障局权责清单事项表(行政处罚)', '尼勒克县医疗保障局'],
    ['二、伊宁县人力资源和社会保障局行政职权目录', '伊宁县人力资源和社会保障局'],
  ])('%s → %s', (heading, department) => {
    expect(departmentOfHeading(heading)).toBe(department);
  });

  it('is null for headings that name no department', () => {
    expect(departmentOfHeading('一、行政许可（共3项）')).toBeNull();
    expect(departmentOfHeading('内蒙古自治区医疗保障行政执法事项清单')).toBeNull();
    expect(departmentOfHeading('说明')).toBeNull();
  });
});

describe('SectionTracker', () => {
  const h = (text: string, line = 1) => ({ line, text });

  it('keeps the department across power-type headings, and forgets the power type at a new department', () => {
    const t = new SectionTracker(false);
    t.enter(h('一、尼勒克县医疗保障局', 1));
    expect([t.department, t.section]).toEqual(['尼勒克县医疗保障局', null]);
    t.enter(h('（一）行政处罚（共2项）', 2));
    expect([t.department, t.section]).toEqual(['尼勒克县医疗保障局', { powerTypeText: '行政处罚', line: 2 }]);
    t.enter(h('二、伊宁县医疗保障局', 9));
    expect([t.department, t.section]).toEqual(['伊宁县医疗保障局', null]);
    expect(t.typedSections).toBe(1);
  });

  it('ends the power type at a heading naming neither in tables, keeps it in cards', () => {
    const table = new SectionTracker(false);
    const cards = new SectionTracker(true);
    for (const t of [table, cards]) {
      t.enter(h('某局权责清单(行政处罚)', 1));
      t.enter(h('## 其他事项清单', 5));
    }
    expect(table.section).toBeNull();
    expect(cards.section).toEqual({ powerTypeText: '行政处罚', line: 1 });
  });
});

describe('inferDepartment with department sections', () => {
  it('is the first department any heading names', () => {
    const headings = [{ line: 1, text: '伊犁州医疗保障系统权责清单' }, { line: 3, text: '一、尼勒克县医疗保障局' }, { line: 9, text: '二、伊宁县医疗保障局' }];
    expect(inferDepartment(headings, [])).toBe('尼勒克县医疗保障局');
    expect(headingDepartments(headings)).toEqual(['尼勒克县医疗保障局', '伊宁县医疗保障局']);
  });
});
