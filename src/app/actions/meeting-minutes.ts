/**
 * A meeting's decisions and agreed actions as Markdown, for pasting into the minutes. Every
 * piece of user or registry text is escaped, so a title can never become a link or a heading.
 */
import { DateTime } from 'luxon';
import { escapeMarkdown, type Action, type Decision } from '../../domain/actions';
import { translator, type Locale } from '../../i18n';
import { actionPage, decisionPage } from './action-queries';
import type { ActionContext } from './context';
import { formatDay, localised, organisationNames, ownerName } from './display';
import { statusName } from './messages';
import { MAX_PAGE_SIZE, notFound, success, type Outcome } from './outcome';
import { INDEX } from './storage-keys';

export async function meetingMinutesMarkdown(
  ctx: ActionContext,
  meetingId: string,
  locale: Locale,
): Promise<Outcome<string>> {
  const registry = ctx.registry();
  const meeting = registry.meetingsById.get(meetingId);
  if (!meeting) return notFound('meeting', meetingId);
  const tr = translator(locale);
  const forum = registry.forumsById.get(meeting.forum);
  const decisions = await all((offset) =>
    decisionPage(ctx, INDEX.meetingDecisions(meetingId), { offset, limit: MAX_PAGE_SIZE }),
  );
  const actions = await all((offset) =>
    actionPage(ctx, INDEX.byMeeting(meetingId), { offset, limit: MAX_PAGE_SIZE }),
  );
  const meetingDay = DateTime.fromISO(meeting.start, { zone: ctx.timeZone() }).toISODate() ?? '';
  const lines = [
    `# ${escapeMarkdown(tr('actions.minutes.title', { meeting: localised(meeting.title, locale) }))}`,
    '',
    `${escapeMarkdown(localised(forum?.name, locale))} · ${formatDay(meetingDay, locale)}`,
    '',
    `## ${tr('actions.minutes.decisions')}`,
    '',
    ...(decisions.length === 0
      ? [tr('actions.minutes.none')]
      : decisions.map(({ decision }, i) => decisionLine(decision, i + 1))),
    '',
    `## ${tr('actions.minutes.actions')}`,
    '',
    ...(actions.length === 0
      ? [tr('actions.minutes.none')]
      : actions.map(({ action }) => actionLine(action, ctx, locale))),
    '',
    `_${escapeMarkdown(tr('actions.minutes.generated', { date: formatDay(ctx.today(), locale) }))}_`,
    '',
  ];
  return success(lines.join('\n'));
}

function decisionLine(decision: Decision, n: number): string {
  return `${n}. **${escapeMarkdown(decision.id)}** ${escapeMarkdown(decision.text)}`;
}

function actionLine(action: Action, ctx: ActionContext, locale: Locale): string {
  const tr = translator(locale);
  const registry = ctx.registry();
  const owners = [ownerName(action, registry), ...organisationNames(action, registry, locale)].filter(
    (name): name is string => Boolean(name),
  );
  const due = action.dueDate ? formatDay(action.dueDate, locale) : tr('actions.value.noDueDate');
  const facts = [
    `${tr('actions.field.owner')}: ${owners.length > 0 ? escapeMarkdown(owners.join(', ')) : tr('actions.value.noOwner')}`,
    `${tr('actions.field.dueDate')}: ${due}`,
    `${tr('actions.field.status')}: ${statusName(action.status, locale)}`,
  ];
  return `- **${escapeMarkdown(action.id)}** ${escapeMarkdown(action.title)} — ${facts.join('; ')}`;
}

async function all<T>(
  page: (offset: number) => Promise<{ items: readonly T[]; total: number }>,
): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const next = await page(offset);
    out.push(...next.items);
    if (next.items.length < MAX_PAGE_SIZE || out.length >= next.total) return out;
  }
}
