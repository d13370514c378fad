/**
 * The scenario files a `--specs PATH` names: a folder (searched with its sub-folders for
 * `*.spec.yaml` / `*.spec.yml`), a file (taken as it is), or a glob (`qa/**\/*.spec.yaml`: `*`,
 * `?`, `**` for any number of folders, `[abc]`, `{a,b}`), relative to the working directory.
 * A path that names no scenario file is the user's mistake: one line, exit 2.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { UserError } from '../core/errors';
import { specFiles } from './load';

/** Characters that make a path a glob. */
const GLOB_CHARS = /[*?[{]/;

/** A scenario file's name, as a folder search and a glob keep them. */
export const isSpecFileName = (name: string): boolean => name.endsWith('.spec.yaml') || name.endsWith('.spec.yml');

function escapeRegex(text: string): string {
  return text.replace(/[.+^$()|\\\]}]/g, '\\$&');
}

/** One path segment of a glob as a regular expression's source (no `/` matched). */
function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        const body = segment.slice(i + 1, end);
        out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body.replace(/^\^/, '\\^')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = segment.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${segment.slice(i + 1, end).split(',').map(segmentSource).join('|')})`;
        i = end;
      }
    } else out += escapeRegex(c);
  }
  return out;
}

/** A glob's segments (after its fixed folder) as one regular expression over a `/`-separated relative path. */
export function globRegex(segments: readonly string[]): RegExp {
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}

/** Every file under `dir` as a `/`-separated path relative to it; hidden folders and node_modules are not searched. */
function filesBelow(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : filesBelow(dir, path);
      return [path];
    });
}

/** The scenario files a glob matches, sorted by path. */
function globFiles(pattern: string, cwd: string): string[] {
  const segments = pattern.split(/[\\/]+/);
  const fixed: string[] = [];
  while (segments.length > 1 && !GLOB_CHARS.test(segments[0]!)) fixed.push(segments.shift()!);
  const base = isAbsolute(pattern) ? resolve(sep, ...fixed) : resolve(cwd, ...fixed);
  const regex = globRegex(segments);
  return filesBelow(base)
    .filter((path) => regex.test(path) && isSpecFileName(path.split('/').pop()!))
    .map((path) => join(base, path));
}

/**
 * The scenario files of one `--specs PATH` (absolute, sorted), `path` relative to `cwd`.
 * @throws UserError when it names no scenario file (a missing path, an empty folder, a glob that matches none).
 */
export function specPathFiles(path: string, cwd: string): string[] {
  if (GLOB_CHARS.test(path)) {
    const files = globFiles(path, cwd);
    if (files.length === 0) throw new UserError(`--specs ${path} matches no scenario file (*.spec.yaml, *.spec.yml)`, undefined, undefined, `relative to ${cwd}; quote a glob so the shell leaves it to paycert`);
    return files;
  }
  const full = resolve(cwd, path);
  let files: string[];
  try {
    files = specFiles([full]);
  } catch {
    throw new UserError(`--specs ${path}: no such file or folder`, undefined, undefined, `relative to ${cwd}`);
  }
  if (files.length === 0) throw new UserError(`--specs ${path} is a folder with no scenario file (*.spec.yaml, *.spec.yml) in it or below`);
  return files;
}
