import type { FieldKey } from '../../src/domain/fields';
import type { CitationRecord, FieldValue, ImportWarning, ItemLevelRecord } from '../../src/domain/records';
import { comparableName, finishItem, headingText, isHeaderRow, isPairRow, makeField, newDraft, sectionFromHeading, selfLabel, settleDrafts } from '../../src/ingest/assemble';
import { splitLines } from '../../src/ingest/lines';
import type { DraftItem } from '../../src/ingest/types';

const line = (text: string) => splitLines(text)[0];
const none = () => [];

function draft(fields: [FieldKey | null, string, number][], section: DraftItem['section'] = null): DraftItem {
  const d = newDraft(section);
  for (const [key, raw, no] of fields) {
    d.fields.push(makeField(key, key ?? '', raw, no));
    d.lines.add(no);
  }
  return d;
}

const citation = (text: string, field: FieldKey): CitationRecord => ({
  field,
  statuteTitle: text,
  titleAsWritten: text,
  category: null,
  article: null,
  paragraph: null,
  clause: null,
  text,
  start: 0,
  end: text.length,
  quoted: null,
});

describe('isHeaderRow', () => {
  it('rejects a card row holding two labels with their values', () => {
    expect(isHeaderRow(line('序号\t1\t子项名称\t\t权力类型\t行政处罚'))).toBe(false);
    expect(isHeaderRow(line('事项名称\t对骗取医保基金支出的处罚\t子项名称\t'))).toBe(false);
  });
  it('accepts rows whose cells are mostly known column names', () => {
    expect(isHeaderRow(line('序号\t事项名称\t权力类型\t实施依据'))).toBe(true);
    expect(isHeaderRow(line('序号\t事项名称\t权力类型\t\t\t'))).toBe(true);
    expect(isHeaderRow(line('序号\t事项名称\t公开方式'))).toBe(true);
  });
  it('rejects data rows, card rows and lone labels', () => {
    expect(isHeaderRow(line('1\t对医疗救助的监督检查\t行政检查'))).toBe(false);
    expect(isHeaderRow(line('1\t序号\t1'))).toBe(false);
    expect(isHeaderRow(line('序号'))).toBe(false);
    expect(isHeaderRow(line('序号\t事项名称\t甲\t乙\t丙'))).toBe(false);
  });
});

describe('isPairRow', () => {
  it('accepts card rows of label/value pairs', () => {
    expect(isPairRow(line('序号\t1\t权力类型\t行政处罚'))).toBe(true);
    expect(isPairRow(line('事项名称\t对骗取医保基金支出的处罚\t子项名称\t'))).toBe(true);
    expect(isPairRow(line('实施依据\t《社会保险法》第八十七条\t行使主体\t凉州区医疗保障局'))).toBe(true);
  });
  it('rejects headers and data rows', () => {
    expect(isPairRow(line('序号\t事项名称\t权力类型\t实施依据'))).toBe(false);
    expect(isPairRow(line('1\t对医疗救助的监督检查\t行政检查'))).toBe(false);
    expect(isPairRow(line('序号\t1'))).toBe(false);
  });
});

