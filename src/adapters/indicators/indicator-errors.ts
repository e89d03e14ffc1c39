/** Failures of the indicator sources, each with a stable code. */
export type IndicatorErrorCode =
  | 'INDICATOR_TIMEOUT'
  | 'INDICATOR_NETWORK'
  | 'INDICATOR_HTTP_STATUS'
  | 'INDICATOR_BAD_RESPONSE'
  | 'INDICATOR_UNKNOWN'
  | 'INDICATOR_UNSUPPORTED';

export class IndicatorSourceError extends Error {
  constructor(
    readonly code: IndicatorErrorCode,
    message: string,
    readonly details: {
      /** True when the source could not be reached or was overloaded, rather than answering "no". */
      readonly unreachable?: boolean;
      readonly status?: number;
      readonly url?: string;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'IndicatorSourceError';
  }

  get unreachable(): boolean {
    return this.details.unreachable === true;
  }
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof IndicatorSourceError && error.unreachable;
}
