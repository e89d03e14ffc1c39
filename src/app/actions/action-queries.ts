/** Views of actions and decisions: sorted-index pages with their total, for anyone to read. */
import {
  epochDay,
  matchesWords,
  parseReadableId,
  searchWords,
  type Action,
  type Decision,
} from '../../domain/actions';
import type { AuditEntry, RangeQuery } from '../../ports/store';
import type { ActionContext } from './context';
import {
  failure,
  notFound,
  pageOf,
  success,
  type ActionView,
  type Outcome,
  type Page,
  type PageRequest,
  type StoredDecision,
} from './outcome';
import { actionKey, AUDIT, decisionKey, INDEX, keyOfRef, type RecordKind } from './storage-keys';

/** Reads in slices so a large forum never asks the store for everything at once. */
const READ_SLICE = 500;

interface Bounds {
  readonly min?: number;
  readonly max?: number;
  readonly reverse?: boolean;
}

async function indexPage<T, R>(
  ctx: ActionContext,
  kind: RecordKind,
  index: string,
  request: PageRequest | undefined,
  bounds: Bounds,
  toItem: (value: T, version: number) => R,
): Promise<Page<R>> {
  const { offset, limit } = pageOf(request);
  const query: RangeQuery = { ...bounds, offset, limit };
  const [total, entries] = await Promise.all([
    ctx.store.count(index, bounds.min, bounds.max),
    ctx.store.range(index, query),
  ]);
  const records = await ctx.store.getMany<T>(entries.map((entry) => keyOfRef(kind, entry.member)));
  const items = records.flatMap((record) => (record ? [toItem(record.value, record.version)] : []));
  return { items, total, offset, limit };
}

export async function actionPage(
  ctx: ActionContext,
  index: string,
  request?: PageRequest,
  bounds: Bounds = {},
): Promise<Page<ActionView>> {
  const today = ctx.today();
  return indexPage<Action, ActionView>(ctx, 'action', index, request, bounds, (action, version) =>
    ctx.view(action, version, today),
  );
}

export async function decisionPage(
  ctx: ActionContext,
  index: string,
  request?: PageRequest,
  bounds: Bounds = {},
): Promise<Page<StoredDecision>> {
  return indexPage<Decision, StoredDecision>(
    ctx,
    'decision',
    index,
    request,
    bounds,
    (decision, version) => ({
      decision,
      version,
    }),
  );
}

export async function myActions(
  ctx: ActionContext,
  actorAadObjectId: string,
  request?: PageRequest,
): Promise<Outcome<Page<ActionView>>> {
  const person = ctx.actor(actorAadObjectId);
  if (!person) return failure({ code: 'ACTION_UNKNOWN_USER' });
  return success(await actionPage(ctx, INDEX.ownerOpen(person.id), request));
}

export async function forumOpenActions(
  ctx: ActionContext,
  forumId: string,
  request?: PageRequest,
): Promise<Outcome<Page<ActionView>>> {
  if (!ctx.forum(forumId)) return notFound('forum', forumId);
  return success(await actionPage(ctx, INDEX.forumOpen(forumId), request));
}

/** Open actions whose due date is before today: the head of the forum's open index. */
export async function forumOverdueActions(
  ctx: ActionContext,
  forumId: string,
  request?: PageRequest,
): Promise<Outcome<Page<ActionView>>> {
  if (!ctx.forum(forumId)) return notFound('forum', forumId);
  const max = epochDay(ctx.today()) - 1;
  return success(await actionPage(ctx, INDEX.forumOpen(forumId), request, { max }));
}

export type ActionGrouping = 'interface' | 'organisation' | 'goal' | 'meeting';

export async function actionsBy(
  ctx: ActionContext,
  grouping: ActionGrouping,
  id: string,
  request?: PageRequest,
): Promise<Outcome<Page<ActionView>>> {
  const registry = ctx.registry();
  const known = {
    interface: registry.interfacesById,
    organisation: registry.organisationsById,
    goal: registry.goalsById,
    meeting: registry.meetingsById,
  }[grouping].has(id);
  if (!known) return notFound(grouping, id);
  const index = {
    interface: INDEX.byInterface,
    organisation: INDEX.byOrganisation,
    goal: INDEX.byGoal,
    meeting: INDEX.byMeeting,
  }[grouping](id);
  return success(await actionPage(ctx, index, request));
}

