/**
 * What the situational-picture tab shows (GET /api/tab/forum): the forum linked to the channel or
 * chat; in the personal tab, the first forum the person leads (secretary or chair), else their own
 * actions. The actions the status filter asks for: open ones by due date (overdue ones first, as
 * the index sorts), then closed ones newest first. The default (open) view also carries the
 * forum's situational picture when a digest service is given; a digest that cannot be built is
 * left out. Reading is open to everyone whose token was accepted, as in chat (canView).
 */
import { canLog, type Action, type ActionStatus } from '../../domain/actions';
import { pick, type Forum, type RegistryIndex } from '../../domain/registry';
import { t, type Locale } from '../../i18n';
import type { Identity } from '../../ports/identity';
import type { Store } from '../../ports/store';
import type { ActionService, ActionView, Outcome, Page, PageRequest } from '../actions';
import { organisationNames, ownerName } from '../actions/display';
import type { DigestService } from '../digest';
import { closedActions, type ClosedScope } from './closed-actions';
import { digestSummary, type TabDigest } from './digest-summary';
import { DEFAULT_STATUS_FILTER, statusSelection, type TabStatusFilter } from './status-filter';

/** The most ActionService answers per page. */
const PAGE_SIZE = 100;
const DEFAULT_MAX_ACTIONS = 500;

export interface ForumViewQuery {
  /** Teams channel id (channel tab). */
  readonly channelId?: string;
  /** Teams chat id (group-chat tab). */
  readonly chatId?: string;
  readonly locale: Locale;
  /** Which actions to list; default `open`. */
  readonly status?: TabStatusFilter;
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
  /** Only in the default (open) view: a list by another status leaves it out. */
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
  /** The action tracker's store, for closed actions, which its paged queries do not list. */
  readonly store: Store;
  readonly registry: () => RegistryIndex | undefined;
  readonly digests?: Pick<DigestService, 'build'>;
  /** Told when building the digest threw; the view is answered without it. */
  readonly onDigestError?: (error: unknown) => void;
  /**
   * Longer lists are cut: open ones leaving out the furthest due dates, closed ones the oldest;
   * default 500 of each.
   */
  readonly maxActions?: number;
}

export type ForumView = (identity: Identity, query: ForumViewQuery) => Promise<ForumViewOutcome>;

export function createForumView(deps: ForumViewDeps): ForumView {
  const maxActions = deps.maxActions ?? DEFAULT_MAX_ACTIONS;

  return async (identity, query) => {
    const registry = deps.registry();
    if (!registry) return { ok: false, code: 'TAB_REGISTRY_UNAVAILABLE' };
    const { locale } = query;
    const filter = query.status ?? DEFAULT_STATUS_FILTER;
    const conversationId = query.channelId ?? query.chatId;
    const person = registry.personByAadObjectId(identity.aadObjectId);
    const forum = conversationId
      ? linkedForum(registry, conversationId)
      : person && registry.registry.forums.find((candidate) => canLog(person, candidate).ok);
    const rows = (listed: readonly Listed[]) => listed.map((item) => tabAction(item, registry, locale));
    const list = (source: ActionSource) => listActions(deps.store, source, filter, maxActions);

    if (forum) {
      const [listed, digest] = await Promise.all([
        list({
          open: (page) => deps.actions.forumOpenActions(forum.id, page),
          closed: { forumId: forum.id },
        }),
        filter === DEFAULT_STATUS_FILTER ? latestDigest(deps, forum.id, locale) : undefined,
      ]);
      if (!listed) return { ok: false, code: 'TAB_NO_FORUM' };
      const view = { forum: { name: pick(forum.name, locale) }, actions: rows(listed) };
      return { ok: true, view: digest ? { ...view, digest } : view };
    }
    if (conversationId || !person) return { ok: false, code: 'TAB_NO_FORUM' };
    const own = await list({
      open: (page) => deps.actions.myActions(identity.aadObjectId, page),
      closed: { ownerPerson: person.id },
    });
    return {
      ok: true,
      view: { forum: { name: t(locale, 'actions.list.my') }, actions: rows(own ?? []) },
    };
  };
}

type PageReader = (page: PageRequest) => Promise<Outcome<Page<ActionView>>>;

interface ActionSource {
  /** The open actions of the view, by due date. */
  readonly open: PageReader;
  readonly closed: ClosedScope;
}

interface Listed {
  readonly action: Action;
  readonly overdue: boolean;
}

/** Open actions first, then closed ones, each list cut at `max`; undefined when refused. */
async function listActions(
  store: Store,
  source: ActionSource,
  filter: TabStatusFilter,
  max: number,
): Promise<Listed[] | undefined> {
  const { open, closed } = statusSelection(filter);
  const [openViews, closedOnes] = await Promise.all([
    open.length > 0 ? readAll(source.open, max, (action) => open.includes(action.status)) : [],
    closedActions(store, { scope: source.closed, statuses: closed, max }),
  ]);
  if (!openViews) return undefined;
  // Closed actions are never overdue.
  return [...openViews, ...closedOnes.map((action) => ({ action, overdue: false }))];
}

/** The forum of a channel or group chat; the bot's conversation id is matched as well. */
function linkedForum(registry: RegistryIndex, conversationId: string): Forum | undefined {
  return registry.forumByChannel(conversationId);
}

/** Reads page by page until `max` actions are kept or the list ends. */
async function readAll(
  read: PageReader,
  max: number,
  keep: (action: Action) => boolean,
): Promise<ActionView[] | undefined> {
  const out: ActionView[] = [];
  // Whole pages: a filter keeps fewer than it reads, so shrinking the page to what is missing
  // would end in reads of one action each.
  for (let offset = 0; out.length < max; offset += PAGE_SIZE) {
    const outcome = await read({ offset, limit: PAGE_SIZE });
    if (!outcome.ok) return undefined;
    const { items, total } = outcome.value;
    for (const view of items) if (keep(view.action)) out.push(view);
    if (items.length === 0 || offset + PAGE_SIZE >= total) break;
  }
  return out.slice(0, max);
}

function tabAction({ action, overdue }: Listed, registry: RegistryIndex, locale: Locale): TabAction {
  const owner = ownerName(action, registry) ?? organisationNames(action, registry, locale).join(', ');
  return {
    id: action.id,
    title: action.title,
    owner: owner || null,
    dueDate: action.dueDate ?? null,
    status: action.status,
    overdue,
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
