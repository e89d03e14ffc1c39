/**
 * How GET /api/tab/forum turns the validator's refusals and the use-case's outcomes into HTTP
 * statuses, with stand-ins for both, on the project's own restify server.
 */
import { Writable } from 'node:stream';
import type { ForumView } from '../../../src/app/tab/forum-view';
import { createHttpServer, type HttpServer } from '../../../src/http/server';
import { registerTabRoutes } from '../../../src/http/tab-routes';
import { createLogger } from '../../../src/log/logger';
import type { IdentityCheck, IdentityRefusalCode } from '../../../src/ports/identity';

const IDENTITY = { aadObjectId: '3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11', tenantId: 'tenant' };

let http: HttpServer;
let url: string;
let check: IdentityCheck;
let view: ForumView;
const logged: string[] = [];
const asked: unknown[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      logged.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('info', sink);
  http = createHttpServer({
    logger,
    maxBodyBytes: 4096,
    messages: async (_req, res) => {
      res.end();
    },
    readiness: async () => ({ ready: true, checks: {} }),
  });
  registerTabRoutes(http.server, {
    identity: { validate: async () => check },
    forumView: (identity, query) => view(identity, query),
    logger,
    defaultLocale: 'sv',
  });
  url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await http.close(100);
});
beforeEach(() => {
  check = { ok: true, identity: IDENTITY };
  asked.length = 0;
  view = async (identity, query) => {
    asked.push({ identity, query });
    return { ok: true, view: { forum: { name: 'Foorumi' }, actions: [] } };
  };
});

const get = (query = '', token: string | undefined = 'token') =>
  fetch(`${url}/api/tab/forum${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

it.each<[IdentityRefusalCode, number]>([
  ['TOKEN_SIGNATURE', 401],
  ['TOKEN_EXPIRED', 401],
  ['SSO_NOT_CONFIGURED', 401],
  ['TENANT_NOT_ALLOWED', 403],
  ['KEYS_UNAVAILABLE', 503],
])('answers a %s refusal with %i and no data, logging the reason', async (code, status) => {
  check = { ok: false, refusal: { code } };
  const response = await get('?channelId=19%3Ax');
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error: expect.any(String) });
  expect(asked).toEqual([]);
  if (status === 503) expect(response.headers.get('retry-after')).toBe('30');
  expect(logged.join('')).toContain(code);
});

it('passes the identity, the channel (before the chat) and the language to the use-case', async () => {
  expect((await get('?channelId=19%3Ac&chatId=19%3Ad&teamId=g&locale=en-US')).status).toBe(200);
  expect((await get('?chatId=19%3Ad&locale=xx')).status).toBe(200);
  expect(asked).toEqual([
    { identity: IDENTITY, query: { channelId: '19:c', locale: 'en' } },
    { identity: IDENTITY, query: { chatId: '19:d', locale: 'sv' } },
  ]);
});

it('passes the status filter to the use-case, and none when the query names none', async () => {
  for (const status of ['open', 'all', 'avoin', 'kaynnissa', 'valmis', 'peruttu'])
    expect((await get(`?channelId=19%3Ac&status=${status}`)).status).toBe(200);
  expect(asked.map((call) => (call as { query: { status?: string } }).query.status)).toEqual([
    'open',
    'all',
    'avoin',
    'kaynnissa',
    'valmis',
    'peruttu',
  ]);
  asked.length = 0;
  await get('?channelId=19%3Ac');
  expect(asked).toEqual([{ identity: IDENTITY, query: { channelId: '19:c', locale: 'sv' } }]);
});

it.each(['closed', 'VALMIS', 'done', '', 'valmis,peruttu'])(
  'answers 400 naming the statuses for the unknown status %j, asking the use-case nothing',
  async (status) => {
    const response = await get(`?channelId=19%3Ac&status=${encodeURIComponent(status)}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'status must be one of: open, all, avoin, kaynnissa, valmis, peruttu',
    });
    expect(asked).toEqual([]);
  },
);

it('answers 404 and 503 for the use-case refusals, and 503 or 500 when it throws', async () => {
  view = async () => ({ ok: false, code: 'TAB_NO_FORUM' });
  expect((await get()).status).toBe(404);
  view = async () => ({ ok: false, code: 'TAB_REGISTRY_UNAVAILABLE' });
  expect((await get()).status).toBe(503);
  view = async () => {
    throw Object.assign(new Error('redis down'), { code: 'STORE_UNAVAILABLE' });
  };
  expect((await get()).status).toBe(503);
  view = async () => {
    throw new Error('bug');
  };
  const failed = await get();
  expect(failed.status).toBe(500);
  expect(await failed.text()).not.toContain('bug');
});

it('never logs the token', async () => {
  check = { ok: false, refusal: { code: 'TOKEN_SIGNATURE', detail: 'signature verification failed' } };
  await get('', 'eyJ.secret-token.value');
  expect(logged.join('')).not.toContain('secret-token');
});
