import type { CloudAdapter } from 'botbuilder';
import type { MessagesEndpoint } from '../../http/types';
import type { TeamsBot } from './teams-bot';

export function createMessagesEndpoint(adapter: CloudAdapter, bot: TeamsBot): MessagesEndpoint {
  // restify's request and response satisfy botbuilder's minimal Request/Response shapes.
  return (req, res) => adapter.process(req as never, res as never, (context) => bot.run(context));
}
