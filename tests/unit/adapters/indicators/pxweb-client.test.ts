import { readJsonStat, type JsonStatDataset } from '../../../../src/adapters/indicators/json-stat';
import {
  createPxwebClient,
  normaliseTableId,
  type PxTableMetadata,
} from '../../../../src/adapters/indicators/pxweb-client';
import {
  findAreaVariable,
  findContentVariable,
  findTimeVariable,
  planQuery,
} from '../../../../src/adapters/indicators/pxweb-query';
import { fetchStatfinSeries, pxAreaCode } from '../../../../src/adapters/indicators/statfin-series';
import { fixture, pxwebHandler, TEST_HTTP } from './fixtures';
import { startReplayServer, type ReplayServer } from './replay-server';

const metadata11re = (): PxTableMetadata => fixture('pxweb/11re-metadata-GET.json');
const metadata135z = (): PxTableMetadata => fixture('pxweb/135z-metadata-GET.json');

/** The same table as it looked before the June 2026 renaming. */
function preMigration(metadata: PxTableMetadata): PxTableMetadata {
  const codes: Record<string, string> = {
    alue_23_20260101: 'Alue',
    ikaryhma_10_20180101: 'Ikä',
    sukupuoli_9_20180101: 'Sukupuoli',
    timeperiod_y: 'Vuosi',
    contentscode: 'Tiedot',
  };
  return {
    ...metadata,
    variables: metadata.variables.map(({ time: _time, ...variable }) => ({
      ...variable,
      code: codes[variable.code] ?? variable.code,
      values: variable.values.map((value) => (value === 'vaerak-vaesto' ? 'vaesto' : value)),
    })),
  };
}

