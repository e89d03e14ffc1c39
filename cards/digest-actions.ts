/** Agreed actions (counts, the few needing attention, the done ones) and the previous meeting's decisions. */
import type { ActionLine, Digest } from '../src/domain/digest';
import { meetingDay } from '../src/domain/meetings';
import { pick } from '../src/domain/registry';
import { factSet, text, type CardElement } from './adaptive';
import type { DigestDetail, DigestRenderContext, Section } from './digest-context';
import { clip } from './digest-format';
import { formatDate, formatDateTime } from './format';

function sectionTitle(value: string): CardElement {
  return text(value, { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' });
}

function actionText(action: ActionLine, ctx: DigestRenderContext, detail: DigestDetail): string {
  const { tr, locale } = ctx;
  const parts = [`${action.id} ${clip(action.title, detail.textLength)}`];
  if (action.dueDate) {
    const due = tr('digest.actions.due', { date: formatDate(action.dueDate, locale) });
    parts.push(action.overdue ? `${due} (${tr('digest.actions.late')})` : due);
  }
  const organisations = action.organisations.map((name) => pick(name, locale)).join(', ');
  const owner =
    action.owner && organisations ? `${action.owner} (${organisations})` : action.owner || organisations;
  if (owner) parts.push(clip(owner, detail.textLength));
  return parts.join(' · ');
}

function moreLine(total: number, shown: number, ctx: DigestRenderContext): string[] {
  return total > shown ? [ctx.tr('digest.more', { count: total - shown })] : [];
}

export function actionsSection(digest: Digest, ctx: DigestRenderContext, detail: DigestDetail): Section {
  const { tr, locale } = ctx;
  const summary = digest.actions;
  const facts = [
    { title: tr('digest.actions.overdue'), value: String(summary.overdue) },
    {
      title: `${tr('digest.actions.dueBeforeMeeting')} (${formatDate(summary.meetingDay, locale)})`,
      value: String(summary.dueBeforeMeeting),
    },
    {
      title: summary.since
        ? tr('digest.actions.doneSince', {
            date: formatDate(meetingDay(summary.since, ctx.timeZone), locale),
          })
        : tr('digest.actions.done'),
      value: String(summary.doneSincePrevious),
    },
    { title: tr('digest.actions.open'), value: String(summary.open) },
  ];
  const attention = summary.attention.items.slice(0, detail.listItems);
  const done = summary.done.items.slice(0, detail.listItems);
  const attentionMore = moreLine(summary.attention.total, attention.length, ctx);
  const doneMore = moreLine(summary.done.total, done.length, ctx);

  const elements: CardElement[] = [sectionTitle(tr('digest.actions.heading')), factSet(facts)];
  const lines = [tr('digest.actions.heading'), ...facts.map((fact) => `${fact.title}: ${fact.value}`)];
  if (summary.attention.total === 0) {
    elements.push(text(tr('digest.actions.none'), { isSubtle: true }));
    lines.push(tr('digest.actions.none'));
  } else {
    elements.push(text(tr('digest.actions.attention'), { weight: 'Bolder', spacing: 'Small' }));
    lines.push(`${tr('digest.actions.attention')}:`);
    for (const action of attention) {
      const line = actionText(action, ctx, detail);
      elements.push(
        text(`• ${line}`, { spacing: 'None', ...(action.overdue ? { color: 'Attention' as const } : {}) }),
      );
      lines.push(`  • ${line}`);
    }
    for (const more of attentionMore) {
      elements.push(text(more, { isSubtle: true, spacing: 'None' }));
      lines.push(`  ${more}`);
    }
  }
  if (done.length > 0) {
    elements.push(text(tr('digest.actions.doneHeading'), { weight: 'Bolder', spacing: 'Small' }));
    lines.push(`${tr('digest.actions.doneHeading')}:`);
    for (const action of done) {
      const line = `${action.id} ${clip(action.title, detail.textLength)}`;
      elements.push(text(`✓ ${line}`, { spacing: 'None', color: 'Good' }));
      lines.push(`  ✓ ${line}`);
    }
    for (const more of doneMore) {
      elements.push(text(more, { isSubtle: true, spacing: 'None' }));
      lines.push(`  ${more}`);
    }
  }
  return { elements, lines };
}

export function decisionsSection(digest: Digest, ctx: DigestRenderContext, detail: DigestDetail): Section {
  const { tr, locale } = ctx;
  const heading = tr('digest.decisions.heading');
  const previous = digest.previousMeeting;
  if (!previous) {
    const none = tr('digest.decisions.noPrevious');
    return { elements: [sectionTitle(heading), text(none, { isSubtle: true })], lines: [heading, none] };
  }
  const about = tr('digest.decisions.meeting', {
    meeting: clip(pick(previous.title, locale), detail.textLength),
    date: formatDateTime(previous.start, ctx.timeZone, locale),
  });
  const items = digest.decisions.items
    .slice(0, detail.listItems)
    .map((decision) => `${decision.id}: ${clip(decision.text, detail.textLength)}`);
  const more = moreLine(digest.decisions.total, items.length, ctx);
  const body = items.length > 0 ? [...items, ...more] : [tr('digest.decisions.none')];
  return {
    elements: [
      sectionTitle(heading),
      text(about, { isSubtle: true, spacing: 'None' }),
      ...body.map((line, i) =>
        text(i < items.length ? `• ${line}` : line, {
          spacing: 'Small',
          ...(i < items.length ? {} : { isSubtle: true }),
        }),
      ),
    ],
    lines: [heading, about, ...body.map((line) => `  ${line}`)],
  };
}
