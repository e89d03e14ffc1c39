/** The action tracker's chat commands, wired to the ActionDesk. */
import type { Locale } from '../../i18n';
import type { CommandHandlers, MessageInput } from '../handle-message';
import type { ServedRegistry } from '../served-registry';
import type { ActionDesk, Actor } from './action-desk';
import { topicOf } from './topic';

const MY = ['omat', 'oma', 'minun', 'mina', 'mine', 'my'];
const OVERDUE = ['myöhässä', 'myohassa', 'försenade', 'overdue', 'late'];
const SEARCH = ['hae', 'etsi', 'sök', 'search', 'find'];
const ROTATE = ['uusi', 'uudet', 'ny', 'nya', 'new', 'rotate'];

/** Who sends a message, as the chat use-cases see them. */
export function actorOf(input: MessageInput, locale: Locale): Actor {
  return {
    locale,
    ...(input.userAadObjectId ? { aadObjectId: input.userAadObjectId } : {}),
    ...(input.teamsChannelId ? { teamsChannelId: input.teamsChannelId } : {}),
  };
}

export function actionCommands(
  desk: ActionDesk,
  registry: () => ServedRegistry | undefined,
): Omit<CommandHandlers, 'digest' | 'meetings' | 'deliveries'> {
  return {
    logForm: (input, locale) => {
      const kind = /\b(päätös|päätöksen|beslut|decision)\b/i.test(input.text.slice(0, 40))
        ? 'decision'
        : 'action';
      return desk.logForm(
        actorOf(input, locale),
        kind,
        input.text,
        input.activityId ?? `${input.conversationId}:${input.text.length}`,
      );
    },
    listActions: (input, locale, rest) => {
      const [first = '', ...others] = rest.trim().split(/\s+/);
      const word = first.toLowerCase();
      if (MY.includes(word)) return desk.list(actorOf(input, locale), { filter: 'my', offset: 0 });
      if (OVERDUE.includes(word)) return desk.list(actorOf(input, locale), { filter: 'overdue', offset: 0 });
      if (SEARCH.includes(word))
        return desk.list(actorOf(input, locale), {
          filter: 'search',
          words: others.join(' ').slice(0, 200),
          offset: 0,
        });
      const served = registry();
      const topic = served ? topicOf(served, rest, locale) : undefined;
      if (topic) {
        return desk.list(actorOf(input, locale), {
          filter: 'by',
          grouping: topic.grouping,
          groupId: topic.id,
          words: topic.name,
          offset: 0,
        });
      }
      if (rest.trim() !== '')
        return desk.list(actorOf(input, locale), {
          filter: 'search',
          words: rest.trim().slice(0, 200),
          offset: 0,
        });
      return desk.list(actorOf(input, locale), { filter: 'open', offset: 0 });
    },
    minutes: (input, locale, rest) => desk.minutes(actorOf(input, locale), rest),
    exportLinks: (input, locale, rest) =>
      desk.exportLinks(actorOf(input, locale), ROTATE.includes(rest.trim().toLowerCase())),
  };
}
