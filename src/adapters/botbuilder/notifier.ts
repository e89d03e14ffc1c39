/** 1:1 messages to a user through the stored personal conversation (proactive messaging). */
import type { CloudAdapter } from 'botbuilder';
import type { Reply } from '../../app/reply';
import type { ConversationDirectory } from '../../ports/conversation-directory';
import { toConversationReference } from './conversation-ref';
import { toActivity } from './reply-activity';

export function createNotifier(
  adapter: CloudAdapter,
  conversations: ConversationDirectory,
  botAppId: string,
) {
  return async (aadObjectId: string, reply: Reply): Promise<void> => {
    const ref = await conversations.findPersonal(aadObjectId);
    // Without a personal conversation the bot cannot start one from here; the card in the thread suffices.
    if (!ref) return;
    await adapter.continueConversationAsync(botAppId, toConversationReference(ref), async (context) => {
      await context.sendActivity(toActivity(reply));
    });
  };
}
