/**
 * The action tracker over real HTTP: the log command's form, Universal Actions invokes that
 * update the card in place, permissions, conflicts, duplicates, exports and the owner's 1:1.
 */
import { randomUUID } from 'node:crypto';
import {
  cardActionInvoke,
  invokeActivity,
  messageActivity,
  postActivity,
  TENANT,
  USER_AAD,
} from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { CalendarTokens } from '../../src/app/digest-desk/calendar-tokens';
import { startHarness, type Harness } from '../support/bot-harness';
import { replyText, startFakeConnector, type FakeConnector } from '../support/connector';

const JUSSI = '8c7e4b20-1f3a-4d59-b2e6-6a9d0c3f4e22'; // secretary of another Keski-Suomi forum
const STRANGER = '0bad0bad-0000-4000-8000-00000000dead';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startHarness({ ALLOWED_TENANTS: TENANT, PUBLIC_BASE_URL: 'https://bot.example.fi' });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});

interface InvokeBody {
  statusCode: number;
  type: string;
  value: { body?: unknown[]; fallbackText?: string } | string;
}

async function press(
  verb: string,
  data: Record<string, unknown>,
  aadObjectId = USER_AAD,
): Promise<InvokeBody> {
  const response = await postActivity(
    bot.url,
    cardActionInvoke({ serviceUrl: connector.url, aadObjectId, verb, data: { verb, ...data } }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as InvokeBody;
}

const shown = (body: InvokeBody): string =>
  typeof body.value === 'string' ? body.value : JSON.stringify(body.value);

async function say(
  text: string,
  aadObjectId = USER_AAD,
  conversationId = `a:${randomUUID()}`,
): Promise<string> {
  await postActivity(
    bot.url,
    messageActivity({ serviceUrl: connector.url, text, aadObjectId, conversationId }),
  );
  const [reply] = await connector.waitFor(1, (r) => r.conversationId === conversationId);
  return replyText(reply!);
}

function logData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'action',
    idempotencyKey: `key-${randomUUID()}`,
    forumId: 'neuvottelukunta-ks',
    title: 'Päivitetään hyvinvointisuunnitelma',
    dueDate: '2027-03-31',
    ...overrides,
  };
}

function idOf(body: InvokeBody): string {
  const match = /([A-Z]{2,8}-\d{4}-\d{3})/.exec(shown(body));
  if (!match?.[1]) throw new Error(`no action id in ${shown(body).slice(0, 300)}`);
  return match[1];
}

it('turns "kirjaa toimenpide …" into a prefilled form for a secretary', async () => {
  const text = await say(
    'kirjaa toimenpide: päivitetään hyvinvointisuunnitelma, vastuu Jussi Juoni, määräaika 31.3.2027',
  );
  expect(text).toContain('"type":"Input.Date"');
  expect(text).toContain('"value":"2027-03-31"');
  expect(text).toContain('"value":"jussi-juoni"');
  expect(text).toContain('actions.log.v1');
});

it('refuses the form to someone who is no forum secretary or chair', async () => {
  expect(await say('log action: something', STRANGER)).toMatch(/secretary or chair/);
});

it('logs once per key, answers with the action card, and tells the owner in their own chat', async () => {
  const personal = `a:${randomUUID()}`;
  await say('help', JUSSI, personal);
  connector.clear();
  const data = logData({ ownerPersonId: 'jussi-juoni' });
  const first = await press('actions.log.v1', data);
  expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
  const id = idOf(first);
  expect(shown(first)).toContain('Päivitetään hyvinvointisuunnitelma');
  const [notice] = await connector.waitFor(1, (r) => r.conversationId === personal);
  expect(replyText(notice!)).toContain(id);
  const again = await press('actions.log.v1', data);
  expect(idOf(again)).toBe(id);
  expect(shown(again)).toMatch(/jo kirjattu|already/);
});