describe('PxWeb query from metadata', () => {
  it('finds the area, time and content variables of the renamed tables', () => {
    expect(findAreaVariable(metadata11re())?.code).toBe('alue_23_20260101');
    expect(findTimeVariable(metadata11re())?.code).toBe('timeperiod_y');
    expect(findContentVariable(metadata11re())?.code).toBe('contentscode');
    expect(findTimeVariable(metadata135z())?.code).toBe('timeperiod_m');
    expect(findContentVariable(metadata135z())?.code).toBe('contentscode');
    expect(findAreaVariable(metadata135z())).toBeUndefined();
  });

  it('builds the POST body with the codes the metadata gives', () => {
    const plan = planQuery('11re', metadata11re(), {
      content: 'vaesto',
      areaCodes: ['KU091', 'KU049'],
      years: [2024, 2025],
    });
    expect(plan?.body).toEqual({
      query: [
        { code: 'alue_23_20260101', selection: { filter: 'item', values: ['KU091', 'KU049'] } },
        { code: 'ikaryhma_10_20180101', selection: { filter: 'item', values: ['SSS'] } },
        { code: 'sukupuoli_9_20180101', selection: { filter: 'item', values: ['SSS'] } },
        { code: 'timeperiod_y', selection: { filter: 'item', values: ['2024', '2025'] } },
        { code: 'contentscode', selection: { filter: 'item', values: ['vaerak-vaesto'] } },
      ],
      response: { format: 'json-stat2' },
    });
    expect(plan).toMatchObject({ contentCode: 'vaerak-vaesto', contentText: 'Väestö 31.12.' });
  });

  it('builds the same query from the pre-migration codes', () => {
    const plan = planQuery('statfin_vaerak_pxt_11re', preMigration(metadata11re()), {
      content: 'vaesto',
      areaCodes: ['KU091'],
      years: [2025],
    });
    expect(plan?.body.query.map((entry) => [entry.code, entry.selection.values])).toEqual([
      ['Alue', ['KU091']],
      ['Ikä', ['SSS']],
      ['Sukupuoli', ['SSS']],
      ['Vuosi', ['2025']],
      ['Tiedot', ['vaesto']],
    ]);
  });

  it('asks only for areas and years the table has, and nothing when none is left', () => {
    const plan = planQuery('11re', metadata11re(), {
      areaCodes: ['KU091', 'KU179', 'HV90', 'KU091'],
      years: [2025, 2026],
    });
    expect(plan?.areaCodes).toEqual(['KU091']);
    expect(plan?.body.query[3]?.selection.values).toEqual(['2025']);
    expect(planQuery('11re', metadata11re(), { areaCodes: ['HV90'], years: [2025] })).toBeUndefined();
    expect(planQuery('11re', metadata11re(), { areaCodes: ['KU091'], years: [1900] })).toBeUndefined();
  });

  it('matches a content by code, by the code before its new prefix, or by text', () => {
    const spec = { areaCodes: ['KU091'], years: [2025] };
    for (const content of ['vaerak-vaesto', 'VAESTO', 'väestö 31.12.']) {
      expect(planQuery('11re', metadata11re(), { ...spec, content })?.contentCode).toBe('vaerak-vaesto');
    }
    expect(() => planQuery('11re', metadata11re(), { ...spec, content: 'syntyneet' })).toThrow(
      expect.objectContaining({ code: 'INDICATOR_UNSUPPORTED' }),
    );
  });

  it('applies filters by variable text and value text, and refuses unknown ones', () => {
    const spec = { areaCodes: ['KU091'], years: [2025] };
    const plan = planQuery('11re', metadata11re(), { ...spec, filters: { sukupuoli: 'Yhteensä' } });
    expect(plan?.body.query[2]).toEqual({
      code: 'sukupuoli_9_20180101',
      selection: { filter: 'item', values: ['SSS'] },
    });
    expect(() => planQuery('11re', metadata11re(), { ...spec, filters: { Sukupuoli: 'muu' } })).toThrow(
      /no value "muu"/,
    );
    expect(() => planQuery('11re', metadata11re(), { ...spec, filters: { Koulutus: 'SSS' } })).toThrow(
      /no variable Koulutus/,
    );
  });

  it('refuses the monthly whole-country 135z table for areas, after finding its renamed content', () => {
    expect(() =>
      planQuery('135z', metadata135z(), { content: 'Tyottomyysaste', areaCodes: ['KU179'], years: [2025] }),
    ).toThrow(/no area \(Alue\) variable/);
    const withArea: PxTableMetadata = {
      ...metadata135z(),
      variables: [
        { code: 'alue_x', text: 'Alue', values: ['SSS'], valueTexts: ['KOKO MAA'] },
        ...metadata135z().variables,
      ],
    };
    expect(() =>
      planQuery('135z', withArea, { content: 'Tyottomyysaste', areaCodes: ['SSS'], years: [2025] }),
    ).toThrow(/not yearly/);
  });

  it('normalises old and new table ids', () => {
    expect(normaliseTableId('statfin_vaerak_pxt_11re.px')).toBe('11re');
    expect(normaliseTableId('11re.px')).toBe('11re');
    expect(normaliseTableId('135z')).toBe('135z');
  });

  it('maps registry areas to PxWeb area codes', () => {
    expect(pxAreaCode({ organisationId: 'kunta-179', kind: 'kunta', municipalityCode: '179' })).toBe('KU179');
    expect(pxAreaCode({ organisationId: 'hva', kind: 'hyvinvointialue', hvaCode: '8' })).toBe('HV08');
    expect(pxAreaCode({ organisationId: 'liitto', kind: 'maakunnan-liitto' })).toBeUndefined();
  });
});

