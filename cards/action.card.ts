/**
 * One agreed action as a Universal Actions card: its facts, and for those who may change it
 * buttons for status, comment, owner and due date (Action.Execute, so the card updates in place
 * for everyone). `refresh` lets Teams fetch each user's own view.
 */
import type { Action, ActionStatus } from '../src/domain/actions';
import type { Translate } from '../src/i18n';
import {
  actionRows,
  card,
  container,
  factSet,
  heading,
  text,
  type Card,
  type CardElement,
  execute as executeAction,
} from './adaptive';
import { VERBS } from './action-verbs';

export interface ActionCardModel {
  readonly action: Action;
  readonly version: number;
  readonly overdue: boolean;
  readonly forumName: string;
  readonly statusName: string;
  readonly ownerName?: string;
  readonly organisationNames: readonly string[];
  readonly interfaceName?: string;
  readonly goalName?: string;
  readonly dueText?: string;
  /** Whether the viewer may change it (owner, forum secretary or chair). */
  readonly canUpdate: boolean;
  /** Statuses the action may move to now. */
  readonly transitions: readonly ActionStatus[];
  /** People of the region for the owner choice: [id, label]. */
  readonly people: readonly (readonly [string, string])[];
  readonly notice?: string;
  /** Good news (saved) or a warning (someone else changed it first). */
  readonly noticeTone?: 'good' | 'warning';
  /** The card's language: button replies follow it rather than the Teams client's locale. */
  readonly lang?: string;
}

const STATUS_BUTTON: Record<
  ActionStatus,
  'actions.button.start' | 'actions.button.done' | 'actions.button.cancel' | 'actions.button.reopen'
> = {
  kaynnissa: 'actions.button.start',
  valmis: 'actions.button.done',
  peruttu: 'actions.button.cancel',
  avoin: 'actions.button.reopen',
};

function execute(title: string, data: Record<string, unknown> & { verb: string }): CardElement {
  return executeAction(title, data.verb, data);
}

function showCard(title: string, body: CardElement[], submit: CardElement): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions: [submit] } };
}

export function actionFacts(model: ActionCardModel, tr: Translate): { title: string; value: string }[] {
  const { action } = model;
  const facts = [
    {
      title: tr('actions.field.status'),
      value: model.overdue ? `${model.statusName} – ${tr('actions.card.overdue')}` : model.statusName,
    },
    { title: tr('actions.field.dueDate'), value: model.dueText ?? tr('actions.value.noDueDate') },
    {
      title: tr('actions.field.owner'),
      value: model.ownerName ?? action.ownerText ?? tr('actions.value.noOwner'),
    },
    { title: tr('actions.field.forum'), value: model.forumName },
  ];
  if (model.organisationNames.length > 0)
    facts.push({ title: tr('actions.field.organisations'), value: model.organisationNames.join(', ') });
  if (model.interfaceName) facts.push({ title: tr('actions.field.interface'), value: model.interfaceName });
  if (model.goalName) facts.push({ title: tr('actions.field.goal'), value: model.goalName });
  return facts;
}

export function actionText(model: ActionCardModel, tr: Translate): string {
  const lines = [`${model.action.id} ${model.action.title}`];
  if (model.notice) lines.unshift(model.notice);
  if (model.action.description) lines.push(model.action.description);
  for (const fact of actionFacts(model, tr)) lines.push(`${fact.title}: ${fact.value}`);
  const last = model.action.comments.at(-1);
  if (last) lines.push(tr('actions.card.lastComment', { text: last.text }));
  return lines.join('\n');
}

export function actionCard(model: ActionCardModel, tr: Translate): Card {
  const { action } = model;
  const target = {
    forumId: action.forum,
    actionId: action.id,
    version: model.version,
    ...(model.lang ? { lang: model.lang } : {}),
  };
  const body: CardElement[] = [];
  if (model.notice)
    body.push(
      text(model.notice, { weight: 'Bolder', color: model.noticeTone === 'warning' ? 'Warning' : 'Good' }),
    );
  body.push(heading(`${action.id} · ${action.title}`));
  if (action.description) body.push(text(action.description, { spacing: 'Small' }));
  body.push(factSet(actionFacts(model, tr)));
  if (action.comments.length > 0) {
    const last = action.comments.at(-1);
    body.push(
      container([
        text(tr('actions.card.commentCount', { count: action.comments.length }), {
          isSubtle: true,
          size: 'Small',
        }),
        ...(last
          ? [text(tr('actions.card.lastComment', { text: last.text }), { size: 'Small', spacing: 'None' })]
          : []),
      ]),
    );
  }
  const actions: CardElement[] = [];
  if (model.canUpdate) {
    const statusButtons = model.transitions.map((status) =>
      execute(tr(STATUS_BUTTON[status]), { verb: VERBS.status, ...target, status }),
    );
    body.push(...actionRows(statusButtons));
    actions.push(
      showCard(
        tr('actions.button.comment'),
        [
          {
            type: 'Input.Text',
            id: 'comment',
            label: tr('actions.button.comment'),
            isMultiline: true,
            maxLength: 2000,
            isRequired: true,
            errorMessage: tr('actions.button.comment'),
          },
        ],
        execute(tr('actions.button.save'), { verb: VERBS.comment, ...target }),
      ),
      showCard(
        tr('actions.button.changeDue'),
        [
          {
            type: 'Input.Date',
            id: 'dueDate',
            label: tr('actions.field.dueDate'),
            ...(action.dueDate ? { value: action.dueDate } : {}),
          },
          {
            type: 'Input.Toggle',
            id: 'confirmPast',
            title: tr('actions.form.confirmPast'),
            valueOn: 'true',
            valueOff: 'false',
          },
        ],
        execute(tr('actions.button.save'), { verb: VERBS.due, ...target }),
      ),
      showCard(
        tr('actions.button.changeOwner'),
        [
          {
            type: 'Input.ChoiceSet',
            id: 'ownerPersonId',
            label: tr('actions.field.owner'),
            placeholder: tr('actions.form.choose'),
            choices: model.people.map(([value, title]) => ({ title, value })),
            ...(action.ownerPerson ? { value: action.ownerPerson } : {}),
          },
          { type: 'Input.Text', id: 'ownerText', label: tr('actions.form.ownerText'), maxLength: 200 },
        ],
        execute(tr('actions.button.save'), { verb: VERBS.owner, ...target }),
      ),
    );
  } else {
    body.push(text(tr('actions.card.readOnly'), { isSubtle: true, size: 'Small' }));
  }
  return {
    ...card(body, actions),
    refresh: {
      action: {
        type: 'Action.Execute',
        title: tr('actions.button.open'),
        verb: VERBS.refresh,
        data: { verb: VERBS.refresh, forumId: action.forum, actionId: action.id },
      },
    },
  };
}
