/**
 * The action tracker in chat: the log form, card actions (save, status, comment, owner, due
 * date), lists and export links. The surface passes parsed payloads in and sends what comes out.
 */
import { actionFormCard, type Choice } from '../../../cards/action-form.card';
import { actionListCard, actionListText } from '../../../cards/action-list.card';
import type { CardActionPayload, ListPayload, LogPayload } from '../../../cards/action-verbs';
import { actionCard, actionText } from '../../../cards/action.card';
import { canLog } from '../../domain/actions';
import { pick, type Forum, type Person, type RegistryIndex } from '../../domain/registry';
import { translator, type Locale, type Translate } from '../../i18n';
import type { ActionService } from '../actions';
import { failureText, problemText } from '../actions/messages';
import type { ActionFailure, ActionView, Page } from '../actions/outcome';
import type { Reply } from '../reply';
import { actionCardModel, listItem, peopleChoices } from './card-models';

export interface Actor {
  readonly aadObjectId?: string;
  readonly teamsChannelId?: string;
  readonly locale: Locale;
}

export interface DeskResult {
  readonly reply: Reply;
  /** A 1:1 message for someone else, e.g. the new owner of an action. */
  readonly notify?: { readonly aadObjectId: string; readonly reply: Reply };
}

export interface ActionDeskDeps {
  readonly actions: ActionService;
  readonly registry: () => RegistryIndex | undefined;
  /** The bot's public address, for export links. */
  readonly publicBaseUrl: string;
  readonly now: () => number;
  /** Rotating the export links also rotates the forum's other secrets (the calendar's). */
  readonly onRotate?: (forumId: string) => Promise<unknown>;
}

const PAGE = 10;

export class ActionDesk {
  constructor(private readonly deps: ActionDeskDeps) {}

  /** "kirjaa toimenpide: …" → the prefilled form, or a refusal when the user may log nowhere. */
  logForm(
    actor: Actor,
    kind: 'action' | 'decision',
    text: string,
    key: string,
    options: { submitOnly?: boolean } = {},
  ): Reply {
    const tr = translator(actor.locale);
    const index = this.deps.registry();
    const person = index && actor.aadObjectId ? index.personByAadObjectId(actor.aadObjectId) : undefined;
    const forums = index ? this.forumsFor(index, person, actor.teamsChannelId) : [];
    if (!index || forums.length === 0) return { locale: actor.locale, text: tr('actions.noForum') };
    const forum = forums[0];
    const draft = this.deps.actions.draft(text, forums.length === 1 ? forum?.id : undefined);
    const regionId = forums.length === 1 ? forum?.region : undefined;
    const card = actionFormCard(
      {
        kind: draft.kind === 'decision' || kind === 'decision' ? 'decision' : 'action',
        key,
        ...(options.submitOnly ? { submitOnly: true } : {}),
        lang: actor.locale,
        forums: forums.map((f) => [f.id, pick(f.name, actor.locale)] as Choice),
        title: draft.title,
        organisationIds: draft.organisationIds,
        problems: draft.problems.map((problem) => problemText(problem, actor.locale)),
        people: peopleChoices(index, regionId),
        organisations: index.registry.organisations
          .filter((o) => regionId === undefined || o.region === regionId)
          .map((o) => [o.id, pick(o.name, actor.locale)] as Choice),
        interfaces: index.registry.interfaces.map((i) => [i.id, pick(i.name, actor.locale)] as Choice),
        goals: index.registry.goals.map((g) => [g.id, pick(g.title, actor.locale)] as Choice),
        meetings:
          forums.length === 1 && forum
            ? index.meetingsOf(forum.id).map((m) => [m.id, pick(m.title, actor.locale)] as Choice)
            : [],
        ...(draft.description ? { description: draft.description } : {}),
        ...(draft.ownerPersonId ? { ownerPersonId: draft.ownerPersonId } : {}),
        ...(draft.ownerText ? { ownerText: draft.ownerText } : {}),
        ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
      },
      tr,
    );
    return {
      locale: actor.locale,
      text: tr(kind === 'decision' ? 'actions.form.titleDecision' : 'actions.form.titleAction'),
      card,
    };
  }

