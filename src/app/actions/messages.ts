/** Refusals and problems of the action use-cases as localised text for the surface. */
import {
  isActionStatus,
  type ActionProblem,
  type ActionStatus,
  type ProblemCode,
} from '../../domain/actions';
import { translator, type Locale, type MessageKey } from '../../i18n';
import type { ActionFailure } from './outcome';

const NOT_FOUND_KINDS = [
  'action',
  'decision',
  'forum',
  'meeting',
  'interface',
  'organisation',
  'goal',
] as const;
type NotFoundKind = (typeof NOT_FOUND_KINDS)[number];

export function statusName(status: ActionStatus, locale: Locale): string {
  return translator(locale)(`actions.status.${status}`);
}

export function problemText(problem: ActionProblem, locale: Locale): string {
  const tr = translator(locale);
  const text = tr(problemKey(problem.code), problem.params);
  if (!problem.suggestions || problem.suggestions.length === 0) return text;
  return `${text} ${tr('actions.problem.suggestions', { names: problem.suggestions.join(', ') })}`;
}

export function problemKey(code: ProblemCode): MessageKey {
  return `actions.problem.${code}`;
}

/** One text: the refusal, then each problem on its own line. */
export function failureText(failure: ActionFailure, locale: Locale): string {
  const tr = translator(locale);
  const params = failure.params ?? {};
  switch (failure.code) {
    case 'ACTION_UNKNOWN_USER':
      return tr('actions.error.unknownUser');
    case 'ACTION_FORBIDDEN':
      return tr(forbiddenKey(params.operation));
    case 'ACTION_NOT_FOUND': {
      const kind = NOT_FOUND_KINDS.find((k) => k === params.kind) ?? 'action';
      return tr(notFoundKey(kind), params);
    }
    case 'ACTION_CONFLICT':
      return tr('actions.error.conflict', params);
    case 'ACTION_TRANSITION':
      return tr('actions.error.transition', {
        from: statusText(params.from, locale),
        to: statusText(params.to, locale),
      });
    case 'ACTION_BUSY':
      return tr('actions.error.busy');
    case 'ACTION_INVALID':
      return [
        tr('actions.error.invalid'),
        ...(failure.problems ?? []).map((p) => `• ${problemText(p, locale)}`),
      ].join('\n');
  }
}

function forbiddenKey(operation: string | number | undefined): MessageKey {
  if (operation === 'log') return 'actions.error.forbiddenLog';
  if (operation === 'export') return 'actions.error.forbiddenExport';
  return 'actions.error.forbiddenUpdate';
}

function notFoundKey(kind: NotFoundKind): MessageKey {
  return `actions.error.notFound.${kind}`;
}

function statusText(value: string | number | undefined, locale: Locale): string {
  return isActionStatus(value) ? statusName(value, locale) : String(value);
}