describe('json-stat2 reading', () => {
  it('reads the real response value by value with its area and year', () => {
    const cells = readJsonStat(fixture<JsonStatDataset>('pxweb/11re-query-three-cities-2025.json'));
    expect(
      cells.map((cell) => [cell.coordinates.alue_23_20260101, cell.coordinates.timeperiod_y, cell.value]),
    ).toEqual([
      ['KU049', '2025', 325716],
      ['KU091', '2025', 694392],
      ['KU092', '2025', 252956],
    ]);
  });

  it('walks `value` row-major with the last dimension fastest, skipping missing values', () => {
    const dataset: JsonStatDataset = {
      id: ['area', 'year', 'content'],
      size: [2, 3, 1],
      dimension: {
        area: { category: { index: { A: 0, B: 1 } } },
        year: { category: { index: ['2023', '2024', '2025'] } },
        content: { category: { label: { c: 'the one content' } } },
      },
      value: [1, 2, null, 4, 5, 6],
    };
    const read = (data: JsonStatDataset) =>
      readJsonStat(data).map((cell) => `${cell.coordinates.area}${cell.coordinates.year}=${cell.value}`);
    expect(read(dataset)).toEqual(['A2023=1', 'A2024=2', 'B2023=4', 'B2024=5', 'B2025=6']);
    // The sparse form: an object from cell index to value.
    expect(read({ ...dataset, value: { '5': 6, '1': 2 } })).toEqual(['A2024=2', 'B2025=6']);
    expect(() => readJsonStat({ ...dataset, value: [1, 2, 3] })).toThrow(/3 values for 6 cells/);
    expect(() => readJsonStat({ ...dataset, size: [2, 2, 1] })).toThrow(/3 categories, size says 2/);
  });
});

describe('PxWeb client against the saved StatFin responses', () => {
  let server: ReplayServer;

  beforeEach(async () => {
    server = await startReplayServer(pxwebHandler());
  });

  afterEach(async () => {
    await server.close();
  });

  const client = () =>
    createPxwebClient({
      baseUrl: `${server.url}/PxWeb/api/v1`,
      http: { ...TEST_HTTP, userAgent: 'test-agent/1.0' },
    });
  const deps = () => {
    const px = client();
    return { client: px, metadata: (table: string) => px.metadata(table) };
  };

  it('GETs the metadata at the post-migration path with the User-Agent', async () => {
    const metadata = await client().metadata('statfin_vaerak_pxt_11re.px');
    expect(metadata.variables.map((variable) => variable.code)).toContain('alue_23_20260101');
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.url.pathname).toBe('/PxWeb/api/v1/fi/StatFin/11re.px');
    expect(server.requests[0]?.headers['user-agent']).toBe('test-agent/1.0');
  });

  it('POSTs the query built from the metadata and reads the three cities for 2025', async () => {
    const answer = await fetchStatfinSeries(
      deps(),
      { table: '11re', content: 'vaesto' },
      [
        { organisationId: 'kunta-049', kind: 'kunta', municipalityCode: '049' },
        { organisationId: 'kunta-091', kind: 'kunta', municipalityCode: '091' },
        { organisationId: 'kunta-092', kind: 'kunta', municipalityCode: '092' },
      ],
      [2025],
    );
    expect(answer.points).toEqual({
      'kunta-049': [{ year: 2025, value: 325716 }],
      'kunta-091': [{ year: 2025, value: 694392 }],
      'kunta-092': [{ year: 2025, value: 252956 }],
    });
    expect(answer.title).toEqual({ fi: 'Väestö 31.12.' });
    expect(answer.decimals).toBe(0);

    const post = server.requests.find((request) => request.method === 'POST');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post?.body ?? '')).toMatchObject({
      query: [
        { code: 'alue_23_20260101', selection: { filter: 'item', values: ['KU049', 'KU091', 'KU092'] } },
        { code: 'ikaryhma_10_20180101' },
        { code: 'sukupuoli_9_20180101' },
        { code: 'timeperiod_y', selection: { values: ['2025'] } },
        { code: 'contentscode', selection: { values: ['vaerak-vaesto'] } },
      ],
      response: { format: 'json-stat2' },
    });
  });

  it('reads Helsinki 2021–2025 as a series in year order', async () => {
    const answer = await fetchStatfinSeries(
      deps(),
      { table: '11re', content: 'vaerak-vaesto' },
      [{ organisationId: 'kunta-091', kind: 'kunta', municipalityCode: '091' }],
      [2025, 2024, 2023, 2022, 2021].reverse(),
    );
    expect(answer.points['kunta-091']).toEqual([
      { year: 2021, value: 658457 },
      { year: 2022, value: 664028 },
      { year: 2023, value: 674500 },
      { year: 2024, value: 684018 },
      { year: 2025, value: 694392 },
    ]);
  });
});
