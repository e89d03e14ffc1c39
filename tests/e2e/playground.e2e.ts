/**
 * The bot in Microsoft's own Teams emulator: Microsoft 365 Agents Playground
 * (npm @microsoft/m365agentsplayground) runs offline on a local port and talks to the bot over its
 * mocked connector; Debian's headless Chromium, driven with playwright-core, uses the Playground's
 * web client like a person would. The Playground user is configured (through its config file) as
 * Marja Malli, a forum secretary in the sample registry, so she may log actions.
 *
 * Each step waits for the bot's reply on the Playground's conversation websocket and then checks
 * that the card is rendered in the page. Screenshots go to tests/.artifacts/e2e-*.png.
 * No step needs the internet: requests leaving localhost (the Playground's CDN fonts) are aborted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { REPO_ROOT, startHarness, type Harness } from '../support/bot-harness';
import { launchChromium, requireChromium, type HeadlessChromium } from '../support/chromium';
import { freePort } from '../support/redis-server';

const ARTIFACTS = join(REPO_ROOT, 'tests', '.artifacts');
const PLAYGROUND_CLI = join(REPO_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
/** Marja Malli, secretary of the Keski-Suomi forums in data/registry. */
const SECRETARY_OID = '3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11';

jest.setTimeout(120_000);

/** The Playground insists on a full config file (at least five mock users, all chats). */
function playgroundConfig(): string {
  const users = [1, 2, 3, 4, 5]
    .map((n) =>
      [
        `  - id: user-id-${n}`,
        `    name: Testikäyttäjä ${n}`,
        `    userPrincipleName: user${n}@example.com`,
        `    aadObjectId: 00000000-0000-0000-0000-00000000002${n}`,
        `    givenName: Testi`,
        `    surname: Käyttäjä${n}`,
        `    email: user${n}@example.com`,
      ].join('\n'),
    )
    .join('\n');
  return `version: "0.1.1"
tenantId: 00000000-0000-0000-0000-0000000000001
bot:
  id: 00000000-0000-0000-0000-00000000000011
  name: Yhdyspinta
currentUser:
  id: user-id-0
  name: Marja Malli
  userPrincipleName: marja.malli@example.fi
  aadObjectId: ${SECRETARY_OID}
  givenName: Marja
  surname: Malli
  email: marja.malli@example.fi
users:
${users}
personalChat:
  id: __PERSONAL_CHAT_ID__
groupChat:
  id: __GROUP_CHAT_ID__
  name: Group Chat
team:
  id: team-id
  name: My Team
  aadGroupId: 00000000-0000-0000-0000-000000000031
  channels:
    - id: channel-announcements-id
      name: Announcements
`;
}

interface Playground {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
}

/** GET without keep-alive, so no socket outlives the suite. */
function pageStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', () => resolve(0));
  });
}

