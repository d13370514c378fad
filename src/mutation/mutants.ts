/**
 * The mutants of a Stryker JSON report (mutation-testing-report-schema), each with what a triage
 * entry can name and what survives unrelated edits: the file, the mutator, the original and
 * replacement source text, and the declarations that enclose it (`referenceRules.decide`).
 */
import * as ts from 'typescript';

/** Stryker's statuses, as its JSON report writes them. */
export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'RuntimeError' | 'CompileError' | 'Ignored' | 'Pending';

export interface Mutant {
  file: string;
  /** 1-based, as Stryker's report. */
  line: number;
  column: number;
  mutator: string;
  /** Source text the mutant replaces, whitespace runs collapsed to one space. */
  original: string;
  replacement: string;
  /** Names of the enclosing declarations, outermost first, joined with `.`; empty at top level. */
  in: string;
  status: MutantStatus;
  statusReason?: string;
  killedBy: string[];
  static: boolean;
}

interface ReportPosition {
  line: number;
  column: number;
}

/** The part of Stryker's JSON report that is read here. */
export interface StrykerReport {
  files: Record<string, { source: string; mutants: Array<{ id: string; mutatorName: string; replacement?: string; location: { start: ReportPosition; end: ReportPosition }; status: MutantStatus; statusReason?: string; killedBy?: string[]; static?: boolean }> }>;
}

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Offset in `source` of a 1-based line and column. */
function offsetOf(lineStarts: readonly number[], at: ReportPosition): number {
  return (lineStarts[at.line - 1] ?? 0) + at.column - 1;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node) || ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isGetAccessorDeclaration(node)) {
    const name = node.name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return name.text;
    if (name) return name.getText(source);
  }
  return undefined;
}

/** The enclosing declarations of the range [start, end). */
export function enclosingPath(source: ts.SourceFile, start: number, end: number): string {
  const names: string[] = [];
  let node: ts.Node = source;
  for (;;) {
    const inner: ts.Node | undefined = node.getChildren(source).find((child) => child.getStart(source) <= start && end <= child.getEnd() && child.kind !== ts.SyntaxKind.EndOfFileToken);
    if (!inner) break;
    const name = nameOf(inner, source);
    if (name !== undefined && !(inner.getStart(source) === start && inner.getEnd() === end)) names.push(name);
    node = inner;
  }
  return names.join('.');
}

/** Every mutant of a report, in file order, then position. */
export function mutantsOf(report: StrykerReport): Mutant[] {
  const mutants: Mutant[] = [];
  for (const [file, data] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const source = ts.createSourceFile(file, data.source, ts.ScriptTarget.ES2022, true);
    const lineStarts = source.getLineStarts();
    for (const m of data.mutants) {
      const start = offsetOf(lineStarts, m.location.start);
      const end = offsetOf(lineStarts, m.location.end);
      const mutant: Mutant = {
        file,
        line: m.location.start.line,
        column: m.location.start.column,
        mutator: m.mutatorName,
        original: collapse(data.source.slice(start, end)),
        replacement: collapse(m.replacement ?? ''),
        in: enclosingPath(source, start, end),
        status: m.status,
        killedBy: m.killedBy ?? [],
        static: m.static ?? false,
      };
      if (m.statusReason !== undefined) mutant.statusReason = m.statusReason;
      mutants.push(mutant);
    }
  }
  return mutants.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column));
}

/** `file:line:col Mutator: original -> replacement (in name)`, the line a survivor is listed by. */
export function describeMutant(m: Mutant): string {
  const shorten = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}...` : text);
  return `${m.file}:${m.line}:${m.column} ${m.mutator}: ${shorten(m.original)} -> ${shorten(m.replacement)}${m.in ? ` (in ${m.in})` : ''}`;
}
