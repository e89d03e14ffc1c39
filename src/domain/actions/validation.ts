/**
 * Checks of what a user typed or picked, each giving problems instead of throwing, so the form
 * can show all of them at once. Registry references are checked against the loaded registry.
 */
import type { RegistryIndex } from '../registry';
import { isRealDate } from './calendar';
import { LIMITS } from './limits';
import type { ActionProblem } from './refusal';
import type { IsoDate } from './types';

export interface DueDateCheck {
  readonly today: IsoDate;
  /** The user confirmed that a due date in the past is what they mean. */
  readonly confirmPast?: boolean;
}

export function checkTitle(title: string): ActionProblem[] {
  const trimmed = title.trim();
  if (trimmed === '') return [{ field: 'title', code: 'titleEmpty' }];
  if ([...trimmed].length > LIMITS.title) {
    return [{ field: 'title', code: 'titleTooLong', params: { max: LIMITS.title } }];
  }
  return [];
}

export function checkDescription(description: string | undefined): ActionProblem[] {
  if (description !== undefined && [...description.trim()].length > LIMITS.description) {
    return [{ field: 'description', code: 'descriptionTooLong', params: { max: LIMITS.description } }];
  }
  return [];
}

export function checkDecisionText(text: string): ActionProblem[] {
  const trimmed = text.trim();
  if (trimmed === '') return [{ field: 'text', code: 'textEmpty' }];
  if ([...trimmed].length > LIMITS.decisionText) {
    return [{ field: 'text', code: 'textTooLong', params: { max: LIMITS.decisionText } }];
  }
  return [];
}

export function checkDueDate(dueDate: string | undefined, check: DueDateCheck): ActionProblem[] {
  if (dueDate === undefined) return [];
  if (!isRealDate(dueDate)) return [{ field: 'dueDate', code: 'dueDateInvalid', params: { text: dueDate } }];
  if (dueDate < check.today && check.confirmPast !== true) {
    return [{ field: 'dueDate', code: 'dueDatePast', params: { date: dueDate } }];
  }
  return [];
}

export function checkDate(field: string, date: string): ActionProblem[] {
  return isRealDate(date) ? [] : [{ field, code: 'dateInvalid', params: { text: date } }];
}

export function checkComment(text: string, existing: number): ActionProblem[] {
  const trimmed = text.trim();
  if (trimmed === '') return [{ field: 'comment', code: 'commentEmpty' }];
  if ([...trimmed].length > LIMITS.comment) {
    return [{ field: 'comment', code: 'commentTooLong', params: { max: LIMITS.comment } }];
  }
  if (existing >= LIMITS.comments) {
    return [{ field: 'comment', code: 'tooManyComments', params: { max: LIMITS.comments } }];
  }
  return [];
}

/** Only https links: the link is shown as a button, and other schemes could run code. */
export function checkLink(link: string | undefined): ActionProblem[] {
  if (link === undefined) return [];
  if (link.length > LIMITS.link || !/^https:\/\/[^\s<>"]+$/i.test(link)) {
    return [{ field: 'sourceMessageLink', code: 'linkInvalid' }];
  }
  try {
    new URL(link);
    return [];
  } catch {
    return [{ field: 'sourceMessageLink', code: 'linkInvalid' }];
  }
}

export interface OwnerFields {
  readonly ownerPerson?: string;
  readonly ownerText?: string;
  readonly organisations?: readonly string[];
}

export function checkOwner(owner: OwnerFields, registry: RegistryIndex): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (owner.ownerPerson !== undefined && !registry.peopleById.has(owner.ownerPerson)) {
    problems.push({ field: 'ownerPerson', code: 'unknownPerson', params: { id: owner.ownerPerson } });
  }
  if (owner.ownerText !== undefined && [...owner.ownerText.trim()].length > LIMITS.ownerText) {
    problems.push({ field: 'ownerText', code: 'ownerTextTooLong', params: { max: LIMITS.ownerText } });
  }
  const organisations = owner.organisations ?? [];
  if (organisations.length > LIMITS.organisations) {
    problems.push({
      field: 'organisations',
      code: 'tooManyOrganisations',
      params: { max: LIMITS.organisations },
    });
  }
  for (const id of organisations) {
    if (!registry.organisationsById.has(id)) {
      problems.push({ field: 'organisations', code: 'unknownOrganisation', params: { id } });
    }
  }
  return problems;
}

export interface Links {
  readonly forum: string;
  readonly meeting?: string;
  readonly interface?: string;
  readonly goal?: string;
}

export function checkLinks(links: Links, registry: RegistryIndex): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (links.meeting !== undefined) {
    const meeting = registry.meetingsById.get(links.meeting);
    if (!meeting) problems.push({ field: 'meeting', code: 'unknownMeeting', params: { id: links.meeting } });
    else if (meeting.forum !== links.forum) {
      problems.push({ field: 'meeting', code: 'meetingOfOtherForum', params: { id: links.meeting } });
    }
  }
  if (links.interface !== undefined && !registry.interfacesById.has(links.interface)) {
    problems.push({ field: 'interface', code: 'unknownInterface', params: { id: links.interface } });
  }
  if (links.goal !== undefined && !registry.goalsById.has(links.goal)) {
    problems.push({ field: 'goal', code: 'unknownGoal', params: { id: links.goal } });
  }
  return problems;
}
