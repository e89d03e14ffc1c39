/**
 * The situational picture over HTTP: on demand in a forum's channel, the Kuitattu button per
 * organisation, the chart image and the meetings calendar behind their secrets.
 */
import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { cardActionInvoke, messageActivity, postActivity, TENANT, USER_AAD } from '../support/activities';
import { startHarness, type Harness } from '../support/bot-harness';
import { cardProblems } from '../support/card-validator';
import { startFakeConnector, type FakeConnector } from '../support/connector';

const CHANNEL = '19:yhdyspintaneuvottelukunta-ph@thread.tacv2';
const NOORA = '0e6f2a84-93c1-47d2-a8b5-7c1e4f9d2a55'; // secretary of the Päijät-Häme forums

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  connector = await startFakeConnector();
  // The indicator sources point at a closed local port: the digest must use the snapshot values.
  bot = await startHarness({
    ALLOWED_TENANTS: TENANT,
    SOTKANET_URL: 'http://127.0.0.1:9/rest/1.1',
    STATFIN_URL: 'http://127.0.0.1:9/api/v1',
    PUBLIC_BASE_URL: 'https://bot.example.fi',
  });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});

async function digestCard(): Promise<Record<string, unknown>> {
  const conversationId = `${CHANNEL};messageid=${randomUUID()}`;
  await postActivity(
    bot.url,
    messageActivity({
      serviceUrl: connector.url,
      text: 'tilannekuva',
      conversationType: 'channel',
      teamsChannelId: CHANNEL,
      conversationId,
      aadObjectId: NOORA,
    }),
  );
  const [reply] = await connector.waitFor(
    1,
    (r) => r.conversationId === conversationId.split(';')[0] || r.conversationId === conversationId,
    20_000,
  );
  return reply!.activity.attachments?.[0]?.content as Record<string, unknown>;
}

it('shows the forum digest on demand, valid and with the source of its figures', async () => {
  const card = await digestCard();
  expect(cardProblems(card)).toEqual([]);
  const json = JSON.stringify(card);
  expect(json).toContain('Yhdyspintaneuvottelukunta');
  expect(json).toContain('digest.acknowledge.v1');
  expect(json).toMatch(/meetings\.ics\?token=/);
});

it('records the acknowledgement per organisation and refreshes the card', async () => {
  const card = await digestCard();
  const digestId = /"digestId":"([^"]+)"/.exec(JSON.stringify(card))?.[1];
  expect(digestId).toBeDefined();
  const press = async (aad: string) => {
    const response = await postActivity(
      bot.url,
      cardActionInvoke({
        serviceUrl: connector.url,
        aadObjectId: aad,
        verb: 'digest.acknowledge.v1',
        data: { verb: 'digest.acknowledge.v1', digestId },
      }),
    );
    return JSON.stringify(await response.json());
  };
  const first = await press(NOORA);
  expect(first).toContain('application/vnd.microsoft.card.adaptive');
  expect(first).toContain('Päijät-Hämeen hyvinvointialue');
  const stranger = await press('0bad0bad-0000-4000-8000-00000000dead');
  expect(stranger).not.toContain('Kuittaus kirjattu');
  expect(await press(USER_AAD)).toBeDefined();
});

