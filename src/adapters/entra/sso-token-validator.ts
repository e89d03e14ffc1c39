/**
 * Validates a Teams SSO token (authentication.getAuthToken) as a Microsoft Entra access token:
 * RS256 signature against the published key set, audience (the app's Application ID URI or its
 * client id), the issuer of the token's own tenant in the v2 or v1 format, expiry with a small
 * clock skew, a signed-in user rather than an application, and the tenant allow-list.
 * jose caches the key set and fetches it again when a token names an unknown key (key rollover).
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { systemClock, type Clock } from '../../ports/clock';
import type {
  IdentityCheck,
  IdentityRefusal,
  IdentityRefusalCode,
  IdentityValidator,
} from '../../ports/identity';

/** Microsoft Entra's signing keys for every tenant (multi-tenant apps). */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

const DEFAULT_CLOCK_SKEW_SECONDS = 120;
const DEFAULT_JWKS_TIMEOUT_MS = 5000;
/** Entra tokens are a few kilobytes; anything far larger is not one, and is not parsed. */
const MAX_TOKEN_CHARS = 16 * 1024;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SsoTokenValidatorOptions {
  /** MicrosoftAppId: the client id of the bot's Entra app registration. */
  readonly appId: string;
  /** Where the tab is served (BOT_DOMAIN), for the Application ID URI `api://<domain>/<appId>`. */
  readonly domain?: string;
  /** Lower-case tenant ids; empty accepts every tenant, as ALLOWED_TENANTS does. */
  readonly allowedTenants: readonly string[];
  /** Default ENTRA_JWKS_URL; tests serve their own keys. */
  readonly jwksUrl?: string;
  readonly clock?: Clock;
  readonly clockSkewSeconds?: number;
  readonly jwksTimeoutMs?: number;
}

/** v1 tokens (the Teams default) carry the Application ID URI, v2 tokens the client id. */
export function ssoAudiences(appId: string, domain?: string): string[] {
  return domain ? [`api://${domain}/${appId}`, appId] : [appId];
}

/** Entra issuers of a tenant: v2.0 endpoint and the v1 security token service. */
export function entraIssuers(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

export function createSsoTokenValidator(options: SsoTokenValidatorOptions): IdentityValidator {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl ?? ENTRA_JWKS_URL), {
    timeoutDuration: options.jwksTimeoutMs ?? DEFAULT_JWKS_TIMEOUT_MS,
  });
  const audience = ssoAudiences(options.appId, options.domain);
  const allowed = new Set(options.allowedTenants.map((tenant) => tenant.toLowerCase()));
  const clock = options.clock ?? systemClock;

  return {
    async validate(bearerToken) {
      if (typeof bearerToken !== 'string' || bearerToken.length > MAX_TOKEN_CHARS)
        return refused('TOKEN_MALFORMED', 'not a token of plausible size');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(bearerToken, keys, {
          algorithms: ['RS256'],
          audience,
          clockTolerance: options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
          currentDate: new Date(clock.now()),
          requiredClaims: ['exp', 'iss', 'oid', 'tid'],
        }));
      } catch (error) {
        return { ok: false, refusal: refusalOf(error) };
      }
      return checkClaims(payload, allowed);
    },
  };
}

/** For local mode (no MicrosoftAppId): nothing can be validated, so nothing is accepted. */
export const ssoNotConfigured: IdentityValidator = {
  validate: async () => refused('SSO_NOT_CONFIGURED'),
};

/** The claims jose does not know about; the signature, audience and times are already checked. */
function checkClaims(payload: JWTPayload, allowed: ReadonlySet<string>): IdentityCheck {
  const { oid, tid, iss, scp, idtyp, name } = payload as Record<string, unknown>;
  if (typeof oid !== 'string' || !GUID.test(oid) || typeof tid !== 'string' || !GUID.test(tid))
    return refused('TOKEN_MALFORMED', 'oid and tid must be GUIDs');
  const tenantId = tid.toLowerCase();
  if (typeof iss !== 'string' || !entraIssuers(tenantId).includes(iss.toLowerCase()))
    return refused('TOKEN_ISSUER');
  // An app-only token has roles but no delegated scope: an application, not a person.
  if (typeof scp !== 'string' || scp.trim() === '' || idtyp === 'app') return refused('TOKEN_NOT_USER');
  if (allowed.size > 0 && !allowed.has(tenantId)) return refused('TENANT_NOT_ALLOWED', tenantId);
  return {
    ok: true,
    identity: {
      aadObjectId: oid.toLowerCase(),
      tenantId,
      ...(typeof name === 'string' && name.trim() !== '' ? { name } : {}),
    },
  };
}

function refused(code: IdentityRefusalCode, detail?: string): { ok: false; refusal: IdentityRefusal } {
  return { ok: false, refusal: detail === undefined ? { code } : { code, detail } };
}

function refusalOf(error: unknown): IdentityRefusal {
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
  const code = ((): IdentityRefusalCode => {
    if (error instanceof errors.JWTExpired) return 'TOKEN_EXPIRED';
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud') return 'TOKEN_AUDIENCE';
      if (error.claim === 'iss') return 'TOKEN_ISSUER';
      if ((error.claim === 'nbf' || error.claim === 'iat') && error.reason === 'check_failed')
        return 'TOKEN_NOT_YET_VALID';
      return 'TOKEN_MALFORMED';
    }
    if (
      error instanceof errors.JWSSignatureVerificationFailed ||
      error instanceof errors.JWKSNoMatchingKey ||
      error instanceof errors.JWKSMultipleMatchingKeys ||
      error instanceof errors.JOSEAlgNotAllowed
    )
      return 'TOKEN_SIGNATURE';
    if (
      error instanceof errors.JWSInvalid ||
      error instanceof errors.JWTInvalid ||
      error instanceof errors.JOSENotSupported
    )
      return 'TOKEN_MALFORMED';
    // What is left is fetching the key set: timeouts, HTTP errors, unparsable JSON, the network.
    return 'KEYS_UNAVAILABLE';
  })();
  return { code, detail };
}
