/**
 * YAML with positions: parse a file keeping a line counter, so any path in the document can be
 * turned back into `line:col` for error messages (scenario files, target config files).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UserError } from '../core/errors';

export type DocPath = ReadonlyArray<string | number>;

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

/** Parses YAML; a syntax error becomes a UserError at its line and column. */
export function parseYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    throw new UserError(`invalid YAML: ${first.message.split('\n')[0]}`, { file, line: pos?.line, col: pos?.col });
  }
  return { file, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) };
}

/**
 * The line and column of the node at `path`, or of its key when `key` is true. A path that does
 * not exist resolves to its nearest existing ancestor (where a missing field should go).
 */
export function locate(source: YamlSource, path: DocPath, key = false): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let keyNode: unknown;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
      keyNode = undefined;
      node = node.items[step];
    } else break;
  }
  const target = (key && keyNode ? keyNode : node) as Node | null | undefined;
  const offset = target?.range?.[0] ?? 0;
  return source.lines.linePos(offset);
}

/** `scenarios[2].steps[0].expect` for a document path. */
export function formatPath(path: DocPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
