/**
 * Hostile input: 10,000 generated activities — random and huge unicode text, malformed card
 * payloads, invokes of wrong shapes, unknown types, other tenants, unknown users — sent over
 * HTTP. No crash, no 5xx, and nothing stored by anyone who may not write.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { messageActivity, OTHER_TENANT, postActivity, TENANT } from '../support/activities';
import { startHarness, type Harness } from '../support/bot-harness';
import { startFakeConnector, type FakeConnector } from '../support/connector';

const RUNS = 10_000;
const STRANGER = '0bad0bad-0000-4000-8000-00000000dead';
const SECRETARY = '3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11';
const VERBS = [
  'actions.log.v1',
  'actions.status.v1',
  'actions.comment.v1',
  'actions.owner.v1',
  'actions.due.v1',
  'actions.refresh.v1',
  'actions.list.v1',
  'digest.acknowledge.v1',
  'nonsense',
];

jest.setTimeout(300_000);

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startHarness({ ALLOWED_TENANTS: TENANT, LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});

const json = fc.jsonValue({ maxDepth: 3 });
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '**x**[a](javascript:alert(1))',
    '\u0000\u202e\ufeff',
    'kirjaa toimenpide: ' + 'x'.repeat(600),
    'toimenpiteet hae %00',
    'vienti uusi',
    'muistio ../../etc/passwd',
  ),
  fc.nat({ max: 30_000 }).map((n) => 'ä'.repeat(n)),
);
const payload = fc.record(
  {
    verb: fc.constantFrom(...VERBS),
    forumId: fc.oneof(fc.constantFrom('neuvottelukunta-ks', 'hyte-neuvottelu-kp', '../x', ''), fc.string()),
    actionId: fc.oneof(fc.constantFrom('NK-2026-001', 'ZZ-2026-999'), fc.string()),
    version: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
    status: fc.oneof(fc.constantFrom('avoin', 'valmis', 'deleted'), json),
    title: hostileText,
    idempotencyKey: fc.string(),
    kind: fc.oneof(fc.constantFrom('action', 'decision'), json),
  },
  { requiredKeys: [] },
);

const activityArb = fc.record({
  type: fc.oneof(
    fc.constantFrom(
      'message',
      'invoke',
      'conversationUpdate',
      'installationUpdate',
      'messageReaction',
      'typing',
    ),
    fc.string({ maxLength: 20 }),
  ),
  text: fc.option(hostileText),
  value: fc.option(fc.oneof(payload, json)),
  name: fc.option(
    fc.constantFrom(
      'adaptiveCard/action',
      'composeExtension/fetchTask',
      'composeExtension/submitAction',
      'task/fetch',
      'unknown/invoke',
    ),
  ),
  tenant: fc.constantFrom(TENANT, TENANT, OTHER_TENANT),
  user: fc.constantFrom(STRANGER, STRANGER, undefined),
  conversationType: fc.constantFrom('personal', 'channel', 'groupChat', undefined),
});

it(`survives ${RUNS} hostile activities with no 5xx and no writes by the unauthorised`, async () => {
  const writes = async (): Promise<number> =>
    (await bot.service.store.range('actions:forum:neuvottelukunta-ks:all')).length;
  const before = await writes();
  let count = 0;
  await fc.assert(
    fc.asyncProperty(activityArb, async (generated) => {
      count += 1;
      const base = messageActivity({
        serviceUrl: connector.url,
        tenantId: generated.tenant,
        conversationId: `a:${randomUUID()}`,
        ...(generated.user ? { aadObjectId: generated.user } : {}),
      });
      const activity: Record<string, unknown> = { ...base, type: generated.type };
      if (generated.text !== null) activity.text = generated.text;
      else delete activity.text;
      if (generated.value !== null)
        activity.value =
          generated.name === 'adaptiveCard/action'
            ? { action: { type: 'Action.Execute', ...((generated.value as object) ?? {}) } }
            : generated.value;
      if (generated.name !== null) activity.name = generated.name;
      if (generated.conversationType)
        (activity.conversation as Record<string, unknown>).conversationType = generated.conversationType;
      if (!generated.user) delete (activity.from as Record<string, unknown>).aadObjectId;
      const response = await postActivity(bot.url, activity);
      await response.arrayBuffer();
      return response.status < 500;
    }),
    { numRuns: RUNS, seed: 20261123 },
  );
  expect(count).toBe(RUNS);
  expect(await writes()).toBe(before);
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  // A real secretary can still write afterwards: the bot is not wedged.
  const ok = await postActivity(bot.url, {
    ...messageActivity({ serviceUrl: connector.url, aadObjectId: SECRETARY }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'actions.log.v1',
        data: {
          verb: 'actions.log.v1',
          kind: 'action',
          idempotencyKey: randomUUID(),
          forumId: 'neuvottelukunta-ks',
          title: 'Fuzzin jälkeen',
        },
      },
    },
  });
  expect(ok.status).toBe(200);
  expect(await writes()).toBe(before + 1);
});