describe('headingText', () => {
  it('strips markdown markers', () => {
    expect(headingText(line('## 尼勒克县医疗保障局权责清单事项表(行政处罚)'))).toBe('尼勒克县医疗保障局权责清单事项表(行政处罚)');
    expect(headingText(line('# 任意标题'))).toBe('任意标题');
  });
  it('accepts unmarked lines that name a list', () => {
    expect(headingText(line('通化市医疗保障局权责事项清单（试行）'))).toBe('通化市医疗保障局权责事项清单（试行）');
    expect(headingText(line('尼勒克县医疗保障局权责清单事项表(行政奖励)'))).toBe('尼勒克县医疗保障局权责清单事项表(行政奖励)');
  });
  it('accepts a title padded with tabs', () => {
    expect(headingText(line('某局权责清单\t\t\t'))).toBe('某局权责清单');
  });
  it('accepts a department or a power type on its own, with or without an outline number', () => {
    expect(headingText(line('一、尼勒克县医疗保障局'))).toBe('一、尼勒克县医疗保障局');
    expect(headingText(line('（二）县卫生健康委员会'))).toBe('（二）县卫生健康委员会');
    expect(headingText(line('伊宁县医疗保障局'))).toBe('伊宁县医疗保障局');
    expect(headingText(line('一、行政许可（共3项）'))).toBe('一、行政许可（共3项）');
    expect(headingText(line('行政处罚'))).toBe('行政处罚');
    expect(headingText(line('第二部分 行政检查类'))).toBe('第二部分 行政检查类');
  });
  it('rejects numbered lines that are items or text, notes and sentences', () => {
    expect(headingText(line('一、对医疗救助的监督检查'))).toBeNull();
    expect(headingText(line('（1）对参保人伪造医学文书骗取医保基金的处罚'))).toBeNull();
    expect(headingText(line('注：本清单自公布之日起施行'))).toBeNull();
    expect(headingText(line('本权责清单由县医疗保障局负责解释。'))).toBeNull();
    expect(headingText(line('具体承办的业务科室'))).toBeNull();
  });
  it('rejects other lines', () => {
    expect(headingText(line('注：以上为试行'))).toBeNull();
    expect(headingText(line('权责清单\t序号'))).toBeNull();
    expect(headingText(line('\t某局权责清单'))).toBeNull();
    expect(headingText(line('10\t\t\t'))).toBeNull();
    expect(headingText(line('##'))).toBeNull();
    expect(headingText({ no: 1, text: '  ', cells: ['  '] })).toBeNull();
  });
});

describe('sectionFromHeading', () => {
  it('takes the bracketed power type', () => {
    expect(sectionFromHeading({ line: 3, text: '尼勒克县医疗保障局权责清单事项表(行政处罚)' })).toEqual({ powerTypeText: '行政处罚', line: 3 });
    expect(sectionFromHeading({ line: 3, text: '某局权责清单（其他行政权力）' })).toEqual({ powerTypeText: '其他行政权力', line: 3 });
  });
  it('skips brackets that are not a power type', () => {
    expect(sectionFromHeading({ line: 1, text: '通化市医疗保障局权责事项清单（试行）' })).toBeNull();
    expect(sectionFromHeading({ line: 1, text: '某局清单（试行）（行政检查）' })?.powerTypeText).toBe('行政检查');
  });
  it('takes a numbered section heading without its number and count', () => {
    expect(sectionFromHeading({ line: 4, text: '一、行政许可（共3项）' })).toEqual({ powerTypeText: '行政许可', line: 4 });
    expect(sectionFromHeading({ line: 4, text: '（二）行政检查和行政处罚' })).toEqual({ powerTypeText: '行政检查和行政处罚', line: 4 });
    expect(sectionFromHeading({ line: 4, text: '一、尼勒克县医疗保障局' })).toBeNull();
  });
  it('falls back to the whole heading when it names a power type without brackets', () => {
    expect(sectionFromHeading({ line: 1, text: '行政处罚事项' })).toEqual({ powerTypeText: '行政处罚事项', line: 1 });
  });
});

describe('selfLabel', () => {
  it('reads a field name on the first line of a multi-line cell', () => {
    expect(selfLabel('追究情形\n因不履行')).toEqual({ key: 'accountabilityCircumstances', label: '追究情形' });
  });
  it('needs more text after the name', () => {
    expect(selfLabel('追究情形')).toBeNull();
  });
  it('ignores first lines that are not field names', () => {
    expect(selfLabel('直接实施责任:\n1.制定')).toBeNull();
  });
});

