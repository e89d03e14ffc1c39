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
  /** The Teams activity id: the idempotency key of anything the message creates. */
  readonly activityId?: string;
}

/** Messages longer than this are answered from their beginning only. */
export const MAX_ANALYSED_CHARS = 2000;

export type QuestionAnswerer = (input: MessageInput, fallbackLocale: Locale) => Promise<Reply>;

export interface CommandHandlers {
  logForm(input: MessageInput, locale: Locale): Reply | Promise<Reply>;
  listActions(input: MessageInput, locale: Locale, rest: string): Promise<Reply>;
  exportLinks(input: MessageInput, locale: Locale, rest: string): Promise<Reply>;
  minutes(input: MessageInput, locale: Locale, rest: string): Promise<Reply>;
  digest(input: MessageInput, locale: Locale, rest: string): Promise<Reply>;
  meetings(input: MessageInput, locale: Locale): Promise<Reply>;
  deliveries(input: MessageInput, locale: Locale): Promise<Reply>;
}

export interface MessageHandlerDeps {
  readonly defaultLocale: Locale;
  readonly commands?: CommandHandlers;
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
    if (command && deps.commands) {
      const message = { ...input, text };
      if (command.command === 'log') return deps.commands.logForm(message, command.locale);
      if (command.command === 'actions')
        return deps.commands.listActions(message, command.locale, command.rest);
      if (command.command === 'export')
        return deps.commands.exportLinks(message, command.locale, command.rest);
      if (command.command === 'minutes') return deps.commands.minutes(message, command.locale, command.rest);
      if (command.command === 'digest') return deps.commands.digest(message, command.locale, command.rest);
      if (command.command === 'meetings') return deps.commands.meetings(message, command.locale);
      if (command.command === 'deliveries') return deps.commands.deliveries(message, command.locale);
    }
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
