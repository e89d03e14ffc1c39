/**
 * Why something about an action was refused: a stable code the surface maps to localised text
 * or an HTTP/invoke status, with parameters, never a sentence.
 */
export type ActionRefusalCode =
  /** The acting user is not in the registry (no person with their Entra object id). */
  | 'ACTION_UNKNOWN_USER'
  | 'ACTION_FORBIDDEN'
  /** No such action, decision, forum or meeting; `params.kind` tells which. */
  | 'ACTION_NOT_FOUND'
  /** Someone changed the action since the caller saw it. */
  | 'ACTION_CONFLICT'
  /** The input has problems; see `problems`. */
  | 'ACTION_INVALID'
  /** The status change is not allowed from the current status. */
  | 'ACTION_TRANSITION'
  /** The same create is being handled by another instance right now; try again. */
  | 'ACTION_BUSY';

export type ProblemCode =
  | 'titleEmpty'
  | 'titleTooLong'
  | 'descriptionTooLong'
  | 'textEmpty'
  | 'textTooLong'
  | 'dueDateInvalid'
  | 'dueDatePast'
  | 'dateInvalid'
  | 'ownerUnknown'
  | 'ownerAmbiguous'
  | 'ownerTextTooLong'
  | 'unknownPerson'
  | 'unknownOrganisation'
  | 'unknownInterface'
  | 'unknownGoal'
  | 'unknownMeeting'
  | 'unknownDecision'
  | 'meetingOfOtherForum'
  | 'tooManyOrganisations'
  | 'commentEmpty'
  | 'commentTooLong'
  | 'tooManyComments'
  | 'linkInvalid'
  | 'statusUnknown'
  | 'unchanged';

export type ProblemParams = Readonly<Record<string, string | number>>;

export interface ActionProblem {
  /** The input field it concerns, e.g. `title`, `dueDate`, `owner`. */
  readonly field: string;
  readonly code: ProblemCode;
  readonly params?: ProblemParams;
  /** Registry names close to what was typed, nearest first. */
  readonly suggestions?: readonly string[];
}

export interface ActionRefusal {
  readonly code: ActionRefusalCode;
  readonly params?: ProblemParams;
  readonly problems?: readonly ActionProblem[];
}

export type Check = { readonly ok: true } | { readonly ok: false; readonly refusal: ActionRefusal };

export const ALLOWED: Check = Object.freeze({ ok: true });

export function refused(code: ActionRefusalCode, params?: ProblemParams): Check {
  return { ok: false, refusal: params ? { code, params } : { code } };
}

export function invalid(problems: readonly ActionProblem[]): ActionRefusal {
  return { code: 'ACTION_INVALID', problems };
}
