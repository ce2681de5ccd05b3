/**
 * Bytes to text. Government lists come as UTF-8, as GBK/GB18030 (the default
 * of Chinese Windows and of Excel's CSV export) or, from Excel's "Unicode
 * text" export, as UTF-16 with a BOM. Files rarely say which, so the bytes
 * decide. Uses the runtime's TextDecoder (Node's full ICU has gb18030).
 */

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text, BOM removed, CRLF and lone CR made LF. */
  text: string;
  encoding: TextEncoding;
  /** Number of byte sequences that could not be decoded and became U+FFFD. */
  undecodable: number;
}

const REPLACEMENT = 0xfffd;

function decodeWith(encoding: TextEncoding, bytes: Uint8Array, fatal: boolean): string {
  // ignoreBOM: the BOM is stripped below, once, whichever decoder ran.
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

function tryStrict(encoding: TextEncoding, bytes: Uint8Array): string | null {
  try {
    return decodeWith(encoding, bytes, true);
  } catch {
    return null;
  }
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/**
 * Share of characters that Chinese government text is made of: ASCII, CJK
 * ideographs, CJK and full-width punctuation, general punctuation. GB18030
 * maps every byte pair to something, so validity alone does not prove GBK;
 * text decoded with the wrong table is full of rare symbols and PUA.
 */
export function plausibility(text: string): number {
  if (text.length === 0) return 1;
  let ok = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c < 0x80 ||
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation (“”…)
      (c >= 0x2460 && c <= 0x24ff) || // enclosed numbers ①
      c === 0x00b7 || c === 0x00d7
    ) {
      ok++;
    }
  }
  return ok / text.length;
}

function finish(text: string, encoding: TextEncoding, undecodable: number): DecodedText {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: normaliseNewlines(text), encoding, undecodable };
}

/** CRLF and lone CR to LF. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * UTF-16 without a BOM, told by its NUL bytes: text has none in UTF-8 or
 * GBK, but every ASCII character (tab, newline, digit) in UTF-16 has one, on
 * the same side of each pair. Binary data has them on both sides.
 */
function bomlessUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 64 * 1024) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const pairs = n / 2;
  if (odd >= 0.05 * pairs && even <= 0.01 * odd) return 'utf-16le';
  if (even >= 0.05 * pairs && odd <= 0.01 * even) return 'utf-16be';
  return null;
}

/**
 * The encoding of `bytes`, and the text:
 * 1. a BOM names it (UTF-8, UTF-16 LE/BE), or NULs on one side of every
 *    ASCII pair show BOM-less UTF-16 that reads as text;
 * 2. valid UTF-8 is UTF-8 (GBK Chinese is practically never valid UTF-8);
 * 3. UTF-8 with a few bad sequences among much good multi-byte text is a
 *    damaged UTF-8 file, not GBK (GBK fails on nearly every character);
 * 4. otherwise GB18030 (a superset of GBK and GB2312) if it decodes cleanly
 *    and reads as Chinese; else whichever of the two leaves fewer and more
 *    plausible characters, with the undecodable count reported.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeWith('utf-8', bytes, false);
    return finish(text, 'utf-8', count(text, REPLACEMENT));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeWith('utf-16le', bytes, false);
    return finish(text, 'utf-16le', count(text, REPLACEMENT));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeWith('utf-16be', bytes, false);
    return finish(text, 'utf-16be', count(text, REPLACEMENT));
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16) {
    const text = decodeWith(utf16, bytes, false);
    if (plausibility(text) >= 0.9) return finish(text, utf16, count(text, REPLACEMENT));
  }
  const utf8 = tryStrict('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8', 0);

  const lossy8 = decodeWith('utf-8', bytes, false);
  const bad8 = count(lossy8, REPLACEMENT);
  // Share of non-ASCII characters that failed: near 1 for GBK, small for damaged UTF-8.
  if (bad8 < 0.1 * nonAscii(lossy8)) return finish(lossy8, 'utf-8', bad8);

  const gb = tryStrict('gb18030', bytes);
  if (gb !== null && plausibility(gb) >= 0.9) return finish(gb, 'gb18030', 0);

  const lossyGb = gb ?? decodeWith('gb18030', bytes, false);
  const badGb = count(lossyGb, REPLACEMENT);
  const score = (text: string, bad: number) => plausibility(text) - bad / Math.max(1, text.length);
  return score(lossyGb, badGb) > score(lossy8, bad8) ? finish(lossyGb, 'gb18030', badGb) : finish(lossy8, 'utf-8', bad8);
}
