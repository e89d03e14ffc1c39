/**
 * The tab's use-case on a real file store with the sample registry: which forum a channel, a chat
 * or the personal tab shows, its actions as the JSON contract of src/tab/tab.js (open ones by
 * default, closed ones when the status filter asks), and the digest summary when a digest service
 * is given (left out when it cannot be built).
 */
import { randomUUID } from 'node:crypto';
import { DigestService } from '../../../../src/app/digest';
import { MeetingService } from '../../../../src/app/meetings';
import { createForumView, type ForumViewDeps } from '../../../../src/app/tab/forum-view';
import type { TabStatusFilter } from '../../../../src/app/tab/status-filter';
import { RegistryIndex } from '../../../../src/domain/registry';
import type { Identity } from '../../../../src/ports/identity';
import { AAD, loadSampleRegistry, withTestActors } from '../../domain/actions/registry-fixture';
import { fileBackend, openFixture, START, type ServiceFixture } from '../actions/fixture';
import { StubIndicatorSource } from '../digest/fixture';

const CHANNEL = '19:neuvottelukunta-ks@thread.tacv2';
const CHAT = '19:kotoutuminen-chat@thread.v2';
const FORUM = 'neuvottelukunta-ks';
const TENANT = 'd2d081d8-ddef-45c6-8818-802f6219bda0';
const who = (aadObjectId: string): Identity => ({ aadObjectId, tenantId: TENANT });

let registry: RegistryIndex;
let fx: ServiceFixture;
const ids: Record<'overdue' | 'later' | 'undated' | 'done', string> = {
  overdue: '',
  later: '',
  undated: '',
  done: '',
};

beforeAll(async () => {
  const sample = withTestActors(await loadSampleRegistry());
  // A group chat linked to a forum, which the sample registry does not have.
  const forums = sample.forums.map((forum) =>
    forum.id === 'kotoutumisryhma-ks' ? { ...forum, teams: { conversationId: CHAT } } : forum,
  );
  registry = new RegistryIndex({ ...sample, forums });
});