/** Every action of the forum whose id, title or description holds all the words; newest first. */
export async function searchActions(
  ctx: ActionContext,
  forumId: string,
  query: string,
  request?: PageRequest,
): Promise<Outcome<Page<ActionView>>> {
  if (!ctx.forum(forumId)) return notFound('forum', forumId);
  const { offset, limit } = pageOf(request);
  const words = searchWords(query);
  const today = ctx.today();
  const matches: ActionView[] = [];
  for await (const { action, version } of forumActions(ctx, forumId, true)) {
    if (matchesWords(action, words)) matches.push(ctx.view(action, version, today));
  }
  return success({ items: matches.slice(offset, offset + limit), total: matches.length, offset, limit });
}

/** All actions of a forum in creation order (newest first when `reverse`), read slice by slice. */
export async function* forumActions(
  ctx: ActionContext,
  forumId: string,
  reverse = false,
): AsyncGenerator<{ action: Action; version: number }> {
  for (let offset = 0; ; offset += READ_SLICE) {
    const entries = await ctx.store.range(INDEX.forumAll(forumId), { offset, limit: READ_SLICE, reverse });
    const records = await ctx.store.getMany<Action>(entries.map((entry) => keyOfRef('action', entry.member)));
    for (const record of records) if (record) yield { action: record.value, version: record.version };
    if (entries.length < READ_SLICE) return;
  }
}

export async function getAction(
  ctx: ActionContext,
  forumId: string,
  actionId: string,
): Promise<Outcome<ActionView>> {
  const stored = await ctx.store.get<Action>(actionKey(forumId, actionId));
  return stored ? success(ctx.view(stored.value, stored.version)) : notFound('action', actionId);
}

/** An action by the id people type ("ank-2026-14" works too), whatever forum it is in. */
export async function findAction(ctx: ActionContext, readableId: string): Promise<Outcome<ActionView>> {
  const parsed = parseReadableId(readableId);
  if (!parsed || parsed.kind !== 'action') return notFound('action', readableId.trim());
  const id = `${parsed.prefix}-${parsed.year}-${String(parsed.number).padStart(3, '0')}`;
  for (const forumId of ctx.forumsWithPrefix(parsed.prefix)) {
    const found = await getAction(ctx, forumId, id);
    if (found.ok) return found;
  }
  return notFound('action', id);
}

export async function getDecision(
  ctx: ActionContext,
  forumId: string,
  decisionId: string,
): Promise<Outcome<StoredDecision>> {
  const stored = await ctx.store.get<Decision>(decisionKey(forumId, decisionId));
  return stored
    ? success({ decision: stored.value, version: stored.version })
    : notFound('decision', decisionId);
}

export async function decisionsOfForum(
  ctx: ActionContext,
  forumId: string,
  request?: PageRequest,
): Promise<Outcome<Page<StoredDecision>>> {
  if (!ctx.forum(forumId)) return notFound('forum', forumId);
  return success(await decisionPage(ctx, INDEX.forumDecisions(forumId), request, { reverse: true }));
}

export async function decisionsOfMeeting(
  ctx: ActionContext,
  meetingId: string,
  request?: PageRequest,
): Promise<Outcome<Page<StoredDecision>>> {
  if (!ctx.registry().meetingsById.has(meetingId)) return notFound('meeting', meetingId);
  return success(await decisionPage(ctx, INDEX.meetingDecisions(meetingId), request));
}

export async function actionHistory(
  ctx: ActionContext,
  forumId: string,
  actionId: string,
): Promise<Outcome<AuditEntry[]>> {
  if (!(await ctx.store.get(actionKey(forumId, actionId)))) return notFound('action', actionId);
  return success(await ctx.store.readAudit(AUDIT.action(forumId, actionId)));
}
