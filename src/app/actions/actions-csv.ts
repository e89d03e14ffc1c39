/** A forum's actions as CSV for spreadsheets: `GET /forums/:id/actions.csv`, token-protected. */
import { isOverdue, toCsv, whenDone } from '../../domain/actions';
import { translator, type Locale } from '../../i18n';
import { forumActions } from './action-queries';
import type { ActionContext } from './context';
import { formatTimestamp, localised, organisationNames, ownerName } from './display';
import { statusName } from './messages';
import { notFound, success, type Outcome } from './outcome';

const COLUMNS = [
  'id',
  'title',
  'description',
  'status',
  'overdue',
  'dueDate',
  'owner',
  'organisations',
  'interface',
  'goal',
  'meeting',
  'decision',
  'createdAt',
  'updatedAt',
  'doneAt',
  'comments',
] as const;

/** UTF-8 with a byte order mark, so spreadsheet programs read ä and ö right. */
export async function forumActionsCsv(
  ctx: ActionContext,
  forumId: string,
  locale: Locale,
): Promise<Outcome<string>> {
  if (!ctx.forum(forumId)) return notFound('forum', forumId);
  const tr = translator(locale);
  const registry = ctx.registry();
  const zone = ctx.timeZone();
  const today = ctx.today();
  const rows: string[][] = [COLUMNS.map((column) => tr(`actions.field.${column}`))];
  for await (const { action } of forumActions(ctx, forumId)) {
    rows.push([
      action.id,
      action.title,
      action.description ?? '',
      statusName(action.status, locale),
      tr(isOverdue(action, today) ? 'actions.value.yes' : 'actions.value.no'),
      action.dueDate ?? '',
      ownerName(action, registry) ?? '',
      organisationNames(action, registry, locale).join('; '),
      action.interface ? localised(registry.interfacesById.get(action.interface)?.name, locale) : '',
      action.goal ? localised(registry.goalsById.get(action.goal)?.title, locale) : '',
      action.meeting ? localised(registry.meetingsById.get(action.meeting)?.title, locale) : '',
      action.decision ?? '',
      formatTimestamp(action.createdAt, zone),
      formatTimestamp(action.updatedAt, zone),
      doneAt(action, zone),
      action.comments.map((comment) => comment.text).join('\n'),
    ]);
  }
  return success(`\uFEFF${toCsv(rows)}`);
}

function doneAt(action: Parameters<typeof whenDone>[0], zone: string): string {
  const at = whenDone(action);
  return at === undefined ? '' : formatTimestamp(at, zone);
}
