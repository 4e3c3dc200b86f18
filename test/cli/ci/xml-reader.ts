/**
 * A strict reader for the XML moneysim writes (elements, attributes, text,
 * the five predefined entities and numeric character references, an XML
 * declaration, comments): it throws on anything not well-formed, such as a
 * stray `<` or `&`, an unquoted or repeated attribute, or a closing tag that
 * does not match. Tests use it to prove a JUnit file parses, then read it.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`"<" inside text or an attribute at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" at ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref]!;
    const hex = /^#x([0-9a-fA-F]+)$/.exec(ref);
    if (hex !== null) return String.fromCodePoint(parseInt(hex[1]!, 16));
    const dec = /^#(\d+)$/.exec(ref);
    if (dec !== null) return String.fromCodePoint(Number(dec[1]));
    throw new Error(`unknown entity "${m}" at ${where}`);
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const skipMisc = (): void => {
    for (;;) {
      const ws = /^\s*/.exec(source.slice(i))![0].length;
      i += ws;
      const close = source.startsWith('<?', i) ? '?>' : source.startsWith('<!--', i) ? '-->' : null;
      if (close === null) return;
      const end = source.indexOf(close, i);
      if (end < 0) throw new Error(`unterminated declaration or comment at ${i}`);
      i = end + close.length;
    }
  };
  const element = (): XmlElement => {
    if (source[i] !== '<') throw new Error(`expected "<" at ${i}`);
    i++;
    const name = NAME.exec(source.slice(i))?.[0];
    if (name === undefined) throw new Error(`bad element name at ${i}`);
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const m = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(source.slice(i));
      if (m === null) break;
      if (m[1]! in el.attrs) throw new Error(`attribute ${m[1]} repeated at ${i}`);
      el.attrs[m[1]!] = decode(m[2]!, i);
      i += m[0].length;
    }
    i += /^\s*/.exec(source.slice(i))![0].length;
    if (source.startsWith('/>', i)) {
      i += 2;
      return el;
    }
    if (source[i] !== '>') throw new Error(`expected ">" at ${i} in <${name}>`);
    i++;
    for (;;) {
      const next = source.indexOf('<', i);
      if (next < 0) throw new Error(`<${name}> is never closed`);
      el.text += decode(source.slice(i, next), i);
      i = next;
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i);
        if (end < 0) throw new Error(`unterminated comment at ${i}`);
        i = end + 3;
        continue;
      }
      if (source.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!source.startsWith(close, i)) throw new Error(`expected ${close} at ${i}`);
        i += close.length;
        return el;
      }
      el.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== source.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** Every element named `name` under `el`, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}