it('changes status in place, and a stale version loses with the current state shown', async () => {
  const id = idOf(await press('actions.log.v1', logData()));
  const started = await press('actions.status.v1', {
    forumId: 'neuvottelukunta-ks',
    actionId: id,
    version: 1,
    status: 'kaynnissa',
  });
  expect(shown(started)).toContain('käynnissä');
  const stale = await press('actions.status.v1', {
    forumId: 'neuvottelukunta-ks',
    actionId: id,
    version: 1,
    status: 'valmis',
  });
  expect(shown(stale)).toMatch(/muutti|changed|ändrade/i);
  expect(shown(stale)).toContain('käynnissä');
});

it('refuses changes by others and forged payloads, changing nothing', async () => {
  const id = idOf(await press('actions.log.v1', logData()));
  const before = await bot.service.store.range('actions:forum:neuvottelukunta-ks:all').catch(() => []);
  expect(
    shown(
      await press(
        'actions.status.v1',
        { forumId: 'neuvottelukunta-ks', actionId: id, version: 1, status: 'valmis' },
        STRANGER,
      ),
    ),
  ).not.toContain('"valmis"');
  expect(
    shown(
      await press('actions.status.v1', {
        forumId: 'hyte-neuvottelu-kp',
        actionId: id,
        version: 1,
        status: 'valmis',
      }),
    ),
  ).toMatch(/not found|ei löytynyt|hittades inte|oikeutta|permission|behörighet/i);
  expect(
    shown(
      await press('actions.status.v1', {
        forumId: 'neuvottelukunta-ks',
        actionId: 'ZZZ-2026-999',
        version: 1,
        status: 'valmis',
      }),
    ),
  ).toMatch(/ZZZ-2026-999/);
  const forged = await press('actions.status.v1', {
    forumId: 'neuvottelukunta-ks',
    actionId: id,
    version: 1,
    status: 'deleted',
  });
  expect(forged.type).toBe('application/vnd.microsoft.activity.message');
  const after = await bot.service.store.range('actions:forum:neuvottelukunta-ks:all').catch(() => []);
  expect(after).toEqual(before);
  const view = await press('actions.refresh.v1', { forumId: 'neuvottelukunta-ks', actionId: id });
  expect(shown(view)).toContain('avoin');
});

it('lists open actions and shows export links whose files need the token', async () => {
  await press('actions.log.v1', logData({ title: 'Järjestöavustusten yhteinen haku' }));
  expect(await say('toimenpiteet')).toContain('Järjestöavustusten yhteinen haku');
  const links = await say('vienti');
  const csvUrl = /(https:\/\/bot\.example\.fi\/forums\/[^\s]+actions\.csv\?token=[^\s]+)/.exec(links)?.[1];
  expect(csvUrl).toBeDefined();
  const local = csvUrl!.replace('https://bot.example.fi', bot.url);
  const csv = await fetch(local);
  expect(csv.status).toBe(200);
  expect(await csv.text()).toContain('Järjestöavustusten yhteinen haku');
  const ics = await fetch(local.replace('actions.csv', 'deadlines.ics'));
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  expect((await fetch(local.replace(/token=[^&]+/, 'token=wrong'))).status).toBe(403);
  expect((await fetch(`${bot.url}/forums/neuvottelukunta-ks/actions.csv`)).status).toBe(403);
  expect(await say('vienti')).toMatch(/vienti uusi/);
});

describe('"Log as action" on a message (message extension)', () => {
  it('opens the form prefilled from the message and logs from the task module', async () => {
    const conversationId = `19:${randomUUID()}@thread.tacv2`;
    const fetchTask = await postActivity(
      bot.url,
      invokeActivity({
        serviceUrl: connector.url,
        conversationId,
        name: 'composeExtension/fetchTask',
        value: {
          commandId: 'logAsAction',
          commandContext: 'message',
          messagePayload: {
            body: {
              contentType: 'html',
              content: '<p>Sovitaan järjestöavustusten &amp; tilojen linjaus</p>',
            },
          },
        },
      }),
    );
    const task = (await fetchTask.json()) as {
      task: { type: string; value: { card: { content: Record<string, unknown> } } };
    };
    expect(task.task.type).toBe('continue');
    const form = task.task.value.card.content;
    expect(cardProblems(form)).toEqual([]);
    expect(JSON.stringify(form)).toContain('Sovitaan järjestöavustusten & tilojen linjaus');
    expect(JSON.stringify(form)).not.toContain('Action.Execute');

    const submit = await postActivity(
      bot.url,
      invokeActivity({
        serviceUrl: connector.url,
        conversationId,
        name: 'composeExtension/submitAction',
        value: {
          commandId: 'logAsAction',
          data: { verb: 'actions.log.v1', ...logData({ title: 'Sovitaan järjestöavustusten linjaus' }) },
        },
      }),
    );
    expect(submit.status).toBe(200);
    const [posted] = await connector.waitFor(1, (r) => r.conversationId === conversationId);
    expect(replyText(posted!)).toContain('Sovitaan järjestöavustusten linjaus');
  });
});

