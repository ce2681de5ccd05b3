import * as iconv from 'iconv-lite';
import { parseDocument, readSource } from '../../../src/ingest';
import { decodeBytes, normaliseNewlines, plausibility } from '../../../src/ingest/sources/encoding';

const TEXT = '序号\t事项名称\t权力类型\n1\t对医疗救助的监督检查（含“两定”机构）\t行政检查\n';

describe('decodeBytes', () => {
  it('reads UTF-8', () => {
    expect(decodeBytes(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8', undecodable: 0 });
  });

  it('reads GBK and GB2312 bytes as gb18030, of which both are subsets', () => {
    expect(decodeBytes(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gb18030', undecodable: 0 });
    expect(decodeBytes(iconv.encode('凉州区医疗保障局权责清单', 'gb2312')).text).toBe('凉州区医疗保障局权责清单');
  });

  it('reads characters outside GBK that GB18030 encodes in four bytes', () => {
    expect(decodeBytes(iconv.encode('𠀀 行政处罚 €', 'gb18030'))).toEqual({ text: '𠀀 行政处罚 €', encoding: 'gb18030', undecodable: 0 });
  });

  it('follows a BOM: UTF-8, and UTF-16 LE/BE as Excel "Unicode text" writes it', () => {
    expect(decodeBytes(Buffer.from(`\ufeff${TEXT}`, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8', undecodable: 0 });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toEqual({ text: TEXT, encoding: 'utf-16le', undecodable: 0 });
    const be = Buffer.from(TEXT, 'utf16le').swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: TEXT, encoding: 'utf-16be', undecodable: 0 });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    expect(decodeBytes(Buffer.from(TEXT, 'utf16le'))).toEqual({ text: TEXT, encoding: 'utf-16le', undecodable: 0 });
    expect(decodeBytes(Buffer.from(TEXT, 'utf16le').swap16())).toEqual({ text: TEXT, encoding: 'utf-16be', undecodable: 0 });
  });

  it('keeps a damaged UTF-8 file UTF-8, counting the bad bytes', () => {
    const bytes = Buffer.concat([Buffer.from(TEXT, 'utf8'), Buffer.from([0xe5, 0x0a]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeBytes(bytes)).toMatchObject({ encoding: 'utf-8', undecodable: 1 });
  });

  it('keeps a damaged GBK file GB18030, counting the bad bytes', () => {
    const bytes = Buffer.concat([iconv.encode(TEXT, 'gbk'), Buffer.from([0xff]), iconv.encode(TEXT, 'gbk')]);
    const d = decodeBytes(bytes);
    expect(d).toMatchObject({ encoding: 'gb18030', undecodable: 1 });
    expect(d.text).toBe(`${TEXT}\ufffd${TEXT}`);
  });

  it('makes CRLF and lone CR into LF', () => {
    expect(decodeBytes(Buffer.from('a\r\nb\rc\n')).text).toBe('a\nb\nc\n');
    expect(normaliseNewlines('a\r\n\r\nb')).toBe('a\n\nb');
  });

  it('scores Chinese text as plausible and mojibake as not', () => {
    expect(plausibility(TEXT)).toBe(1);
    // UTF-8 bytes read with the GB18030 table.
    const mojibake = new TextDecoder('gb18030').decode(Buffer.from('对医疗救助的监督检查', 'utf8'));
    expect(plausibility(mojibake)).toBeLessThan(plausibility(TEXT));
  });
});

describe('the encoding on the record', () => {
  const parse = (input: Buffer | string) => parseDocument(input, { fileName: 'a', extractCitations: () => [] });

  it('records the encoding and reads a GBK list as its UTF-8 twin', () => {
    const utf8 = parse(Buffer.from(TEXT, 'utf8'));
    expect(parse(iconv.encode(TEXT, 'gbk'))).toEqual({ ...utf8, encoding: 'gb18030', report: { ...utf8.report!, encoding: 'gb18030' } });
    expect(utf8.encoding).toBe('utf-8');
  });

  it('takes a string as text already decoded, reported as UTF-8', () => {
    expect(readSource(`\ufeff${TEXT}`)).toMatchObject({ encoding: 'utf-8', format: 'text', lineCount: 2 });
  });

  it('warns when bytes could not be decoded, naming the encoding', () => {
    const gbk = Buffer.concat([iconv.encode(TEXT, 'gbk'), Buffer.from([0xff]), iconv.encode(TEXT, 'gbk')]);
    expect(readSource(gbk).warnings).toEqual([
      { line: null, code: 'INVALID_GB18030', message: 'document read as gb18030, but 1 byte sequence(s) could not be decoded and were replaced with U+FFFD' },
    ]);
    expect(readSource(Buffer.from([0x61, 0xff, 0x62])).warnings.map((w) => w.code)).toEqual(['INVALID_UTF8']);
  });
});
