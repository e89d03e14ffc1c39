/** What the action use-cases answer: a value, or a refusal the surface turns into text. */
import type { Action, ActionRefusal, Decision } from '../../domain/actions';

export interface StoredAction {
  readonly action: Action;
  readonly version: number;
}

export interface ActionView extends StoredAction {
  /** Derived at the time of the query, in the registry's time zone. */
  readonly overdue: boolean;
}

export interface StoredDecision {
  readonly decision: Decision;
  readonly version: number;
}

export interface ActionFailure extends ActionRefusal {
  /** With ACTION_CONFLICT: the action as it is now, so the user sees what changed. */
  readonly current?: ActionView;
}

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ActionFailure };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure(refusal: ActionFailure): { readonly ok: false; readonly failure: ActionFailure } {
  return { ok: false, failure: refusal };
}

export function notFound(
  kind: 'action' | 'decision' | 'forum' | 'meeting' | 'interface' | 'organisation' | 'goal',
  id: string,
): { readonly ok: false; readonly failure: ActionFailure } {
  return failure({ code: 'ACTION_NOT_FOUND', params: { kind, id } });
}

export interface PageRequest {
  readonly offset?: number;
  readonly limit?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** All matches, for "1–10 of 37". */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/** Paging values may come from a card payload: anything odd becomes the default. */
export function pageOf(request: PageRequest = {}): { offset: number; limit: number } {
  const offset =
    Number.isSafeInteger(request.offset) && (request.offset ?? 0) > 0 ? (request.offset ?? 0) : 0;
  const asked = request.limit ?? DEFAULT_PAGE_SIZE;
  const limit = Number.isSafeInteger(asked) && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return { offset, limit };
}
