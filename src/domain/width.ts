/**
 * Full-width/half-width folding that cannot change meaning: full-width ASCII
 * letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９) become half-width and the
 * ideographic space (U+3000) an ordinary space. Punctuation is left alone —
 * （）《》〔〕、，。：； carry meaning in Chinese text (〔2019〕 is part of a
 * document number, 、 separates list members) — so callers that also want
 * brackets or colons folded for matching do that themselves.
 *
 * For matching and derived values (header names, power types, level words,
 * row numbers, duplicate keys); FieldValue.raw and .text keep what was written.
 */
const WIDE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/;

export function normaliseWidth(text: string): string {
  // Most text has nothing to fold: skip the replace (this runs on every header and label).
  if (!WIDE.test(text)) return text;
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}
