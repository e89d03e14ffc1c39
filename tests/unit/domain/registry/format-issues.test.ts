import { formatIssue, formatIssues, RegistryLoadError } from '../../../../src/domain/registry/format-issues';
import type { RegistryIssue } from '../../../../src/domain/registry/issues';

const unknownOrganisation: RegistryIssue = {
  code: 'REGISTRY_UNKNOWN_ID',
  file: 'keski-suomi.yaml',
  path: 'responsibilities[3].organisation',
  line: 120,
  message: 'unknown organisation "hva-keski-suomii"',
  suggestion: 'hva-keski-suomi',
};

describe('formatIssue', () => {
  it('writes file, line, path, message and suggestion on one line', () => {
    expect(formatIssue(unknownOrganisation)).toBe(
      'keski-suomi.yaml:120: responsibilities[3].organisation: unknown organisation "hva-keski-suomii" (did you mean "hva-keski-suomi"?)',
    );
  });

  it('leaves out what the issue does not have', () => {
    expect(
      formatIssue({
        code: 'REGISTRY_EMPTY_FILE',
        file: 'empty.yaml',
        path: '',
        message: 'the file is empty',
      }),
    ).toBe('empty.yaml: the file is empty');
    expect(
      formatIssue({ code: 'REGISTRY_NO_FILES', file: '', path: '', message: 'no registry files to load' }),
    ).toBe('registry: no registry files to load');
  });

  it('formats a list, and an error that carries every issue', () => {
    expect(formatIssues([unknownOrganisation, unknownOrganisation])).toHaveLength(2);
    const error = new RegistryLoadError([unknownOrganisation]);
    expect(error.code).toBe('REGISTRY_INVALID');
    expect(error.issues).toEqual([unknownOrganisation]);
    expect(error.message).toContain('(1 error)');
    expect(error.message).toContain('did you mean "hva-keski-suomi"?');
  });
});
