/** A refused meeting change as the user reads it. */
import type { Locale } from '../../i18n';
import { digestTranslator, type DigestMessageKey } from '../../i18n/digest-messages';
import type { MeetingFailure } from './outcome';

const ERROR_KEYS: Record<Exclude<MeetingFailure['code'], 'MEETING_NOT_FOUND'>, DigestMessageKey> = {
  MEETING_UNKNOWN_USER: 'meetings.error.unknownUser',
  MEETING_FORBIDDEN: 'meetings.error.forbidden',
  MEETING_CONFLICT: 'meetings.error.conflict',
  MEETING_INVALID: 'meetings.error.invalid',
  MEETING_CANCELLED: 'meetings.error.cancelled',
  MEETING_STARTED: 'meetings.error.started',
};

export function meetingFailureText(failure: MeetingFailure, locale: Locale): string {
  const tr = digestTranslator(locale);
  const params = failure.params ?? {};
  const headline =
    failure.code === 'MEETING_NOT_FOUND'
      ? tr(
          params.kind === 'forum' ? 'meetings.error.notFound.forum' : 'meetings.error.notFound.meeting',
          params,
        )
      : tr(ERROR_KEYS[failure.code], params);
  const problems = (failure.problems ?? []).map(
    (problem) => `• ${tr(`meetings.problem.${problem.code}`, problem.params)}`,
  );
  return [headline, ...problems].join('\n');
}