  /** A card button pressed (Action.Execute or its Action.Submit fallback). */
  async cardAction(actor: Actor, payload: CardActionPayload): Promise<DeskResult> {
    const tr = translator(actor.locale);
    const aad = actor.aadObjectId ?? '';
    const target =
      'actionId' in payload && 'version' in payload
        ? { forumId: payload.forumId, actionId: payload.actionId, expectedVersion: payload.version }
        : undefined;
    switch (payload.verb) {
      case 'actions.log.v1':
        return this.saveLog(actor, payload);
      case 'actions.status.v1':
        return this.viewOrFailure(
          actor,
          await this.deps.actions.updateStatus(aad, { ...target!, status: payload.status }),
        );
      case 'actions.comment.v1':
        return this.viewOrFailure(
          actor,
          await this.deps.actions.addComment(aad, { ...target!, text: payload.comment }),
        );
      case 'actions.owner.v1': {
        const outcome = await this.deps.actions.changeOwner(aad, {
          ...target!,
          ...(payload.ownerPersonId ? { ownerPersonId: payload.ownerPersonId } : {}),
          ...(payload.ownerText ? { ownerText: payload.ownerText } : {}),
        });
        return this.withOwnerNotice(
          actor,
          this.viewOrFailure(actor, outcome),
          outcome.ok ? outcome.value : undefined,
        );
      }
      case 'actions.due.v1':
        return this.viewOrFailure(
          actor,
          await this.deps.actions.changeDueDate(aad, {
            ...target!,
            dueDate: payload.dueDate,
            ...(payload.confirmPast ? { confirmPastDueDate: true } : {}),
          }),
        );
      case 'actions.refresh.v1':
        return this.viewOrFailure(
          actor,
          await this.deps.actions.getAction(payload.forumId, payload.actionId),
        );
      case 'actions.list.v1':
        return { reply: await this.list(actor, payload) };
      case 'actions.cancelForm.v1':
        return { reply: { locale: actor.locale, text: tr('actions.form.cancelled') } };
    }
  }

  /** "toimenpiteet [omat|myöhässä|hae …]" and paging. */
  async list(actor: Actor, request: Omit<ListPayload, 'verb'>): Promise<Reply> {
    const tr = translator(actor.locale);
    const index = this.deps.registry();
    if (!index) return { locale: actor.locale, text: tr('error.generic') };
    const person = actor.aadObjectId ? index.personByAadObjectId(actor.aadObjectId) : undefined;
    const forum = request.forumId
      ? index.forumsById.get(request.forumId)
      : this.forumsFor(index, person, actor.teamsChannelId, true)[0];
    const filter = request.filter === 'by' ? 'by' : request.filter === 'my' || !forum ? 'my' : request.filter;
    const page = { offset: request.offset, limit: PAGE };
    const outcome =
      filter === 'by' && request.grouping && request.groupId
        ? await this.deps.actions.actionsBy(request.grouping, request.groupId, page)
        : filter === 'my'
          ? await this.deps.actions.myActions(actor.aadObjectId ?? '', page)
          : filter === 'overdue'
            ? await this.deps.actions.forumOverdueActions(forum!.id, page)
            : filter === 'search'
              ? await this.deps.actions.searchActions(forum!.id, request.words ?? '', page)
              : await this.deps.actions.forumOpenActions(forum!.id, page);
    if (!outcome.ok) return { locale: actor.locale, text: failureText(outcome.failure, actor.locale) };
    const forumName = forum ? pick(forum.name, actor.locale) : '';
    const title =
      filter === 'by'
        ? tr('actions.list.by', { name: request.words ?? request.groupId ?? '' })
        : filter === 'my'
          ? tr('actions.list.my')
          : filter === 'overdue'
            ? tr('actions.list.overdue', { forum: forumName })
            : filter === 'search'
              ? tr('actions.list.search', { forum: forumName, words: request.words ?? '' })
              : tr('actions.list.open', { forum: forumName });
    const model = listModel(outcome.value, index, actor.locale, title, {
      filter,
      ...(forum ? { forumId: forum.id } : {}),
      ...(request.words ? { words: request.words } : {}),
      ...(request.grouping ? { grouping: request.grouping } : {}),
      ...(request.groupId ? { groupId: request.groupId } : {}),
    });
    return { locale: actor.locale, text: actionListText(model, tr), card: actionListCard(model, tr) };
  }

