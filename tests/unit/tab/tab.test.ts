import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { fakeDocument, type FakeDocument, type FakeElement } from './fake-dom';

const TAB_DIR = join(__dirname, '..', '..', '..', 'src', 'tab');
const SCRIPT = readFileSync(join(TAB_DIR, 'tab.js'), 'utf8');

type Locale = 'fi' | 'sv' | 'en';
interface Action {
  id: string;
  title: string;
  owner: string | null;
  dueDate: string | null;
  status: string;
  overdue: boolean;
}
interface Filters {
  status: string;
  overdueOnly: boolean;
  owner: string;
}
interface TabApi {
  MESSAGES: Record<Locale, Record<string, string>>;
  NOT_IN_TEAMS: string;
  pickLocale(tag: unknown): Locale;
  pickTheme(theme: unknown): string;
  filterActions(actions: Action[], filters: Filters): Action[];
  sortActions(actions: Action[]): Action[];
  formatDate(isoDate: string, locale: Locale): string;
  forumQuery(context: object, locale: Locale, status?: string): string;
  start(options: object): Promise<void>;
}

/** Loads tab.js in a fresh context; without a document it only defines its API. */
function load(document?: FakeDocument): { api: TabApi; context: Record<string, unknown> } {
  const context: Record<string, unknown> = {
    URLSearchParams,
    setTimeout,
    clearTimeout,
    location: { origin: 'https://yhdyspinta.example.fi' },
  };
  createContext(context);
  runInContext(SCRIPT, context, { filename: 'tab.js' });
  if (document) context.document = document;
  return { api: context.YhdyspintaTab as TabApi, context };
}

const { api } = load();

const ACTIONS: Action[] = [
  {
    id: 'ANK-2026-004',
    title: 'Valmis',
    owner: 'Pekka',
    dueDate: '2026-01-10',
    status: 'valmis',
    overdue: false,
  },
  {
    id: 'ANK-2026-003',
    title: '<b>ei merkintää</b>',
    owner: null,
    dueDate: null,
    status: 'avoin',
    overdue: false,
  },
  {
    id: 'ANK-2026-002',
    title: 'Kootaan yhteyshenkilöt',
    owner: 'Maija Järvinen',
    dueDate: '2026-04-15',
    status: 'avoin',
    overdue: false,
  },
  {
    id: 'ANK-2026-001',
    title: 'Päivitetään hyvinvointisuunnitelma',
    owner: 'Jyväskylän kaupunki',
    dueDate: '2026-02-28',
    status: 'kaynnissa',
    overdue: true,
  },
];
const FORUM = {
  forum: { name: 'Alueellinen neuvottelukunta' },
  digest: {
    title: 'Tilannekuva 3/2026',
    compiledAt: '2026-03-05T07:00:00Z',
    lines: ['Avoimia 3', 'Myöhässä 1'],
  },
  actions: ACTIONS,
};

