/**
 * The tab in a real browser: Debian's headless Chromium, driven with playwright-core, loads /tab
 * from the project's HTTP server next to the real bot. The Teams host is a stub served in place of
 * teams-js (context, theme, SSO token signed by a local key); without it, the page must say it
 * belongs in Teams. Screenshots go to tests/.artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { TENANT } from '../support/activities';
import { logActionViaBot, setStatusViaBot } from '../support/bot-actions';
import { REPO_ROOT, startHarness, type Harness } from '../support/bot-harness';
import { launchChromium, requireChromium, type HeadlessChromium } from '../support/chromium';
import { startFakeConnector, type FakeConnector } from '../support/connector';
import { ENTRA_TENANT, startLocalEntra, type LocalEntra } from '../support/local-entra';
import { startTabServer, type TabServer } from '../support/tab-server';
import { contrastProblems, focusedElement, unlabelledControls } from './page-checks';
import { hostValidity, saveTab, teamsHostStub, type HostContext } from './teams-host-stub';

const ARTIFACTS = join(REPO_ROOT, 'tests', '.artifacts');
const CHANNEL = '19:neuvottelukunta-ks@thread.tacv2';
const SV_NAME = 'Delegationen för kommunerna och välfärdsområdet';

jest.setTimeout(60_000);

let connector: FakeConnector;
let bot: Harness;
let entra: LocalEntra;
let tab: TabServer;
let browser: HeadlessChromium;
const ids = { overdue: '', later: '', done: '' };

beforeAll(async () => {
  requireChromium("the tab's browser test");
  connector = await startFakeConnector();
  bot = await startHarness({ ALLOWED_TENANTS: `${TENANT},${ENTRA_TENANT}` });
  entra = await startLocalEntra();
  tab = await startTabServer(bot, entra);
  ids.overdue = await logActionViaBot(bot, connector, {
    title: 'Palveluverkkoselvitys <b>valmiiksi</b>',
    dueDate: '2026-01-15',
    ownerPersonId: 'jussi-juoni',
  });
  ids.later = await logActionViaBot(bot, connector, {
    title: 'Hyvinvointisuunnitelman päivitys',
    dueDate: '2099-03-31',
  });
  ids.done = await logActionViaBot(bot, connector, { title: 'Kokousaikataulu 2027', dueDate: '2099-01-31' });
  await setStatusViaBot(bot, connector, ids.done, 'valmis');
  await setStatusViaBot(bot, connector, ids.later, 'kaynnissa');
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium('tab-chromium-', { width: 1100, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await tab?.close();
  await entra?.close();
  await bot?.stop();
  await connector?.close();
});

interface Opened {
  readonly page: Page;
  /** Console errors and uncaught exceptions, except the missing favicon. */
  readonly errors: string[];
  /** Requests the page made to the data API. */
  readonly apiCalls: string[];
}

/** Opens a tab page; with a host context the teams-js bundle is replaced by the host stub. */
async function open(path: string, context?: HostContext, token?: string | null): Promise<Opened> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const apiCalls: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      errors.push(message.text());
  });
  page.on('request', (request) => {
    if (request.url().includes('/api/tab/')) apiCalls.push(request.url());
  });
  if (context) {
    const signed = token === undefined ? await entra.token() : (token ?? undefined);
    const body = teamsHostStub({ context, ...(signed ? { token: signed } : {}) });
    await page.route('**/tab/teams-js.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }),
    );
  }
  await page.goto(`${tab.url}${path}`);
  return { page, errors, apiCalls };
}

const channelContext = (locale: string, theme: string): HostContext => ({
  app: { locale, theme },
  channel: { id: CHANNEL },
  team: { groupId: '6c1f3a52-0b7e-4d1a-9a7c-2f4e5d6c7b8a' },
});

const rowIds = (page: Page) => page.locator('#actions-body tr td.action-id').allTextContents();