it('serves the trend chart PNG and the calendar only with their secrets', async () => {
  const json = JSON.stringify(await digestCard());
  const chart = /https:\/\/bot\.example\.fi(\/charts\/[A-Za-z0-9_-]+\.png)/.exec(json)?.[1];
  expect(chart).toBeDefined();
  const png = await fetch(`${bot.url}${chart}`);
  expect(png.headers.get('content-type')).toBe('image/png');
  const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
  expect(image.width).toBeGreaterThan(100);
  expect((await fetch(`${bot.url}/charts/AAAAAAAAAAAAAAAAAAAAAAAA.png`)).status).toBe(404);
  const calendar = /https:\/\/bot\.example\.fi(\/forums\/[^"]+meetings\.ics\?token=[A-Za-z0-9_-]+)/.exec(
    json,
  )?.[1];
  const ics = await fetch(`${bot.url}${calendar}`);
  expect(ics.status).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VEVENT');
  expect((await fetch(`${bot.url}${calendar!.replace(/token=.*/, 'token=nope')}`)).status).toBe(403);
});

describe('meetings in chat', () => {
  const press = async (verb: string, data: Record<string, unknown>, aad = NOORA): Promise<string> => {
    const response = await postActivity(
      bot.url,
      cardActionInvoke({ serviceUrl: connector.url, aadObjectId: aad, verb, data: { verb, ...data } }),
    );
    return JSON.stringify(await response.json());
  };

  it('lets a secretary add, move and cancel a meeting, and the calendar follows', async () => {
    const conversationId = `${CHANNEL};messageid=${randomUUID()}`;
    await postActivity(
      bot.url,
      messageActivity({
        serviceUrl: connector.url,
        text: 'kokous',
        conversationType: 'channel',
        teamsChannelId: CHANNEL,
        conversationId,
        aadObjectId: NOORA,
      }),
    );
    const [list] = await connector.waitFor(1, (r) => r.conversationId === conversationId);
    const listCard = list!.activity.attachments?.[0]?.content as Record<string, unknown>;
    expect(cardProblems(listCard)).toEqual([]);
    expect(JSON.stringify(listCard)).toContain('meetings.add.v1');

    const added = await press('meetings.add.v1', {
      forumId: 'yhdyspintaneuvottelukunta-ph',
      title: 'Ylimääräinen kokous',
      date: '2027-02-10',
      start: '13:00',
      end: '14:30',
      location: 'Lahti',
      agenda: 'Talous\nPalveluverkko',
    });
    expect(added).toContain('Kokous lisätty');
    const meetingId = /"meetingId":"([^"]*-2027-02-10[^"]*)"/.exec(added)?.[1];
    expect(meetingId).toBeDefined();
    const stranger = await press(
      'meetings.cancel.v1',
      { forumId: 'yhdyspintaneuvottelukunta-ph', meetingId, version: 0 },
      USER_AAD,
    );
    expect(stranger).not.toContain('Kokous peruttu');
    const moved = await press('meetings.move.v1', {
      forumId: 'yhdyspintaneuvottelukunta-ph',
      meetingId,
      version: 0,
      date: '2027-02-11',
      start: '09:00',
      end: '10:00',
    });
    expect(moved).toContain('Kokous siirretty');
    const cancelled = await press('meetings.cancel.v1', {
      forumId: 'yhdyspintaneuvottelukunta-ph',
      meetingId,
      version: 0,
    });
    expect(cancelled).toContain('Kokous peruttu');

    const json = JSON.stringify(await digestCard());
    const calendar = /https:\/\/bot\.example\.fi(\/forums\/[^"]+meetings\.ics\?token=[A-Za-z0-9_-]+)/.exec(
      json,
    )?.[1];
    const ics = await (await fetch(`${bot.url}${calendar}`)).text();
    const event = ics.split('BEGIN:VEVENT').find((part) => part.includes('Ylimääräinen kokous')) ?? '';
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toMatch(/SEQUENCE:2/);
    expect(event).toMatch(/DTSTART;TZID=Europe\/Helsinki:20270211T090000/);
  });
});

describe('posting before the meeting', () => {
  it('posts the digest as a new thread leadHours before the meeting, once, through the stored channel reference', async () => {
    // 2027-09-24 09:00 is the forum's next meeting; 23 hours before it the digest is due.
    const now = Date.parse('2027-09-23T10:00:00+03:00');
    const scheduled = await startHarness(
      {
        ALLOWED_TENANTS: TENANT,
        SOTKANET_URL: 'http://127.0.0.1:9/rest/1.1',
        STATFIN_URL: 'http://127.0.0.1:9/api/v1',
        SCHEDULER_TICK_MS: '0',
      },
      { clock: { now: () => now } },
    );
    try {
      // The bot learns the channel's conversation reference from any activity there.
      const conversationId = `${CHANNEL};messageid=${randomUUID()}`;
      await postActivity(
        scheduled.url,
        messageActivity({
          serviceUrl: connector.url,
          text: 'apua',
          conversationType: 'channel',
          teamsChannelId: CHANNEL,
          conversationId,
        }),
      );
      await connector.waitFor(1, (r) => r.conversationId === conversationId);
      connector.clear();
      const first = await scheduled.service.scheduler.tick();
      const second = await scheduled.service.scheduler.tick();
      const posted = await connector.waitFor(
        1,
        (r) => r.method === 'POST' && /\/v3\/conversations\/?$/.test(r.path),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const threads = connector.received.filter((r) => /\/v3\/conversations\/?$/.test(r.path));
      expect(threads).toHaveLength(1);
      expect(JSON.stringify(posted[0]!.activity)).toContain('digest.acknowledge.v1');
      expect(JSON.stringify(posted[0]!.activity)).toContain(CHANNEL);
      expect(first.started).toEqual([expect.stringMatching(/^digest:yhdyspintaneuvottelukunta-ph:/)]);
      expect(second.started).toEqual([]);
    } finally {
      await scheduled.stop();
    }
  });
});

describe('deliveries', () => {
  it('shows a secretary the final status of the forum posts, and refuses others', async () => {
    const ask = async (aad: string): Promise<string> => {
      const conversationId = `a:${randomUUID()}`;
      await postActivity(
        bot.url,
        messageActivity({ serviceUrl: connector.url, text: 'toimitukset', conversationId, aadObjectId: aad }),
      );
      const [reply] = await connector.waitFor(1, (r) => r.conversationId === conversationId);
      return String(reply!.activity.text);
    };
    expect(await ask(NOORA)).toMatch(/Toimitukset: /);
    expect(await ask('0bad0bad-0000-4000-8000-00000000dead')).toMatch(/sihteeri tai puheenjohtaja/);
  });
});
