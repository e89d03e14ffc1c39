/**
 * The situational-picture digest: compiling it for a forum's meeting and recording who has
 * acknowledged it. The entry point for the scheduler (which posts it) and the Teams surface
 * (`tilannekuva` on demand, the Kuitattu button and the card refresh).
 */
import { parseDigestId, type AcknowledgementRecord, type Digest } from '../../domain/digest';
import { acknowledgeDigest, digestAcknowledgements, type Acknowledged } from './acknowledge-digest';
import { buildDigest, type BuildDigestRequest } from './build-digest';
import type { DigestServiceDeps } from './context';
import { digestFailure, type DigestOutcome } from './outcome';

export class DigestService {
  constructor(private readonly deps: DigestServiceDeps) {}

  build(request: BuildDigestRequest): Promise<DigestOutcome<Digest>> {
    return buildDigest(this.deps, request);
  }

  /**
   * The digest of the same forum and meeting as it is now, for a card refresh. When the meeting
   * has moved since, its id differs from the one asked for.
   */
  refresh(digestId: string, now?: number): Promise<DigestOutcome<Digest>> {
    const key = parseDigestId(digestId);
    if (!key) return Promise.resolve(digestFailure('DIGEST_NOT_FOUND', { kind: 'digest', id: digestId }));
    return buildDigest(this.deps, {
      forumId: key.forumId,
      meetingId: key.meetingId,
      ...(now !== undefined ? { now } : {}),
    });
  }

  acknowledge(digestId: string, actorAadObjectId: string): Promise<DigestOutcome<Acknowledged>> {
    return acknowledgeDigest(this.deps, digestId, actorAadObjectId);
  }

  acknowledgements(digestId: string): Promise<AcknowledgementRecord> {
    return digestAcknowledgements(this.deps, digestId);
  }
}
