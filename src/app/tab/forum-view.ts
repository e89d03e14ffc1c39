/**
 * What the situational-picture tab shows (GET /api/tab/forum): the forum linked to the channel or
 * chat; in the personal tab, the first forum the person leads (secretary or chair), else their own
 * open actions. The
 * forum's open actions (overdue ones first, as the index sorts by due date) and, when a digest
 * service is given, its situational picture; a digest that cannot be built is left out.
 * Reading is open to everyone whose token was accepted, as in chat (canView).
 */
import { canLog, type ActionStatus } from '../../domain/actions';
import { pick, type Forum, type RegistryIndex } from '../../domain/registry';
import { t, type Locale } from '../../i18n';
import type { Identity } from '../../ports/identity';
import type { ActionService, ActionView, Outcome, Page, PageRequest } from '../actions';
import { organisationNames, ownerName } from '../actions/display';
import type { DigestService } from '../digest';
import { digestSummary, type TabDigest } from './digest-summary';

/** The most ActionService answers per page. */
const PAGE_SIZE = 100;
const DEFAULT_MAX_ACTIONS = 500;

export interface ForumViewQuery {
  /** Teams channel id (channel tab). */
  readonly channelId?: string;
  /** Teams chat id (group-chat tab). */
  readonly chatId?: string;
  readonly locale: Locale;
}

export interface TabAction {
  readonly id: string;
  readonly title: string;
  readonly owner: string | null;
  readonly dueDate: string | null;
  readonly status: ActionStatus;
  readonly overdue: boolean;
}

export interface TabForumView {
  readonly forum: { readonly name: string };
  readonly digest?: TabDigest;
  readonly actions: readonly TabAction[];
}

export type ForumViewCode =
  /** No forum is linked to the conversation, or the personal tab has nothing for this person. */
  | 'TAB_NO_FORUM'
  /** The registry is not loaded (start-up failed): try again later. */
  | 'TAB_REGISTRY_UNAVAILABLE';

export type ForumViewOutcome =
  { readonly ok: true; readonly view: TabForumView } | { readonly ok: false; readonly code: ForumViewCode };

export interface ForumViewDeps {
  readonly actions: ActionService;
  readonly registry: () => RegistryIndex | undefined;
  readonly digests?: Pick<DigestService, 'build'>;
  /** Told when building the digest threw; the view is answered without it. */
  readonly onDigestError?: (error: unknown) => void;
  /** Longer lists are cut, leaving out the furthest due dates; default 500. */
  readonly maxActions?: number;
}

export type ForumView = (identity: Identity, query: ForumViewQuery) => Promise<ForumViewOutcome>;

export function createForumView(deps: ForumViewDeps): ForumView {
  const maxActions = deps.maxActions ?? DEFAULT_MAX_ACTIONS;
  const allPages = (read: (page: PageRequest) => Promise<Outcome<Page<ActionView>>>) =>
    readAll(read, maxActions);

  return async (identity, query) => {
    const registry = deps.registry();
    if (!registry) return { ok: false, code: 'TAB_REGISTRY_UNAVAILABLE' };
    const { locale } = query;
    const conversationId = query.channelId ?? query.chatId;
    const person = registry.personByAadObjectId(identity.aadObjectId);
    const forum = conversationId
      ? linkedForum(registry, conversationId)
      : person && registry.registry.forums.find((candidate) => canLog(person, candidate).ok);
    const rows = (views: readonly ActionView[]) => views.map((view) => tabAction(view, registry, locale));

    if (forum) {
      const [views, digest] = await Promise.all([
        allPages((page) => deps.actions.forumOpenActions(forum.id, page)),
        latestDigest(deps, forum.id, locale),
      ]);
      if (!views) return { ok: false, code: 'TAB_NO_FORUM' };
      const view = { forum: { name: pick(forum.name, locale) }, actions: rows(views) };
      return { ok: true, view: digest ? { ...view, digest } : view };
    }
    if (conversationId || !person) return { ok: false, code: 'TAB_NO_FORUM' };
    const own = await allPages((page) => deps.actions.myActions(identity.aadObjectId, page));
    return {
      ok: true,
      view: { forum: { name: t(locale, 'actions.list.my') }, actions: rows(own ?? []) },
    };
  };
}

/** The forum of a channel or group chat; the bot's conversation id is matched as well. */
function linkedForum(registry: RegistryIndex, conversationId: string): Forum | undefined {
  return registry.forumByChannel(conversationId);
}

async function readAll(
  read: (page: PageRequest) => Promise<Outcome<Page<ActionView>>>,
  max: number,
): Promise<ActionView[] | undefined> {
  const out: ActionView[] = [];
  for (let offset = 0; out.length < max; offset += PAGE_SIZE) {
    const outcome = await read({ offset, limit: Math.min(PAGE_SIZE, max - out.length) });
    if (!outcome.ok) return undefined;
    out.push(...outcome.value.items);
    if (outcome.value.items.length === 0 || offset + PAGE_SIZE >= outcome.value.total) break;
  }
  return out;
}

function tabAction(view: ActionView, registry: RegistryIndex, locale: Locale): TabAction {
  const { action } = view;
  const owner = ownerName(action, registry) ?? organisationNames(action, registry, locale).join(', ');
  return {
    id: action.id,
    title: action.title,
    owner: owner || null,
    dueDate: action.dueDate ?? null,
    status: action.status,
    overdue: view.overdue,
  };
}

async function latestDigest(
  deps: ForumViewDeps,
  forumId: string,
  locale: Locale,
): Promise<TabDigest | undefined> {
  if (!deps.digests) return undefined;
  try {
    const outcome = await deps.digests.build({ forumId });
    // No upcoming meeting: nothing to compile, and the tab says so.
    return outcome.ok ? digestSummary(outcome.value, locale) : undefined;
  } catch (error) {
    deps.onDigestError?.(error);
    return undefined;
  }
}
