import { cleanCell, cleanCellLines, normaliseWidth, splitFirstBlock } from '../../src/ingest/clean';

describe('cleanCell', () => {
  it('leaves plain text alone apart from whitespace', () => {
    expect(cleanCell('自治区医疗保障局')).toBe('自治区医疗保障局');
    expect(cleanCell('  直接实施责任：  1.制定 ')).toBe('直接实施责任： 1.制定');
  });

  it('turns paragraphs into lines', () => {
    expect(cleanCell('<p>直接实施责任：</p> <p>1. 执行</p>')).toBe('直接实施责任：\n1. 执行');
  });

  it('turns <br> (in any spelling) into line breaks', () => {
    expect(cleanCell('a<br>b<br/>c<BR />d')).toBe('a\nb\nc\nd');
  });

  it('puts list items on their own lines and keeps their text', () => {
    expect(cleanCell('<p>追责情形</p><ol style="list-style-type: none"><li>1. 玩忽职守;</li> <li>2. 弄虚作假;</li></ol>')).toBe(
      '追责情形\n1. 玩忽职守;\n2. 弄虚作假;',
    );
    expect(cleanCell('<ul><li>a</li><li>b</li></ul>')).toBe('a\nb');
  });

  it('copes with unclosed lists as the seed lists have them', () => {
    expect(cleanCell('<p>直接实施责任:</p> <ol style="list-style-type: none"> 1. 执行。 2. 依法。 ')).toBe('直接实施责任:\n1. 执行。 2. 依法。');
  });

  it('decodes entities', () => {
    expect(cleanCell('<p>A &amp; B &lt;C&gt; &#x4e00;&#19968;</p>')).toBe('A & B <C> 一一');
    expect(cleanCell('a&nbsp;&nbsp;b')).toBe('a b');
  });

  it('folds runs of spaces, tabs and non-breaking spaces inside a line', () => {
    expect(cleanCell('<p>a  \t b\u00a0\u00a0c</p>')).toBe('a b c');
  });

  it('treats newlines in the markup as spaces, as HTML does', () => {
    expect(cleanCell('<p>a\nb</p>')).toBe('a b');
  });

  it('drops empty paragraphs and trims each line', () => {
    expect(cleanCell('<p> </p><p>  a </p><p></p><div> b</div>')).toBe('a\nb');
  });

  it('keeps full-width punctuation and ideographic spaces inside a line', () => {
    expect(cleanCell('<p>第八十七条：（一）　《社会保险法》，</p>')).toBe('第八十七条：（一）　《社会保险法》，');
  });

  it('does not take text in angle quotes or a lone < for markup', () => {
    expect(cleanCell('《中华人民共和国社会保险法》第八十七条')).toBe('《中华人民共和国社会保险法》第八十七条');
    expect(cleanCell('<p>金额<5000元</p>')).toBe('金额<5000元');
  });

  it('keeps inline markup text on its line', () => {
    expect(cleanCell('<p>依据<b>《价格法》</b><span>第三十条</span></p>')).toBe('依据《价格法》第三十条');
  });

  it('skips script and style content', () => {
    expect(cleanCell('<style>p{}</style><p>a</p><script>x()</script>')).toBe('a');
  });

  it('gives the empty string for empty or tag-only cells', () => {
    expect(cleanCell('')).toBe('');
    expect(cleanCell('<p></p>')).toBe('');
  });
});

describe('splitFirstBlock', () => {
  it('splits after the first paragraph, keeping both parts as written', () => {
    expect(splitFirstBlock('<p>尼勒克县医疗保障局</p> <p>【行政法规】《条例》第一条</p>')).toEqual([
      '<p>尼勒克县医疗保障局</p>',
      '<p>【行政法规】《条例》第一条</p>',
    ]);
  });
  it('keeps nested markup inside the first block', () => {
    expect(splitFirstBlock('<p>a<b>c</b></p>rest')).toEqual(['<p>a<b>c</b></p>', 'rest']);
  });
  it('returns null when nothing follows the first block', () => {
    expect(splitFirstBlock('<p>only</p>')).toBeNull();
    expect(splitFirstBlock('<p>only</p> <p> </p>')).toBeNull();
  });
  it('returns null when the cell does not start with a block element', () => {
    expect(splitFirstBlock('text<p>a</p><p>b</p>')).toBeNull();
    expect(splitFirstBlock('<b>a</b><p>b</p>')).toBeNull();
    expect(splitFirstBlock('plain')).toBeNull();
  });
});

describe('normaliseWidth', () => {
  it('makes full-width letters and digits half-width and the ideographic space a space', () => {
    expect(normaliseWidth('第８７条　ＡＢｃ１２')).toBe('第87条 ABc12');
    expect(normaliseWidth('１１６２０６０２ＭＢ１９０２３８０Ｊ')).toBe('11620602MB1902380J');
  });

  it('leaves punctuation that carries meaning as written', () => {
    const t = '《社会保险法》（2018年修正）第八十七条：国办发〔2019〕2号、人社部令；，。！？％＋－';
    expect(normaliseWidth(t)).toBe(t);
  });

  it('is not applied by cleanCell: text keeps what was written', () => {
    expect(cleanCell('<p>第８７条</p>')).toBe('第８７条');
  });
});

describe('cleanCellLines', () => {
  it('keeps each line of a plain-text cell that held line breaks', () => {
    expect(cleanCellLines('1.立案责任；  \n 2.调查责任；\n\n3.审查责任。')).toBe('1.立案责任；\n2.调查责任；\n3.审查责任。');
  });
  it('reads markup as HTML, where a line break is a space', () => {
    expect(cleanCellLines('<p>1.未按规定检查的；\n2.玩忽职守的。</p>')).toBe('1.未按规定检查的； 2.玩忽职守的。');
  });
  it('is cleanCell for a one-line cell', () => {
    expect(cleanCellLines('  自治区医疗保障局 ')).toBe('自治区医疗保障局');
  });
});
