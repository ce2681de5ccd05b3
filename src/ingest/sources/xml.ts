/**
 * Streaming XML for the XLSX parts: htmlparser2 in XML mode (entities
 * decoded, self-closing tags honoured), element names without their
 * namespace prefix, since writers differ in prefixes ("x:c" and "c").
 */
import { Parser } from 'htmlparser2';
import { SourceError } from './binary';

/**
 * Deepest nesting read. htmlparser2 keeps the open elements in an array it
 * unshifts onto, so each level costs as much as the levels below it, and a
 * part of a few KB inflates to megabytes of nested elements (250,000 levels
 * took tens of seconds). OOXML parts nest a handful of levels.
 */
const MAX_DEPTH = 1000;

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export function walkXml(xml: string, h: XmlHandlers): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag: (name, attrs) => {
        if (++depth > MAX_DEPTH) throw new SourceError(`an XML part of the workbook nests elements more than ${MAX_DEPTH} levels deep: the file is damaged or not a real workbook`);
        h.open?.(local(name), attrs);
      },
      onclosetag: (name) => {
        depth--;
        h.close?.(local(name));
      },
      ontext: h.text,
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** An attribute by local name ("r:id" or "id" with any prefix). */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  for (const [k, v] of Object.entries(attrs)) if (local(k) === name) return v;
  return undefined;
}
