export * from './types';
export { formatReadableId, parseReadableId, type ReadableId, type RecordKind } from './action-id';
export { assignPrefixes, explicitPrefix, prefixCandidates } from './action-prefix';
export { addDays, dateOfEpochDay, dayIn, epochDay, isRealDate, yearIn } from './calendar';
export { csvCell, toCsv } from './csv';
export { LIMITS } from './limits';
export { parseLogCommand, type DraftKind, type LogDraft, type ParseOptions } from './log-command';
export { escapeMarkdown } from './markdown';
export { isOverdue } from './overdue';
export { resolveOwnerText, type OwnerResolution, type ResolveOptions } from './owner-resolver';
export { parseDate, type ParsedDate } from './parse-date';
export { canLog, canUpdate, canView } from './permissions';
export {
  ALLOWED,
  invalid,
  refused,
  type ActionProblem,
  type ActionRefusal,
  type ActionRefusalCode,
  type Check,
  type ProblemCode,
  type ProblemParams,
} from './refusal';
export { matchesWords, searchWords } from './search';
export {
  allowedTransitions,
  canTransition,
  isActionStatus,
  isOpenStatus,
  whenDone,
  withStatus,
} from './status';
export {
  checkComment,
  checkDate,
  checkDecisionText,
  checkDescription,
  checkDueDate,
  checkLink,
  checkLinks,
  checkOwner,
  checkTitle,
  type DueDateCheck,
  type Links,
  type OwnerFields,
} from './validation';
