/**
 * Streaming XML for the XLSX parts: htmlparser2 in XML mode (entities
 * decoded, self-closing tags honoured), element names without their
 * namespace prefix, since writers differ in prefixes ("x:c" and "c").
 */
import { Parser } from 'htmlparser2';

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
  const parser = new Parser(
    {
      onopentag: h.open && ((name, attrs) => h.open!(local(name), attrs)),
      onclosetag: h.close && ((name) => h.close!(local(name))),
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