describe('tab dictionary', () => {
  const keys = (locale: Locale) => Object.keys(api.MESSAGES[locale]).sort();
  const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

  it.each(['sv', 'en'] as const)('%s has exactly the Finnish keys and placeholders', (locale) => {
    expect(keys(locale)).toEqual(keys('fi'));
    for (const key of keys('fi')) {
      expect(placeholders(api.MESSAGES[locale][key] ?? '')).toEqual(placeholders(api.MESSAGES.fi[key] ?? ''));
    }
  });

  it('has no empty strings', () => {
    for (const locale of ['fi', 'sv', 'en'] as const) {
      for (const text of Object.values(api.MESSAGES[locale])) expect(text.trim()).not.toBe('');
    }
  });

  it.each(['index.html', 'config.html'])('translates every data-i18n key of %s', (file) => {
    const html = readFileSync(join(TAB_DIR, file), 'utf8');
    const used = [...html.matchAll(/data-i18n="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(Object.keys(api.MESSAGES.fi)).toContain(key);
  });
});

describe('tab helpers', () => {
  it.each([
    ['fi-FI', 'fi'],
    ['sv-FI', 'sv'],
    ['sv-se', 'sv'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['de-DE', 'fi'],
    [undefined, 'fi'],
  ])('reads the locale %s as %s', (tag, locale) => {
    expect(api.pickLocale(tag)).toBe(locale);
  });

  it.each([
    ['default', 'default'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['sepia', 'default'],
    [undefined, 'default'],
  ])('reads the theme %s as %s', (theme, expected) => {
    expect(api.pickTheme(theme)).toBe(expected);
  });

  const ids = (actions: Action[]) => actions.map((action) => action.id);
  const filters = (overrides: Partial<Filters>): Filters => ({
    status: 'open',
    overdueOnly: false,
    owner: '',
    ...overrides,
  });

  it('shows open and in-progress actions by default, overdue first, then by due date, undated last', () => {
    expect(ids(api.sortActions(api.filterActions(ACTIONS, filters({}))))).toEqual([
      'ANK-2026-001',
      'ANK-2026-002',
      'ANK-2026-003',
    ]);
  });

  it('sorts closed actions after the open ones, keeping their order (the server’s newest first)', () => {
    const closed = (id: string, status: string, dueDate: string | null): Action => ({
      id,
      title: id,
      owner: null,
      dueDate,
      status,
      overdue: false,
    });
    const sorted = api.sortActions([
      closed('ANK-2026-007', 'peruttu', '2026-01-01'),
      ...ACTIONS,
      closed('ANK-2026-005', 'valmis', null),
    ]);
    expect(ids(sorted)).toEqual([
      'ANK-2026-001',
      'ANK-2026-002',
      'ANK-2026-003',
      'ANK-2026-007',
      'ANK-2026-004',
      'ANK-2026-005',
    ]);
  });

  it('filters by status, overdue and owner (case and accents ignored)', () => {
    expect(ids(api.filterActions(ACTIONS, filters({ status: 'all' })))).toHaveLength(4);
    expect(ids(api.filterActions(ACTIONS, filters({ status: 'valmis' })))).toEqual(['ANK-2026-004']);
    expect(ids(api.filterActions(ACTIONS, filters({ overdueOnly: true })))).toEqual(['ANK-2026-001']);
    expect(ids(api.filterActions(ACTIONS, filters({ owner: ' JARVINEN ' })))).toEqual(['ANK-2026-002']);
    expect(ids(api.filterActions(ACTIONS, filters({ owner: 'jyväskylä', overdueOnly: true })))).toEqual([
      'ANK-2026-001',
    ]);
  });

  it('formats due dates as calendar dates in the reader’s language', () => {
    expect(api.formatDate('2027-03-31', 'fi')).toBe('31.3.2027');
    expect(api.formatDate('2027-03-31', 'en')).toBe('31 Mar 2027');
    expect(api.formatDate('2027-03-31', 'sv')).toContain('2027');
    expect(api.formatDate('not a date', 'fi')).toBe('not a date');
  });

  it('asks for the channel, else the chat, of the tab, with the team and the locale', () => {
    expect(api.forumQuery({ channel: { id: '19:a@thread.tacv2' }, team: { groupId: 'g1' } }, 'sv')).toBe(
      '/api/tab/forum?channelId=19%3Aa%40thread.tacv2&teamId=g1&locale=sv',
    );
    expect(api.forumQuery({ chat: { id: '19:c@thread.v2' } }, 'fi')).toBe(
      '/api/tab/forum?chatId=19%3Ac%40thread.v2&locale=fi',
    );
    expect(api.forumQuery({}, 'en')).toBe('/api/tab/forum?locale=en');
  });

  it('asks for a status filter other than the default', () => {
    expect(api.forumQuery({ chat: { id: 'c' } }, 'fi', 'valmis')).toBe(
      '/api/tab/forum?chatId=c&locale=fi&status=valmis',
    );
    expect(api.forumQuery({}, 'sv', 'all')).toBe('/api/tab/forum?locale=sv&status=all');
    expect(api.forumQuery({}, 'sv', 'open')).toBe('/api/tab/forum?locale=sv');
  });
});

interface FakeTeamsOptions {
  initialize?: () => Promise<unknown>;
  context?: object;
  token?: () => Promise<string>;
}

function fakeTeams(options: FakeTeamsOptions = {}) {
  const calls: string[] = [];
  const saved: object[] = [];
  let saveHandler: ((event: object) => void) | undefined;
  const teams = {
    app: {
      initialize: options.initialize ?? (() => Promise.resolve()),
      getContext: () =>
        Promise.resolve(
          options.context ?? {
            app: { locale: 'sv-FI', theme: 'dark' },
            channel: { id: '19:abc@thread.tacv2' },
            team: { groupId: 'group-1' },
          },
        ),
      registerOnThemeChangeHandler: () => calls.push('themeHandler'),
    },
    authentication: { getAuthToken: options.token ?? (() => Promise.resolve('sso-token')) },
    pages: {
      config: {
        registerOnSaveHandler: (handler: (event: object) => void) => {
          saveHandler = handler;
        },
        setValidityState: (valid: boolean) => calls.push(`valid:${valid}`),
        setConfig: (config: object) => {
          saved.push(config);
          return Promise.resolve();
        },
      },
    },
  };
  return { teams, calls, saved, save: () => saveHandler };
}

function fakeFetch(...responses: { status: number; body?: unknown }[]) {
  const requests: { url: string; init: { headers: Record<string, string> } }[] = [];
  const fetch = (url: string, init: { headers: Record<string, string> }) => {
    requests.push({ url, init });
    const response = responses[Math.min(requests.length, responses.length) - 1] ?? { status: 500 };
    return Promise.resolve({
      status: response.status,
      ok: response.status >= 200 && response.status < 300,
      json: () => Promise.resolve(response.body),
    });
  };
  return { fetch, requests };
}

const rows = (document: FakeDocument) =>
  (document.getElementById('actions-body') as FakeElement)
    .find('tr')
    .map((row) => row.find('td').map((cell) => cell.textContent));
const text = (document: FakeDocument, id: string) => document.getElementById(id)?.textContent;

describe('tab page', () => {
  let document: FakeDocument;
  beforeEach(() => {
    document = fakeDocument(join(TAB_DIR, 'index.html'));
  });

  it.each([
    ['without teams-js', undefined],
    [
      'when initialize fails (no Teams host)',
      { initialize: () => Promise.reject(new Error('No Parent window found.')) },
    ],
    ['when no host answers before the timeout', { initialize: () => new Promise<never>(() => undefined) }],
  ])('says to open it in Teams %s', async (_case, options) => {
    const { api: tab } = load(document);
    const { fetch, requests } = fakeFetch({ status: 200, body: FORUM });
    await tab.start({ teams: options ? fakeTeams(options).teams : undefined, fetch, timeoutMs: 20 });
    expect(text(document, 'status')).toBe(
      'Avaa tämä välilehti Teamsissa / Open this tab in Teams / Öppna fliken i Teams',
    );
    expect(document.getElementById('status')?.children.map((part) => part.getAttribute('lang'))).toEqual([
      'fi',
      null,
      'en',
      null,
      'sv',
    ]);
    expect(requests).toEqual([]);
  });

  it("shows the forum in the user's language and theme with an SSO token", async () => {
    const { api: tab } = load(document);
    const { teams, calls } = fakeTeams();
    const { fetch, requests } = fakeFetch({ status: 200, body: FORUM });
    await tab.start({ teams, fetch });

    expect(requests).toEqual([
      {
        url: '/api/tab/forum?channelId=19%3Aabc%40thread.tacv2&teamId=group-1&locale=sv',
        init: expect.objectContaining({
          headers: expect.objectContaining({ Authorization: 'Bearer sso-token' }),
        }),
      },
    ]);
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(calls).toContain('themeHandler');
    expect(text(document, 'forum-name')).toBe('Alueellinen neuvottelukunta');
    expect(document.getElementById('status')?.hidden).toBe(true);
    expect(text(document, 'actions-heading')).toBe('Åtgärder');
    expect(text(document, 'digest-title')).toBe('Tilannekuva 3/2026');
    expect(text(document, 'digest-lines')).toBe('Avoimia 3Myöhässä 1');
    expect(text(document, 'actions-summary')).toBe('3 öppna, varav 1 försenade.');
    expect(rows(document)).toEqual([
      [
        'ANK-2026-001',
        'Päivitetään hyvinvointisuunnitelma',
        'Jyväskylän kaupunki',
        '28.2.2026',
        'pågår Försenad',
      ],
      ['ANK-2026-002', 'Kootaan yhteyshenkilöt', 'Maija Järvinen', expect.stringContaining('2026'), 'öppen'],
      ['ANK-2026-003', '<b>ei merkintää</b>', 'inte utsedd', 'ingen deadline', 'öppen'],
    ]);
    expect(text(document, 'actions-count')).toBe('Visar 3 av 4 åtgärder.');
  });

  it('re-renders when the filters change', async () => {
    const { api: tab } = load(document);
    await tab.start({ teams: fakeTeams().teams, fetch: fakeFetch({ status: 200, body: FORUM }).fetch });
    const owner = document.getElementById('filter-owner') as FakeElement;
    owner.value = 'jarvinen';
    owner.dispatch('input');
    expect(rows(document).map((row) => row[0])).toEqual(['ANK-2026-002']);

    owner.value = '';
    const overdue = document.getElementById('filter-overdue') as FakeElement;
    overdue.checked = true;
    overdue.dispatch('change');
    expect(rows(document).map((row) => row[0])).toEqual(['ANK-2026-001']);

    overdue.checked = false;
    const status = document.getElementById('filter-status') as FakeElement;
    expect(status.children.map((option) => option.value)).toEqual([
      'open',
      'all',
      'avoin',
      'kaynnissa',
      'valmis',
      'peruttu',
    ]);
    status.value = 'kaynnissa';
    status.dispatch('change');
    expect(rows(document).map((row) => row[0])).toEqual(['ANK-2026-001']);
  });

  it('asks the server for closed statuses and "all", once each, showing only what it answers', async () => {
    const { api: tab } = load(document);
    const done = { ...ACTIONS[0], id: 'ANK-2026-009', title: 'Valmistunut' } as Action;
    const cancelled = { ...done, id: 'ANK-2026-008', title: 'Peruttu', status: 'peruttu' };
    const { fetch, requests } = fakeFetch(
      { status: 200, body: { ...FORUM, actions: ACTIONS.filter((a) => a.status !== 'valmis') } },
      { status: 200, body: { forum: FORUM.forum, actions: [done] } },
      { status: 200, body: { forum: FORUM.forum, actions: [...ACTIONS.slice(1), cancelled, done] } },
    );
    await tab.start({ teams: fakeTeams().teams, fetch });
    const section = document.getElementById('actions-section') as FakeElement;
    const status = document.getElementById('filter-status') as FakeElement;
    const choose = async (value: string) => {
      status.value = value;
      status.dispatch('change');
      const busy = section.getAttribute('aria-busy');
      await new Promise((resolve) => setTimeout(resolve, 10));
      return busy;
    };

    expect(await choose('valmis')).toBe('true');
    expect(section.getAttribute('aria-busy')).toBe('false');
    expect(rows(document).map((row) => [row[0], row[4]])).toEqual([['ANK-2026-009', 'klar']]);
    expect(text(document, 'actions-count')).toBe('Visar 1 av 1 åtgärder.');
    expect(await choose('open')).toBe('false');
    expect(rows(document).map((row) => row[0])).toEqual(['ANK-2026-001', 'ANK-2026-002', 'ANK-2026-003']);
    expect(await choose('valmis')).toBe('false');
    expect(await choose('all')).toBe('true');
    expect(rows(document).map((row) => row[0])).toEqual([
      'ANK-2026-001',
      'ANK-2026-002',
      'ANK-2026-003',
      'ANK-2026-008',
      'ANK-2026-009',
    ]);
    // The summary stays the default view's.
    expect(text(document, 'actions-summary')).toBe('3 öppna, varav 1 försenade.');
    expect(requests.map((request) => request.url)).toEqual([
      '/api/tab/forum?channelId=19%3Aabc%40thread.tacv2&teamId=group-1&locale=sv',
      '/api/tab/forum?channelId=19%3Aabc%40thread.tacv2&teamId=group-1&locale=sv&status=valmis',
      '/api/tab/forum?channelId=19%3Aabc%40thread.tacv2&teamId=group-1&locale=sv&status=all',
    ]);
  });

  it('says when a closed list fails to load, and its retry loads it', async () => {
    const { api: tab } = load(document);
    const { fetch, requests } = fakeFetch(
      { status: 200, body: FORUM },
      { status: 500 },
      { status: 200, body: { forum: FORUM.forum, actions: [] } },
    );
    await tab.start({ teams: fakeTeams({ context: { app: { locale: 'en-US' } } }).teams, fetch });
    const status = document.getElementById('filter-status') as FakeElement;
    status.value = 'peruttu';
    status.dispatch('change');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(text(document, 'status')).toBe('Loading the information failed. Try again');
    expect(rows(document)).toEqual([]);
    document.getElementById('status')?.find('button')[0]?.dispatch('click');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requests.map((request) => request.url)).toEqual([
      '/api/tab/forum?locale=en',
      '/api/tab/forum?locale=en&status=peruttu',
      '/api/tab/forum?locale=en&status=peruttu',
    ]);
    expect(document.getElementById('status')?.hidden).toBe(true);
    expect(document.getElementById('actions-empty')?.hidden).toBe(false);
    expect(text(document, 'actions-count')).toBe('Showing 0 of 0 actions.');
  });

  it.each([
    ['the token is refused', { status: 401 }, undefined, 'Kirjautuminen Teamsiin ei onnistunut'],
    ['no forum is linked', { status: 404 }, undefined, 'Tähän keskusteluun ei ole liitetty'],
    [
      'no token can be had',
      { status: 200, body: FORUM },
      () => Promise.reject(new Error('consent')),
      'Kirjautuminen',
    ],
  ])('explains when %s, and shows no data', async (_case, response, token, message) => {
    const { api: tab } = load(document);
    const context = { app: { locale: 'fi-FI', theme: 'default' }, chat: { id: '19:c@thread.v2' } };
    await tab.start({ teams: fakeTeams({ context, token }).teams, fetch: fakeFetch(response).fetch });
    expect(text(document, 'status')).toContain(message);
    expect(document.getElementById('actions-section')?.hidden).toBe(true);
  });

  it('offers a retry when loading fails, and the retry loads', async () => {
    const { api: tab } = load(document);
    const { fetch, requests } = fakeFetch({ status: 503 }, { status: 200, body: FORUM });
    const context = { app: { locale: 'en-US', theme: 'contrast' } };
    await tab.start({ teams: fakeTeams({ context }).teams, fetch });
    expect(text(document, 'status')).toBe('Loading the information failed. Try again');
    expect(document.documentElement.getAttribute('data-theme')).toBe('contrast');
    const retry = document.getElementById('status')?.find('button')[0];
    retry?.dispatch('click');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requests.map((request) => request.url)).toEqual([
      '/api/tab/forum?locale=en',
      '/api/tab/forum?locale=en',
    ]);
    expect(rows(document)).toHaveLength(3);
  });
});

describe('tab configuration page', () => {
  it('lets Teams save the tab pointing at /tab', async () => {
    const document = fakeDocument(join(TAB_DIR, 'config.html'));
    const { api: tab } = load(document);
    const { teams, calls, saved, save } = fakeTeams({
      context: { app: { locale: 'en-GB', theme: 'default' } },
    });
    await tab.start({ teams, fetch: fakeFetch().fetch });
    expect(calls).toContain('valid:true');
    expect(text(document, 'status')).toContain('Select Save to add it.');
    const outcome = await new Promise((resolve) =>
      save()?.({
        notifySuccess: () => resolve('success'),
        notifyFailure: (reason: string) => resolve(reason),
      }),
    );
    expect(outcome).toBe('success');
    expect(saved).toEqual([
      {
        entityId: 'situation',
        contentUrl: 'https://yhdyspinta.example.fi/tab',
        suggestedDisplayName: 'Situational picture',
      },
    ]);
  });
});

describe('tab markup and colours', () => {
  it.each(['index.html', 'config.html'])(
    '%s loads teams-js and tab.js by absolute path and has a main landmark',
    (file) => {
      const html = readFileSync(join(TAB_DIR, file), 'utf8');
      expect(html).toMatch(/<html lang="fi"/);
      expect(html).toContain('<script src="/tab/teams-js.js" defer></script>');
      expect(html).toContain('<script src="/tab/tab.js" defer></script>');
      expect(html).toContain('<main id="main"');
    },
  );

  it('labels every form control', () => {
    const html = readFileSync(join(TAB_DIR, 'index.html'), 'utf8');
    const controls = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(controls).toHaveLength(3);
    for (const id of controls) expect(html).toContain(`<label for="${id}"`);
  });

  const css = readFileSync(join(TAB_DIR, 'tab.css'), 'utf8');
  const themes = Object.fromEntries(
    ['default', 'dark', 'contrast'].map((theme) => {
      const block = new RegExp(`\\[data-theme='${theme}'\\]\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
      const variables = Object.fromEntries(
        [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]),
      );
      return [theme, variables as Record<string, string>];
    }),
  );

  function luminance(hex: string): number {
    const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r = 0, g = 0, b = 0] = channels.map((c) =>
      c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
    );
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  };

  // [foreground, background]: every pair the stylesheet puts together.
  const TEXT_PAIRS = [
    ['fg', 'bg'],
    ['muted', 'bg'],
    ['fg', 'surface'],
    ['accent', 'bg'],
    ['input-fg', 'input-bg'],
    ['overdue-fg', 'bg'],
    ['fg', 'overdue-row'],
    ['muted', 'overdue-row'],
    ['badge-fg', 'badge-bg'],
  ];
  const NON_TEXT_PAIRS = [
    ['border', 'bg'],
    ['focus', 'bg'],
    ['focus', 'overdue-row'],
  ];

  it.each(['default', 'dark', 'contrast'])(
    'the %s theme has sufficient contrast (WCAG AA; AAA for contrast)',
    (theme) => {
      const colours = themes[theme] ?? {};
      const textMinimum = theme === 'contrast' ? 7 : 4.5;
      for (const [fg = '', bg = ''] of TEXT_PAIRS) {
        expect({
          theme,
          fg,
          bg,
          ratio: contrast(colours[fg] ?? '', colours[bg] ?? '') >= textMinimum,
        }).toEqual({
          theme,
          fg,
          bg,
          ratio: true,
        });
      }
      for (const [fg = '', bg = ''] of NON_TEXT_PAIRS) {
        expect(contrast(colours[fg] ?? '', colours[bg] ?? '')).toBeGreaterThanOrEqual(3);
      }
    },
  );
});
