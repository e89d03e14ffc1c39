/**
 * Where actions and decisions live in the Store. An action's index member ("ref") is
 * `<forumId>:<actionId>`; registry ids never contain a colon.
 */
export type RecordKind = 'action' | 'decision';

export function recordRef(forumId: string, id: string): string {
  return `${forumId}:${id}`;
}

export function parseRef(ref: string): { readonly forumId: string; readonly id: string } | undefined {
  const at = ref.indexOf(':');
  if (at <= 0 || at === ref.length - 1) return undefined;
  return { forumId: ref.slice(0, at), id: ref.slice(at + 1) };
}

export function actionKey(forumId: string, actionId: string): string {
  return `action:${recordRef(forumId, actionId)}`;
}

export function decisionKey(forumId: string, decisionId: string): string {
  return `decision:${recordRef(forumId, decisionId)}`;
}

export function keyOfRef(kind: RecordKind, ref: string): string {
  return `${kind}:${ref}`;
}

export function sequenceCounter(kind: RecordKind, forumId: string, year: number): string {
  return `${kind}:seq:${forumId}:${year}`;
}

export function createClaim(kind: RecordKind, forumId: string, keyDigest: string): string {
  return `${kind}:create:${forumId}:${keyDigest}`;
}

export function reminderClaim(kind: string, ref: string, dueDate: string): string {
  return `reminder:${kind}:${ref}:${dueDate}`;
}

export function exportTokenKey(forumId: string): string {
  return `export-token:${forumId}`;
}

export const AUDIT = {
  action: (forumId: string, actionId: string): string => `action:${recordRef(forumId, actionId)}`,
  decision: (forumId: string, decisionId: string): string => `decision:${recordRef(forumId, decisionId)}`,
  forum: (forumId: string): string => `forum:${forumId}`,
} as const;

/** Sorted indexes; "by due" scores are day numbers (see action-indexes.ts). */
export const INDEX = {
  /** Open actions of a forum by due date: the open list, and overdue as its head. */
  forumOpen: (forumId: string): string => `actions:forum:${forumId}:open`,
  /** Every action of a forum by creation time: exports and search. */
  forumAll: (forumId: string): string => `actions:forum:${forumId}:all`,
  /** Open actions of an owner person by due date: "my actions". */
  ownerOpen: (personId: string): string => `actions:owner:${personId}:open`,
  /** Closed actions of a forum in one closed status, by when they were closed: the tab's closed lists. */
  forumClosed: (forumId: string, status: string): string => `actions:forum:${forumId}:closed:${status}`,
  /** Closed actions of an owner person in one closed status, by when they were closed. */
  ownerClosed: (personId: string, status: string): string => `actions:owner:${personId}:closed:${status}`,
  byInterface: (interfaceId: string): string => `actions:interface:${interfaceId}`,
  byOrganisation: (organisationId: string): string => `actions:organisation:${organisationId}`,
  byGoal: (goalId: string): string => `actions:goal:${goalId}`,
  /** By creation time: the order they were agreed in. */
  byMeeting: (meetingId: string): string => `actions:meeting:${meetingId}`,
  /** Open actions with a due date, all forums, by due date: overdue and reminder candidates. */
  due: 'actions:due',
  forumDecisions: (forumId: string): string => `decisions:forum:${forumId}`,
  meetingDecisions: (meetingId: string): string => `decisions:meeting:${meetingId}`,
  idempotency: (kind: RecordKind): string => `${kind}s:idempotency`,
} as const;
