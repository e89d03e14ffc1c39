/**
 * Text of one registry file → plain data, keeping enough of the YAML document to point at lines.
 * JSON goes through the same parser: YAML 1.2 reads JSON, and so JSON errors get lines too.
 */
import { isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { IssueCollector, IssuePath } from './issues';

/** One registry file as read by an adapter. */
export interface RegistryDocument {
  readonly file: string;
  readonly text: string;
}

export interface ParsedDocument {
  readonly file: string;
  /** Plain data; keys whose value is null are left out (`parent: null` means no parent). */
  readonly data: unknown;
  /** 1-based line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: IssuePath): number | undefined;
}

// Written unquoted, a clause "4.10" would be read as the number 4.1: keep the text as written.
const KEYS_KEPT_AS_WRITTEN = new Set(['id', 'clause']);

/** Parses one file; syntax errors go to `issues` and give undefined. */
export function parseRegistryDocument(
  input: RegistryDocument,
  issues: IssueCollector,
): ParsedDocument | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(input.text, { lineCounter, prettyErrors: false, merge: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  for (const warning of doc.warnings) {
    issues.warn({
      code: 'REGISTRY_SYNTAX',
      file: input.file,
      path: [],
      line: lineAt(warning.pos[0]),
      message: warning.message,
    });
  }
  if (doc.errors.length > 0) {
    // Later errors on the same line are mostly the parser's follow-up to the first one.
    const reportedLines = new Set<number>();
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      issues.error({
        code: 'REGISTRY_SYNTAX',
        file: input.file,
        path: [],
        line,
        message: `syntax error at line ${line}, column ${col}: ${error.message}`,
      });
    }
    return undefined;
  }

  keepNumbersAsWritten(doc);
  return {
    file: input.file,
    data: withoutNulls(doc.toJS()),
    lineOf: (path) => lineOfPath(doc, path, lineAt),
  };
}

function keepNumbersAsWritten(doc: Document): void {
  visit(doc, {
    Scalar(key, node, path) {
      if (key !== 'value' || typeof node.value !== 'number' || node.source === undefined) return;
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && KEYS_KEPT_AS_WRITTEN.has(String(parent.key.value))) {
        node.value = node.source;
      }
    },
  });
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== null && item !== undefined) out[key] = withoutNulls(item);
    }
    return out;
  }
  return value;
}

function lineOfPath(doc: Document, path: IssuePath, lineAt: (offset: number) => number): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node: unknown = doc.getIn(path.slice(0, length), true);
    const start = startOf(node);
    if (start !== undefined) return lineAt(start);
  }
  return undefined;
}

function startOf(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range: unknown = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}
