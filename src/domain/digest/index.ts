export * from './types';
export { acknowledgementSummary, acknowledgingOrganisation } from './acknowledgements';
export { summariseActions, type ActionSummaryInput } from './action-summary';
export { composeDigest, DIGEST_LIST_LIMITS, digestIndicators, type DigestInput } from './compose-digest';
export { digestId, parseDigestId, type DigestKey } from './digest-id';
export { forumGoals } from './forum-goals';
export { goalProgress } from './goal-progress';
export { indicatorSection, type IndicatorAreas } from './indicator-figures';
export {
  indicatorTrend,
  isStale,
  STALE_AFTER_YEARS,
  verdictOf,
  type ChangeDirection,
  type ChangeVerdict,
  type IndicatorTrend,
  type TrendPoint,
  type YearChange,
} from './indicator-trend';