describe('finishItem', () => {
  it('derives named values from the first non-empty field of each key', () => {
    const w: ImportWarning[] = [];
    const item = finishItem(
      draft([
        ['seq', '3', 5],
        ['name', '事项', 5],
        ['powerType', '行政检查', 5],
        ['body', '某局', 5],
        ['body', '另一局', 6],
        ['localCode', 'X1', 5],
      ]),
      none,
      w,
    );
    expect(item).toMatchObject({ seq: '3', name: '事项', subItem: null, powerTypes: ['INSPECTION'], body: '某局', unit: null, localCode: 'X1', legalBasis: null, lines: [5, 6] });
    expect(w).toEqual([]);
  });

  it('joins distinct legal-basis texts in order, once each', () => {
    const item = finishItem(draft([['name', '事项', 1], ['powerType', '行政检查', 1], ['legalBasis', '《甲法》', 1], ['legalBasis', '<p>《乙法》</p>', 2], ['legalBasis', '《甲法》', 3]]), none, []);
    expect(item.legalBasis).toBe('《甲法》\n《乙法》');
  });

  it('sorts the source lines', () => {
    const d = draft([['name', '事项', 9], ['powerType', '行政检查', 9]]);
    d.lines.add(3);
    expect(finishItem(d, none, []).lines).toEqual([3, 9]);
  });

  it('takes the power type from the section when the item has none', () => {
    const w: ImportWarning[] = [];
    const item = finishItem(draft([['name', '事项', 4]], { powerTypeText: '行政奖励', line: 1 }), none, w);
    expect(item).toMatchObject({ powerTypes: ['REWARD'], powerTypeText: '行政奖励' });
    expect(w).toEqual([]);
  });

  it('keeps an unrecognised power type as written and uses the section, with a warning', () => {
    const w: ImportWarning[] = [];
    const item = finishItem(draft([['name', '事项', 4], ['powerType', '公共服务', 4]], { powerTypeText: '行政奖励', line: 1 }), none, w);
    expect(item).toMatchObject({ powerTypes: ['REWARD'], powerTypeText: '公共服务' });
    expect(w.map((x) => x.code)).toEqual(['UNKNOWN_POWER_TYPE']);
  });

  it('carries the department only when the draft has one set', () => {
    const d = draft([['name', '事项', 1], ['powerType', '行政检查', 1]]);
    expect('department' in finishItem(d, none, [])).toBe(false);
    d.department = '伊宁县医疗保障局';
    expect(finishItem(d, none, []).department).toBe('伊宁县医疗保障局');
  });

  it('throws when a layout hands over an item without a name', () => {
    expect(() => finishItem(draft([['seq', '1', 1]]), none, [])).toThrow(/without a name/);
  });

  describe('citations', () => {
    it('searches each legal-basis and responsibility-basis field once, and records its line', () => {
      const calls: [string, FieldKey][] = [];
      const extract = (text: string, field: FieldKey) => {
        calls.push([text, field]);
        return [citation(text, field)];
      };
      const d = draft([
        ['name', '事项', 1],
        ['powerType', '行政检查', 1],
        ['legalBasis', '《甲法》第一条', 1],
        ['responsibilityBasis', '《乙法》第二条', 1],
        ['remarks', '《丙法》', 1],
        ['legalBasis', '《甲法》第一条', 2],
        ['legalBasis', '《丁法》', 3],
      ]);
      const levelField: FieldValue = makeField('responsibilityBasis', '责任事项依据', '《戊法》', 4);
      const level: ItemLevelRecord = { levelText: '县级', level: 'COUNTY', body: null, unit: null, scope: null, duties: null, responsibilities: null, fields: [levelField], lines: [4] };
      d.levels.push(level);
      const item = finishItem(d, extract, []);
      expect(calls).toEqual([
        ['《甲法》第一条', 'legalBasis'],
        ['《乙法》第二条', 'responsibilityBasis'],
        ['《丁法》', 'legalBasis'],
        ['《戊法》', 'responsibilityBasis'],
      ]);
      expect(item.citations.map((c) => [c.text, c.field, c.line])).toEqual([
        ['《甲法》第一条', 'legalBasis', 1],
        ['《乙法》第二条', 'responsibilityBasis', 1],
        ['《丁法》', 'legalBasis', 3],
        ['《戊法》', 'responsibilityBasis', 4],
      ]);
    });

    it('passes the cleaned text, so offsets index the field text', () => {
      let seen = '';
      finishItem(draft([['name', '事项', 1], ['powerType', '行政检查', 1], ['legalBasis', '<p>【法律】《社会保险法》</p> <p>第八十七条</p>', 1]]), (t) => {
        seen = t;
        return [];
      }, []);
      expect(seen).toBe('【法律】《社会保险法》\n第八十七条');
    });

    it('turns an extractor failure into a warning on the field’s line', () => {
      const w: ImportWarning[] = [];
      const item = finishItem(draft([['name', '事项', 1], ['powerType', '行政检查', 1], ['legalBasis', '《甲法》', 2]]), () => {
        throw new Error('boom');
      }, w);
      expect(item.citations).toEqual([]);
      expect(w).toEqual([expect.objectContaining({ code: 'CITATION_FAILED', line: 2, message: expect.stringContaining('boom') })]);
    });
  });
});

