export { ActionService } from './action-service';
export type { ActionGrouping } from './action-queries';
export type { ActionServiceDeps } from './context';
export type { ResolvedDraft } from './draft-from-text';
export type { LogActionInput, Logged } from './log-action';
export type { LogDecisionInput } from './log-decision';
export { failureText, problemText, statusName } from './messages';
export type { ActionTarget } from './mutate-action';
export type {
  ActionFailure,
  ActionView,
  Outcome,
  Page,
  PageRequest,
  StoredAction,
  StoredDecision,
} from './outcome';
export type { DueReminder, ReminderKind, ReminderOptions } from './reminders';
export type { CommentInput, DueDateChange, OwnerChange, StatusChange } from './update-action';
