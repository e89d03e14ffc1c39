/** A MeetingService on a real store (file or Redis), the sample registry and a clock tests move. */
import { MeetingService } from '../../../../src/app/meetings';
import type { RegistryIndex } from '../../../../src/domain/registry';
import type { Clock } from '../../../../src/ports/clock';
import type { Store } from '../../../../src/ports/store';
import type { StoreBackend } from '../actions/fixture';

export interface MeetingFixture {
  readonly service: MeetingService;
  readonly store: Store;
  readonly registry: RegistryIndex;
  at(isoDateTime: string): void;
  /** Another service on the same store: a second bot instance. */
  instance(): MeetingService;
  dispose(): Promise<void>;
}

export const START = '2026-11-23T10:00:00+02:00';

export async function openMeetingFixture(
  backend: StoreBackend,
  registry: RegistryIndex,
): Promise<MeetingFixture> {
  let now = Date.parse(START);
  const clock: Clock = { now: () => now };
  const { store, dispose } = await backend.open(clock);
  const make = (): MeetingService => new MeetingService({ store, clock, registry: () => registry });
  return {
    service: make(),
    store,
    registry,
    at: (iso) => {
      now = Date.parse(iso);
    },
    instance: make,
    dispose,
  };
}

/** iCalendar text as its events' properties, long lines unfolded. */
export function icsEvents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}
