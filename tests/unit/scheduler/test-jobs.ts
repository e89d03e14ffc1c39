/** Job sources for the scheduler tests, counting runs in one ledger shared by all instances. */
import type { Job, JobSource } from '../../../src/scheduler/job';

export interface JobSpec {
  readonly key: string;
  readonly dueAt: number;
  readonly notAfter?: number;
}

export class RunLedger {
  readonly runs = new Map<string, number>();
  readonly attempts = new Map<string, number>();
  readonly missed = new Map<string, number>();
  readonly declined = new Map<string, number>();
  readonly byInstance = new Map<string, number>();

  count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  /** Keys run more than once. */
  duplicated(): string[] {
    return [...this.runs].filter(([, n]) => n > 1).map(([key]) => key);
  }
}

export interface SourceBehaviour {
  /** Real milliseconds a run takes. */
  readonly workMs?: (key: string) => number;
  /** Throw on this attempt (1-based) of this key. */
  readonly failOn?: (key: string, attempt: number) => boolean;
}

export function testSource(
  instance: string,
  ledger: RunLedger,
  specs: () => readonly JobSpec[],
  behaviour: SourceBehaviour = {},
): JobSource {
  return {
    name: 'test',
    due: async () =>
      specs().map((spec): Job => ({
        ...spec,
        run: async () => {
          ledger.count(ledger.attempts, spec.key);
          const attempt = ledger.attempts.get(spec.key) ?? 1;
          const ms = behaviour.workMs?.(spec.key) ?? 0;
          if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
          if (behaviour.failOn?.(spec.key, attempt))
            throw new Error(`attempt ${attempt} of ${spec.key} fails`);
          ledger.count(ledger.runs, spec.key);
          ledger.count(ledger.byInstance, instance);
        },
        missed: async () => ledger.count(ledger.missed, spec.key),
        declined: async () => ledger.count(ledger.declined, spec.key),
      })),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
