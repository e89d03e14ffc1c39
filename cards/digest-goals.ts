/** Goals with their metric's progress toward the target, and the statutory-calendar flags. */
import type { Digest, GoalLine, GoalStatus } from '../src/domain/digest';
import type { StatutoryFlag } from '../src/domain/meetings';
import { pick } from '../src/domain/registry';
import { text, type CardElement } from './adaptive';
import type { DigestDetail, DigestRenderContext, Section } from './digest-context';
import { clip, withUnit, type CardColor } from './digest-format';
import { formatDate } from './format';

const STATUS_COLOR: Record<GoalStatus, CardColor> = {
  met: 'Good',
  'on-track': 'Good',
  'off-track': 'Attention',
  missed: 'Attention',
  'no-change': 'Default',
  unknown: 'Default',
  'no-data': 'Default',
  'no-target': 'Default',
};

function sectionTitle(value: string): CardElement {
  return text(value, { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' });
}

function goalDetails(goal: GoalLine, ctx: DigestRenderContext): string {
  const { tr, numbers, locale } = ctx;
  const unit = goal.indicator?.unit ?? '';
  const parts: string[] = [];
  if (goal.indicator) parts.push(pick(goal.indicator.name, locale));
  if (goal.latest)
    parts.push(
      tr('digest.goals.latest', {
        value: withUnit(numbers.value(goal.latest.value), unit),
        year: goal.latest.year,
      }),
    );
  const target = goal.target;
  const aims: string[] = [];
  if (target?.value !== undefined)
    aims.push(tr('digest.goals.target', { value: withUnit(numbers.value(target.value), unit) }));
  else if (target?.direction) aims.push(tr(`digest.goals.direction.${target.direction}`));
  if (target?.by) aims.push(tr('digest.goals.by', { date: formatDate(target.by, locale) }));
  if (aims.length > 0) parts.push(aims.join(' '));
  parts.push(tr(`digest.goals.status.${goal.status}`));
  return parts.join(' · ');
}

export function goalsSection(digest: Digest, ctx: DigestRenderContext, detail: DigestDetail): Section {
  const { tr, locale } = ctx;
  const heading = tr('digest.goals.heading');
  if (digest.goals.total === 0) {
    const none = tr('digest.goals.none');
    return { elements: [sectionTitle(heading), text(none, { isSubtle: true })], lines: [heading, none] };
  }
  const goals = digest.goals.items.slice(0, detail.listItems);
  const elements: CardElement[] = [sectionTitle(heading)];
  const lines = [heading];
  for (const goal of goals) {
    const title = clip(pick(goal.title, locale), detail.textLength);
    const details = goalDetails(goal, ctx);
    elements.push(
      text(`• ${title}`, { spacing: 'Small' }),
      text(details, { size: 'Small', spacing: 'None', color: STATUS_COLOR[goal.status] }),
    );
    lines.push(`  • ${title}: ${details}`);
  }
  if (digest.goals.total > goals.length) {
    const more = tr('digest.more', { count: digest.goals.total - goals.length });
    elements.push(text(more, { isSubtle: true, spacing: 'None' }));
    lines.push(`  ${more}`);
  }
  return { elements, lines };
}

function flagText(flag: StatutoryFlag, ctx: DigestRenderContext): string {
  const { tr, locale } = ctx;
  const main =
    flag.kind === 'council-term-negotiation-missing'
      ? tr('digest.statutory.councilTerm', {
          from: formatDate(flag.term.start, locale),
          to: formatDate(flag.term.end, locale),
        })
      : tr('digest.statutory.hyte', { year: flag.year });
  return flag.forums.length === 0 ? `${main} ${tr('digest.statutory.noForum')}` : main;
}

export function statutorySection(digest: Digest, ctx: DigestRenderContext): Section {
  const heading = ctx.tr('digest.statutory.heading');
  if (digest.statutory.length === 0) {
    const ok = ctx.tr('digest.statutory.ok');
    return { elements: [sectionTitle(heading), text(ok, { color: 'Good' })], lines: [heading, ok] };
  }
  const flags = digest.statutory.map((flag) => flagText(flag, ctx));
  return {
    elements: [
      sectionTitle(heading),
      ...flags.map((flag) => text(`⚠ ${flag}`, { color: 'Warning', spacing: 'Small' })),
    ],
    lines: [heading, ...flags.map((flag) => `  ⚠ ${flag}`)],
  };
}
