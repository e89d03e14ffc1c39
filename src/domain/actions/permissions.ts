/**
 * Who may do what, per the registry: secretaries and the chair of a forum log and update any of
 * its actions; an owner updates their own; anyone in the tenant may view.
 */
import type { Forum, Person } from '../registry';
import { ALLOWED, refused, type Check } from './refusal';
import type { Action } from './types';

function leads(person: Person, forum: Forum): boolean {
  return forum.secretaries.includes(person.id) || forum.chair === person.id;
}

export function canLog(person: Person | undefined, forum: Forum): Check {
  if (!person) return refused('ACTION_UNKNOWN_USER');
  return leads(person, forum) ? ALLOWED : refused('ACTION_FORBIDDEN', { forum: forum.id, operation: 'log' });
}

/** `forum` must be the action's own forum: leading another forum gives no rights here. */
export function canUpdate(person: Person | undefined, action: Action, forum: Forum): Check {
  if (!person) return refused('ACTION_UNKNOWN_USER');
  const denied = refused('ACTION_FORBIDDEN', { forum: action.forum, operation: 'update' });
  if (action.forum !== forum.id) return denied;
  return action.ownerPerson === person.id || leads(person, forum) ? ALLOWED : denied;
}

export function canView(): Check {
  return ALLOWED;
}
