/** What the loader reports about a registry: errors stop the bot, warnings are logged. */

export type RegistryIssueCode =
  | 'REGISTRY_NO_FILES'
  | 'REGISTRY_SYNTAX'
  | 'REGISTRY_NOT_A_MAPPING'
  | 'REGISTRY_EMPTY_FILE'
  | 'REGISTRY_VERSION'
  | 'REGISTRY_TIME_ZONE'
  | 'REGISTRY_INVALID_VALUE'
  | 'REGISTRY_UNKNOWN_FIELD'
  | 'REGISTRY_MISSING_LIST'
  | 'REGISTRY_DUPLICATE_ID'
  | 'REGISTRY_UNKNOWN_ID'
  | 'REGISTRY_WRONG_KIND'
  | 'REGISTRY_CYCLE'
  | 'REGISTRY_UNKNOWN_CLAUSE'
  | 'REGISTRY_UNKNOWN_MUNICIPALITY'
  | 'REGISTRY_MEETING_TIMES'
  | 'REGISTRY_INCONSISTENT';

export interface RegistryIssue {
  readonly code: RegistryIssueCode;
  /** The file as given to the loader. */
  readonly file: string;
  /** Path inside that file, e.g. `responsibilities[3].organisation`; empty for the whole file. */
  readonly path: string;
  /** 1-based line in the file, where known. */
  readonly line?: number;
  /** English: these go to the logs for administrators. */
  readonly message: string;
  /** The nearest valid value, for "did you mean". */
  readonly suggestion?: string;
}

export type PathSegment = string | number;
export type IssuePath = readonly PathSegment[];

export function formatPath(path: IssuePath): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

export interface IssueInput {
  readonly code: RegistryIssueCode;
  readonly file: string;
  readonly path: IssuePath;
  readonly message: string;
  readonly suggestion?: string;
  /** Overrides the line found from the path (syntax errors know their own). */
  readonly line?: number;
}

/** Finds the line of a path in a file, when the file was parsed with positions. */
export type LineLocator = (file: string, path: IssuePath) => number | undefined;

/** Collects the issues of one load, so that all of them are reported at once. */
export class IssueCollector {
  private readonly errorList: RegistryIssue[] = [];
  private readonly warningList: RegistryIssue[] = [];

  constructor(
    private readonly locate: LineLocator,
    private readonly fileOrder: readonly string[],
  ) {}

  error(input: IssueInput): void {
    this.errorList.push(this.toIssue(input));
  }

  warn(input: IssueInput): void {
    this.warningList.push(this.toIssue(input));
  }

  get hasErrors(): boolean {
    return this.errorList.length > 0;
  }

  /** In reading order: by file as given, then by line; issues of the whole registry last. */
  errors(): RegistryIssue[] {
    return this.sorted(this.errorList);
  }

  warnings(): RegistryIssue[] {
    return this.sorted(this.warningList);
  }

  private toIssue(input: IssueInput): RegistryIssue {
    const line = input.line ?? (input.file === '' ? undefined : this.locate(input.file, input.path));
    return {
      code: input.code,
      file: input.file,
      path: formatPath(input.path),
      ...(line === undefined ? {} : { line }),
      message: input.message,
      ...(input.suggestion === undefined ? {} : { suggestion: input.suggestion }),
    };
  }

  private sorted(issues: readonly RegistryIssue[]): RegistryIssue[] {
    const rank = (file: string): number => {
      const index = this.fileOrder.indexOf(file);
      return index < 0 ? this.fileOrder.length : index;
    };
    return issues
      .map((issue, order) => ({ issue, order }))
      .sort(
        (a, b) =>
          rank(a.issue.file) - rank(b.issue.file) ||
          (a.issue.line ?? Number.MAX_SAFE_INTEGER) - (b.issue.line ?? Number.MAX_SAFE_INTEGER) ||
          a.order - b.order,
      )
      .map(({ issue }) => issue);
  }
}
