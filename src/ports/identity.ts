/**
 * Who is asking, from a bearer token (the Teams tab's SSO token). Our own DTO, so the core never
 * sees JWT claims and the token format can change without touching the use-cases.
 */
export interface Identity {
  /** Microsoft Entra object id (`oid`): the key of people in the registry. */
  readonly aadObjectId: string;
  /** Entra tenant id (`tid`), lower-case. */
  readonly tenantId: string;
  /** Display name, when the token carries one; never used for permissions. */
  readonly name?: string;
}

/**
 * Why a token was refused. Stable codes for logs and HTTP status; only TENANT_NOT_ALLOWED (a
 * genuine user of another organisation) and KEYS_UNAVAILABLE (our side) are not the token's fault.
 */
export type IdentityRefusalCode =
  /** Not a JWT, or a claim we rely on (oid, tid, exp) is missing or malformed. */
  | 'TOKEN_MALFORMED'
  /** The signature does not verify against the published keys, or the key is unknown. */
  | 'TOKEN_SIGNATURE'
  | 'TOKEN_EXPIRED'
  /** `nbf` or `iat` lies in the future beyond the allowed clock skew. */
  | 'TOKEN_NOT_YET_VALID'
  /** Issued for another application. */
  | 'TOKEN_AUDIENCE'
  /** Not issued by Microsoft Entra for the token's own tenant. */
  | 'TOKEN_ISSUER'
  /** An application's own token (no delegated scope), not a signed-in user's. */
  | 'TOKEN_NOT_USER'
  | 'TENANT_NOT_ALLOWED'
  /** The signing keys could not be fetched: retry later. */
  | 'KEYS_UNAVAILABLE'
  /** Token validation is not configured (local mode without MicrosoftAppId). */
  | 'SSO_NOT_CONFIGURED';

export interface IdentityRefusal {
  readonly code: IdentityRefusalCode;
  /** Short and loggable; never the token itself. */
  readonly detail?: string;
}

export type IdentityCheck =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly refusal: IdentityRefusal };

export interface IdentityValidator {
  /** Resolves for every input, a refusal included; never rejects because of a bad token. */
  validate(bearerToken: string): Promise<IdentityCheck>;
}
