/**
 * YAML with positions: parse a file keeping a line counter, so any path in the document can be
 * turned back into `line:col` for error messages (scenario files, target config files), within
 * limits no input file may break (./yaml-limits.ts).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UserError } from '../core/errors';
import { sizeText } from '../core/input-file';
import { firstAliasOffset, scanProblem, unresolvedAlias, valueProblem, YAML_LIMITS, type YamlLimits } from './yaml-limits';

export type DocPath = ReadonlyArray<string | number>;

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

/**
 * Parses YAML within `limits` (yaml-limits.ts: size, depth, string length, alias expansion); a
 * syntax error or a broken limit becomes one UserError at its line and column, and nothing the
 * text holds can overflow the stack or make the value grow past what the file says.
 */
export function parseYaml(file: string, text: string, limits: YamlLimits = YAML_LIMITS): YamlSource {
  if (text.length > limits.maxFileChars) {
    throw new UserError(`the file has ${text.length} characters, more than the ${sizeText(limits.maxFileChars)} paycert reads`, { file });
  }
  const lines = new LineCounter();
  const scanned = scanProblem(text, limits);
  if (scanned) throw new UserError(scanned.message, { file, ...lineColAt(text, scanned.offset) });
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    // The library's message may quote the rest of the line, whatever its length.
    const said = first.message.split('\n')[0]!;
    throw new UserError(`invalid YAML: ${said.length > 160 ? `${said.slice(0, 160)}...` : said}`, { file, line: pos?.line, col: pos?.col });
  }
  const unresolved = unresolvedAlias(doc);
  if (unresolved) throw new UserError(`the alias *${unresolved.name} names no anchor (&${unresolved.name}) set before it`, { file, ...lines.linePos(unresolved.offset) });
  const source: YamlSource = { file, doc, lines, value: undefined };
  source.value = yamlValue(source, limits);
  return source;
}

/**
 * The document's value, refused when its aliases expand too far (the YAML library's bound, and
 * `maxValues`), or a string, the nesting or the expansion breaks a limit; at the place it does.
 * A config's `${ENV}` expansion calls it again on the changed document.
 */
export function yamlValue(source: YamlSource, limits: YamlLimits = YAML_LIMITS): unknown {
  let value: unknown;
  try {
    value = source.doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError || error instanceof RangeError)) throw error;
    // The YAML library refuses aliases of aliases that would expand exponentially (an alias bomb).
    const at = source.lines.linePos(firstAliasOffset(source.doc));
    throw new UserError('its aliases expand too far (aliases of aliases: an alias bomb?)', { file: source.file, ...at }, undefined, 'repeat the values instead of aliasing aliases');
  }
  const problem = valueProblem(value, limits);
  if (problem) {
    const path = problem.path ?? [];
    // A path of a few steps helps; one 64 levels deep is a line of [0][0]...: the position says enough.
    const shown = path.length > 0 && path.length <= 8 ? formatPath(path) : undefined;
    throw new UserError(problem.message, { file: source.file, ...locate(source, path) }, shown);
  }
  return value;
}

/** Line and column (1-based) of a character offset, counted in the text itself. */
function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
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