describe('in a channel tab (sv-SE, dark theme)', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open('/tab', channelContext('sv-SE', 'dark'));
    await opened.page.locator('#actions-section').waitFor({ state: 'visible' });
  });
  afterAll(async () => {
    // Undefined when the browser could not start: the tests themselves report why.
    await (opened as Opened | undefined)?.page.close();
  });

  it('shows the forum, its digest and its open actions, overdue first and flagged, in Swedish', async () => {
    const { page } = opened;
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.title()).toBe('Lägesbild');
    await expect(page.locator('#forum-name').textContent()).resolves.toBe(SV_NAME);
    expect(await page.locator('#digest-title').textContent()).toContain(SV_NAME);
    expect(await page.locator('#digest-lines li').count()).toBeGreaterThan(3);
    expect(await rowIds(page)).toEqual([ids.overdue, ids.later]);
    const overdueRow = page.locator('#actions-body tr').first();
    expect(await overdueRow.getAttribute('class')).toBe('overdue');
    expect(await overdueRow.locator('.badge-overdue').textContent()).toBe('Försenad');
    // Titles are text, never markup.
    expect(await overdueRow.locator('td').nth(1).textContent()).toBe(
      'Palveluverkkoselvitys <b>valmiiksi</b>',
    );
    expect(await overdueRow.locator('b').count()).toBe(0);
    expect(await overdueRow.locator('td').nth(2).textContent()).toBe('Jussi Juoni');
    const laterRow = page.locator('#actions-body tr').nth(1);
    expect(await laterRow.locator('.badge-overdue').count()).toBe(0);
    expect(await laterRow.locator('td').nth(4).textContent()).toBe('pågår');
    expect(await page.locator('#actions-summary').textContent()).toBe('2 öppna, varav 1 försenade.');
    await page.screenshot({ path: join(ARTIFACTS, 'tab-channel-sv-dark.png'), fullPage: true });
    expect(opened.errors).toEqual([]);
  });

  it('reaches the filters by keyboard, in order, after the skip link', async () => {
    const { page } = opened;
    await page.locator('body').focus();
    const order: string[] = [];
    for (let i = 0; i < 15 && !order.includes('filter-overdue'); i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(focusedElement));
    }
    expect(order[0]).toBe('skip-link');
    const filters = ['filter-status', 'filter-owner', 'filter-overdue'].map((id) => order.indexOf(id));
    expect(filters.every((index) => index > 0)).toBe(true);
    expect([...filters].sort((a, b) => a - b)).toEqual(filters);
  });

  it('filters with the keyboard alone: overdue only, by status, by owner', async () => {
    const { page } = opened;
    await page.locator('#filter-overdue').focus();
    await page.keyboard.press('Space');
    expect(await rowIds(page)).toEqual([ids.overdue]);
    await page.keyboard.press('Space');
    expect(await rowIds(page)).toEqual([ids.overdue, ids.later]);

    // "all" and the closed statuses are asked from the server when chosen.
    const select = page.locator('#filter-status');
    await select.focus();
    for (const [value, shown] of [
      ['all', [ids.overdue, ids.later, ids.done]],
      ['avoin', [ids.overdue]],
      ['kaynnissa', [ids.later]],
      ['valmis', [ids.done]],
      ['peruttu', []],
    ] as const) {
      await page.keyboard.press('ArrowDown');
      expect(await select.inputValue()).toBe(value);
      await page.locator('#actions-section[aria-busy="false"]').waitFor({ state: 'attached' });
      expect(await rowIds(page)).toEqual(shown);
      if (value === 'kaynnissa')
        expect(await page.locator('#actions-count').textContent()).toBe('Visar 1 av 2 åtgärder.');
    }
    expect(await page.locator('#actions-empty').isVisible()).toBe(true);
    expect(opened.apiCalls.filter((call) => call.includes('status='))).toEqual([
      expect.stringContaining('&status=all'),
      expect.stringContaining('&status=valmis'),
      expect.stringContaining('&status=peruttu'),
    ]);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    expect(await select.inputValue()).toBe('open');
    expect(await rowIds(page)).toEqual([ids.overdue, ids.later]);

    await page.locator('#filter-owner').focus();
    await page.keyboard.type('juoni');
    expect(await rowIds(page)).toEqual([ids.overdue]);
    // Enter in the search box must not reload the page. tab.js does not cancel the form's submit
    // event; the page's CSP (form-action 'none') blocks the submission, and says so in the console.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('#filter-owner').inputValue()).toBe('juoni');
    expect(await rowIds(page)).toEqual([ids.overdue]);
    const blocked = opened.errors.filter((error) => error.includes("form-action 'none'"));
    opened.errors.splice(0, opened.errors.length, ...opened.errors.filter((e) => !blocked.includes(e)));
    await page.keyboard.type('x');
    expect(await page.locator('#actions-empty').isVisible()).toBe(true);
    expect(await page.locator('#actions-table').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'tab-channel-sv-dark-filtered.png'), fullPage: true });
    expect(opened.errors).toEqual([]);
  });
});

