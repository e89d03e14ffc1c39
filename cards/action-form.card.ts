/** The one-card form to log an action or a decision, prefilled from the command's text. */
import type { Translate } from '../src/i18n';
import { card, text, type Card, type CardElement, execute } from './adaptive';
import { VERBS } from './action-verbs';

export type Choice = readonly [value: string, title: string];

export interface ActionFormModel {
  readonly kind: 'action' | 'decision';
  /** Idempotency key: the id of the activity that asked for the form. */
  readonly key: string;
  /** The forum, or the forums the user may log for (a choice appears when several). */
  readonly forums: readonly Choice[];
  readonly forumId?: string;
  readonly title: string;
  readonly description?: string;
  readonly ownerPersonId?: string;
  readonly ownerText?: string;
  readonly organisationIds: readonly string[];
  readonly dueDate?: string;
  readonly problems: readonly string[];
  readonly people: readonly Choice[];
  readonly organisations: readonly Choice[];
  readonly interfaces: readonly Choice[];
  readonly goals: readonly Choice[];
  readonly meetings: readonly Choice[];
  /** Task modules (the message action) support only Action.Submit. */
  readonly submitOnly?: boolean;
  /** The form's language: the reply to saving follows it. */
  readonly lang?: string;
}

const choiceSet = (
  id: string,
  label: string,
  choices: readonly Choice[],
  tr: Translate,
  value?: string,
  multi = false,
): CardElement => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  placeholder: tr('actions.form.choose'),
  isMultiSelect: multi,
  style: multi ? 'expanded' : 'compact',
  choices: choices.map(([choice, title]) => ({ title, value: choice })),
  ...(value ? { value } : {}),
});

export function actionFormCard(model: ActionFormModel, tr: Translate): Card {
  const body: CardElement[] = [
    text(model.kind === 'action' ? tr('actions.form.titleAction') : tr('actions.form.titleDecision'), {
      weight: 'Bolder',
      size: 'Medium',
    }),
    text(tr('actions.form.intro'), { isSubtle: true, spacing: 'None' }),
  ];
  if (model.problems.length > 0) {
    body.push(text(tr('actions.form.problems'), { color: 'Warning', weight: 'Bolder' }));
    for (const problem of model.problems)
      body.push(text(`• ${problem}`, { color: 'Warning', spacing: 'None' }));
  }
  // Not "key": the Agents Playground's card renderer treats a data field of that name as its own.
  const data: Record<string, unknown> = {
    verb: VERBS.log,
    kind: model.kind,
    idempotencyKey: model.key,
    ...(model.lang ? { lang: model.lang } : {}),
  };
  if (model.forums.length === 1 && model.forums[0]) data.forumId = model.forums[0][0];
  else
    body.push({
      ...choiceSet('forumId', tr('actions.form.chooseForum'), model.forums, tr, model.forumId),
      isRequired: true,
      errorMessage: tr('actions.form.chooseForum'),
    });
  const titleLabel = model.kind === 'action' ? tr('actions.field.title') : tr('actions.form.decisionText');
  body.push({
    type: 'Input.Text',
    id: 'title',
    label: titleLabel,
    value: model.title,
    maxLength: model.kind === 'action' ? 500 : 4000,
    isMultiline: model.kind === 'decision',
    isRequired: true,
    errorMessage: titleLabel,
  });
  if (model.kind === 'action') {
    body.push(
      {
        type: 'Input.Text',
        id: 'description',
        label: tr('actions.field.description'),
        value: model.description ?? '',
        isMultiline: true,
        maxLength: 4000,
      },
      choiceSet('ownerPersonId', tr('actions.field.owner'), model.people, tr, model.ownerPersonId),
      {
        type: 'Input.Text',
        id: 'ownerText',
        label: tr('actions.form.ownerText'),
        value: model.ownerText ?? '',
        maxLength: 200,
      },
      choiceSet(
        'organisationIds',
        tr('actions.field.organisations'),
        model.organisations,
        tr,
        model.organisationIds.join(','),
        true,
      ),
      {
        type: 'Input.Date',
        id: 'dueDate',
        label: tr('actions.field.dueDate'),
        ...(model.dueDate ? { value: model.dueDate } : {}),
      },
      {
        type: 'Input.Toggle',
        id: 'confirmPast',
        title: tr('actions.form.confirmPast'),
        valueOn: 'true',
        valueOff: 'false',
        value: 'false',
      },
      choiceSet('interfaceId', tr('actions.field.interface'), model.interfaces, tr),
      choiceSet('goalId', tr('actions.field.goal'), model.goals, tr),
    );
  }
  if (model.meetings.length > 0)
    body.push(choiceSet('meetingId', tr('actions.field.meeting'), model.meetings, tr));
  const title = tr('actions.form.save');
  const save = model.submitOnly ? { type: 'Action.Submit', title, data } : execute(title, VERBS.log, data);
  return card(body, [save]);
}
