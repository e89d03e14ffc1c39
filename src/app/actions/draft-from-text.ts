/**
 * The log command's text → a draft for the confirmation form, with the owner looked up in the
 * registry: a person becomes the owner (and their organisation the responsible one), an
 * organisation becomes a responsible organisation, anything else stays free text with the
 * closest registry names offered.
 */
import { parseLogCommand, resolveOwnerText, type ActionProblem, type LogDraft } from '../../domain/actions';
import type { ActionContext } from './context';

export interface ResolvedDraft extends LogDraft {
  readonly ownerPersonId?: string;
  readonly organisationIds: readonly string[];
}

export function draftFromText(ctx: ActionContext, text: string, forumId?: string): ResolvedDraft {
  const draft = parseLogCommand(text, { today: ctx.today() });
  if (draft.ownerText === undefined) return { ...draft, organisationIds: [] };
  const regionId = forumId === undefined ? undefined : ctx.forum(forumId)?.region;
  const owners = resolveOwnerText(
    draft.ownerText,
    ctx.registry(),
    regionId === undefined ? {} : { regionId },
  );
  const [person] = owners.persons;
  const organisationIds = [
    ...new Set([...owners.persons.map((p) => p.organisation), ...owners.organisations.map((o) => o.id)]),
  ];
  const problems: ActionProblem[] = [...draft.problems, ...owners.problems];
  const { ownerText, ...rest } = draft;
  // Free text stays only for what the registry does not know, so the form shows it for fixing.
  const keepText = owners.problems.length > 0 || (person === undefined && organisationIds.length === 0);
  return {
    ...rest,
    problems,
    organisationIds,
    ...(person ? { ownerPersonId: person.id } : {}),
    ...(keepText ? { ownerText } : {}),
  };
}
