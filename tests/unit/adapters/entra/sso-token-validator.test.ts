/**
 * The Teams SSO token validator against a local key set served over HTTP: a good token gives our
 * identity DTO, every kind of bad token a refusal with its reason, and nothing ever throws.
 */
import { createServer } from 'node:net';
import {
  createSsoTokenValidator,
  ssoNotConfigured,
  type SsoTokenValidatorOptions,
} from '../../../../src/adapters/entra/sso-token-validator';
import type { IdentityCheck } from '../../../../src/ports/identity';
import {
  APP_ID,
  BOT_DOMAIN,
  ENTRA_TENANT,
  MARJA_OID,
  OTHER_ENTRA_TENANT,
  startLocalEntra,
  type LocalEntra,
} from '../../../support/local-entra';

const NOW = Date.parse('2027-03-01T10:00:00+02:00');

let entra: LocalEntra;
beforeAll(async () => {
  entra = await startLocalEntra();
});
afterAll(async () => {
  await entra.close();
});

function validator(options: Partial<SsoTokenValidatorOptions> = {}) {
  return createSsoTokenValidator({
    appId: APP_ID,
    domain: BOT_DOMAIN,
    allowedTenants: [ENTRA_TENANT],
    jwksUrl: entra.jwksUrl,
    clock: { now: () => NOW },
    ...options,
  });
}

const token = (claims: Record<string, unknown> = {}, options: { wrongKey?: boolean; kid?: string } = {}) =>
  entra.token({ now: NOW, claims, ...options });

function reason(check: IdentityCheck): string {
  return check.ok ? 'accepted' : check.refusal.code;
}

describe('a valid Teams SSO token', () => {
  it('gives the Entra object id, tenant and name (v1 token, Application ID URI audience)', async () => {
    const check = await validator().validate(await token());
    expect(check).toEqual({
      ok: true,
      identity: { aadObjectId: MARJA_OID, tenantId: ENTRA_TENANT, name: 'Marja Malli' },
    });
  });

  it('is accepted as a v2 token too (client id audience, v2.0 issuer)', async () => {
    const v2 = await token({
      aud: APP_ID,
      iss: `https://login.microsoftonline.com/${ENTRA_TENANT}/v2.0`,
      ver: '2.0',
    });
    expect(reason(await validator().validate(v2))).toBe('accepted');
  });

  it('is accepted from any tenant when the allow-list is empty, as ALLOWED_TENANTS', async () => {
    const other = await token({
      tid: OTHER_ENTRA_TENANT,
      iss: `https://sts.windows.net/${OTHER_ENTRA_TENANT}/`,
    });
    expect(reason(await validator({ allowedTenants: [] }).validate(other))).toBe('accepted');
  });

  it('tolerates a small clock skew', async () => {
    const seconds = NOW / 1000;
    const justExpired = await token({ exp: seconds - 60 });
    expect(reason(await validator().validate(justExpired))).toBe('accepted');
    const notQuiteValid = await token({ nbf: seconds + 60 });
    expect(reason(await validator().validate(notQuiteValid))).toBe('accepted');
  });
});

describe('a token that is refused', () => {
  const seconds = NOW / 1000;
  it.each([
    ['signed by another key', { wrongKey: true }, {}, 'TOKEN_SIGNATURE'],
    ['signed with a key not in the set', { kid: 'unknown-key' }, {}, 'TOKEN_SIGNATURE'],
    [
      'for another application',
      {},
      { aud: 'api://other.example/00000000-0000-4000-8000-000000000000' },
      'TOKEN_AUDIENCE',
    ],
    ['without an audience', {}, { aud: undefined }, 'TOKEN_AUDIENCE'],
    ['expired', {}, { exp: seconds - 600 }, 'TOKEN_EXPIRED'],
    ['not valid yet', {}, { nbf: seconds + 600 }, 'TOKEN_NOT_YET_VALID'],
    ['from another issuer', {}, { iss: 'https://evil.example/' }, 'TOKEN_ISSUER'],
    [
      'issued by another tenant than its tid',
      {},
      { iss: `https://sts.windows.net/${OTHER_ENTRA_TENANT}/` },
      'TOKEN_ISSUER',
    ],
    [
      'of a tenant not allowed',
      {},
      { tid: OTHER_ENTRA_TENANT, iss: `https://login.microsoftonline.com/${OTHER_ENTRA_TENANT}/v2.0` },
      'TENANT_NOT_ALLOWED',
    ],
    [
      'of an application, not a user',
      {},
      { scp: undefined, roles: ['Read.All'], idtyp: 'app' },
      'TOKEN_NOT_USER',
    ],
    ['without an object id', {}, { oid: undefined }, 'TOKEN_MALFORMED'],
    ['with an object id that is no GUID', {}, { oid: 'marja' }, 'TOKEN_MALFORMED'],
    ['without an expiry', {}, { exp: undefined }, 'TOKEN_MALFORMED'],
  ])('%s', async (_name, options, claims, code) => {
    expect(reason(await validator().validate(await token(claims, options)))).toBe(code);
  });

  it.each([
    ['empty', ''],
    ['not a JWT', 'not-a-token'],
    ['three parts of garbage', 'a.b.c'],
    ['huge', 'x'.repeat(100_000)],
  ])('as malformed when %s, without throwing', async (_name, text) => {
    expect(reason(await validator().validate(text))).toBe('TOKEN_MALFORMED');
  });

  it('when unsigned (alg none) or signed with a shared secret (HS256)', async () => {
    const [, payload] = (await token()).split('.');
    const encode = (header: object) => Buffer.from(JSON.stringify(header)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const hmac = `${encode({ alg: 'HS256', typ: 'JWT', kid: 'local-entra-key' })}.${payload}.c2lnbmF0dXJl`;
    expect(reason(await validator().validate(unsigned))).toBe('TOKEN_SIGNATURE');
    expect(reason(await validator().validate(hmac))).toBe('TOKEN_SIGNATURE');
  });
});

describe('when the key set cannot be had', () => {
  it('refuses with KEYS_UNAVAILABLE when the key server answers an error', async () => {
    entra.failJwks(500);
    try {
      expect(reason(await validator().validate(await token()))).toBe('KEYS_UNAVAILABLE');
    } finally {
      entra.failJwks(0);
    }
  });

  it('refuses with KEYS_UNAVAILABLE when nobody listens, without throwing', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const offline = validator({ jwksUrl: `http://127.0.0.1:${closed}/keys`, jwksTimeoutMs: 1000 });
    expect(reason(await offline.validate(await token()))).toBe('KEYS_UNAVAILABLE');
  });

  it('fetches the key set once for many tokens', async () => {
    const shared = validator();
    const before = entra.jwksRequests();
    for (let i = 0; i < 5; i++) expect(reason(await shared.validate(await token()))).toBe('accepted');
    expect(entra.jwksRequests() - before).toBe(1);
  });
});

it('refuses everything in local mode, where SSO is not configured', async () => {
  expect(reason(await ssoNotConfigured.validate(await token()))).toBe('SSO_NOT_CONFIGURED');
});
