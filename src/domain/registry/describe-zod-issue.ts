/** zod's issues in words an administrator editing YAML recognises. */
import type { z } from 'zod';
import type { IssuePath } from './issues';
import { nearest } from './suggest';

export function valueAt(root: unknown, path: IssuePath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

export function describeZodIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
): { message: string; suggestion?: string } {
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return { message: 'required field is missing' };
      // A message set on the schema says more than the generic one.
      if (!issue.message.startsWith('Invalid input')) return { message: issue.message };
      return {
        message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(input)}`,
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof input === 'string' ? nearest(input, allowed) : undefined;
      return {
        message: `${describeValue(input)} is not one of: ${allowed.join(', ')}`,
        ...(suggestion === undefined ? {} : { suggestion }),
      };
    }
    case 'too_small':
      if (issue.origin === 'array') return { message: `needs at least ${String(issue.minimum)} item(s)` };
      if (issue.origin === 'number') return { message: `must be at least ${String(issue.minimum)}` };
      return { message: issue.message };
    default:
      return { message: issue.message };
  }
}
