import { randomUUID } from 'node:crypto';
import type { ActionView, LogActionInput, Outcome, StoredDecision } from '../../../../src/app/actions';
import { actionKey, AUDIT, INDEX } from '../../../../src/app/actions/storage-keys';
import type { Store } from '../../../../src/ports/store';
import { AAD } from '../../domain/actions/registry-fixture';
import type { ServiceFixture } from './fixture';

export { AAD };
export const FORUM = 'neuvottelukunta-ks';

export function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

export async function logged(
  fx: ServiceFixture,
  input: Partial<LogActionInput> = {},
  actor: string = AAD.secretary,
): Promise<ActionView> {
  const outcome = await fx.service.logAction(actor, {
    forumId: FORUM,
    idempotencyKey: randomUUID(),
    title: 'Päivitetään hyvinvointisuunnitelma',
    ...input,
  });
  return value(outcome).record;
}

export async function decided(
  fx: ServiceFixture,
  text: string,
  meetingId?: string,
  forumId: string = FORUM,
): Promise<StoredDecision> {
  const outcome = await fx.service.logDecision(AAD.secretary, {
    forumId,
    idempotencyKey: randomUUID(),
    text,
    ...(meetingId ? { meetingId } : {}),
  });
  return value(outcome).record;
}

/** Everything a refused write could have touched for one action. */
export async function snapshotOf(store: Store, forumId: string, actionId: string): Promise<unknown> {
  const indexes = [
    INDEX.forumOpen(forumId),
    INDEX.forumAll(forumId),
    INDEX.due,
    INDEX.ownerOpen('aino-esimerkki'),
    INDEX.ownerOpen('olli-oletus'),
    INDEX.byOrganisation('kunta-179'),
    INDEX.idempotency('action'),
  ];
  return {
    record: await store.get(actionKey(forumId, actionId)),
    indexes: await Promise.all(indexes.map((index) => store.range(index))),
    audit: await store.readAudit(AUDIT.action(forumId, actionId)),
  };
}
