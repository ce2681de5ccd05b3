import {
  consistency,
  groupMatters,
  MATTER_THRESHOLD,
  MatterGroup,
  MatterMember,
  nameKey,
  similarity,
} from '../../src/domain/matters';
import type { PowerType } from '../../src/domain/powerTypes';

// Lists of the seed documents (names, power types and cited articles as the
// seeds give them; article ids made up as a:<statute>:<article>).
const XJ = { listId: 'l-xj', jurisdictionCode: '650000' };
const NLK = { listId: 'l-nlk', jurisdictionCode: '654028' };
const TH = { listId: 'l-th', jurisdictionCode: '220500' };
const NMG = { listId: 'l-nmg', jurisdictionCode: '150000' };

let seq = 0;
function item(
  list: { listId: string; jurisdictionCode: string },
  name: string,
  powerTypes: PowerType[],
  articles: string[] = [],
  extra: Partial<MatterMember> = {},
): MatterMember {
  const statutes = [...new Set(articles.map((a) => a.split(':')[1]))].map((s) => `s:${s}`);
  return { id: `${list.listId}#${++seq}`, ...list, name, subItem: null, powerTypes, articles, statutes, ...extra };
}

/** Member ids per group, sorted, for comparing groupings. */
const shape = (groups: MatterGroup[]) => groups.map((g) => g.members.map((m) => m.member.id).sort());
const groupOf = (groups: MatterGroup[], m: MatterMember) => groups.find((g) => g.members.some((x) => x.member.id === m.id));

