/**
 * A digest's id names the forum, the meeting and the meeting's sequence: a moved meeting gets a
 * new digest (and fresh acknowledgements), the same meeting always the same id. Registry and
 * chat meeting ids never contain a colon.
 */
export interface DigestKey {
  readonly forumId: string;
  readonly meetingId: string;
  readonly sequence: number;
}

const ID = /^([^:\s]+):([^:\s]+):(\d{1,6})$/;

export function digestId(key: DigestKey): string {
  return `${key.forumId}:${key.meetingId}:${key.sequence}`;
}

/** Undefined for anything that is not a digest id (card data comes from outside). */
export function parseDigestId(id: string): DigestKey | undefined {
  const match = ID.exec(id);
  if (!match) return undefined;
  return { forumId: match[1] ?? '', meetingId: match[2] ?? '', sequence: Number(match[3]) };
}
