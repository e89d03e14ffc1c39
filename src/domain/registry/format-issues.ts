import type { RegistryIssue } from './issues';

/** `keski-suomi.yaml:120: responsibilities[3].organisation: unknown organisation "x" (did you mean "y"?)` */
export function formatIssue(issue: RegistryIssue): string {
  const where =
    issue.file === '' ? 'registry' : issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const path = issue.path === '' ? '' : `${issue.path}: `;
  const suggestion = issue.suggestion === undefined ? '' : ` (did you mean "${issue.suggestion}"?)`;
  return `${where}: ${path}${issue.message}${suggestion}`;
}

export function formatIssues(issues: readonly RegistryIssue[]): string[] {
  return issues.map(formatIssue);
}

/** Thrown by callers that cannot go on without a registry; carries every issue for the log. */
export class RegistryLoadError extends Error {
  readonly code = 'REGISTRY_INVALID';

  constructor(readonly issues: readonly RegistryIssue[]) {
    super(
      `the registry does not load (${issues.length} error${issues.length === 1 ? '' : 's'}):\n  ${formatIssues(issues).join('\n  ')}`,
    );
    this.name = 'RegistryLoadError';
  }
}