/** Fixed-seed PRNG (mulberry32): tests stay reproducible. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('nameKey', () => {
  it('drops (新增)-style annotations, whitespace and punctuation, and folds width', () => {
    expect(nameKey('对个人骗取医疗保障基金支出行为的处罚 (新增)', null)).toBe('对个人骗取医疗保障基金支出行为的处罚');
    expect(nameKey('医疗保险参保登记（新增）', null)).toBe('医疗保险参保登记');
    expect(nameKey('对用人单位和个人遵守社会保险法律、法规情况进行监督检查', null)).toBe(
      nameKey('对用人单位和个人遵守社会保险法律法规情况进行监督检查', null),
    );
    expect(nameKey('建立医疗卫生机构、人员等信用记录制度,纳入全国信用信息共享平台。', null)).toBe(
      nameKey('建立医疗卫生机构、人员等信用记录制度，纳入全国信用信息共享平台', null),
    );
    expect(nameKey('药品　价格监测２０２０', null)).toBe('药品价格监测2020');
  });

  it('keeps parentheses that are part of the name (their text, not the brackets)', () => {
    expect(nameKey('对社会(医疗和生育)保险基金的收支、管理和投资运营情况的监督检查', null)).toBe(
      '对社会医疗和生育保险基金的收支管理和投资运营情况的监督检查',
    );
  });

  it('appends the sub-item, so two sub-items of one item are different keys', () => {
    expect(nameKey('医疗保险稽核', '定点医疗机构')).toBe('医疗保险稽核/定点医疗机构');
    expect(nameKey('医疗保险稽核', '定点医疗机构')).not.toBe(nameKey('医疗保险稽核', '定点零售药店'));
    expect(nameKey('医疗保险稽核', '')).toBe('医疗保险稽核');
  });
});

describe('groupMatters on the seed examples', () => {
  it('groups 对医疗救助的监督检查, named verbatim in four lists', () => {
    const ms = [
      item(XJ, '对医疗救助的监督检查', ['INSPECTION'], ['a:社会救助暂行办法:57', 'a:医疗保障基金使用监督管理条例:2']),
      item(NLK, '对医疗救助的监督检查', ['INSPECTION'], ['a:社会救助暂行办法:57']),
      item(TH, '对医疗救助的监督检查', ['INSPECTION']),
      item(NMG, '对医疗救助的监督检查', ['INSPECTION'], ['a:社会救助暂行办法:57']),
    ];
    const groups = groupMatters(ms);
    expect(groups).toHaveLength(1);
    expect(groups[0].key).toBe('对医疗救助的监督检查|INSPECTION');
    expect(groups[0].members).toHaveLength(4);
    expect(groups[0].members[0]).toMatchObject({ member: groups[0].anchor, score: 1 });
    for (const m of groups[0].members.slice(1)) {
      expect(m.score).toBe(1);
      expect(m.evidence.map((e) => e.kind)).toContain('SAME_NAME');
    }
  });

  it('groups 骗取医疗救助资金/基金 despite a dropped character and 资金/基金', () => {
    const ms = [
      item(XJ, '对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚', ['PUNISHMENT'], ['a:社会救助暂行办法:68', 'a:医疗保障基金使用监督管理条例:40']),
      item(NLK, '对采取虚报、隐瞒、伪造等段，骗取医疗救助资金的处罚', ['PUNISHMENT'], ['a:社会救助暂行办法:68']),
      item(TH, '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚', ['PUNISHMENT']),
      item(NMG, '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚', ['PUNISHMENT'], ['a:社会救助暂行办法:68']),
    ];
    const groups = groupMatters(ms);
    expect(shape(groups)).toEqual([ms.map((m) => m.id).sort()]);
    // The wording two lists share anchors the group.
    expect(groups[0].anchor.name).toBe('对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚');
    const typo = groups[0].members.find((m) => m.member.listId === NLK.listId)!;
    expect(typo.evidence.map((e) => e.kind)).toEqual(['SIMILAR_NAME', 'SHARED_ARTICLES', 'SAME_POWER_TYPE']);
  });

  it('groups the three wordings of 遵守社会保险法律、法规情况 监督检查', () => {
    const ms = [
      item(XJ, '对用人单位和个人遵守社会保险法律、法规情况进行监督检查', ['INSPECTION'], ['a:社会保险法:77', 'a:社会保险法:79']),
      item(NLK, '对用人单位和个人遵守社会保险法律法规情况进行监督检查', ['INSPECTION'], ['a:社会保险法:77']),
      item(TH, '对用人单位和个人遵守社会保险法律、法规情况的监督检查', ['INSPECTION']),
    ];
    expect(shape(groupMatters(ms))).toEqual([ms.map((m) => m.id).sort()]);
  });

  const gaoZhi = [
    item(XJ, '对公立医疗机构高值医用耗材集中采购行为的合规性监督检查', ['INSPECTION'], ['a:高值医用耗材集中采购工作规范(试行):42']),
    item(NLK, '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION'], ['a:高值医用耗材集中采购工作规范(试行):42']),
    item(TH, '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION']),
  ];
  // Same articles as the 高值 items on purpose: only the object tells them apart.
  const yaoPin = [
    item(XJ, '对公立医疗机构集中采购药品集中采购行为合规性的监督检查', ['INSPECTION'], ['a:高值医用耗材集中采购工作规范(试行):42']),
    item(NLK, '对公立医疗机构药品集中采购行为合规性的监督检查', ['INSPECTION'], ['a:高值医用耗材集中采购工作规范(试行):42']),
    item(TH, '对公立医疗机构药品集中采购行为合规性的监督检查', ['INSPECTION']),
  ];
  const both = item(NMG, '对公立医疗机构药品和高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION'], [
    'a:高值医用耗材集中采购工作规范(试行):42',
  ]);
  const ids = (ms: MatterMember[]) => ms.map((m) => m.id).sort();

  it('keeps 高值医用耗材 and 药品 集中采购 监督检查 apart, each one matter', () => {
    const groups = groupMatters([...gaoZhi, ...yaoPin]);
    expect(shape(groups).sort()).toEqual([ids(gaoZhi), ids(yaoPin)].sort());
    const s = similarity(gaoZhi[1], yaoPin[1]);
    expect(s.score).toBeLessThan(MATTER_THRESHOLD);
    expect(s.evidence.find((e) => e.kind === 'DIFFERENT_OBJECT')?.detail).toMatch(/高值医用耗材.*药品/);
  });

  it('lets 药品和高值医用耗材 join the better of the two, never merging them through it', () => {
    const groups = groupMatters([...gaoZhi, ...yaoPin, both]);
    expect(groups).toHaveLength(2);
    // It scores higher with 高值 (the longer shared wording) and joins that group.
    expect(similarity(both, gaoZhi[1]).score).toBeGreaterThan(similarity(both, yaoPin[1]).score);
    expect(groupOf(groups, both)!.members.map((m) => m.member.id).sort()).toEqual(ids([...gaoZhi, both]));
    expect(groupOf(groups, yaoPin[1])!.members.map((m) => m.member.id).sort()).toEqual(ids(yaoPin));
  });

  it('does not chain through 药品和高值医用耗材 when it is the anchor', () => {
    // One item per wording: the combined name sorts first and becomes an anchor.
    const ms = [both, gaoZhi[2], yaoPin[1]];
    const groups = groupMatters(ms);
    expect(groups[0].anchor.id).toBe(both.id);
    expect(groups).toHaveLength(2);
    expect(groupOf(groups, gaoZhi[2])).not.toBe(groupOf(groups, yaoPin[1]));
    // 药品 shares the anchor's article and scores higher; 高值 is refused rather than chained in.
    expect(shape(groups)).toEqual([ids([both, yaoPin[1]]), [gaoZhi[2].id]]);
  });

  it('groups 医疗保险稽核 across lists, ignoring (新增)/（新增）', () => {
    const ms = [
      item(XJ, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31', 'a:社会保险稽核办法:2']),
      item(NLK, '医疗保险稽核(新增)', ['INSPECTION'], ['a:社会保险法:31', 'a:社会保险经办条例:43']),
      item(TH, '医疗保险稽核（新增）', ['INSPECTION']),
    ];
    const groups = groupMatters(ms);
    expect(shape(groups)).toEqual([ids(ms)]);
    expect(groups[0].key).toBe('医疗保险稽核|INSPECTION');
  });

  it('groups 对个人骗取医疗保障基金支出行为的处罚 with and without (新增)', () => {
    const other = { listId: 'l-other', jurisdictionCode: '654000' };
    const ms = [
      item(NLK, '对个人骗取医疗保障基金支出行为的处罚 (新增)', ['PUNISHMENT'], ['a:社会保险法:88']),
      item(other, '对个人骗取医疗保障基金支出行为的处罚', ['PUNISHMENT'], ['a:社会保险法:88']),
    ];
    const groups = groupMatters(ms);
    expect(shape(groups)).toEqual([ids(ms)]);
    expect(groups[0].members[1].evidence[0].kind).toBe('SAME_NAME');
  });

  it('groups 以欺诈、(伪造)证明材料…骗取医疗保险(、生育保险)待遇的处罚', () => {
    const ms = [
      item(XJ, '对以欺诈、证明材料或者其他手段骗取医疗保险待遇的处罚', ['PUNISHMENT'], ['a:社会保险法:88', 'a:基本医疗卫生与健康促进法:104']),
      item(NLK, '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚', ['PUNISHMENT'], ['a:社会保险法:88']),
      item(TH, '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚', ['PUNISHMENT']),
    ];
    expect(shape(groupMatters(ms))).toEqual([ids(ms)]);
  });

  it('keeps individuals cheating on benefits apart from institutions cheating the fund, though they cite the same articles', () => {
    const arts = ['a:社会保险法:87', 'a:社会保险法:88'];
    const individuals = [
      item(NLK, '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚', ['PUNISHMENT'], arts),
      item(TH, '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚', ['PUNISHMENT'], arts),
    ];
    const institutions = [
      item(NLK, '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚', ['PUNISHMENT'], arts),
      item(TH, '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险基金、生育保险支出的处罚', ['PUNISHMENT'], arts),
    ];
    const groups = groupMatters([...individuals, ...institutions]);
    expect(shape(groups).sort()).toEqual([ids(individuals), ids(institutions)].sort());
    const s = similarity(individuals[0], institutions[0]);
    expect(s.score).toBeLessThan(MATTER_THRESHOLD);
    expect(s.evidence.map((e) => e.kind)).toContain('DIFFERENT_OBJECT');
  });
});

describe('similarity', () => {
  const a = item(XJ, '对参加药品采购投标的投标人的违法行为进行监督管理', ['INSPECTION'], ['a:药品管理法:88']);

  it('is symmetric in score and evidence (details name a first)', () => {
    const b = item(NLK, '对参加药品采购投标人的违法行为进行处罚', ['PUNISHMENT'], ['a:药品管理法:88', 'a:价格法:35']);
    const [ab, ba] = [similarity(a, b), similarity(b, a)];
    expect(ab.score).toBe(ba.score);
    expect(ab.evidence.map((e) => [e.kind, e.weight])).toEqual(ba.evidence.map((e) => [e.kind, e.weight]));
    expect(ab.evidence.find((e) => e.kind === 'DIFFERENT_OBJECT')?.detail).toMatch(/监督管理 \/ 处罚/);
    expect(ba.evidence.find((e) => e.kind === 'DIFFERENT_OBJECT')?.detail).toMatch(/处罚 \/ 监督管理/);
  });

  it('scores the same name with no power type in common lower, but still one matter', () => {
    const b = item(NLK, a.name, ['PUNISHMENT'], a.articles);
    const s = similarity(a, b);
    expect(s.score).toBeCloseTo(0.85);
    expect(s.score).toBeGreaterThanOrEqual(MATTER_THRESHOLD);
    expect(s.evidence.map((e) => e.kind)).toEqual(['SAME_NAME', 'SHARED_ARTICLES', 'DIFFERENT_POWER_TYPE']);
  });

  it('separates near names when the power types differ', () => {
    const x = item(XJ, '对举报欺诈骗取医疗保险基金行为的奖励', ['REWARD']);
    const y = item(NLK, '对举报欺诈骗取医疗保障基金行为的奖励', ['REWARD']);
    expect(similarity(x, y).score).toBeGreaterThanOrEqual(MATTER_THRESHOLD);
    const s = similarity(x, { ...y, powerTypes: ['BENEFIT'] });
    expect(s.score).toBeLessThan(MATTER_THRESHOLD);
    expect(s.evidence.map((e) => e.kind)).toEqual(['SIMILAR_NAME', 'DIFFERENT_POWER_TYPE']);
  });

  it('lets shared articles lift a moderately similar name, but not a dissimilar one', () => {
    const x = item(XJ, '对药品价格进行监测和成本调查', ['INSPECTION'], ['a:药品管理法:84']);
    const y = item(TH, '对药品、医用耗材价格进行监测和成本调查', ['INSPECTION'], ['a:药品管理法:84']);
    expect(similarity(x, y).score).toBeGreaterThan(similarity(x, { ...y, articles: ['a:价格法:1'] }).score);
    const far = item(NMG, '对签订服务协议的医疗机构、零售药店的监督管理', ['INSPECTION'], ['a:药品管理法:84']);
    const s = similarity(x, far);
    expect(s.score).toBeLessThan(0.6);
    expect(s.evidence.map((e) => e.kind)).not.toContain('SHARED_ARTICLES');
  });

  it('reads a substitution as one even where the two words share a character', () => {
    // 价格监测 / 监督检查 share 监; aligned on it alone, neither side would differ by two characters.
    const x = item(NLK, '对纳入医疗保障范围的价格违法违规行为的监督检查', ['INSPECTION'], ['a:价格法:33']);
    const y = item(TH, '对纳入医疗保障范围的价格违法违规行为的价格监测', ['INSPECTION'], ['a:价格法:33']);
    const s = similarity(x, y);
    expect(s.evidence.find((e) => e.kind === 'DIFFERENT_OBJECT')?.detail).toMatch(/监督检查 \/ 价格监测/);
    expect(s.score).toBeLessThan(MATTER_THRESHOLD);
  });

  it('reports statutes when one side gives no article numbers', () => {
    const x = item(XJ, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31']);
    const y = item(TH, '医疗保险稽核费', ['INSPECTION'], [], { statutes: ['s:社会保险法'] });
    expect(similarity(x, y).evidence.map((e) => e.kind)).toContain('SHARED_STATUTES');
  });
});

describe('groupMatters', () => {
  // Every seed item the examples above use, in one input, labelled with its matter.
  const labelled: [string, MatterMember][] = [
    ...['l-xj', 'l-nlk', 'l-th', 'l-nmg'].map((l): [string, MatterMember] => [
      '医疗救助',
      item({ listId: l, jurisdictionCode: '' }, '对医疗救助的监督检查', ['INSPECTION'], ['a:社会救助暂行办法:57']),
    ]),
    ['救助资金', item(XJ, '对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚', ['PUNISHMENT'], ['a:社会救助暂行办法:68'])],
    ['救助资金', item(NLK, '对采取虚报、隐瞒、伪造等段，骗取医疗救助资金的处罚', ['PUNISHMENT'], ['a:社会救助暂行办法:68'])],
    ['救助资金', item(TH, '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚', ['PUNISHMENT'])],
    ['救助资金', item(NMG, '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚', ['PUNISHMENT'], ['a:社会救助暂行办法:68'])],
    ['高值', item(XJ, '对公立医疗机构高值医用耗材集中采购行为的合规性监督检查', ['INSPECTION'])],
    ['高值', item(NLK, '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION'])],
    ['高值', item(TH, '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION'])],
    ['药品', item(XJ, '对公立医疗机构集中采购药品集中采购行为合规性的监督检查', ['INSPECTION'])],
    ['药品', item(NLK, '对公立医疗机构药品集中采购行为合规性的监督检查', ['INSPECTION'])],
    ['药品', item(TH, '对公立医疗机构药品集中采购行为合规性的监督检查', ['INSPECTION'])],
    // Names both: scores higher with 高值 (longer shared wording), so joins it.
    ['高值', item(NMG, '对公立医疗机构药品和高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION'])],
    ['稽核', item(XJ, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31'])],
    ['稽核', item(NLK, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31'])],
    ['稽核', item(TH, '医疗保险稽核', ['INSPECTION'])],
    ['待遇', item(XJ, '对以欺诈、证明材料或者其他手段骗取医疗保险待遇的处罚', ['PUNISHMENT'], ['a:社会保险法:88'])],
    ['待遇', item(NLK, '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚', ['PUNISHMENT'], ['a:社会保险法:88'])],
    ['待遇', item(TH, '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚', ['PUNISHMENT'])],
    ['基金支出', item(NLK, '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚', ['PUNISHMENT'], ['a:社会保险法:88'])],
    ['基金支出', item(TH, '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险基金、生育保险支出的处罚', ['PUNISHMENT'])],
    ['医疗服务行为', item(NLK, '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用加强监督管理', ['INSPECTION'], ['a:基本医疗卫生与健康促进法:87'])],
    ['医疗服务行为', item(TH, '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理', ['INSPECTION', 'PUNISHMENT'])],
    ['医疗服务行为', item(NMG, '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理', ['INSPECTION'], ['a:基本医疗卫生与健康促进法:87'])],
  ];
  const fixture = labelled.map(([, m]) => m);
  const label = new Map(labelled.map(([l, m]) => [m.id, l]));

  it('finds the matters of the seed examples: one group per matter, nothing mixed', () => {
    const groups = groupMatters(fixture);
    const labels = groups.map((g) => [...new Set(g.members.map((m) => label.get(m.member.id)))]);
    for (const ls of labels) expect(ls).toHaveLength(1);
    expect(labels.map(([l]) => l).sort()).toEqual([...new Set(label.values())].sort());
  });

  it('returns the same groups, keys, scores and order whatever the input order', () => {
    const expected = groupMatters(fixture);
    const rnd = prng(20240501);
    for (let i = 0; i < 20; i++) expect(groupMatters(shuffle(fixture, rnd))).toEqual(expected);
  });

  it('places every member exactly once, and gives every group a unique key', () => {
    const groups = groupMatters(fixture);
    expect(groups.flatMap((g) => g.members.map((m) => m.member.id)).sort()).toEqual(fixture.map((m) => m.id).sort());
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('scores each member as similarity to its anchor, anchor first with score 1', () => {
    for (const g of groupMatters(fixture)) {
      expect(g.members[0]).toMatchObject({ member: g.anchor, score: 1 });
      for (const m of g.members.slice(1)) {
        const s = similarity(m.member, g.anchor);
        expect(m.score).toBe(s.score);
        expect(m.evidence).toEqual(s.evidence);
        expect(m.score).toBeGreaterThanOrEqual(MATTER_THRESHOLD);
      }
    }
  });

  it('holds at most one member per list: a duplicate founds its own group, with the key disambiguated', () => {
    const a = item(XJ, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31']);
    const dup = item(XJ, '医疗保险稽核（新增）', ['INSPECTION'], ['a:社会保险法:31']);
    const b = item(NLK, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31']);
    const groups = groupMatters([a, dup, b]);
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(new Set(g.members.map((m) => m.member.listId)).size).toBe(g.members.length);
    expect(groups.map((g) => g.key)).toEqual(['医疗保险稽核|INSPECTION', `医疗保险稽核|INSPECTION|${groups[1].anchor.id}`]);
  });

  it('gives a list\'s place in a group to its better-scoring item', () => {
    // Two near wordings in one list; the other list uses the first exactly.
    const exact = item(NLK, '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION']);
    const near = item(NLK, '对公立医疗机构高值医用耗材集中采购行为的合规性监督检查', ['INSPECTION']);
    const other = item(TH, '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查', ['INSPECTION']);
    const groups = groupMatters([near, other, exact]);
    expect(shape(groups).sort()).toEqual([[exact.id, other.id].sort(), [near.id]].sort());
  });

  it('returns [] for no members', () => {
    expect(groupMatters([])).toEqual([]);
  });
});

describe('consistency', () => {
  it('flags every aspect on which a group differs, most members first', () => {
    const ms = [
      item(XJ, '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理', ['INSPECTION'], ['a:基本医疗卫生与健康促进法:87']),
      item(NMG, '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理(新增)', ['INSPECTION'], ['a:基本医疗卫生与健康促进法:87']),
      item(TH, '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理', ['PUNISHMENT', 'INSPECTION'], [
        'a:基本医疗卫生与健康促进法:87',
        'a:社会保险法:87',
      ]),
      item(NLK, '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用加强监督管理', ['INSPECTION'], ['a:基本医疗卫生与健康促进法:87']),
    ];
    const [xj, nmg, th, nlk] = ms.map((m) => m.id);
    expect(consistency(ms)).toEqual([
      {
        aspect: 'NAME',
        variants: [
          { value: ['对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理'], memberIds: [xj, nmg, th].sort() },
          { value: ['对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用加强监督管理'], memberIds: [nlk] },
        ],
      },
      {
        aspect: 'POWER_TYPE',
        variants: [
          { value: ['INSPECTION'], memberIds: [xj, nmg, nlk].sort() },
          { value: ['INSPECTION', 'PUNISHMENT'], memberIds: [th] },
        ],
      },
      {
        aspect: 'STATUTES',
        variants: [
          { value: ['s:基本医疗卫生与健康促进法'], memberIds: [xj, nmg, nlk].sort() },
          { value: ['s:基本医疗卫生与健康促进法', 's:社会保险法'], memberIds: [th] },
        ],
      },
      {
        aspect: 'ARTICLES',
        variants: [
          { value: ['a:基本医疗卫生与健康促进法:87'], memberIds: [xj, nmg, nlk].sort() },
          { value: ['a:基本医疗卫生与健康促进法:87', 'a:社会保险法:87'], memberIds: [th] },
        ],
      },
    ]);
  });

  it('is empty for a uniform group, ignoring width, whitespace and (新增)', () => {
    const ms = [
      item(XJ, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31']),
      item(NLK, '医疗保险稽核 （新增）', ['INSPECTION'], ['a:社会保险法:31']),
      item(TH, '医疗保险　稽核', ['INSPECTION'], ['a:社会保险法:31']),
    ];
    expect(consistency(ms)).toEqual([]);
  });

  it('counts citing no articles as a variant', () => {
    const ms = [item(XJ, '医疗保险稽核', ['INSPECTION'], ['a:社会保险法:31']), item(TH, '医疗保险稽核', ['INSPECTION'])];
    expect(consistency(ms).map((d) => [d.aspect, d.variants.map((v) => v.value)])).toEqual([
      ['STATUTES', [['s:社会保险法'], []]],
      ['ARTICLES', [['a:社会保险法:31'], []]],
    ]);
  });
});

describe('groupMatters at scale', () => {
  // 3,200 lists × 62 items from 1,000 synthetic matters named 对<subject><object>的<action>
  // (10 words per slot, built from disjoint characters so two matters always
  // differ by a whole word). Variants as lists write them: a dropped
  // character, (新增), punctuation and width, another power type, fewer articles;
  // every 97th list also repeats one of its items (a duplicated row).
  const rnd = prng(7);
  const pool = [...Array(400)].map((_, i) => String.fromCharCode(0x5c00 + i * 3)).filter((c) => !/[的和及与或等对之并进行以予加]/.test(c));
  let next = 0;
  const word = () => pool.slice(next, (next += 2 + Math.floor(rnd() * 3))).join('');
  const slots = [0, 1, 2].map(() => [...Array(10)].map(word));
  const TYPES: PowerType[] = ['INSPECTION', 'PUNISHMENT', 'COERCION', 'LICENSING', 'REWARD'];
  const matters = [...Array(1000)].map((_, i) => {
    const [s, o, a] = [Math.floor(i / 100), Math.floor(i / 10) % 10, i % 10];
    return {
      words: [slots[0][s], slots[1][o], slots[2][a]],
      type: TYPES[a % TYPES.length],
      // Matters with one subject share an article, as real powers share 社会保险法 articles.
      articles: [`a:subject${s}:1`, `a:m${i}:1`, `a:m${i}:2`],
    };
  });
  const members: MatterMember[] = [];
  const matterOf = new Map<string, number>();
  for (let l = 0; l < 3200; l++) {
    const picked = new Set<number>();
    while (picked.size < 62) picked.add(Math.floor(rnd() * 1000));
    for (const i of picked) {
      const m = matters[i];
      const words = [...m.words];
      let name = '';
      let types = [m.type];
      let articles = m.articles;
      const r = rnd();
      if (r < 0.05) {
        const w = words.findIndex((x) => x.length >= 3); // keep every word two characters or more
        if (w >= 0) words[w] = words[w].slice(0, 1) + words[w].slice(2);
      }
      name = `对${words[0]}${words[1]}的${words[2]}`;
      if (r >= 0.05 && r < 0.1) name += '（新增）';
      else if (r >= 0.1 && r < 0.15) name = `对${words[0]}、${words[1]} 的${words[2]}`;
      else if (r >= 0.15 && r < 0.17) types = [TYPES[(TYPES.indexOf(m.type) + 1) % TYPES.length]];
      else if (r >= 0.17 && r < 0.25) articles = articles.slice(0, 2);
      const id = `i${l}-${i}`;
      matterOf.set(id, i);
      members.push({ id, listId: `l${l}`, jurisdictionCode: '', name, subItem: null, powerTypes: types, articles, statutes: [] });
    }
    if (l % 97 === 0) {
      const copy = { ...members[members.length - 1], id: `i${l}-dup` };
      matterOf.set(copy.id, matterOf.get(members[members.length - 1].id)!);
      members.push(copy);
    }
  }
  const duplicated = new Set(members.filter((m) => m.id.endsWith('-dup')).map((m) => matterOf.get(m.id)));
  const groups = groupMatters(members);

  it('builds about 200,000 members', () => {
    expect(members.length).toBe(3200 * 62 + 33);
    expect(duplicated.size).toBeGreaterThan(25);
  });

  it('places every member exactly once, at most one per list, with unique keys', () => {
    // One assertion over everything: 200,000 expect calls would dominate the run.
    const seen = new Set<string>();
    let repeats = 0;
    let sameList = 0;
    for (const g of groups) {
      const lists = new Set<string>();
      for (const { member } of g.members) {
        if (seen.has(member.id)) repeats++;
        if (lists.has(member.listId)) sameList++;
        seen.add(member.id);
        lists.add(member.listId);
      }
    }
    expect({ repeats, sameList, placed: seen.size }).toEqual({ repeats: 0, sameList: 0, placed: members.length });
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('finds one group per matter (two where a list repeats it), holding nothing else', () => {
    const perMatter = new Map<number, number>();
    for (const g of groups) perMatter.set(matterOf.get(g.anchor.id)!, (perMatter.get(matterOf.get(g.anchor.id)!) ?? 0) + 1);
    expect(perMatter.size).toBe(1000);
    expect([...perMatter].filter(([m, n]) => n !== (duplicated.has(m) ? 2 : 1))).toEqual([]);
    const mixed = groups.filter((g) => new Set(g.members.map((m) => matterOf.get(m.member.id))).size !== 1);
    expect(mixed.map((g) => g.key)).toEqual([]);
    // The wording most lists use anchors each matter's main group (the repeats' groups are a few members).
    const offAnchor = groups.filter((g) => {
      if (g.members.length < 100) return false;
      const w = matters[matterOf.get(g.anchor.id)!].words;
      return nameKey(g.anchor.name, null) !== `对${w[0]}${w[1]}的${w[2]}`;
    });
    expect(offAnchor.map((g) => g.key)).toEqual([]);
  });

  it('returns the same groups for the input reversed', () => {
    const signature = (gs: MatterGroup[]) => gs.map((g) => `${g.key}:${g.members.map((m) => `${m.member.id}@${m.score}`).join(',')}`);
    expect(signature(groupMatters([...members].reverse()))).toEqual(signature(groups));
  });
});
