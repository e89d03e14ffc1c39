/**
 * A DigestService on a real store (file or Redis) with the sample registry, the real meeting and
 * action services on the same store, a stub indicator source and a clock tests move.
 */
import { randomUUID } from 'node:crypto';
import { ActionService, type Outcome } from '../../../../src/app/actions';
import { DigestService, type DigestOutcome } from '../../../../src/app/digest';
import { MeetingService, type MeetingOutcome } from '../../../../src/app/meetings';
import type { RegistryIndex } from '../../../../src/domain/registry';
import type { Clock } from '../../../../src/ports/clock';
import type {
  IndicatorSeries,
  IndicatorSeriesRequest,
  IndicatorSource,
} from '../../../../src/ports/indicator-source';
import type { Store } from '../../../../src/ports/store';
import type { StoreBackend } from '../actions/fixture';

/** Answers from memory: a value per area and year, `lastYear` and the nine years before. */
export class StubIndicatorSource implements IndicatorSource {
  readonly requests: IndicatorSeriesRequest[] = [];
  /** Indicator ids whose source "rejects", against the port's promise. */
  readonly failing = new Set<string>();
  lastYear = 2026;

  async series(request: IndicatorSeriesRequest): Promise<IndicatorSeries[]> {
    this.requests.push(request);
    if (this.failing.has(request.indicator.id)) throw new Error('source down');
    return request.areas.map((area, a) => ({
      indicatorId: request.indicator.id,
      area: area.organisationId,
      points: request.years
        .filter((year) => year <= this.lastYear && year > this.lastYear - 10)
        .map((year) => ({ year, value: 10 + a + (year - 2000) / 10 })),
      source: 'sotkanet',
      fetchedAt: 0,
    }));
  }
}

export interface DigestFixture {
  readonly digests: DigestService;
  readonly meetings: MeetingService;
  readonly actions: ActionService;
  readonly store: Store;
  readonly source: StubIndicatorSource;
  readonly warnings: unknown[];
  at(isoDateTime: string): void;
  /** Another digest service on the same store: a second bot instance. */
  instance(): DigestService;
  dispose(): Promise<void>;
}

export async function openDigestFixture(
  backend: StoreBackend,
  registry: RegistryIndex,
): Promise<DigestFixture> {
  let now = Date.parse('2027-04-01T10:00:00+03:00');
  const clock: Clock = { now: () => now };
  const { store, dispose } = await backend.open(clock);
  const source = new StubIndicatorSource();
  const warnings: unknown[] = [];
  const deps = { store, clock, registry: () => registry };
  const meetings = new MeetingService(deps);
  const make = (): DigestService =>
    new DigestService({
      ...deps,
      indicators: source,
      meetings,
      logger: { warn: (details) => warnings.push(details) },
    });
  return {
    digests: make(),
    meetings,
    actions: new ActionService(deps),
    store,
    source,
    warnings,
    at: (iso) => {
      now = Date.parse(iso);
    },
    instance: make,
    dispose,
  };
}

export function ok<T>(outcome: Outcome<T> | MeetingOutcome<T> | DigestOutcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

export const key = (): string => randomUUID();