  /** The minutes of a meeting (its decisions and actions) as Markdown, for pasting into a document. */
  async minutes(actor: Actor, meetingWords: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const index = this.deps.registry();
    if (!index) return { locale: actor.locale, text: tr('error.generic') };
    const person = actor.aadObjectId ? index.personByAadObjectId(actor.aadObjectId) : undefined;
    const forum = this.forumsFor(index, person, actor.teamsChannelId, true)[0];
    const wanted = meetingWords.trim().toLowerCase();
    const meetings = forum ? index.meetingsOf(forum.id) : index.registry.meetings;
    const meeting =
      meetings.find((m) => m.id === wanted || pick(m.title, actor.locale).toLowerCase() === wanted) ??
      (wanted === ''
        ? ([...meetings].reverse().find((m) => Date.parse(m.start) <= this.deps.now()) ?? meetings[0])
        : undefined);
    if (!meeting) return { locale: actor.locale, text: tr('actions.minutes.noMeeting') };
    const outcome = await this.deps.actions.meetingMinutesMarkdown(meeting.id, actor.locale);
    if (!outcome.ok) return { locale: actor.locale, text: failureText(outcome.failure, actor.locale) };
    return { locale: actor.locale, text: outcome.value };
  }

  /** Secretaries get the forum's export links; `rotate` makes new ones and ends the old. */
  async exportLinks(actor: Actor, rotate: boolean): Promise<Reply> {
    const tr = translator(actor.locale);
    const index = this.deps.registry();
    const person = index && actor.aadObjectId ? index.personByAadObjectId(actor.aadObjectId) : undefined;
    const forum = index ? this.forumsFor(index, person, actor.teamsChannelId)[0] : undefined;
    if (!forum) return { locale: actor.locale, text: tr('actions.noForum') };
    const aad = actor.aadObjectId ?? '';
    const outcome = rotate
      ? await this.deps.actions.rotateExportToken(aad, forum.id)
      : await this.deps.actions.createExportToken(aad, forum.id);
    if (rotate && outcome.ok) await this.deps.onRotate?.(forum.id);
    if (!outcome.ok) {
      const hint =
        outcome.failure.code === 'ACTION_CONFLICT'
          ? tr('actions.export.rotateHint')
          : failureText(outcome.failure, actor.locale);
      return { locale: actor.locale, text: hint };
    }
    const base = `${this.deps.publicBaseUrl}/forums/${encodeURIComponent(forum.id)}`;
    const token = encodeURIComponent(outcome.value);
    const lines = [
      ...(rotate ? [tr('actions.export.rotated')] : []),
      tr('actions.export.links'),
      `${tr('actions.export.csv')}: ${base}/actions.csv?token=${token}`,
      `${tr('actions.export.ics')}: ${base}/deadlines.ics?token=${token}`,
    ];
    return { locale: actor.locale, text: lines.join('\n') };
  }

  private async saveLog(actor: Actor, payload: LogPayload): Promise<DeskResult> {
    const aad = actor.aadObjectId ?? '';
    const tr = translator(actor.locale);
    if (payload.kind === 'decision') {
      const outcome = await this.deps.actions.logDecision(aad, {
        forumId: payload.forumId,
        idempotencyKey: payload.idempotencyKey,
        text: payload.title,
        ...(payload.meetingId ? { meetingId: payload.meetingId } : {}),
      });
      if (!outcome.ok)
        return { reply: { locale: actor.locale, text: failureText(outcome.failure, actor.locale) } };
      const id = outcome.value.record.decision.id;
      const text = outcome.value.created
        ? tr('actions.logged.decision', { id })
        : tr('actions.logged.already', { id });
      return { reply: { locale: actor.locale, text } };
    }
    const outcome = await this.deps.actions.logAction(aad, {
      forumId: payload.forumId,
      idempotencyKey: payload.idempotencyKey,
      title: payload.title,
      ...(payload.description ? { description: payload.description } : {}),
      ...(payload.ownerPersonId ? { ownerPersonId: payload.ownerPersonId } : {}),
      ...(payload.ownerText ? { ownerText: payload.ownerText } : {}),
      ...(payload.organisationIds && payload.organisationIds.length > 0
        ? { organisationIds: payload.organisationIds }
        : {}),
      ...(payload.interfaceId ? { interfaceId: payload.interfaceId } : {}),
      ...(payload.goalId ? { goalId: payload.goalId } : {}),
      ...(payload.meetingId ? { meetingId: payload.meetingId } : {}),
      ...(payload.dueDate ? { dueDate: payload.dueDate } : {}),
      ...(payload.confirmPast ? { confirmPastDueDate: true } : {}),
    });
    if (!outcome.ok)
      return { reply: { locale: actor.locale, text: failureText(outcome.failure, actor.locale) } };
    const { record, created } = outcome.value;
    const notice = created
      ? tr('actions.logged.action', { id: record.action.id, title: record.action.title })
      : tr('actions.logged.already', { id: record.action.id });
    const result = this.cardReply(actor, record, notice);
    return created ? this.withOwnerNotice(actor, result, record) : result;
  }

