import type { FieldKey } from '../../src/domain/fields';
import type { CitationRecord, FieldValue, ImportWarning, ItemLevelRecord } from '../../src/domain/records';
import { finishItem, headingText, isHeaderRow, makeField, newDraft, sectionFromHeading, selfLabel } from '../../src/ingest/assemble';
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
