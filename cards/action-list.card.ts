/** A page of actions: id, title, owner, due date and status, with paging buttons. */
import type { Translate } from '../src/i18n';
import { card, container, heading, text, type Card, type CardElement, execute } from './adaptive';
import { VERBS, type ListPayload } from './action-verbs';

export interface ActionListItem {
  readonly id: string;
  readonly forumId: string;
  readonly title: string;
  readonly owner: string;
  readonly due: string;
  readonly status: string;
  readonly overdue: boolean;
}

export interface ActionListModel {
  readonly title: string;
  readonly items: readonly ActionListItem[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** The request that gave this page, to build the paging buttons. */
  readonly request: Omit<ListPayload, 'verb' | 'offset'>;
}

function itemLine(item: ActionListItem, tr: Translate): string {
  const overdue = item.overdue ? ` – ${tr('actions.card.overdue')}` : '';
  return `${item.id} ${item.title} · ${item.owner} · ${item.due} · ${item.status}${overdue}`;
}

export function actionListText(model: ActionListModel, tr: Translate): string {
  if (model.items.length === 0) return [model.title, tr('actions.list.empty')].join('\n');
  const range = tr('actions.list.range', {
    from: model.offset + 1,
    to: model.offset + model.items.length,
    total: model.total,
  });
  return [model.title, range, ...model.items.map((item) => `• ${itemLine(item, tr)}`)].join('\n');
}

export function actionListCard(model: ActionListModel, tr: Translate): Card {
  const body: CardElement[] = [heading(model.title)];
  if (model.items.length === 0) return card([...body, text(tr('actions.list.empty'))]);
  body.push(
    text(
      tr('actions.list.range', {
        from: model.offset + 1,
        to: model.offset + model.items.length,
        total: model.total,
      }),
      { isSubtle: true, spacing: 'None' },
    ),
  );
  for (const item of model.items) {
    body.push(
      container(
        [
          text(`${item.id} · ${item.title}`, {
            weight: 'Bolder',
            ...(item.overdue ? { color: 'Attention' } : {}),
          }),
          text(
            `${item.owner} · ${item.due} · ${item.status}${item.overdue ? ` – ${tr('actions.card.overdue')}` : ''}`,
            { isSubtle: true, size: 'Small', spacing: 'None' },
          ),
        ],
        {
          separator: true,
          selectAction: {
            type: 'Action.Execute',
            verb: VERBS.refresh,
            data: { verb: VERBS.refresh, forumId: item.forumId, actionId: item.id },
          },
        },
      ),
    );
  }
  const page = (offset: number, title: string): CardElement => {
    return execute(title, VERBS.list, { verb: VERBS.list, ...model.request, offset });
  };
  const actions: CardElement[] = [];
  if (model.offset > 0)
    actions.push(page(Math.max(0, model.offset - model.limit), tr('actions.button.previous')));
  if (model.offset + model.items.length < model.total)
    actions.push(page(model.offset + model.limit, tr('actions.button.next')));
  return card(body, actions);
}
