/**
 * Plays Microsoft Entra for the tab's SSO tests: a local RSA key whose public half is served as a
 * JWKS by a node:http server, and tokens shaped like the ones Teams' getAuthToken returns.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { SignJWT } from 'jose';

export const APP_ID = '6b4f0f2e-0d5e-4f52-9a55-1d2c3b4a5f60';
export const BOT_DOMAIN = 'bot.example.fi';
/** The tenant of the sample registry's Keski-Suomi forums. */
export const ENTRA_TENANT = 'd2d081d8-ddef-45c6-8818-802f6219bda0';
export const OTHER_ENTRA_TENANT = '99999999-8888-4777-8666-555555555555';
/** Marja Malli in data/registry: secretary of neuvottelukunta-ks and hyte-neuvottelu-ks. */
export const MARJA_OID = '3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11';
const KID = 'local-entra-key';

export interface TokenOptions {
  /** Claims to set; `undefined` removes a default claim. */
  readonly claims?: Record<string, unknown>;
  /** Signs with an unrelated key under the same key id. */
  readonly wrongKey?: boolean;
  readonly kid?: string;
  /** Milliseconds since the epoch for iat/nbf/exp; default now. */
  readonly now?: number;
}

export interface LocalEntra {
  readonly jwksUrl: string;
  /** How often the key set was fetched. */
  jwksRequests(): number;
  /** Answer the next key-set requests with this HTTP status (0: back to normal). */
  failJwks(status: number): void;
  token(options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

/** A v1 token as Teams issues by default: audience is the Application ID URI. */
export function teamsClaims(now: number, tenantId = ENTRA_TENANT): Record<string, unknown> {
  const seconds = Math.floor(now / 1000);
  return {
    aud: `api://${BOT_DOMAIN}/${APP_ID}`,
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: seconds - 60,
    nbf: seconds - 60,
    exp: seconds + 3600,
    tid: tenantId,
    oid: MARJA_OID,
    name: 'Marja Malli',
    scp: 'access_as_user',
    ver: '1.0',
  };
}

export async function startLocalEntra(): Promise<LocalEntra> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' };
  let requests = 0;
  let failing = 0;
  const server: Server = createServer((_req, res) => {
    requests += 1;
    res.setHeader('Content-Type', 'application/json');
    if (failing) {
      res.writeHead(failing);
      res.end('{}');
      return;
    }
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    jwksUrl: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    jwksRequests: () => requests,
    failJwks: (status) => {
      failing = status;
    },
    token: async (options = {}) => {
      const merged: Record<string, unknown> = {
        ...teamsClaims(options.now ?? Date.now()),
        ...options.claims,
      };
      const claims = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? KID })
        .sign(options.wrongKey ? otherKey : privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