describe('action cards', () => {
  it('validate with the Adaptive Cards library', async () => {
    const logged = await press(
      'actions.log.v1',
      logData({ description: 'x'.repeat(3900), ownerText: 'Ulkopuolinen Henkilö' }),
    );
    expect(cardProblems(logged.value)).toEqual([]);
    const formReply = await say('kirjaa toimenpide: uusi asia, määräaika 1.2.2027');
    const formCard = JSON.parse(formReply) as Record<string, unknown>;
    expect(cardProblems(formCard)).toEqual([]);
    const list = JSON.parse(await say('toimenpiteet')) as Record<string, unknown>;
    expect(cardProblems(list)).toEqual([]);
  });
});

describe('views by topic and minutes', () => {
  it('lists the actions of an interface and gives meeting minutes as Markdown', async () => {
    await press(
      'actions.log.v1',
      logData({
        title: 'Kotoutumisen palvelupolku',
        interfaceId: 'kotoutuminen',
        meetingId: 'neuvottelukunta-ks-2027-09',
      }),
    );
    const byInterface = await say('toimenpiteet kotoutuminen');
    expect(byInterface).toContain('Kotoutumisen palvelupolku');
    expect(byInterface).not.toContain('Järjestöavustusten yhteinen haku');
    const minutes = await say('muistio neuvottelukunta-ks-2027-09');
    expect(minutes).toContain('Kotoutumisen palvelupolku');
    expect(minutes).toMatch(/^#/m);
  });
});

describe('write rate limit', () => {
  it('refuses writes past the per-user limit with a message, changing nothing', async () => {
    const limited = await startHarness({ ALLOWED_TENANTS: TENANT, WRITES_PER_USER_PER_MINUTE: '2' });
    try {
      const write = async (title: string): Promise<string> => {
        const verb = 'actions.log.v1';
        const response = await postActivity(
          limited.url,
          cardActionInvoke({
            serviceUrl: connector.url,
            aadObjectId: USER_AAD,
            verb,
            data: { verb, ...logData({ title }) },
          }),
        );
        return JSON.stringify(await response.json());
      };
      expect(await write('Yksi')).toContain('Yksi');
      expect(await write('Kaksi')).toContain('Kaksi');
      const third = await write('Kolme');
      expect(third).toMatch(/Liian monta muutosta/);
      const stored = await limited.service.store.range('actions:forum:neuvottelukunta-ks:all');
      expect(stored).toHaveLength(2);
    } finally {
      await limited.stop();
    }
  });
});

describe('the language of card replies', () => {
  it('follows the card, not the Teams client locale', async () => {
    const verb = 'actions.log.v1';
    const response = await postActivity(bot.url, {
      ...cardActionInvoke({
        serviceUrl: connector.url,
        aadObjectId: USER_AAD,
        verb,
        data: { verb, ...logData(), lang: 'fi' },
      }),
      locale: 'en-US',
    });
    const body = JSON.stringify(await response.json());
    expect(body).toContain('Kirjattu toimenpide');
    expect(body).not.toContain('logged');
  });
});

describe('rotating secrets', () => {
  it('"vienti uusi" makes new export links and a new calendar secret', async () => {
    const calendars = new CalendarTokens(bot.service.store);
    const before = await calendars.tokenOf('neuvottelukunta-ks');
    expect(await say('vienti uusi')).toMatch(/actions\.csv\?token=/);
    const after = await calendars.tokenOf('neuvottelukunta-ks');
    expect(after).not.toBe(before);
    expect(await calendars.verify('neuvottelukunta-ks', before)).toBe(false);
  });
});
