/**
 * The tab over real HTTP, next to the real bot: actions logged and closed through the bot's card
 * actions appear in GET /api/tab/forum for a valid Teams SSO token, by its status filter, and
 * nothing without one. The static pages come with the headers that let Teams, and only Microsoft
 * 365 hosts, frame them.
 */
import { TENANT } from '../support/activities';
import { logActionViaBot, setStatusViaBot } from '../support/bot-actions';
import { startHarness, type Harness } from '../support/bot-harness';
import { startFakeConnector, type FakeConnector } from '../support/connector';
import { ENTRA_TENANT, OTHER_ENTRA_TENANT, startLocalEntra, type LocalEntra } from '../support/local-entra';
import { startTabServer, type TabServer } from '../support/tab-server';

const CHANNEL = '19:neuvottelukunta-ks@thread.tacv2';

let connector: FakeConnector;
let bot: Harness;
let entra: LocalEntra;
let tab: TabServer;
const logged: string[] = [];
const closed = { done: '', doneLater: '', cancelled: '' };

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startHarness({ ALLOWED_TENANTS: `${TENANT},${ENTRA_TENANT}` });
  entra = await startLocalEntra();
  tab = await startTabServer(bot, entra);
  for (const [title, dueDate] of [
    ['Palveluverkkoselvitys', '2026-01-15'],
    ['Hyvinvointisuunnitelman päivitys', '2099-03-31'],
  ] as const)
    logged.push(await logActionViaBot(bot, connector, { title, dueDate }));
  closed.done = await logActionViaBot(bot, connector, { title: 'Yhteystietolista', dueDate: '2099-01-31' });
  closed.cancelled = await logActionViaBot(bot, connector, { title: 'Yhteinen seminaari' });
  closed.doneLater = await logActionViaBot(bot, connector, { title: 'Kokousaikataulu 2027' });
  // Closed in this order, so newest first is doneLater, cancelled, done.
  await setStatusViaBot(bot, connector, closed.done, 'valmis');
  await setStatusViaBot(bot, connector, closed.cancelled, 'peruttu');
  await setStatusViaBot(bot, connector, closed.doneLater, 'valmis');
  await setStatusViaBot(bot, connector, logged[1] ?? '', 'kaynnissa');
});
afterAll(async () => {
  await tab?.close();
  await entra?.close();
  await bot?.stop();
  await connector?.close();
});

const forum = (query: string, token?: string) =>
  fetch(`${tab.url}/api/tab/forum?${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe('the static tab', () => {
  it.each([
    ['/tab', 'text/html; charset=utf-8', 'id="forum-name"'],
    ['/tab/config', 'text/html; charset=utf-8', 'data-page="config"'],
    ['/tab/tab.js', 'text/javascript; charset=utf-8', 'YhdyspintaTab'],
    ['/tab/tab.css', 'text/css; charset=utf-8', '[data-theme'],
    ['/tab/teams-js.js', 'text/javascript; charset=utf-8', 'microsoftTeams'],
  ])('%s is served as %s, frameable only by Microsoft 365 hosts', async (path, type, content) => {
    const response = await fetch(`${tab.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.skype.com',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://*.cloud.microsoft',
    ])
      expect(ancestors).toContain(host);
    expect(ancestors.some((host) => host === '*' || host.startsWith('http:'))).toBe(false);
    expect(await response.text()).toContain(content);
  });
});

describe('GET /api/tab/forum', () => {
  it('is 401 without a token, with a malformed header and with a bad token, and shows nothing', async () => {
    const bad = await entra.token({ wrongKey: true });
    const expired = await entra.token({ now: Date.now() - 2 * 3600_000 });
    const responses = [
      await forum(`channelId=${encodeURIComponent(CHANNEL)}`),
      await fetch(`${tab.url}/api/tab/forum`, { headers: { Authorization: `Basic ${bad}` } }),
      await forum('', 'not-a-token'),
      await forum(`channelId=${encodeURIComponent(CHANNEL)}`, bad),
      await forum(`channelId=${encodeURIComponent(CHANNEL)}`, expired),
    ];
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const text = await response.text();
      for (const id of logged) expect(text).not.toContain(id);
      expect(text).not.toContain('neuvottelukunta');
    }
    expect(bot.logs.text()).not.toContain(bad);
  });

  it('is 403 for a genuine user of a tenant that is not allowed', async () => {
    const other = await entra.token({
      claims: { tid: OTHER_ENTRA_TENANT, iss: `https://sts.windows.net/${OTHER_ENTRA_TENANT}/` },
    });
    const response = await forum(`channelId=${encodeURIComponent(CHANNEL)}`, other);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(logged[0]);
  });

  it("answers the channel's forum, its open actions with the overdue one flagged, and its digest", async () => {
    const response = await forum(
      `channelId=${encodeURIComponent(CHANNEL)}&teamId=team-group-id&locale=sv`,
      await entra.token(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = (await response.json()) as {
      forum: { name: string };
      digest?: { title: string; compiledAt: string; lines: string[] };
      actions: { id: string; title: string; overdue: boolean; status: string; dueDate: string | null }[];
    };
    expect(body.forum.name).toBe('Delegationen för kommunerna och välfärdsområdet');
    expect(body.actions.map((action) => [action.id, action.overdue, action.dueDate])).toEqual([
      [logged[0], true, '2026-01-15'],
      [logged[1], false, '2099-03-31'],
    ]);
    expect(body.digest?.title).toContain('Delegationen för kommunerna och välfärdsområdet');
    expect(body.digest?.lines.length).toBeGreaterThan(3);
  });

  it('answers the personal tab with the forum Marja leads', async () => {
    const response = await forum('locale=en', await entra.token());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { forum: { name: string }; actions: unknown[] };
    expect(body.forum.name).toBe('Municipalities and wellbeing county negotiating committee');
    expect(body.actions).toHaveLength(2);
  });

  it.each([
    ['', ['overdue', 'later']],
    ['open', ['overdue', 'later']],
    ['avoin', ['overdue']],
    ['kaynnissa', ['later']],
    ['valmis', ['doneLater', 'done']],
    ['peruttu', ['cancelled']],
    ['all', ['overdue', 'later', 'doneLater', 'cancelled', 'done']],
  ] as const)(
    'lists the actions of status filter %j: open by due date, closed newest first',
    async (status, names) => {
      const response = await forum(
        `channelId=${encodeURIComponent(CHANNEL)}&locale=fi${status ? `&status=${status}` : ''}`,
        await entra.token(),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { digest?: unknown; actions: { id: string; status: string }[] };
      const ids: Record<string, string> = { overdue: logged[0] ?? '', later: logged[1] ?? '', ...closed };
      expect(body.actions.map((action) => action.id)).toEqual(names.map((name) => ids[name]));
      // Only the default view carries the situational picture.
      expect(body.digest !== undefined).toBe(status === '' || status === 'open');
    },
  );

  it('is 400 for a status it does not know, with the ones it does', async () => {
    const token = await entra.token();
    for (const status of ['closed', 'Valmis', '']) {
      const response = await forum(`channelId=${encodeURIComponent(CHANNEL)}&status=${status}`, token);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'status must be one of: open, all, avoin, kaynnissa, valmis, peruttu',
      });
    }
  });

  it('is 404 for a channel no forum is linked to, and 400 for an absurd query', async () => {
    const token = await entra.token();
    expect((await forum('channelId=19%3Aother%40thread.tacv2', token)).status).toBe(404);
    expect((await forum(`chatId=${'x'.repeat(600)}`, token)).status).toBe(400);
  });
});
