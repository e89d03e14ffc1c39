/**
 * Decisions and agreed actions of the forums: the one entry point the Teams surface, the
 * scheduler and the HTTP exports call. Writes take the acting user's Entra object id, look them
 * up in the registry and check their rights; nothing is written when anything is refused.
 */
import type { Locale } from '../../i18n';
import type { AuditEntry } from '../../ports/store';
import {
  actionHistory,
  actionsBy,
  decisionsOfForum,
  decisionsOfMeeting,
  findAction,
  forumOpenActions,
  forumOverdueActions,
  getAction,
  getDecision,
  myActions,
  searchActions,
  type ActionGrouping,
} from './action-queries';
import { forumActionsCsv } from './actions-csv';
import { ActionContext, type ActionServiceDeps } from './context';
import { forumDeadlinesIcs } from './deadlines-ics';
import { draftFromText, type ResolvedDraft } from './draft-from-text';
import { createExportToken, rotateExportToken, verifyExportToken } from './export-tokens';
import { logAction, type LogActionInput, type Logged } from './log-action';
import { logDecision, type LogDecisionInput } from './log-decision';
import { meetingMinutesMarkdown } from './meeting-minutes';
import type { ActionView, Outcome, Page, PageRequest, StoredDecision } from './outcome';
import { claimDueReminders, releaseReminder, type DueReminder, type ReminderOptions } from './reminders';
import {
  addComment,
  changeDueDate,
  changeOwner,
  updateStatus,
  type CommentInput,
  type DueDateChange,
  type OwnerChange,
  type StatusChange,
} from './update-action';

export class ActionService {
  private readonly ctx: ActionContext;

  constructor(deps: ActionServiceDeps) {
    this.ctx = new ActionContext(deps);
  }

  /** Parses "kirjaa toimenpide: …" into a prefilled form; nothing is stored. */
  draft(text: string, forumId?: string): ResolvedDraft {
    return draftFromText(this.ctx, text, forumId);
  }

  logAction(actorAadObjectId: string, input: LogActionInput): Promise<Outcome<Logged<ActionView>>> {
    return logAction(this.ctx, actorAadObjectId, input);
  }

  logDecision(actorAadObjectId: string, input: LogDecisionInput): Promise<Outcome<Logged<StoredDecision>>> {
    return logDecision(this.ctx, actorAadObjectId, input);
  }

  updateStatus(actorAadObjectId: string, input: StatusChange): Promise<Outcome<ActionView>> {
    return updateStatus(this.ctx, actorAadObjectId, input);
  }

  addComment(actorAadObjectId: string, input: CommentInput): Promise<Outcome<ActionView>> {
    return addComment(this.ctx, actorAadObjectId, input);
  }

  changeOwner(actorAadObjectId: string, input: OwnerChange): Promise<Outcome<ActionView>> {
    return changeOwner(this.ctx, actorAadObjectId, input);
  }

  changeDueDate(actorAadObjectId: string, input: DueDateChange): Promise<Outcome<ActionView>> {
    return changeDueDate(this.ctx, actorAadObjectId, input);
  }

  getAction(forumId: string, actionId: string): Promise<Outcome<ActionView>> {
    return getAction(this.ctx, forumId, actionId);
  }

  /** By the id people type, e.g. "ANK-2026-014", in whichever forum it is. */
  findAction(readableId: string): Promise<Outcome<ActionView>> {
    return findAction(this.ctx, readableId);
  }

  getDecision(forumId: string, decisionId: string): Promise<Outcome<StoredDecision>> {
    return getDecision(this.ctx, forumId, decisionId);
  }

  history(forumId: string, actionId: string): Promise<Outcome<AuditEntry[]>> {
    return actionHistory(this.ctx, forumId, actionId);
  }

  /** Open actions the user owns, by due date. */
  myActions(actorAadObjectId: string, page?: PageRequest): Promise<Outcome<Page<ActionView>>> {
    return myActions(this.ctx, actorAadObjectId, page);
  }

  forumOpenActions(forumId: string, page?: PageRequest): Promise<Outcome<Page<ActionView>>> {
    return forumOpenActions(this.ctx, forumId, page);
  }

  forumOverdueActions(forumId: string, page?: PageRequest): Promise<Outcome<Page<ActionView>>> {
    return forumOverdueActions(this.ctx, forumId, page);
  }

  /** Every action (any status) linked to the interface, organisation, goal or meeting. */
  actionsBy(grouping: ActionGrouping, id: string, page?: PageRequest): Promise<Outcome<Page<ActionView>>> {
    return actionsBy(this.ctx, grouping, id, page);
  }

  searchActions(forumId: string, words: string, page?: PageRequest): Promise<Outcome<Page<ActionView>>> {
    return searchActions(this.ctx, forumId, words, page);
  }

  decisionsOfForum(forumId: string, page?: PageRequest): Promise<Outcome<Page<StoredDecision>>> {
    return decisionsOfForum(this.ctx, forumId, page);
  }

  decisionsOfMeeting(meetingId: string, page?: PageRequest): Promise<Outcome<Page<StoredDecision>>> {
    return decisionsOfMeeting(this.ctx, meetingId, page);
  }

  /** Reminders due at `now`, each handed to exactly one caller across all instances. */
  claimDueReminders(now?: number, options?: ReminderOptions): Promise<DueReminder[]> {
    return claimDueReminders(this.ctx, now, options);
  }

  releaseReminder(reminder: DueReminder): Promise<void> {
    return releaseReminder(this.ctx, reminder);
  }

  forumActionsCsv(forumId: string, locale: Locale): Promise<Outcome<string>> {
    return forumActionsCsv(this.ctx, forumId, locale);
  }

  forumDeadlinesIcs(forumId: string, locale: Locale): Promise<Outcome<string>> {
    return forumDeadlinesIcs(this.ctx, forumId, locale);
  }

  meetingMinutesMarkdown(meetingId: string, locale: Locale): Promise<Outcome<string>> {
    return meetingMinutesMarkdown(this.ctx, meetingId, locale);
  }

  createExportToken(actorAadObjectId: string, forumId: string): Promise<Outcome<string>> {
    return createExportToken(this.ctx, actorAadObjectId, forumId);
  }

  rotateExportToken(actorAadObjectId: string, forumId: string): Promise<Outcome<string>> {
    return rotateExportToken(this.ctx, actorAadObjectId, forumId);
  }

  verifyExportToken(forumId: string, token: string): Promise<boolean> {
    return verifyExportToken(this.ctx, forumId, token);
  }
}
