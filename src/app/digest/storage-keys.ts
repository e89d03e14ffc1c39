/** Where acknowledgements of digests live in the Store. */
export function acknowledgementsKey(digestId: string): string {
  return `digest-ack:${digestId}`;
}

export const DIGEST_AUDIT = {
  digest: (digestId: string): string => `digest:${digestId}`,
} as const;
