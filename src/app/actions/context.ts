/**
 * What every action use-case needs: the store, the clock, the registry as currently loaded, and
 * the forum prefixes derived from it (recomputed only when the registry is reloaded).
 */
import { assignPrefixes, dayIn, isOverdue, yearIn, type Action, type IsoDate } from '../../domain/actions';
import type { Forum, Person, RegistryIndex } from '../../domain/registry';
import type { Clock } from '../../ports/clock';
import type { Store } from '../../ports/store';
import type { ActionView } from './outcome';

export interface ActionServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** The registry in service now; a reload takes effect on the next call. */
  readonly registry: () => RegistryIndex;
  /** Owners are reminded this many days before the due date; default 7. */
  readonly reminderDaysBefore?: number;
  /** Host part of calendar UIDs; default `yhdyspinta-bot`. */
  readonly calendarUidDomain?: string;
}

export class ActionContext {
  private prefixes:
    { readonly registry: RegistryIndex; readonly byForum: ReadonlyMap<string, string> } | undefined;

  constructor(readonly deps: ActionServiceDeps) {}

  get store(): Store {
    return this.deps.store;
  }

  registry(): RegistryIndex {
    return this.deps.registry();
  }

  now(): number {
    return this.deps.clock.now();
  }

  timeZone(): string {
    return this.registry().registry.timeZone;
  }

  today(now: number = this.now()): IsoDate {
    return dayIn(now, this.timeZone());
  }

  year(now: number = this.now()): number {
    return yearIn(now, this.timeZone());
  }

  actor(aadObjectId: string | undefined): Person | undefined {
    return aadObjectId ? this.registry().personByAadObjectId(aadObjectId) : undefined;
  }

  forum(forumId: string): Forum | undefined {
    return this.registry().forumsById.get(forumId);
  }

  prefixOf(forumId: string): string {
    return this.prefixMap().get(forumId) ?? forumId.toUpperCase();
  }

  forumsWithPrefix(prefix: string): string[] {
    return [...this.prefixMap()].filter(([, p]) => p === prefix).map(([forumId]) => forumId);
  }

  view(action: Action, version: number, today: IsoDate = this.today()): ActionView {
    return { action, version, overdue: isOverdue(action, today) };
  }

  private prefixMap(): ReadonlyMap<string, string> {
    const registry = this.registry();
    if (this.prefixes?.registry !== registry) {
      this.prefixes = { registry, byForum: assignPrefixes(registry.registry.forums) };
    }
    return this.prefixes.byForum;
  }
}
