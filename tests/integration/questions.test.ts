/**
 * Who-is-responsible and other questions over real HTTP, answered from the bundled registry.
 * Phrasings here are this suite's own; the public question set is measured by eval:qa.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageActivity, postActivity, TENANT } from '../support/activities';
import { SAMPLE_REGISTRY, startHarness, type Harness } from '../support/bot-harness';
import {
  replyText,
  startFakeConnector,
  type FakeConnector,
  type ReceivedActivity,
} from '../support/connector';

let connector: FakeConnector;
let bot: Harness;
let registryDir: string;

beforeAll(async () => {
  connector = await startFakeConnector();
  registryDir = mkdtempSync(join(tmpdir(), 'registry-'));
  cpSync(SAMPLE_REGISTRY, registryDir, { recursive: true });
  bot = await startHarness({ ALLOWED_TENANTS: TENANT, REGISTRY_PATH: registryDir });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
  rmSync(registryDir, { recursive: true, force: true });
});

async function ask(
  text: string,
  options: { locale?: string; conversationId?: string; teamsChannelId?: string; value?: unknown } = {},
): Promise<ReceivedActivity> {
  const conversationId = options.conversationId ?? `a:${randomUUID()}`;
  const before = connector.received.filter((r) => r.conversationId === conversationId).length;
  const activity = messageActivity({
    serviceUrl: connector.url,
    text,
    conversationId,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.teamsChannelId
      ? { conversationType: 'channel' as const, teamsChannelId: options.teamsChannelId }
      : {}),
  });
  const response = await postActivity(bot.url, activity);
  expect(response.status).toBe(200);
  const replies = await connector.waitFor(before + 1, (r) => r.conversationId === conversationId);
  return replies[before]!;
}

function card(reply: ReceivedActivity): {
  version: string;
  body: unknown[];
  actions?: { type: string; title: string; data?: unknown }[];
  fallbackText: string;
} {
  return reply.activity.attachments?.[0]?.content as never;
}

describe('who is responsible', () => {
  it('answers in Finnish with both sides, people, basis and confirmation', async () => {
    const reply = await ask('keneltä kysyn kotoutumisasioista Äänekoskella');
    const text = replyText(reply);
    expect(reply.activity.locale).toBe('fi');
    expect(text).toContain('Äänekosken kaupunki');
    expect(text).toContain('Keski-Suomen hyvinvointialue');
    expect(text).toContain('Ei vahvistettu');
    expect(text).not.toContain('Aino Esimerkki');
    expect(card(reply).version).toBe('1.5');
    expect(card(reply).fallbackText).toContain('Kotoutujien sote-palvelut');
  });

  it('answers in Swedish with Swedish names where the registry has them', async () => {
    const text = replyText(await ask('vem har hand om integrationen i Jyväskylä', { locale: 'fi-FI' }));
    expect(text).toContain('Jyväskylä stad');
    expect(text).toContain('Mellersta Finlands välfärdsområde');
    expect(text).toContain('Aino Esimerkki');
  });

  it('shows the parent interface for a child interface, marked as such', async () => {
    const text = replyText(await ask('who is the contact for student welfare in Jämsä?'));
    expect(text).toContain('Sanna Sepite');
    expect(text).toContain('Ville Vaihtoehto');
    expect(text).toMatch(/broader interface: Education and social/);
  });

  it('uses the forum channel for the region, then remembers the region in the conversation', async () => {
    const inChannel = replyText(
      await ask('kuka koordinoi varautumista?', {
        teamsChannelId: '19:yhdyspintaneuvottelukunta-ph@thread.tacv2',
      }),
    );
    expect(inChannel).toContain('Veikko Vedos');
    const conversationId = `a:${randomUUID()}`;
    expect(replyText(await ask('kuka vastaa kotoutumisesta Kokkolassa?', { conversationId }))).toContain(
      'Mirja Mallinen',
    );
    const followUp = replyText(await ask('entä varautumisesta, kuka vastaa?', { conversationId }));
    expect(followUp).toContain('Pekka Pohjapiirros');
  });

  it('asks which region, with a button per region, when nothing tells it', async () => {
    const reply = await ask('kuka hoitaa lastensuojelun ja perhekeskukset?');
    const actions = (card(reply).body as { type: string; actions?: { title: string; data?: unknown }[] }[])
      .filter((element) => element.type === 'ActionSet')
      .flatMap((element) => element.actions ?? []);
    expect(actions.map((action) => action.title)).toEqual(
      expect.arrayContaining(['Keski-Suomi', 'Keski-Pohjanmaa', 'Päijät-Häme']),
    );
    expect(actions[0]?.data).toMatchObject({ msteams: { type: 'imBack' } });
  });

  it('says plainly when nothing is recorded and names whom to ask', async () => {
    const text = replyText(await ask('who takes care of food aid in Pihtipudas?'));
    expect(text).toContain('no responsible party recorded');
    expect(text).toMatch(/Marja Malli|Jussi Juoni/);
  });
});

describe('forums and structures', () => {
  it('tells the next meeting of a forum after now', async () => {
    const text = replyText(await ask('när är nästa HYTE-förhandling i Mellersta Österbotten?'));
    expect(text).toMatch(/2027/);
    expect(text).toContain('Sekreterare');
  });

  it('tells which employment area a municipality belongs to and lists a county', async () => {
    expect(replyText(await ask('mihin työllisyysalueeseen Toivakka kuuluu?'))).toContain(
      'Eteläisen Keski-Suomen työllisyysalue',
    );
    const list = replyText(
      await ask('which municipalities belong to the Päijät-Häme wellbeing services county?'),
    );
    expect(list).toContain('Heinola');
    expect(list).not.toContain('Kokkola');
  });
});

describe('bad input', () => {
  it.each([
    ['a 20,000-character message', `kuka vastaa ${'a'.repeat(20_000)}`],
    ['emoji only', '😀🎉🔥'],
    ['markup', '<script>alert(1)</script> **bold** [x](http://evil.example) <at>Someone</at>'],
    ['mixed language', 'who vastaa integration i Karleby please'],
    ['control characters', '\u0000\u0007kuka\u0008'],
  ])('answers %s without an error and without echoing markup', async (_name, text) => {
    const reply = await ask(text);
    const shown = replyText(reply);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).not.toContain('<script>');
    expect(shown).not.toContain('[x](http://evil.example)');
    expect(shown).not.toMatch(/Pahoittelut|Sorry, something went wrong/);
  });

  it('ignores card submissions with unexpected values, with a message', async () => {
    const reply = await ask('', { value: { verb: 'deleteEverything', forum: 'x' }, locale: 'en-US' });
    expect(replyText(reply)).toContain('nothing was done');
  });
});

describe('registry reload', () => {
  it('serves a changed registry and keeps the old one when the new one is invalid', async () => {
    const file = join(registryDir, 'keski-suomi.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('Aino Esimerkki', 'Aino Uusinimi'));
    await waitFor(async () =>
      replyText(await ask('kuka vastaa kotoutumisesta Jyväskylässä?')).includes('Aino Uusinimi'),
    );

    writeFileSync(
      file,
      original
        .replace('Aino Esimerkki', 'Aino Rikki')
        .replace('organisation: kunta-179, email: aino', 'organisation: kunta-17999, email: aino'),
    );
    await waitFor(async () =>
      bot.logs.lines.some(
        (line) => line.msg === 'registry reload rejected; the previous version stays in service',
      ),
    );
    const text = replyText(await ask('kuka vastaa kotoutumisesta Jyväskylässä?'));
    expect(text).toContain('Aino Uusinimi');
    expect(text).not.toContain('Aino Rikki');
    expect(bot.logs.text()).toContain('kunta-17999');
    writeFileSync(file, original);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
