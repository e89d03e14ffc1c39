/**
 * The chat entry point of the core: a user's text (mentions already stripped) in, a Reply out.
 * Recognised commands go to their use-case; everything else is a question.
 */
import { localeFromTag, translator, type Locale } from '../i18n';
import { recogniseCommand } from './commands';
import { helpReply } from './help';
import type { Reply } from './reply';

export interface MessageInput {
  readonly text: string;
  /** The Teams client locale (`fi-FI`…), used when the text does not tell the language. */
  readonly clientLocale?: string;
  readonly userAadObjectId?: string;
  readonly conversationId: string;
  readonly teamsChannelId?: string;
  readonly tenantId?: string;
}

/** Messages longer than this are answered from their beginning only. */
export const MAX_ANALYSED_CHARS = 2000;

export type QuestionAnswerer = (input: MessageInput, fallbackLocale: Locale) => Promise<Reply>;

export interface MessageHandlerDeps {
  readonly defaultLocale: Locale;
  /** Answers anything that is not a command; until questions are understood, a polite "not understood". */
  readonly answerQuestion?: QuestionAnswerer;
}

export function createMessageHandler(deps: MessageHandlerDeps): (input: MessageInput) => Promise<Reply> {
  return async (input) => {
    const fallbackLocale = localeFromTag(input.clientLocale) ?? deps.defaultLocale;
    const text = input.text.slice(0, MAX_ANALYSED_CHARS).trim();
    if (text === '') return { locale: fallbackLocale, text: translator(fallbackLocale)('input.empty') };
    const command = recogniseCommand(text);
    if (command?.command === 'help') return helpReply(command.locale);
    if (deps.answerQuestion) return deps.answerQuestion({ ...input, text }, fallbackLocale);
    return notUnderstood(fallbackLocale);
  };
}

export function notUnderstood(locale: Locale): Reply {
  const tr = translator(locale);
  return {
    locale,
    text: [
      tr('input.notUnderstood'),
      `• ${tr('help.responsibility')}`,
      `• ${tr('help.forum')}`,
      `• ${tr('help.structure')}`,
    ].join('\n'),
  };
}
