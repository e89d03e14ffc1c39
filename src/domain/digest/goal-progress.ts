/**
 * A goal of the cooperation agreement and how its metric is doing: reached, moving the right way,
 * moving the wrong way, or past its deadline. The county's figure measures a regional goal.
 */
import type { IsoDate } from '../actions';
import type { Goal, Indicator, TargetDirection } from '../registry';
import type { IndicatorTrend } from './indicator-trend';
import type { GoalLine, GoalStatus } from './types';

function directionOf(goal: Goal, indicator: Indicator, latest: number): TargetDirection | undefined {
  const target = goal.target;
  if (target?.direction) return target.direction;
  if (target?.value === undefined) return undefined;
  if (indicator.better === 'lower') return 'down';
  if (indicator.better === 'higher') return 'up';
  return target.value < latest ? 'down' : 'up';
}

function statusOf(
  goal: Goal,
  indicator: Indicator | undefined,
  trend: IndicatorTrend | undefined,
  today: IsoDate,
): GoalStatus {
  const target = goal.target;
  if (!target || (target.value === undefined && target.direction === undefined)) return 'no-target';
  if (!indicator || !trend) return 'no-data';
  const latest = trend.latest.value;
  const direction = directionOf(goal, indicator, latest);
  if (target.value !== undefined) {
    const met = direction === 'down' ? latest <= target.value : latest >= target.value;
    if (met) return 'met';
  }
  if (target.by !== undefined && target.by < today) return 'missed';
  const change = trend.change?.direction;
  if (change === undefined) return 'unknown';
  if (change === 'flat') return 'no-change';
  return change === direction ? 'on-track' : 'off-track';
}

export function goalProgress(
  goal: Goal,
  indicator: Indicator | undefined,
  trend: IndicatorTrend | undefined,
  today: IsoDate,
): GoalLine {
  const latest = trend?.latest;
  const target = goal.target;
  return {
    id: goal.id,
    title: goal.title,
    interface: goal.interface,
    ...(target ? { target } : {}),
    ...(indicator ? { indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit } } : {}),
    ...(latest ? { latest } : {}),
    ...(latest && target?.value !== undefined ? { gap: target.value - latest.value } : {}),
    status: statusOf(goal, indicator, trend, today),
  };
}
