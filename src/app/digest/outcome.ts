/** What the digest use-cases answer: a value, or a refusal with a stable code. */
export type DigestRefusalCode =
  /** No such forum, meeting or digest; `params.kind` tells which. */
  | 'DIGEST_NOT_FOUND'
  /** The forum has no upcoming meeting to compile a digest for. */
  | 'DIGEST_NO_MEETING'
  /** The acting user is not in the registry. */
  | 'DIGEST_UNKNOWN_USER';

export interface DigestFailure {
  readonly code: DigestRefusalCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type DigestOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: DigestFailure };

export function digestSuccess<T>(value: T): DigestOutcome<T> {
  return { ok: true, value };
}

export function digestFailure(
  code: DigestRefusalCode,
  params?: Readonly<Record<string, string | number>>,
): { readonly ok: false; readonly failure: DigestFailure } {
  return { ok: false, failure: params ? { code, params } : { code } };
}
