/** What a use-case answers: plain data the surface turns into a Teams message. */
import type { Locale } from '../i18n';

export interface Reply {
  readonly locale: Locale;
  /** Plain-text version with the same facts; the whole answer where there is no card. */
  readonly text: string;
  /** An Adaptive Card (≤ 1.5) as JSON, built by cards/. */
  readonly card?: Readonly<Record<string, unknown>>;
  /** Quick replies shown as buttons that send the text back (imBack). */
  readonly suggestions?: readonly string[];
  /** What the reply is about, for logs and the question-set evaluation; never shown. */
  readonly meta?: ReplyMeta;
}

export interface ReplyMeta {
  readonly answerKind: string;
  readonly interfaceId?: string;
  readonly regionId?: string;
  readonly municipalityCode?: string;
  readonly forumId?: string;
  readonly meetingId?: string;
}
