/** What the digest use-cases need. */
import type { RegistryIndex } from '../../domain/registry';
import type { Clock } from '../../ports/clock';
import type { IndicatorSource } from '../../ports/indicator-source';
import type { Store } from '../../ports/store';
import type { MeetingService } from '../meetings';

export interface DigestServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** The registry in service now; a reload takes effect on the next call. */
  readonly registry: () => RegistryIndex;
  /** Never rejects for a source failure: answers from the registry's snapshot instead. */
  readonly indicators: IndicatorSource;
  readonly meetings: MeetingService;
  /** Told when an indicator source broke its promise and rejected. */
  readonly logger?: DigestLogger;
}

/** The part of the structured logger (pino) the digest uses. */
export interface DigestLogger {
  warn(details: Record<string, unknown>, message: string): void;
}
