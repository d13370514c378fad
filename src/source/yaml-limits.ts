/**
 * The limits a YAML input file is held to before anything reads its values: its size (in
 * characters and in tokens), how deep it nests, how many keys one mapping has, how long one
 * string is, how far its aliases expand. Without them a hostile or broken
 * file overflows the stack of the YAML composer or of ajv (5,000 levels of nesting, a 20 MB id),
 * or makes a few hundred bytes of aliases into millions of values. Each check is iterative, so
 * it cannot overflow the stack itself, and stops at the first problem.
 */
import { isAlias, isNode, Lexer, Parser, visit, type Document } from 'yaml';
import { MAX_YAML_FILE_BYTES } from '../core/input-file';

export interface YamlLimits {
  /** Characters in the whole text. */
  maxFileChars: number;
  /** Levels of maps and lists inside each other (the top level is 1). */
  maxDepth: number;
  /** YAML tokens (scalars, indicators, spaces, line breaks) in the whole text. */
  maxTokens: number;
  /** Keys in one mapping. */
  maxKeys: number;
  /** Characters in one string, key or value. */
  maxStringChars: number;
  /** Values in the document with every alias expanded (an alias repeats its anchor's values). */
  maxValues: number;
  /** The YAML library's own bound on aliases of aliases (its `maxAliasCount`). */
  maxAliasCount: number;
}

/** No field of a scenario, config, baseline or book needs more (README: Limits). */
export const YAML_LIMITS: YamlLimits = {
  maxFileChars: MAX_YAML_FILE_BYTES,
  maxDepth: 64,
  maxTokens: 200_000,
  maxKeys: 1_000,
  maxStringChars: 64 * 1024,
  maxValues: 1_000_000,
  maxAliasCount: 100,
};

/** A limit broken: what, and where (a character offset in the text, or a path in the value). */
export interface LimitProblem {
  message: string;
  offset?: number;
  path?: Array<string | number>;
}

/**
 * The first place (a character offset) where the text breaks a limit the YAML library's
 * composer would pay for, or null: nesting deeper than `maxDepth` (the composer recurses), more
 * than `maxTokens` tokens in all (it takes tens of microseconds a token), or a mapping of more than
 * `maxKeys` keys (it compares each key with every earlier one). Runs the library's own lexer and
 * parser (both iterative) one token at a time, and stops at the first problem.
 */
export function scanProblem(text: string, limits: Pick<YamlLimits, 'maxDepth' | 'maxTokens' | 'maxKeys'>): { offset: number; message: string } | null {
  const parser = new Parser();
  // The parser's stack holds the document and the scalar being read besides the collections.
  const deepest = limits.maxDepth + 2;
  let tokens = 0;
  for (const lexeme of new Lexer().lex(text)) {
    for (const _token of parser.next(lexeme)) {
      // Whole documents come out here; only what was seen while reading them matters.
    }
    if (parser.stack.length > deepest) return { offset: parser.offset, message: `nested deeper than ${limits.maxDepth} levels` };
    if (++tokens > limits.maxTokens) return { offset: parser.offset, message: `more than ${limits.maxTokens} YAML tokens` };
    for (const token of parser.stack) {
      const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
      if (isMap && token.items.length > limits.maxKeys) return { offset: parser.offset, message: `a mapping of more than ${limits.maxKeys} keys` };
    }
  }
  return null;
}

/**
 * The first alias that names no anchor set before it (YAML reads anchors in order), as its
 * offset and name, or null. The document's depth is already bounded, so visiting it is safe.
 */
export function unresolvedAlias(doc: Document): { offset: number; name: string } | null {
  const anchors = new Set<string>();
  let found: { offset: number; name: string } | null = null;
  visit(doc, (_key, node) => {
    if (!isNode(node)) return undefined;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        found = { offset: node.range?.[0] ?? 0, name: node.source };
        return visit.BREAK;
      }
      return undefined;
    }
    if (node.anchor) anchors.add(node.anchor);
    return undefined;
  });
  return found;
}

/** The offset of the first alias in the document (where an alias bomb starts), or 0. */
export function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

interface Frame {
  value: object;
  path: Array<string | number>;
  entries: Array<[string | number, unknown]>;
  next: number;
  height: number;
  size: number;
}

/**
 * The first broken limit in a parsed value, or null: a string (or key) too long, nesting too
 * deep, a value that contains itself (a recursive alias), or more values than `maxValues` once
 * aliases are expanded. Shared values (aliases) are measured once each, so a file built to
 * expand exponentially is measured in the time it takes to read it.
 */
export function valueProblem(value: unknown, limits: Pick<YamlLimits, 'maxDepth' | 'maxStringChars' | 'maxValues'>): LimitProblem | null {
  const longString = (text: string, path: Array<string | number>): LimitProblem | null =>
    text.length > limits.maxStringChars ? { path, message: `a string of ${text.length} characters, more than the ${limits.maxStringChars} paycert reads` } : null;
  if (typeof value === 'string') return longString(value, []);
  if (value === null || typeof value !== 'object') return null;
  // Per object: [height, values inside it counting itself], once measured.
  const measured = new Map<object, [number, number]>();
  const open = new Set<object>();
  const frame = (v: object, path: Array<string | number>): Frame => {
    open.add(v);
    const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.map((item, i): [number, unknown] => [i, item]) : Object.entries(v);
    return { value: v, path, entries, next: 0, height: 0, size: 1 };
  };
  const stack: Frame[] = [frame(value, [])];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.entries.length) {
      const [key, child] = top.entries[top.next++]!;
      const path = [...top.path, key];
      if (typeof key === 'string') {
        const long = longString(key, path);
        if (long) return long;
      }
      if (typeof child === 'string') {
        const long = longString(child, path);
        if (long) return long;
      }
      if (child === null || typeof child !== 'object') {
        top.size += 1;
        continue;
      }
      if (open.has(child)) return { path, message: 'a value that contains itself (a recursive alias)' };
      const known = measured.get(child);
      if (known) {
        if (stack.length + known[0] > limits.maxDepth) return { path, message: `nested deeper than ${limits.maxDepth} levels` };
        top.height = Math.max(top.height, known[0]);
        top.size += known[1];
        if (top.size > limits.maxValues) return { path, message: `more than ${limits.maxValues} values once its aliases are expanded` };
        continue;
      }
      if (stack.length >= limits.maxDepth) return { path, message: `nested deeper than ${limits.maxDepth} levels` };
      stack.push(frame(child, path));
      continue;
    }
    stack.pop();
    open.delete(top.value);
    if (top.size > limits.maxValues) return { path: top.path, message: `more than ${limits.maxValues} values once its aliases are expanded` };
    const height = top.height + 1;
    measured.set(top.value, [height, top.size]);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.height = Math.max(parent.height, height);
      parent.size += top.size;
    }
  }
  return null;
}
