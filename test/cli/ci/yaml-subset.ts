/**
 * A strict reader for the part of YAML a GitHub Actions workflow needs:
 * block mappings and sequences by indentation, `|` literal block scalars,
 * flow sequences of scalars (`[1, 2, 3]`), plain, single- and double-quoted
 * scalars, and comments. Anything else (tabs for indentation, anchors,
 * aliases, tags, flow mappings, a key given twice, a line that fits no rule)
 * throws with its line number, so a workflow that reads here is plain YAML
 * that every YAML parser reads the same way. Scalars stay strings, except
 * integers, which become numbers (as `node-version: 20` is meant).
 */

export type Yaml = string | number | null | Yaml[] | { [key: string]: Yaml };

interface Line {
  n: number;
  indent: number;
  text: string;
}

function fail(line: Line | undefined, why: string): never {
  throw new Error(`line ${line?.n ?? 'end'}: ${why}${line === undefined ? '' : `: ${JSON.stringify(line.text)}`}`);
}

function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ')) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.trimEnd();
}

function scalar(raw: string, line: Line): Yaml {
  const text = raw.trim();
  if (text === '' || text === '~' || text === 'null') return null;
  if (/^[&*!]/.test(text) || text.startsWith('{')) fail(line, 'anchors, aliases, tags and flow mappings are not in the subset');
  if (text.startsWith('"')) {
    if (!/^"([^"\\]|\\.)*"$/.test(text)) fail(line, 'unterminated double-quoted scalar');
    return JSON.parse(text) as string;
  }
  if (text.startsWith("'")) {
    if (!/^'([^']|'')*'$/.test(text)) fail(line, 'unterminated single-quoted scalar');
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) fail(line, 'unterminated flow sequence');
    const inner = text.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map((part) => scalar(part, line));
  }
  if (/^-?\d+$/.test(text)) return Number(text);
  return text;
}

export function parseYaml(source: string): Yaml {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    if (/^\s*\t/.test(raw)) fail({ n: i + 1, indent: 0, text: raw }, 'tab in indentation');
    lines.push({ n: i + 1, indent: raw.length - raw.trimStart().length, text: raw });
  });
  let at = 0;
  const meaningful = (): Line | undefined => {
    while (at < lines.length && stripComment(lines[at]!.text).trim() === '') at++;
    return lines[at];
  };

  /** A `|` block: every following line indented deeper than `parent`, its common indentation removed. */
  const literal = (parent: number): string => {
    const body: Line[] = [];
    while (at < lines.length && (lines[at]!.text.trim() === '' || lines[at]!.indent > parent)) body.push(lines[at++]!);
    while (body.length > 0 && body[body.length - 1]!.text.trim() === '') body.pop();
    const indent = Math.min(...body.filter((l) => l.text.trim() !== '').map((l) => l.indent));
    return body.map((l) => l.text.slice(indent)).join('\n') + '\n';
  };

  /** The value after `key:` or `- `: inline, a `|` block, or a nested block on the following lines. */
  const valueAfter = (rest: string, parent: number, line: Line): Yaml => {
    if (rest === '|') return literal(parent);
    if (rest !== '') return scalar(rest, line);
    const next = meaningful();
    if (next === undefined || next.indent <= parent) return null;
    return block(next.indent);
  };

  const mappingEntry = (map: { [key: string]: Yaml }, text: string, indent: number, line: Line): void => {
    const m = /^([A-Za-z_][\w.-]*|"[^"]*"|'[^']*'):(?:\s+(.*))?$/.exec(text);
    if (m === null) fail(line, 'expected "key: value"');
    const key = m[1]!.replace(/^["']|["']$/g, '');
    if (key in map) fail(line, `key "${key}" given twice`);
    map[key] = valueAfter((m[2] ?? '').trim(), indent, line);
  };

  const block = (indent: number): Yaml => {
    const first = meaningful()!;
    const isSequence = stripComment(first.text).trim().startsWith('- ') || stripComment(first.text).trim() === '-';
    const out: Yaml[] | { [key: string]: Yaml } = isSequence ? [] : {};
    for (let line = meaningful(); line !== undefined && line.indent >= indent; line = meaningful()) {
      if (line.indent !== indent) fail(line, `indentation ${line.indent}, expected ${indent}`);
      const text = stripComment(line.text).trim();
      at++;
      if (!isSequence) {
        if (text.startsWith('-')) fail(line, 'a sequence item inside a mapping');
        mappingEntry(out as { [key: string]: Yaml }, text, indent, line);
        continue;
      }
      if (!text.startsWith('-')) fail(line, 'a mapping key inside a sequence');
      const item = text.slice(1).trim();
      if (/^[A-Za-z_][\w.-]*:(\s|$)/.test(item)) {
        // `- key: value` opens a mapping whose further keys sit under the key.
        const map: { [key: string]: Yaml } = {};
        const itemIndent = indent + text.length - item.length;
        mappingEntry(map, item, itemIndent, line);
        for (let more = meaningful(); more !== undefined && more.indent === itemIndent; more = meaningful()) {
          at++;
          mappingEntry(map, stripComment(more.text).trim(), itemIndent, more);
        }
        (out as Yaml[]).push(map);
      } else {
        (out as Yaml[]).push(valueAfter(item, indent, line));
      }
    }
    return out;
  };

  const first = meaningful();
  if (first === undefined) return null;
  if (first.indent !== 0) fail(first, 'the document must start at column 0');
  const doc = block(0);
  const extra = meaningful();
  if (extra !== undefined) fail(extra, 'content after the document');
  return doc;
}
