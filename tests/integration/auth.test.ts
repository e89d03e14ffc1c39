/**
 * With credentials set, every inbound activity must carry a Bot Framework token signed by a key
 * from the channel's OpenID metadata. Here the metadata and keys are served locally and tokens
 * signed with a local key; an unsigned or wrongly signed activity gets 401 and changes nothing.
 */
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { botAddedActivity, postActivity, TENANT } from '../support/activities';
import { startHarness, type Harness } from '../support/bot-harness';

const APP_ID = '6b4f0f2e-0d5e-4f52-9a55-1d2c3b4a5f60';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

let metadata: Server;
let metadataUrl: string;
let bot: Harness;
let signingKey: KeyObject;
let otherKey: KeyObject;

beforeAll(async () => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  signingKey = pair.privateKey;
  otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = {
    ...pair.publicKey.export({ format: 'jwk' }),
    kid: 'local-key',
    use: 'sig',
    alg: 'RS256',
    endorsements: ['msteams'],
  };
  metadata = createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url?.startsWith('/keys')) res.end(JSON.stringify({ keys: [jwk] }));
    else
      res.end(
        JSON.stringify({
          issuer: ISSUER,
          jwks_uri: `${metadataUrl}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', () => resolve()));
  const address = metadata.address();
  metadataUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  bot = await startHarness({
    NODE_ENV: 'production',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    ALLOWED_TENANTS: TENANT,
    ToBotFromChannelOpenIdMetadataUrl: `${metadataUrl}/.well-known/openidconfiguration`,
    ToBotFromChannelTokenIssuer: ISSUER,
  });
});
afterAll(async () => {
  await bot?.stop();
  await new Promise<void>((resolve) => metadata.close(() => resolve()));
});

/** A JWT signed with RS256, as the Bot Framework channel issues them. */
function token(key: KeyObject, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', kid: 'local-key', typ: 'JWT' };
  const payload = {
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    iat: now,
    nbf: now - 5,
    exp: now + 300,
    ...claims,
  };
  const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signed = `${encode(header)}.${encode(payload)}`;
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`;
}

// A conversationUpdate without the bot among the new members needs no reply, so only the
// inbound authentication decides the status.
const activity = (): Record<string, unknown> => ({
  ...botAddedActivity({ serviceUrl: SERVICE_URL }),
  membersAdded: [{ id: '29:someone' }],
});

it('refuses an unsigned activity with 401', async () => {
  expect((await postActivity(bot.url, activity())).status).toBe(401);
});

it('refuses a token signed with another key with 401', async () => {
  const response = await postActivity(bot.url, activity(), {
    Authorization: `Bearer ${token(otherKey)}`,
  });
  expect(response.status).toBe(401);
});

it('refuses a token for another bot with 401', async () => {
  const response = await postActivity(bot.url, activity(), {
    Authorization: `Bearer ${token(signingKey, { aud: 'another-app' })}`,
  });
  expect(response.status).toBe(401);
});

it('accepts a correctly signed token', async () => {
  const response = await postActivity(bot.url, activity(), {
    Authorization: `Bearer ${token(signingKey)}`,
  });
  expect(response.status).toBe(200);
});
