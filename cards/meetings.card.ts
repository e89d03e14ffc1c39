/** A forum's upcoming meetings with move and cancel, and a form to add one (secretaries only). */
import type { Translate } from '../src/i18n';
import {
  card,
  container,
  heading,
  text,
  type Card,
  type CardElement,
  execute as executeAction,
} from './adaptive';
import { MEETING_VERBS } from './meeting-verbs';

export interface MeetingLine {
  readonly id: string;
  readonly title: string;
  readonly when: string;
  readonly place?: string;
  readonly cancelled: boolean;
  readonly version: number;
  /** `YYYY-MM-DD`, `HH:mm`, `HH:mm` in the forum's time zone, to prefill the move form. */
  readonly date: string;
  readonly start: string;
  readonly end: string;
}

export interface MeetingsCardModel {
  readonly forumId: string;
  readonly forumName: string;
  readonly meetings: readonly MeetingLine[];
  readonly canEdit: boolean;
  readonly notice?: string;
}

function execute(title: string, data: Record<string, unknown> & { verb: string }): CardElement {
  return executeAction(title, data.verb, data);
}

/** Input ids must be unique in the whole card, so each form's inputs carry its own prefix. */
function timeInputs(
  tr: Translate,
  prefix: string,
  value?: { date: string; start: string; end: string },
): CardElement[] {
  const input = (type: string, name: 'date' | 'start' | 'end', label: string): CardElement => ({
    type,
    id: `${prefix}${name}`,
    label,
    isRequired: true,
    errorMessage: label,
    ...(value ? { value: value[name] } : {}),
  });
  return [
    input('Input.Date', 'date', tr('meetings.field.date')),
    input('Input.Time', 'start', tr('meetings.field.start')),
    input('Input.Time', 'end', tr('meetings.field.end')),
  ];
}

export function meetingsText(model: MeetingsCardModel, tr: Translate): string {
  const lines = [tr('meetings.card.title', { forum: model.forumName })];
  if (model.notice) lines.unshift(model.notice);
  if (model.meetings.length === 0) lines.push(tr('meetings.card.none'));
  for (const m of model.meetings) {
    const cancelled = m.cancelled ? `${tr('meetings.card.cancelled')}: ` : '';
    lines.push(`• ${cancelled}${m.title}, ${m.when}${m.place ? `, ${m.place}` : ''}`);
  }
  return lines.join('\n');
}

function meetingItem(model: MeetingsCardModel, m: MeetingLine, position: number, tr: Translate): CardElement {
  const items: CardElement[] = [
    text(`${m.cancelled ? `${tr('meetings.card.cancelled')}: ` : ''}${m.title}`, { weight: 'Bolder' }),
    text([m.when, m.place].filter(Boolean).join(' · '), { isSubtle: true, spacing: 'None' }),
  ];
  if (model.canEdit && !m.cancelled) {
    const prefix = `m${position}-`;
    const target = { forumId: model.forumId, meetingId: m.id, version: m.version };
    const move: CardElement = {
      type: 'Action.ShowCard',
      title: tr('meetings.card.move'),
      card: {
        type: 'AdaptiveCard',
        body: timeInputs(tr, prefix, m),
        actions: [execute(tr('meetings.field.save'), { verb: MEETING_VERBS.move, ...target, prefix })],
      },
    };
    items.push({
      type: 'ActionSet',
      actions: [move, execute(tr('meetings.card.cancel'), { verb: MEETING_VERBS.cancel, ...target })],
    });
  }
  return container(items, { separator: true });
}

export function meetingsCard(model: MeetingsCardModel, tr: Translate): Card {
  const body: CardElement[] = [];
  if (model.notice) body.push(text(model.notice, { weight: 'Bolder', color: 'Good' }));
  body.push(heading(tr('meetings.card.title', { forum: model.forumName })));
  if (model.meetings.length === 0) body.push(text(tr('meetings.card.none'), { isSubtle: true }));
  model.meetings.forEach((m, position) => body.push(meetingItem(model, m, position, tr)));
  if (!model.canEdit) return card(body);
  const add: CardElement = {
    type: 'Action.ShowCard',
    title: tr('meetings.card.add'),
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: 'title',
          label: tr('meetings.field.title'),
          maxLength: 300,
          isRequired: true,
          errorMessage: tr('meetings.field.title'),
        },
        ...timeInputs(tr, 'add-'),
        { type: 'Input.Text', id: 'location', label: tr('meetings.field.location'), maxLength: 300 },
        {
          type: 'Input.Text',
          id: 'agenda',
          label: tr('meetings.field.agenda'),
          isMultiline: true,
          maxLength: 4000,
        },
      ],
      actions: [
        execute(tr('meetings.field.save'), {
          verb: MEETING_VERBS.add,
          forumId: model.forumId,
          prefix: 'add-',
        }),
      ],
    },
  };
  return card(body, [add]);
}
