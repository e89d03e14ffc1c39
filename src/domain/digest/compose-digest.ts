/**
 * The situational picture of a forum before one of its meetings, from facts gathered by the
 * use-case: the meeting, the chosen indicators for the county and its municipalities, the agreed
 * actions, the previous meeting's decisions, the goals, the statutory-calendar flags and who has
 * acknowledged. Pure: the same input gives the same digest.
 */
import { dayIn, type Action, type Decision } from '../actions';
import { meetingDay, statutoryFlags, type ForumMeeting } from '../meetings';
import type { Forum, Indicator, RegistryIndex } from '../registry';
import { acknowledgementSummary } from './acknowledgements';
import { summariseActions } from './action-summary';
import { digestId } from './digest-id';
import { forumGoals } from './forum-goals';
import { goalProgress } from './goal-progress';
import { indicatorSection } from './indicator-figures';
import { indicatorTrend } from './indicator-trend';
import type { AcknowledgementRecord, DecisionLine, Digest, DigestSeries, ListSlice } from './types';

/** How many items the digest lists; the rest are counted. Cards may show fewer. */
export const DIGEST_LIST_LIMITS = {
  attentionActions: 5,
  doneActions: 3,
  decisions: 5,
  goals: 8,
} as const;

export interface DigestInput {
  readonly registry: RegistryIndex;
  readonly forum: Forum;
  readonly meeting: ForumMeeting;
  readonly previousMeeting?: ForumMeeting;
  readonly now: number;
  /** Series by indicator id, one per area, for the digest's indicators and the goals' indicators. */
  readonly series: ReadonlyMap<string, readonly DigestSeries[]>;
  /** Every action of the forum (any status). */
  readonly actions: readonly Action[];
  /** Decisions that may be the previous meeting's: those linked to it or dated on its day. */
  readonly decisions: readonly Decision[];
  /** Merged meetings of the region's forums, for the statutory calendar. */
  readonly meetingsOf: (forumId: string) => readonly ForumMeeting[];
  readonly acknowledgements: AcknowledgementRecord;
}

/** The forum's chosen indicators, or every indicator of its region, in registry order. */
export function digestIndicators(registry: RegistryIndex, forum: Forum): Indicator[] {
  const chosen = forum.digest?.indicators;
  if (chosen === undefined) return [...registry.indicatorsOf(forum.region)];
  return chosen.flatMap((id) => {
    const indicator = registry.indicatorsById.get(id);
    return indicator ? [indicator] : [];
  });
}

function previousDecisions(input: DigestInput): ListSlice<DecisionLine> {
  const previous = input.previousMeeting;
  if (!previous) return { items: [], total: 0 };
  const day = meetingDay(previous.start, input.registry.registry.timeZone);
  const unique = new Map<string, Decision>();
  for (const decision of input.decisions) {
    const ofPrevious =
      decision.meeting === previous.id || (decision.meeting === undefined && decision.date === day);
    if (decision.forum === input.forum.id && ofPrevious) unique.set(decision.id, decision);
  }
  const decisions = [...unique.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
  return {
    items: decisions.slice(0, DIGEST_LIST_LIMITS.decisions).map(({ id, text, date }) => ({ id, text, date })),
    total: decisions.length,
  };
}

export function composeDigest(input: DigestInput): Digest {
  const { registry, forum, meeting, previousMeeting, now } = input;
  const timeZone = registry.registry.timeZone;
  const today = dayIn(now, timeZone);
  const currentYear = Number(today.slice(0, 4));
  const region = registry.regionsById.get(forum.region);
  const county = region ? registry.organisationsById.get(region.wellbeingCounty) : undefined;
  const areas = { ...(county ? { county } : {}), municipalities: registry.municipalitiesOf(forum.region) };

  const indicators = digestIndicators(registry, forum).map((indicator) =>
    indicatorSection(indicator, areas, input.series.get(indicator.id) ?? [], currentYear),
  );
  const goals = forumGoals(registry, forum).map((goal) => {
    const indicator = goal.indicator === undefined ? undefined : registry.indicatorsById.get(goal.indicator);
    const series =
      indicator && county ? input.series.get(indicator.id)?.find((s) => s.area === county.id) : undefined;
    const trend =
      series && indicator ? indicatorTrend(series.points, indicator.better, currentYear) : undefined;
    return goalProgress(goal, indicator, trend, today);
  });

  return {
    id: digestId({ forumId: forum.id, meetingId: meeting.id, sequence: meeting.sequence }),
    generatedAt: now,
    timeZone,
    forum: { id: forum.id, name: forum.name, kind: forum.kind },
    region: { id: forum.region, name: region?.name ?? { fi: forum.region } },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      start: meeting.start,
      end: meeting.end,
      ...(meeting.location ? { location: meeting.location } : {}),
      agenda: meeting.agenda,
      cancelled: meeting.cancelled,
      sequence: meeting.sequence,
    },
    ...(previousMeeting
      ? {
          previousMeeting: {
            id: previousMeeting.id,
            title: previousMeeting.title,
            start: previousMeeting.start,
          },
        }
      : {}),
    indicators,
    actions: summariseActions({
      actions: input.actions.filter((action) => action.forum === forum.id),
      today,
      meetingDay: meetingDay(meeting.start, timeZone),
      ...(previousMeeting ? { since: previousMeeting.start } : {}),
      registry,
      attentionLimit: DIGEST_LIST_LIMITS.attentionActions,
      doneLimit: DIGEST_LIST_LIMITS.doneActions,
    }),
    decisions: previousDecisions(input),
    goals: { items: goals.slice(0, DIGEST_LIST_LIMITS.goals), total: goals.length },
    statutory: statutoryFlags({
      forums: registry.forumsOf(forum.region),
      meetingsOf: input.meetingsOf,
      today,
      timeZone,
    }),
    acknowledgements: acknowledgementSummary(forum, input.acknowledgements, registry),
  };
}