async function startPlayground(botEndpoint: string, dir: string): Promise<Playground> {
  const configPath = join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfig());
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      PLAYGROUND_CLI,
      'start',
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 30_000;
  for (;;) {
    // The Playground falls back to a random port if the one asked for is taken.
    const listening = /Listening on (\d+)/.exec(output);
    if (listening) {
      const url = `http://127.0.0.1:${listening[1]}`;
      const status = await pageStatus(`${url}/`);
      if (status === 200) return { url, child, output: () => output };
    }
    if (child.exitCode !== null) throw new Error(`Playground exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Playground did not start in 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Bot messages as the Playground pushes them to its web client. */
const botMessages: string[] = [];
/** The Playground's log panel stream (activities both ways, warnings), for failure messages. */
const playgroundLog: string[] = [];

function waitForBotMessage(from: number, includes: string): Promise<unknown> {
  return waitForFrame(botMessages, 'bot message', from, includes);
}

function waitForLogEntry(from: number, includes: string): Promise<unknown> {
  return waitForFrame(playgroundLog, 'Playground log entry', from, includes);
}

async function waitForFrame(
  frames: string[],
  what: string,
  from: number,
  includes: string,
  timeoutMs = 30_000,
): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = frames.slice(from).find((frame) => frame.includes(includes));
    if (hit) return JSON.parse(hit) as unknown;
    if (Date.now() > deadline) {
      throw new Error(
        `no ${what} with ${JSON.stringify(includes)} in ${timeoutMs} ms; got:\n` +
          frames
            .slice(from)
            .map((frame) => frame.slice(0, 400))
            .join('\n') +
          '\nPlayground log (last 5):\n' +
          playgroundLog
            .slice(-5)
            .map((frame) => frame.slice(0, 1500))
            .join('\n'),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let bot: Harness;
let playground: Playground;
let playgroundDir: string;
let browser: HeadlessChromium;
let page: Page;

async function send(text: string): Promise<number> {
  const from = botMessages.length;
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
  return from;
}

beforeAll(async () => {
  requireChromium('the e2e suite');
  if (!existsSync(PLAYGROUND_CLI)) {
    throw new Error(
      `${PLAYGROUND_CLI} is missing: run npm ci (devDependency @microsoft/m365agentsplayground)`,
    );
  }
  bot = await startHarness({
    // Local mode (no app id), as `npm start` runs for the Playground. Statistics sources point
    // at a closed local port so that nothing reaches for the internet.
    SOTKANET_URL: 'http://127.0.0.1:9/rest/1.1',
    STATFIN_URL: 'http://127.0.0.1:9/api/v1',
  });
  playgroundDir = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  playground = await startPlayground(`${bot.url}/api/messages`, playgroundDir);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium('e2e-chromium-', { width: 1280, height: 900 });
  // Offline: the Playground's fonts and animations come from a CDN; fail them at once.
  await browser.context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
      if (socket.url().includes('/_ws/log/')) {
        playgroundLog.push(text);
        return;
      }
      if (text.includes('"createMessage"') || text.includes('"updateMessage"')) botMessages.push(text);
    });
  });
  await page.goto(`${playground.url}/`, { waitUntil: 'load' });
  // The Playground installs the bot in the personal chat; the bot's welcome proves the round trip.
  await waitForBotMessage(0, '"createMessage"');
  await page.locator('[data-lexical-editor="true"][role="textbox"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  if (playground && playground.child.exitCode === null) {
    const exited = new Promise((resolve) => playground.child.once('exit', resolve));
    playground.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
    if (playground.child.exitCode === null) playground.child.kill('SIGKILL');
  }
  await bot?.stop();
  if (playgroundDir) rmSync(playgroundDir, { recursive: true, force: true });
});

test('answers a who-is-responsible question with the responsible contact', async () => {
  const from = await send('kuka vastaa kotoutumisesta Jyväskylässä?');
  const reply = JSON.stringify(await waitForBotMessage(from, 'Maahanmuutto ja kotoutuminen'));
  expect(reply).toContain('Aino Esimerkki');
  const card = page.locator('.ac-adaptiveCard', { hasText: 'Maahanmuutto ja kotoutuminen' }).last();
  await expect(card.getByText('Aino Esimerkki').first().isVisible()).resolves.toBe(true);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'e2e-answer.png') });
});

test('logs an action through its card as the forum secretary', async () => {
  const from = await send('kirjaa toimenpide: testitoimenpide, määräaika 31.3.2027');
  await waitForBotMessage(from, 'Kirjaa toimenpide');
  const card = page.locator('.ac-adaptiveCard', { hasText: 'Kirjaa toimenpide' }).last();
  await card
    .getByRole('textbox', { name: /Toimenpide/ })
    .first()
    .waitFor();
  await expect(
    card
      .getByRole('textbox', { name: /Toimenpide/ })
      .first()
      .inputValue(),
  ).resolves.toBe('testitoimenpide');
  await card.getByRole('combobox', { name: /Valitse foorumi/ }).click();
  await page.getByRole('option', { name: 'Kuntien ja hyvinvointialueen neuvottelukunta' }).click();
  const logged = playgroundLog.length;
  await card.getByRole('button', { name: 'Tallenna' }).click();
  // Tallenna is an Action.Execute: the Playground sends an adaptiveCard/action invoke and puts
  // the card in the invoke response in place of the form.
  const invoke = await waitForLogEntry(logged, '"adaptiveCard/action"');
  const response = (invoke as { log: { response?: { body?: { type?: string; value?: unknown } } } }).log
    .response?.body;
  expect(response?.type).toBe('application/vnd.microsoft.card.adaptive');
  const updated = JSON.stringify(response?.value);
  // The Playground sends every activity with locale en-US (hard-coded in 0.2.28); a typed message
  // is answered in the language of its text, but a button press has no text, so the refreshed
  // card follows the activity's locale.
  expect(updated).toMatch(
    /Action NK-\d{4}-\d{3} logged: testitoimenpide|Kirjattu toimenpide NK-\d{4}-\d{3}: testitoimenpide/,
  );
  expect(updated).not.toMatch(/Only the forum's secretaries|Vain foorumin sihteerit/);
  const confirmation = page.getByText(
    /(Action NK-\d{4}-\d{3} logged|Kirjattu toimenpide NK-\d{4}-\d{3}): testitoimenpide/,
  );
  await confirmation.waitFor();
  await confirmation.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'e2e-action.png') });
});

test('opens a digest of a region', async () => {
  const from = await send('tilannekuva Päijät-Häme');
  const reply = JSON.stringify(await waitForBotMessage(from, 'Tilannekuva: '));
  expect(reply).toContain('Yhdyspintaneuvottelukunta');
  expect(reply).toContain('Päijät-Häme');
  const card = page.locator('.ac-adaptiveCard', { hasText: 'Tilannekuva: Yhdyspintaneuvottelukunta' }).last();
  await card.waitFor();
  await expect(card.getByText(/Päijät-Häme · koottu/).isVisible()).resolves.toBe(true);
  // Show the card's heading rather than its foot.
  await card.scrollIntoViewIfNeeded();
  await card.getByText('Tilannekuva: Yhdyspintaneuvottelukunta').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'e2e-digest.png') });
});