  private viewOrFailure(
    actor: Actor,
    outcome: { ok: true; value: ActionView } | { ok: false; failure: ActionFailure },
  ): DeskResult {
    if (outcome.ok) return this.cardReply(actor, outcome.value);
    const message = failureText(outcome.failure, actor.locale);
    // A lost race shows the action as it is now, so the user sees what changed.
    if (outcome.failure.current) return this.cardReply(actor, outcome.failure.current, message, 'warning');
    return { reply: { locale: actor.locale, text: message } };
  }

  private cardReply(
    actor: Actor,
    view: ActionView,
    notice?: string,
    tone: 'good' | 'warning' = 'good',
  ): DeskResult {
    const index = this.deps.registry();
    const tr = translator(actor.locale);
    if (!index) return { reply: { locale: actor.locale, text: tr('error.generic') } };
    const viewer = actor.aadObjectId ? index.personByAadObjectId(actor.aadObjectId) : undefined;
    const model = actionCardModel(view, index, actor.locale, viewer, notice, tone);
    return { reply: { locale: actor.locale, text: actionText(model, tr), card: actionCard(model, tr) } };
  }

  /** Tells the owner, in their own chat with the bot, that an action is theirs. */
  private withOwnerNotice(actor: Actor, result: DeskResult, view: ActionView | undefined): DeskResult {
    const index = this.deps.registry();
    const ownerId = view?.action.ownerPerson;
    const owner = ownerId && index ? index.peopleById.get(ownerId) : undefined;
    if (!view || !owner?.aadObjectId || owner.aadObjectId.toLowerCase() === actor.aadObjectId?.toLowerCase())
      return result;
    const forum = index?.forumsById.get(view.action.forum);
    const notice = translator(actor.locale)('actions.notify.assigned', {
      id: view.action.id,
      title: view.action.title,
      forum: forum ? pick(forum.name, actor.locale) : view.action.forum,
    });
    const ownerReply = this.cardReply(
      { aadObjectId: owner.aadObjectId, locale: actor.locale },
      view,
      notice,
    ).reply;
    return { ...result, notify: { aadObjectId: owner.aadObjectId, reply: ownerReply } };
  }

  /** The forum of the channel, else the forums the person leads (secretary or chair). */
  private forumsFor(
    index: RegistryIndex,
    person: Person | undefined,
    teamsChannelId: string | undefined,
    viewOnly = false,
  ): Forum[] {
    const channelForum = teamsChannelId ? index.forumByChannel(teamsChannelId) : undefined;
    if (channelForum && (viewOnly || canLog(person, channelForum).ok)) return [channelForum];
    if (!person) return [];
    return index.registry.forums.filter((forum) => canLog(person, forum).ok);
  }
}

function listModel(
  page: Page<ActionView>,
  index: RegistryIndex,
  locale: Locale,
  title: string,
  request: Omit<ListPayload, 'verb' | 'offset'>,
) {
  return {
    title,
    items: page.items.map((view) => listItem(view, index, locale)),
    total: page.total,
    offset: page.offset,
    limit: page.limit,
    request,
  };
}

export type { Translate };