beforeEach(async () => {
  fx = await openFixture(fileBackend, registry);
  const log = async (title: string, extra: Record<string, unknown>) => {
    const outcome = await fx.service.logAction(AAD.secretary, {
      forumId: FORUM,
      idempotencyKey: randomUUID(),
      title,
      ...extra,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
    return outcome.value.record.action.id;
  };
  ids.later = await log('Hyvinvointisuunnitelman päivitys', {
    dueDate: '2027-03-31',
    ownerPersonId: 'olli-oletus',
  });
  ids.overdue = await log('Palveluverkkoselvitys', {
    dueDate: '2026-11-01',
    confirmPastDueDate: true,
    ownerPersonId: 'jussi-juoni',
  });
  ids.undated = await log('Yhteinen viestintä', { organisationIds: ['liitto-keski-suomi'] });
  ids.done = await log('Valmis jo', { dueDate: '2026-12-01' });
  const done = await fx.service.updateStatus(AAD.secretary, {
    forumId: FORUM,
    actionId: ids.done,
    status: 'valmis',
  });
  if (!done.ok) throw new Error(JSON.stringify(done.failure));
});
afterEach(async () => {
  await fx.dispose();
});

function view(overrides: Partial<ForumViewDeps> = {}) {
  return createForumView({ actions: fx.service, store: fx.store, registry: () => registry, ...overrides });
}

/** The real digest service on the fixture's store, with indicator figures from memory. */
function digests(): DigestService {
  const deps = { store: fx.store, clock: { now: fx.now }, registry: () => registry };
  return new DigestService({
    ...deps,
    indicators: new StubIndicatorSource(),
    meetings: new MeetingService(deps),
  });
}

describe('a channel tab', () => {
  it("shows the linked forum's open actions in the contract's shape, overdue first", async () => {
    const outcome = await view()(who(AAD.outsider), { channelId: CHANNEL, locale: 'sv' });
    if (!outcome.ok) throw new Error(outcome.code);
    const json = JSON.parse(JSON.stringify(outcome.view)) as Record<string, unknown>;
    expect(json).toEqual({
      forum: { name: 'Delegationen för kommunerna och välfärdsområdet' },
      actions: [
        {
          id: ids.overdue,
          title: 'Palveluverkkoselvitys',
          owner: 'Jussi Juoni',
          dueDate: '2026-11-01',
          status: 'avoin',
          overdue: true,
        },
        {
          id: ids.later,
          title: 'Hyvinvointisuunnitelman päivitys',
          owner: 'Olli Oletus',
          dueDate: '2027-03-31',
          status: 'avoin',
          overdue: false,
        },
        {
          id: ids.undated,
          title: 'Yhteinen viestintä',
          owner: 'Regionförbundet i Mellersta Finland',
          dueDate: null,
          status: 'avoin',
          overdue: false,
        },
      ],
    });
  });

  it('cuts a long list at maxActions, keeping the earliest due dates', async () => {
    const outcome = await view({ maxActions: 1 })(who(AAD.secretary), { channelId: CHANNEL, locale: 'fi' });
    expect(outcome.ok && outcome.view.actions.map((a) => a.id)).toEqual([ids.overdue]);
  });

  it('is 404 (TAB_NO_FORUM) for a channel no forum is linked to, even for a secretary', async () => {
    const outcome = await view()(who(AAD.secretary), {
      channelId: '19:elsewhere@thread.tacv2',
      locale: 'fi',
    });
    expect(outcome).toEqual({ ok: false, code: 'TAB_NO_FORUM' });
  });
});

it('a group-chat tab shows the forum whose conversation is the chat', async () => {
  const outcome = await view()(who(AAD.stranger), { chatId: CHAT, locale: 'en' });
  expect(outcome).toEqual({ ok: true, view: { forum: { name: 'Integration working group' }, actions: [] } });
});

describe('the personal tab', () => {
  it('shows the first forum the person leads', async () => {
    const outcome = await view()(who(AAD.secretary), { locale: 'fi' });
    expect(outcome.ok && outcome.view.forum.name).toBe('Kuntien ja hyvinvointialueen neuvottelukunta');
    expect(outcome.ok && outcome.view.actions).toHaveLength(3);
  });

  it('shows their own open actions to someone who leads no forum', async () => {
    const outcome = await view()(who(AAD.outsider), { locale: 'en' });
    expect(outcome.ok && outcome.view.forum.name).toBe('My actions');
    expect(outcome.ok && outcome.view.actions.map((a) => a.id)).toEqual([ids.later]);
  });

  it('has nothing for someone not in the registry', async () => {
    expect(await view()(who(AAD.stranger), { locale: 'fi' })).toEqual({ ok: false, code: 'TAB_NO_FORUM' });
  });
});

describe('the digest', () => {
  it("summarises the forum's situational picture in the requested language", async () => {
    const outcome = await view({ digests: digests() })(who(AAD.secretary), {
      channelId: CHANNEL,
      locale: 'sv',
    });
    if (!outcome.ok) throw new Error(outcome.code);
    const digest = outcome.view.digest;
    expect(digest?.title).toContain('Delegationen för kommunerna och välfärdsområdet');
    expect(digest?.compiledAt).toBe(new Date(Date.parse(START)).toISOString());
    expect(digest?.lines.join('\n')).toContain('Neuvottelukunnan syyskokous 2027');
    expect(digest?.lines.every((line) => line.trim() === line && line !== '')).toBe(true);
    // The tab lists the lines itself; the footer about the channel's posts is not for the tab.
    expect(digest?.lines.some((line) => line.startsWith('•'))).toBe(false);
    expect(digest?.lines.join('\n')).not.toContain('lägesbild av');
  });

  it('is left out when there is nothing to compile, and when building fails', async () => {
    const errors: unknown[] = [];
    const noMeeting = view({
      digests: { build: async () => ({ ok: false, failure: { code: 'DIGEST_NO_MEETING' } }) },
      onDigestError: (error) => errors.push(error),
    });
    const broken = view({
      digests: {
        build: async () => {
          throw new Error('indicator cache unreadable');
        },
      },
      onDigestError: (error) => errors.push(error),
    });
    for (const shown of [noMeeting, broken]) {
      const outcome = await shown(who(AAD.secretary), { channelId: CHANNEL, locale: 'fi' });
      expect(outcome.ok && 'digest' in outcome.view).toBe(false);
      expect(outcome.ok && outcome.view.actions).toHaveLength(3);
    }
    expect(errors).toHaveLength(1);
  });
});

describe('the status filter', () => {
  const more = { cancelled: '', doneLater: '' };
  const setStatus = async (actionId: string, status: 'kaynnissa' | 'valmis' | 'peruttu') => {
    const outcome = await fx.service.updateStatus(AAD.secretary, { forumId: FORUM, actionId, status });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
  };
  beforeEach(async () => {
    const log = async (title: string) => {
      const outcome = await fx.service.logAction(AAD.secretary, {
        forumId: FORUM,
        idempotencyKey: randomUUID(),
        title,
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
      return outcome.value.record.action.id;
    };
    // Logged before ids.done was closed, closed after it: newest first goes by the closing.
    fx.at('2026-11-24T10:00:00+02:00');
    more.cancelled = await log('Peruttu selvitys');
    more.doneLater = await log('Myöhemmin valmistunut');
    await setStatus(ids.later, 'kaynnissa');
    fx.at('2026-11-25T10:00:00+02:00');
    await setStatus(more.cancelled, 'peruttu');
    fx.at('2026-11-26T10:00:00+02:00');
    await setStatus(more.doneLater, 'valmis');
  });

  const listed = async (status?: TabStatusFilter, deps: Partial<ForumViewDeps> = {}) => {
    const outcome = await view(deps)(who(AAD.outsider), {
      channelId: CHANNEL,
      locale: 'fi',
      ...(status ? { status } : {}),
    });
    if (!outcome.ok) throw new Error(outcome.code);
    return outcome.view.actions.map((action) => [action.id, action.status]);
  };

  it('lists open actions by default and for "open", by due date', async () => {
    const open = [
      [ids.overdue, 'avoin'],
      [ids.later, 'kaynnissa'],
      [ids.undated, 'avoin'],
    ];
    expect(await listed()).toEqual(open);
    expect(await listed('open')).toEqual(open);
  });

  it.each<[TabStatusFilter, (keyof typeof ids | keyof typeof more)[]]>([
    ['avoin', ['overdue', 'undated']],
    ['kaynnissa', ['later']],
    ['valmis', ['doneLater', 'done']],
    ['peruttu', ['cancelled']],
    ['all', ['overdue', 'later', 'undated', 'doneLater', 'cancelled', 'done']],
  ])('lists "%s": open ones by due date, then closed ones newest first', async (status, names) => {
    const all: Record<string, string> = { ...ids, ...more };
    expect((await listed(status)).map(([id]) => id)).toEqual(names.map((name) => all[name]));
  });

  it('orders done actions by when they were done, not by a later comment', async () => {
    fx.at('2026-11-27T10:00:00+02:00');
    const commented = await fx.service.addComment(AAD.secretary, {
      forumId: FORUM,
      actionId: ids.done,
      text: 'Raportti liitteenä.',
    });
    expect(commented.ok).toBe(true);
    expect((await listed('valmis')).map(([id]) => id)).toEqual([more.doneLater, ids.done]);
  });

  it('cuts closed lists at maxActions, keeping the newest', async () => {
    expect(await listed('valmis', { maxActions: 1 })).toEqual([[more.doneLater, 'valmis']]);
    expect(await listed('avoin', { maxActions: 1 })).toEqual([[ids.overdue, 'avoin']]);
    expect(await listed('all', { maxActions: 1 })).toEqual([
      [ids.overdue, 'avoin'],
      [more.doneLater, 'valmis'],
    ]);
  });

  it('carries the digest only in the default view', async () => {
    const ask = (status?: TabStatusFilter) =>
      view({ digests: digests() })(who(AAD.secretary), {
        channelId: CHANNEL,
        locale: 'fi',
        ...(status ? { status } : {}),
      });
    const [plain, done] = await Promise.all([ask(), ask('valmis')]);
    expect(plain.ok && plain.view.digest?.title).toContain('neuvottelukunta');
    expect(done.ok && 'digest' in done.view).toBe(false);
    expect(done.ok && done.view.actions.map((action) => action.id)).toEqual([more.doneLater, ids.done]);
  });

  it("lists the person's own closed actions in the personal tab", async () => {
    await setStatus(ids.later, 'valmis');
    const mine = (status: TabStatusFilter) => view()(who(AAD.outsider), { locale: 'fi', status });
    expect(await mine('open')).toEqual({
      ok: true,
      view: { forum: { name: 'Omat toimenpiteeni' }, actions: [] },
    });
    const done = await mine('valmis');
    expect(done.ok && done.view.actions.map((action) => [action.id, action.status, action.overdue])).toEqual([
      [ids.later, 'valmis', false],
    ]);
  });
});

it('answers TAB_REGISTRY_UNAVAILABLE before the registry is loaded', async () => {
  const outcome = await view({ registry: () => undefined })(who(AAD.secretary), { locale: 'fi' });
  expect(outcome).toEqual({ ok: false, code: 'TAB_REGISTRY_UNAVAILABLE' });
});