describe('comparableName', () => {
  it('ignores width, whitespace, bracket width and trailing punctuation', () => {
    expect(comparableName('对社会（医疗和生育）保险基金的监督检查。')).toBe(comparableName('对社会(医疗和生育)保险基金的 监督检查'));
    expect(comparableName('对医保ＡＢＣ类药品的检查')).toBe(comparableName('对医保ABC类药品的检查'));
    expect(comparableName(null)).toBe('');
  });
});

describe('settleDrafts', () => {
  const heading = (text: string, l = 1) => ({ line: l, text });

  it('merges a repeated item: lines and levels united, missing fields taken, conflicting ones reported', () => {
    const a = draft([['seq', '2', 4], ['name', '对骗取医保基金支出的处罚', 4], ['powerType', '行政处罚', 4], ['body', '某县医疗保障局', 4]]);
    const b = draft([['seq', '2', 9], ['name', '对骗取医保基金支出的处罚 ', 9], ['powerType', '行政处罚', 9], ['body', '某县医保局', 9], ['legalBasis', '《社会保险法》第八十七条', 9]]);
    const level: ItemLevelRecord = { levelText: '县级', level: 'COUNTY', body: null, unit: null, scope: null, duties: null, responsibilities: null, fields: [], lines: [10] };
    b.levels.push(level);
    b.lines.add(10);
    const w: ImportWarning[] = [];
    const out = settleDrafts([a, b], [], w);
    expect(out).toEqual([a]);
    const item = finishItem(out[0], none, []);
    expect(item).toMatchObject({ seq: '2', body: '某县医疗保障局', legalBasis: '《社会保险法》第八十七条', lines: [4, 9, 10] });
    expect(item.levels).toEqual([level]);
    expect(w.map((x) => `${x.line}:${x.code}`)).toEqual(['9:DUPLICATE_MERGED', '9:DUPLICATE_CONFLICT']);
    expect(w[0].message).toMatch(/line 4 is listed again on line 9/);
    expect(w[1]).toMatchObject({ text: '某县医保局' });
  });

  it('compares power types as the item will have them, its section’s when it has none', () => {
    const a = draft([['name', '甲', 1]], { powerTypeText: '行政处罚', line: 0 });
    const b = draft([['name', '甲', 5], ['powerType', '行政处罚', 5]]);
    const c = draft([['name', '甲', 7], ['powerType', '行政检查', 7]]);
    expect(settleDrafts([a, b, c], [], [])).toEqual([a, c]);
  });

  it('keeps departments only when the headings name several, and never merges across them', () => {
    const one = () => [newDraft(null, '尼勒克县医疗保障局'), newDraft(null, '伊宁县医疗保障局')].map((d, i) => {
      d.fields.push(makeField('name', '事项名称', '对医疗救助的监督检查', i + 1));
      d.lines.add(i + 1);
      return d;
    });
    const several = settleDrafts(one(), [heading('一、尼勒克县医疗保障局'), heading('二、伊宁县医疗保障局', 5)], []);
    expect(several.map((d) => d.department)).toEqual(['尼勒克县医疗保障局', '伊宁县医疗保障局']);
    const single = settleDrafts(one(), [heading('尼勒克县医疗保障局权责清单')], []);
    // One department named: the drafts lose theirs, and being the same item they merge.
    expect(single).toHaveLength(1);
    expect('department' in single[0]).toBe(false);
  });
});
