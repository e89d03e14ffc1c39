/**
 * "Kuitattu": a member of the forum acknowledges a digest for their organisation. Recorded once
 * per organisation (the first person to press counts; pressing again changes nothing) and
 * audited. A user who is not in the registry cannot speak for an organisation. A card of a
 * meeting that has since moved still records, for the digest it showed.
 */
import { acknowledgingOrganisation, parseDigestId, type AcknowledgementRecord } from '../../domain/digest';
import { StoreConflictError } from '../../ports/store';
import { NO_ACKNOWLEDGEMENTS } from './build-digest';
import type { DigestServiceDeps } from './context';
import { digestFailure, digestSuccess, type DigestOutcome } from './outcome';
import { acknowledgementsKey, DIGEST_AUDIT } from './storage-keys';

export interface Acknowledged {
  /** Organisation id acknowledged for. */
  readonly organisation: string;
  /** False when the organisation had acknowledged already: nothing was written. */
  readonly created: boolean;
  readonly acknowledgements: AcknowledgementRecord;
}

// Each retry follows someone else's successful write, so a whole forum pressing at once gets through.
const RETRIES = 50;

export async function acknowledgeDigest(
  deps: DigestServiceDeps,
  digestId: string,
  actorAadObjectId: string,
): Promise<DigestOutcome<Acknowledged>> {
  const registry = deps.registry();
  const key = parseDigestId(digestId);
  const forum = key ? registry.forumsById.get(key.forumId) : undefined;
  if (!key || !forum) return digestFailure('DIGEST_NOT_FOUND', { kind: 'digest', id: digestId });
  const person = actorAadObjectId ? registry.personByAadObjectId(actorAadObjectId) : undefined;
  if (!person) return digestFailure('DIGEST_UNKNOWN_USER');
  const meeting = await deps.meetings.get(forum.id, key.meetingId);
  if (!meeting.ok) return digestFailure('DIGEST_NOT_FOUND', { kind: 'digest', id: digestId });
  const organisation = acknowledgingOrganisation(person, forum, registry)?.id ?? person.organisation;

  const storeKey = acknowledgementsKey(digestId);
  for (let attempt = 1; ; attempt++) {
    const current = await deps.store.get<AcknowledgementRecord>(storeKey);
    const record = current?.value ?? NO_ACKNOWLEDGEMENTS;
    if (record.organisations[organisation]) {
      return digestSuccess({ organisation, created: false, acknowledgements: record });
    }
    const now = deps.clock.now();
    const next: AcknowledgementRecord = {
      organisations: { ...record.organisations, [organisation]: { by: person.id, at: now } },
    };
    try {
      await deps.store.put(storeKey, next, { expectedVersion: current?.version ?? 0 });
    } catch (error) {
      if (error instanceof StoreConflictError && attempt < RETRIES) continue;
      throw error;
    }
    await deps.store.appendAudit(DIGEST_AUDIT.digest(digestId), {
      at: now,
      actor: person.id,
      event: 'digest.acknowledged',
      data: { organisation },
    });
    return digestSuccess({ organisation, created: true, acknowledgements: next });
  }
}

export async function digestAcknowledgements(
  deps: DigestServiceDeps,
  digestId: string,
): Promise<AcknowledgementRecord> {
  return (
    (await deps.store.get<AcknowledgementRecord>(acknowledgementsKey(digestId)))?.value ?? NO_ACKNOWLEDGEMENTS
  );
}
