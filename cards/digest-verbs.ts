/**
 * The card actions of the digest: versioned verbs and the zod schemas their payloads must pass
 * on the way back in. "Show all actions" reuses the action tracker's list verb (action-verbs.ts).
 */
import { z } from 'zod';

export const DIGEST_VERBS = {
  acknowledge: 'digest.acknowledge.v1',
  refresh: 'digest.refresh.v1',
} as const;

/** `<forum>:<meeting>:<sequence>`, as digest-id.ts writes it. */
const digestId = z.string().regex(/^[^:\s]{1,120}:[^:\s]{1,160}:\d{1,6}$/);

export const acknowledgePayload = z.object({
  verb: z.literal(DIGEST_VERBS.acknowledge).optional(),
  digestId,
});
export const digestRefreshPayload = z.object({
  verb: z.literal(DIGEST_VERBS.refresh).optional(),
  digestId,
});

export type AcknowledgePayload = z.infer<typeof acknowledgePayload>;
export type DigestRefreshPayload = z.infer<typeof digestRefreshPayload>;

/** Parses the data of an Action.Execute by its verb; undefined for anything this bot did not send. */
export function parseDigestAction(
  verb: string,
  data: unknown,
):
  | { readonly verb: typeof DIGEST_VERBS.acknowledge; readonly payload: AcknowledgePayload }
  | { readonly verb: typeof DIGEST_VERBS.refresh; readonly payload: DigestRefreshPayload }
  | undefined {
  if (verb === DIGEST_VERBS.acknowledge) {
    const parsed = acknowledgePayload.safeParse(data);
    return parsed.success ? { verb, payload: parsed.data } : undefined;
  }
  if (verb === DIGEST_VERBS.refresh) {
    const parsed = digestRefreshPayload.safeParse(data);
    return parsed.success ? { verb, payload: parsed.data } : undefined;
  }
  return undefined;
}
