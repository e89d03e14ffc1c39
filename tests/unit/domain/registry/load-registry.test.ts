import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry, type LoadRegistryResult } from '../../../../src/domain/registry/load-registry';
import type { RegistryIssue } from '../../../../src/domain/registry/issues';
import type { RegistryDocument } from '../../../../src/domain/registry/parse-document';

const FIXTURES = join(__dirname, '../../../fixtures/registry');
const fixture = (name: string): RegistryDocument => ({
  file: name,
  text: readFileSync(join(FIXTURES, name), 'utf8'),
});
const MINIMAL = 'valid/minimal.yaml';

function loaded(result: LoadRegistryResult) {
  if (!result.ok)
    throw new Error(`expected the registry to load, got:\n${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

function failed(result: LoadRegistryResult) {
  if (result.ok) throw new Error('expected the registry not to load');
  return result;
}

/** The issue at `path` in `file`; fails when there is not exactly one. */
function issueAt(issues: readonly RegistryIssue[], file: string, path: string): RegistryIssue {
  const found = issues.filter((issue) => issue.file === file && issue.path === path);
  if (found.length !== 1) {
    throw new Error(
      `expected one issue at ${file} ${path}, got ${found.length}:\n${JSON.stringify(issues, null, 2)}`,
    );
  }
  return found[0] as RegistryIssue;
}

describe('loadRegistry: valid registries', () => {
  it('loads a single YAML file and normalises it', () => {
    const { registry, warnings } = loaded(loadRegistry([fixture(MINIMAL)]));

    expect(warnings).toEqual([]);
    expect(registry.version).toBe(1);
    expect(registry.timeZone).toBe('Europe/Helsinki');
    expect(registry.regions.map((r) => r.id)).toEqual(['keski-suomi']);
    expect(registry.organisations).toHaveLength(5);
    expect(registry.meetings).toHaveLength(2);

    const hva = registry.organisations[0];
    expect(hva?.name).toEqual({ fi: 'Keski-Suomen hyvinvointialue' });
    expect(hva?.aliases).toEqual(['Hyvaks']);
    // Fields users add are kept as they are.
    expect(hva).toMatchObject({ costCentre: 4711 });

    const hankasalmi = registry.organisations.find((o) => o.id === 'kunta-077');
    expect(hankasalmi?.code).toBe('077');
    expect(hankasalmi?.shortName).toEqual({ fi: 'Hankasalmi' });
    expect(registry.organisations.find((o) => o.id === 'kunta-179')?.aliases).toEqual(['Jkl']);
  });

  it('reads dates as YYYY-MM-DD text and keeps meeting times as written', () => {
    const { registry } = loaded(loadRegistry([fixture(MINIMAL)]));
    const first = registry.responsibilities[0];
    expect(first?.confirmed).toBe('2026-09-01');
    expect(first?.validUntil).toBe('2027-05-31');
    expect(registry.agreements[0]?.signed).toBe('2024-03-15');
    expect(registry.goals[0]?.target).toEqual({ value: 150000, by: '2027-12-31', direction: 'up' });
    expect(registry.meetings[0]?.start).toBe('2027-11-12T09:00:00+02:00');
  });

  it('keeps unquoted clause numbers as written, so 4.10 is not read as 4.1', () => {
    const { registry } = loaded(loadRegistry([fixture(MINIMAL)]));
    expect(registry.agreements[0]?.clauses?.map((c) => c.id)).toEqual(['3', '4.10']);
    expect(registry.responsibilities[0]?.basis).toEqual({ agreement: 'sy-ks-2024', clause: '4.10' });
  });

  it('zero-pads municipality codes that YAML or JSON read as numbers', () => {
    const { registry } = loaded(loadRegistry([fixture(MINIMAL)]));
    expect(registry.responsibilities[1]?.municipalities).toEqual(['179', '077']);
    expect(registry.organisations.find((o) => o.kind === 'tyollisyysalue')?.municipalities).toEqual([
      '179',
      '077',
    ]);
  });

  it('normalises interface aliases: a plain list counts for every language', () => {
    const { registry } = loaded(loadRegistry([fixture(MINIMAL)]));
    const [hyte, ept, tyollisyys] = registry.interfaces;
    expect(hyte?.aliases).toEqual({
      fi: ['HYTE', 'hyvinvointityö'],
      sv: ['HYTE', 'hyvinvointityö'],
      en: ['HYTE', 'hyvinvointityö'],
    });
    expect(hyte?.parent).toBeUndefined();
    expect(ept?.aliases).toEqual({ fi: ['EPT'], sv: [], en: ['substance abuse prevention'] });
    expect(ept?.parent).toBe('hyte');
    expect(tyollisyys?.aliases).toEqual({ fi: [], sv: [], en: [] });
  });

  it('loads JSON (with tabs) and fills omitted lists and the default time zone', () => {
    const { registry } = loaded(loadRegistry([fixture('valid/minimal.json')]));
    expect(registry.timeZone).toBe('Europe/Helsinki');
    expect(registry.organisations.map((o) => o.code)).toEqual([undefined, '398', '016']);
    expect(registry.interfaces[0]?.name).toEqual({ fi: 'Hyvinvoinnin ja terveyden edistäminen' });
    expect(registry.people).toEqual([]);
    expect(registry.meetings).toEqual([]);
    expect(registry.forums).toEqual([]);
  });

  it('merges several files, concatenating their lists in the order given', () => {
    const extra: RegistryDocument = {
      file: 'extra.yaml',
      text: 'interfaces:\n  - { id: kotoutuminen, name: Kotoutuminen }\n',
    };
    const { registry } = loaded(loadRegistry([fixture(MINIMAL), extra]));
    expect(registry.interfaces.map((i) => i.id)).toEqual([
      'hyte',
      'ehkaiseva-paihdetyo',
      'tyollisyys',
      'kotoutuminen',
    ]);
  });

  it('returns a frozen registry', () => {
    const { registry } = loaded(loadRegistry([fixture(MINIMAL)]));
    expect(Object.isFrozen(registry.organisations)).toBe(true);
    expect(Object.isFrozen(registry.organisations[0]?.name)).toBe(true);
  });

  it('accepts null for an optional field and ignores unknown fields that look like nothing known', () => {
    const text = [
      'version: 1',
      'regions: [{ id: r, name: R, wellbeingCounty: hva, regionalCouncil: null, colour: blue }]',
      'organisations: [{ id: hva, kind: hyvinvointialue, region: r, name: HVA, notes: "free text" }]',
    ].join('\n');
    const { registry, warnings } = loaded(loadRegistry([{ file: 'r.yaml', text }]));
    expect(registry.regions[0]?.regionalCouncil).toBeUndefined();
    expect(registry.regions[0]).toMatchObject({ colour: 'blue' });
    expect(warnings).toEqual([]);
  });
});

describe('loadRegistry: broken references', () => {
  const { errors, warnings } = failed(loadRegistry([fixture(MINIMAL), fixture('broken/references.yaml')]));
  const file = 'broken/references.yaml';

  it('reports all of them at once, each in the file that contains it', () => {
    expect(errors).toHaveLength(14);
    expect(errors.every((issue) => issue.file === file && issue.code !== undefined)).toBe(true);
  });

  it('names the path inside that file and suggests the nearest id', () => {
    // responsibilities[0] of this file is the third row of the merged registry.
    expect(issueAt(errors, file, 'responsibilities[0].organisation')).toEqual({
      code: 'REGISTRY_UNKNOWN_ID',
      file,
      path: 'responsibilities[0].organisation',
      line: 16,
      message: 'unknown organisation "hva-keski-suomii"',
      suggestion: 'hva-keski-suomi',
    });
    expect(issueAt(errors, file, 'regions[0].wellbeingCounty').suggestion).toBe('hva-keski-suomi');
    expect(issueAt(errors, file, 'people[0].organisation').suggestion).toBe('kunta-179');
    expect(issueAt(errors, file, 'interfaces[0].parent').suggestion).toBe('hyte');
    expect(issueAt(errors, file, 'responsibilities[1].interface').suggestion).toBe('tyollisyys');
    expect(issueAt(errors, file, 'responsibilities[1].forum').suggestion).toBe('hyte-neuvottelu-ks');
    expect(issueAt(errors, file, 'goals[0].agreement').suggestion).toBe('sy-ks-2024');
    expect(issueAt(errors, file, 'goals[0].indicator').suggestion).toBe('vaesto');
    expect(issueAt(errors, file, 'indicators[0].values[0].area').message).toBe(
      'unknown organisation "kunta-180"',
    );
  });

  it('does not suggest anything when nothing is close', () => {
    const issue = issueAt(errors, file, 'forums[0].secretaries[0]');
    expect(issue.message).toBe('unknown person "nobody-at-all"');
    expect(issue.suggestion).toBeUndefined();
  });

  it('says when the id belongs to another list', () => {
    expect(issueAt(errors, file, 'responsibilities[2].organisation').message).toBe(
      'unknown organisation "aino-esimerkki" ("aino-esimerkki" is a person)',
    );
  });

  it('checks the kind of organisation a region refers to', () => {
    const issue = issueAt(errors, file, 'regions[0].regionalCouncil');
    expect(issue.code).toBe('REGISTRY_WRONG_KIND');
    expect(issue.message).toBe('organisation "kunta-179" is of kind kunta; expected maakunnan-liitto');
  });

  it('checks that a clause exists in an agreement that lists its clauses', () => {
    const issue = issueAt(errors, file, 'responsibilities[1].basis.clause');
    expect(issue.code).toBe('REGISTRY_UNKNOWN_CLAUSE');
    expect(issue.suggestion).toBe('4.10');
  });

  it('rejects a meeting that ends before it starts', () => {
    expect(issueAt(errors, file, 'meetings[0].end').code).toBe('REGISTRY_MEETING_TIMES');
  });

  it('only warns about a municipality code that is no kunta of the registry', () => {
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'REGISTRY_UNKNOWN_MUNICIPALITY',
        file,
        path: 'responsibilities[2].municipalities[0]',
      }),
    ]);
  });
});

describe('loadRegistry: values that do not match the format', () => {
  const { errors, warnings } = failed(loadRegistry([fixture(MINIMAL), fixture('broken/values.yaml')]));
  const file = 'broken/values.yaml';

  it('reports every broken field of every item', () => {
    expect(errors.map((issue) => issue.path)).toEqual([
      'organisations[0].id',
      'organisations[0].code',
      'organisations[1].kind',
      'organisations[1].name.fi',
      'organisations[2].code',
      'people[0].name',
      'responsibilities[0].role',
      'responsibilities[0].confirmed',
      'meetings[0].start',
      'goals',
    ]);
    expect(errors.every((issue) => issue.file === file)).toBe(true);
  });

  it('words the problems for a person editing the file', () => {
    expect(issueAt(errors, file, 'people[0].name').message).toBe('required field is missing');
    expect(issueAt(errors, file, 'organisations[1].kind')).toMatchObject({
      message: expect.stringContaining('"kunnat" is not one of: kunta, hyvinvointialue'),
      suggestion: 'kunta',
    });
    expect(issueAt(errors, file, 'responsibilities[0].role').suggestion).toBe('koordinaattori');
    expect(issueAt(errors, file, 'organisations[0].code').message).toMatch(/three-digit/);
    expect(issueAt(errors, file, 'organisations[2].code').message).toMatch(
      /kind kunta needs its municipality code/,
    );
    expect(issueAt(errors, file, 'responsibilities[0].confirmed').message).toMatch(/YYYY-MM-DD/);
    expect(issueAt(errors, file, 'meetings[0].start').message).toMatch(/with an offset/);
    expect(issueAt(errors, file, 'goals').message).toMatch(/must be a list/);
  });

  it('does not report references to an item that is itself broken', () => {
    expect(errors.some((issue) => issue.message.includes('"kunta-216"'))).toBe(false);
  });

  it('warns about an unknown field that looks like a typo of a known one', () => {
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'REGISTRY_UNKNOWN_FIELD',
        path: 'responsibilities[0].confimed',
        suggestion: 'confirmed',
      }),
    ]);
  });
});

describe('loadRegistry: consistency checks', () => {
  const text = [
    'organisations:',
    '  - { id: kunta-179-b, kind: kunta, code: "179", region: keski-suomi, name: Jyväskylä B }',
    '  - { id: kela-ks, kind: kela, code: "179", region: keski-suomi, name: Kela }',
    '  - { id: unit-a, kind: muu, region: keski-suomi, name: A, parent: unit-b }',
    '  - { id: unit-b, kind: muu, region: keski-suomi, name: B, parent: unit-a }',
    '  - { id: tyollisyysalue-toinen, kind: tyollisyysalue, region: keski-suomi, name: T, municipalities: ["179"] }',
    'people:',
    '  - { id: kaksoisolento, name: K, title: T, organisation: kunta-179, aadObjectId: 3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11 }',
    'forums:',
    '  - { id: ilman-kanavaa, name: F, kind: muu, region: keski-suomi, teams: { tenantId: t } }',
    'indicators:',
    '  - { id: ilman-tunnusta, name: I, source: sotkanet, unit: "%", better: lower }',
  ].join('\n');
  const file = 'consistency.yaml';
  const { errors, warnings } = failed(loadRegistry([fixture(MINIMAL), { file, text }]));

  it('rejects two municipalities with one code, one Entra id for two people, and organisation cycles', () => {
    expect(errors.map((issue) => [issue.path, issue.code])).toEqual([
      ['organisations[0].code', 'REGISTRY_INCONSISTENT'],
      ['organisations[2].parent', 'REGISTRY_CYCLE'],
      ['people[0].aadObjectId', 'REGISTRY_DUPLICATE_ID'],
    ]);
    expect(errors[0]?.message).toBe(
      'municipality code "179" is also the code of "kunta-179" (valid/minimal.yaml)',
    );
  });

  it('warns about what works but looks unintended', () => {
    expect(warnings.map((issue) => [issue.path, issue.message])).toEqual([
      ['organisations[1].code', 'code is only used for kind kunta; this organisation is of kind kela'],
      [
        'organisations[4].municipalities[0]',
        'municipality "179" is also in employment area "tyollisyysalue-jyvaskyla"',
      ],
      ['forums[0].teams', 'teams has neither channelId nor conversationId, so nothing can be posted there'],
      [
        'indicators[0].sotkanetId',
        'a sotkanet indicator without sotkanetId can only show its snapshot values',
      ],
    ]);
  });
});

describe('loadRegistry: file-level problems', () => {
  it('reports a YAML syntax error with its file and line, and still checks the other files', () => {
    const broken: RegistryDocument = { file: 'other.yaml', text: 'version: 1\nregions:\n  - { id: BAD }\n' };
    const { errors } = failed(loadRegistry([fixture(MINIMAL), fixture('broken/syntax-error.yaml'), broken]));
    const syntax = errors.filter((issue) => issue.code === 'REGISTRY_SYNTAX');
    expect(syntax.length).toBeGreaterThanOrEqual(1);
    expect(syntax[0]).toMatchObject({ file: 'broken/syntax-error.yaml', line: 5 });
    expect(syntax[0]?.message).toMatch(/^syntax error at line 5, column \d+: /);
    expect(errors.some((issue) => issue.file === 'other.yaml' && issue.path === 'regions[0].id')).toBe(true);
  });

  it('reports a JSON syntax error with its line', () => {
    const { errors } = failed(
      loadRegistry([{ file: 'r.json', text: '{\n  "version": 1,\n  "regions": [\n}\n' }]),
    );
    expect(errors[0]).toMatchObject({ code: 'REGISTRY_SYNTAX', file: 'r.json', line: 4 });
  });

  it('reports duplicate ids with both files', () => {
    const { errors } = failed(loadRegistry([fixture(MINIMAL), fixture('broken/duplicate-ids.yaml')]));
    expect(errors).toEqual([
      {
        code: 'REGISTRY_DUPLICATE_ID',
        file: 'broken/duplicate-ids.yaml',
        path: 'organisations[0].id',
        line: 3,
        message:
          'duplicate organisation id "kunta-179": also defined in valid/minimal.yaml at organisations[3]',
      },
      expect.objectContaining({
        path: 'interfaces[0].id',
        message: 'duplicate interface id "tyollisyys": also defined in valid/minimal.yaml at interfaces[2]',
      }),
    ]);
  });

  it('reports each interface parent cycle once', () => {
    const { errors } = failed(loadRegistry([fixture(MINIMAL), fixture('broken/interface-cycle.yaml')]));
    expect(errors.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      [
        'REGISTRY_CYCLE',
        'interfaces[0].parent',
        'the parent chain goes round in a circle: a-interface → c-interface → b-interface → a-interface',
      ],
      [
        'REGISTRY_CYCLE',
        'interfaces[3].parent',
        'the parent chain goes round in a circle: self-interface → self-interface',
      ],
    ]);
  });

  it('rejects another format version', () => {
    const { errors } = failed(loadRegistry([fixture(MINIMAL), fixture('broken/wrong-version.yaml')]));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'REGISTRY_VERSION',
        file: 'broken/wrong-version.yaml',
        path: 'version',
        line: 1,
        message: 'unsupported registry format version 2; this bot reads version 1',
      }),
    ]);
  });

  it('needs at least one file to state the version', () => {
    const text = readFileSync(join(FIXTURES, MINIMAL), 'utf8').replace('version: 1\n', '');
    const { errors } = failed(loadRegistry([{ file: 'r.yaml', text }]));
    expect(errors).toEqual([expect.objectContaining({ code: 'REGISTRY_VERSION', file: 'r.yaml', path: '' })]);
  });

  it('lets a file omit the version when another one states it', () => {
    const extra: RegistryDocument = { file: 'x.yaml', text: 'interfaces: [{ id: x, name: X }]' };
    expect(loadRegistry([fixture(MINIMAL), extra]).ok).toBe(true);
  });

  it('rejects time zones that disagree or do not exist', () => {
    const other = (file: string, zone: string): RegistryDocument => ({ file, text: `timeZone: ${zone}\n` });
    const { errors } = failed(
      loadRegistry([fixture(MINIMAL), other('a.yaml', 'Europe/Stockholm'), other('b.yaml', 'Mars/Olympus')]),
    );
    expect(errors.map((issue) => [issue.file, issue.path, issue.code])).toEqual([
      ['a.yaml', 'timeZone', 'REGISTRY_TIME_ZONE'],
      ['b.yaml', 'timeZone', 'REGISTRY_TIME_ZONE'],
    ]);
    expect(errors[0]?.message).toContain('differs from "Europe/Helsinki" in valid/minimal.yaml');
  });

  it('rejects a file that is a list, and an empty set of files', () => {
    expect(failed(loadRegistry([{ file: 'l.yaml', text: '- a\n- b\n' }])).errors[0]).toMatchObject({
      code: 'REGISTRY_NOT_A_MAPPING',
      file: 'l.yaml',
      path: '',
    });
    expect(failed(loadRegistry([])).errors).toEqual([expect.objectContaining({ code: 'REGISTRY_NO_FILES' })]);
  });

  it('warns about an empty file and about a top-level key that looks like a typo', () => {
    const { warnings } = loaded(
      loadRegistry([
        fixture(MINIMAL),
        { file: 'empty.yaml', text: '# nothing yet\n' },
        { file: 'typo.yaml', text: 'organizations: []\n' },
      ]),
    );
    expect(warnings.map((issue) => [issue.file, issue.code, issue.suggestion])).toEqual([
      ['empty.yaml', 'REGISTRY_EMPTY_FILE', undefined],
      ['typo.yaml', 'REGISTRY_UNKNOWN_FIELD', 'organisations'],
    ]);
  });

  it('needs at least one region', () => {
    const { errors } = failed(loadRegistry([{ file: 'r.yaml', text: 'version: 1\ninterfaces: []\n' }]));
    expect(errors).toEqual([expect.objectContaining({ code: 'REGISTRY_MISSING_LIST' })]);
  });
});
