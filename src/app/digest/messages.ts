/** A refused digest request as the user reads it. */
import type { Locale } from '../../i18n';
import { digestTranslator } from '../../i18n/digest-messages';
import type { DigestFailure } from './outcome';

export function digestFailureText(failure: DigestFailure, locale: Locale): string {
  const tr = digestTranslator(locale);
  const params = failure.params ?? {};
  switch (failure.code) {
    case 'DIGEST_UNKNOWN_USER':
      return tr('digest.error.unknownUser');
    case 'DIGEST_NO_MEETING':
      return tr('digest.error.noMeeting', params);
    case 'DIGEST_NOT_FOUND':
      if (params.kind === 'forum') return tr('meetings.error.notFound.forum', params);
      if (params.kind === 'meeting') return tr('meetings.error.notFound.meeting', params);
      return tr('digest.error.notFound', params);
  }
}
