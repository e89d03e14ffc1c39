/**
 * Compiles the situational picture of a forum before a meeting (the next one by default): reads
 * the meetings, indicator series, actions, decisions and acknowledgements in parallel and hands
 * them to the pure composition. Posting and scheduling are someone else's: this only builds.
 */
import { dayIn } from '../../domain/actions';
import {
  composeDigest,
  digestId,
  digestIndicators,
  forumGoals,
  type AcknowledgementRecord,
  type Digest,
} from '../../domain/digest';
import { nextMeeting, previousMeeting, type ForumMeeting } from '../../domain/meetings';
import type { Forum, Indicator, RegistryIndex } from '../../domain/registry';
import type { IndicatorArea } from '../../ports/indicator-source';
import type { DigestServiceDeps } from './context';
import { fetchSeries, indicatorArea, type SeriesPlan } from './digest-series';
import { forumActions, meetingDecisions } from './forum-records';
import { digestFailure, digestSuccess, type DigestOutcome } from './outcome';
import { acknowledgementsKey } from './storage-keys';

export interface BuildDigestRequest {
  readonly forumId: string;
  /** Omitted: the forum's next meeting after `now`. */
  readonly meetingId?: string;
  /** Omitted: the clock's now. */
  readonly now?: number;
}

export const NO_ACKNOWLEDGEMENTS: AcknowledgementRecord = Object.freeze({ organisations: Object.freeze({}) });

function seriesPlans(registry: RegistryIndex, forum: Forum): SeriesPlan[] {
  const region = registry.regionsById.get(forum.region);
  const county = region ? registry.organisationsById.get(region.wellbeingCounty) : undefined;
  const countyArea: IndicatorArea[] = county ? [indicatorArea(county)] : [];
  const allAreas = [...countyArea, ...registry.municipalitiesOf(forum.region).map(indicatorArea)];
  const chosen = digestIndicators(registry, forum);
  const chosenIds = new Set(chosen.map((indicator) => indicator.id));
  const goalIndicators = new Map<string, Indicator>();
  for (const goal of forumGoals(registry, forum)) {
    const indicator = goal.indicator === undefined ? undefined : registry.indicatorsById.get(goal.indicator);
    if (indicator && !chosenIds.has(indicator.id)) goalIndicators.set(indicator.id, indicator);
  }
  return [
    ...chosen.map((indicator) => ({ indicator, areas: allAreas })),
    ...[...goalIndicators.values()].map((indicator) => ({ indicator, areas: countyArea })),
  ];
}

/** Meetings of the region's statutory-negotiation forums, for the statutory calendar. */
async function statutoryMeetings(
  deps: DigestServiceDeps,
  registry: RegistryIndex,
  forum: Forum,
  own: readonly ForumMeeting[],
): Promise<Map<string, readonly ForumMeeting[]>> {
  const forums = registry
    .forumsOf(forum.region)
    .filter((f) => f.id !== forum.id && (f.kind === 'hva-neuvottelu' || f.kind === 'hyte-neuvottelu'));
  const lists = await Promise.all(forums.map((f) => deps.meetings.list(f.id)));
  const byForum = new Map<string, readonly ForumMeeting[]>([[forum.id, own]]);
  forums.forEach((f, i) => {
    const listed = lists[i];
    byForum.set(f.id, listed?.ok ? listed.value : []);
  });
  return byForum;
}

export async function buildDigest(
  deps: DigestServiceDeps,
  request: BuildDigestRequest,
): Promise<DigestOutcome<Digest>> {
  const registry = deps.registry();
  const forum = registry.forumsById.get(request.forumId);
  if (!forum) return digestFailure('DIGEST_NOT_FOUND', { kind: 'forum', id: request.forumId });
  const now = request.now ?? deps.clock.now();
  const listed = await deps.meetings.list(forum.id);
  const meetings = listed.ok ? listed.value : [];
  const meeting =
    request.meetingId === undefined
      ? nextMeeting(meetings, now)
      : meetings.find((candidate) => candidate.id === request.meetingId);
  if (!meeting) {
    return request.meetingId === undefined
      ? digestFailure('DIGEST_NO_MEETING', { forum: forum.id })
      : digestFailure('DIGEST_NOT_FOUND', { kind: 'meeting', id: request.meetingId });
  }
  const previous = previousMeeting(meetings, meeting);
  const timeZone = registry.registry.timeZone;
  const currentYear = Number(dayIn(now, timeZone).slice(0, 4));
  const [series, actions, decisions, statutory, acknowledgements] = await Promise.all([
    fetchSeries(deps.indicators, seriesPlans(registry, forum), currentYear, deps.logger),
    forumActions(deps.store, forum.id),
    meetingDecisions(deps.store, forum.id, previous, timeZone),
    statutoryMeetings(deps, registry, forum, meetings),
    deps.store.get<AcknowledgementRecord>(
      acknowledgementsKey(digestId({ forumId: forum.id, meetingId: meeting.id, sequence: meeting.sequence })),
    ),
  ]);
  return digestSuccess(
    composeDigest({
      registry,
      forum,
      meeting,
      ...(previous ? { previousMeeting: previous } : {}),
      now,
      series,
      actions,
      decisions,
      meetingsOf: (forumId) => statutory.get(forumId) ?? [],
      acknowledgements: acknowledgements?.value ?? NO_ACKNOWLEDGEMENTS,
    }),
  );
}