describe('accessibility in every Teams theme', () => {
  it.each([
    ['fi-FI', 'default'],
    ['en-US', 'contrast'],
    ['sv-SE', 'dark'],
  ])('%s %s: every control labelled, text contrast at least 4.5:1', async (locale, theme) => {
    const { page, errors } = await open('/tab', channelContext(locale, theme));
    await page.locator('#actions-section').waitFor({ state: 'visible' });
    expect(await page.evaluate(unlabelledControls)).toEqual([]);
    expect(await page.evaluate(contrastProblems, 4.5)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `tab-${locale}-${theme}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

it('in the personal tab, shows the forum the signed-in secretary leads', async () => {
  const { page, errors } = await open('/tab', { app: { locale: 'en-GB', theme: 'default' } });
  await page.locator('#actions-section').waitFor({ state: 'visible' });
  expect(await page.locator('#forum-name').textContent()).toBe(
    'Municipalities and wellbeing county negotiating committee',
  );
  expect(errors).toEqual([]);
  await page.close();
});

it('when the token is refused, says so instead of showing data', async () => {
  const bad = await entra.token({ wrongKey: true });
  const { page } = await open('/tab', channelContext('fi-FI', 'default'), bad);
  await page.locator('#status.status-error').waitFor();
  expect(await page.locator('#status').textContent()).toContain('Kirjautuminen Teamsiin ei onnistunut');
  expect(await page.locator('#actions-section').isVisible()).toBe(false);
  await page.screenshot({ path: join(ARTIFACTS, 'tab-token-refused.png'), fullPage: true });
  await page.close();
});

it('the configuration page lets Teams save the tab with its address', async () => {
  const { page, errors } = await open('/tab/config', channelContext('en-US', 'default'));
  await page.waitForFunction(hostValidity);
  expect(await page.locator('#status').textContent()).toContain('Select Save to add it.');
  const config = await page.evaluate(saveTab);
  expect(config).toEqual({
    entityId: 'situation',
    contentUrl: `${tab.url}/tab`,
    suggestedDisplayName: 'Situational picture',
  });
  await page.screenshot({ path: join(ARTIFACTS, 'tab-config.png') });
  expect(errors).toEqual([]);
  await page.close();
});

it('outside Teams (the real teams-js, no host) says to open it in Teams, and asks for no data', async () => {
  const { page, apiCalls } = await open('/tab');
  await page.locator('#status span[lang="en"]').waitFor({ timeout: 15_000 });
  expect(await page.locator('#status').textContent()).toContain('Open this tab in Teams');
  expect(await page.locator('#actions-section').isVisible()).toBe(false);
  expect(apiCalls).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'tab-outside-teams.png') });
  await page.close();
});
