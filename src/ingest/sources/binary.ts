/**
 * Guards against reading a binary file as text: a PDF, an image or an old
 * .xls read as lines gives pages of garbage warnings and no hint of what
 * went wrong. Known signatures are named; anything else that decodes to
 * mostly control characters is refused as binary.
 */

/** Why a document could not be read at all (not a format we read, damaged, binary). */
export class SourceError extends Error {
  override name = 'SourceError';
}

const SIGNATURES: readonly [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document (%PDF): export its table as XLSX, CSV or text first'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image: a scanned list must be OCRed into a table first'],
  [[0xff, 0xd8, 0xff], 'a JPEG image: a scanned list must be OCRed into a table first'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'a legacy Office file (.xls or .doc, OLE2): save it as .xlsx'],
  [[0x1f, 0x8b], 'a gzip archive: unpack it first'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive: unpack it first'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive: unpack it first'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document: save it as .xlsx, .html or text'],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** What the bytes are, when their signature names a binary format we do not read; else null. */
export function knownBinary(bytes: Uint8Array): string | null {
  for (const [sig, what] of SIGNATURES) if (startsWith(bytes, sig)) return what;
  return null;
}

/** The zip signature (local file header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

const SAMPLE = 64 * 1024;

/**
 * Decoded text that is really binary: control characters (other than tab,
 * newline, form feed) or undecodable bytes make up a share no text file has.
 * Only the start is examined, so the check stays cheap on large inputs.
 */
export function looksBinary(text: string): string | null {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return null;
  let controls = 0;
  let replaced = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
    else if (c === 0xfffd) replaced++;
  }
  // Minimum counts keep one stray byte in a tiny file from counting as a share.
  if ((controls >= 4 && controls / n > 0.02) || (replaced >= 8 && replaced / n > 0.25)) {
    return `binary data, not text (${Math.round((100 * (controls + replaced)) / n)}% of the first ${n} characters are control characters or undecodable bytes)`;
  }
  return null;
}
