/**
 * POST /api/messages: authenticate, then run the turn. Any token problem is a 401; the body was
 * checked to be an activity by the HTTP layer. Invoke responses go back as the HTTP answer.
 */
import type { Activity } from 'botbuilder';
import type { MessagesEndpoint } from '../../http/types';
import type { Logger } from '../../log/logger';
import { errorSummary } from '../../log/error-summary';
import type { BotAdapter } from './cloud-adapter';
import type { TeamsBot } from './teams-bot';

export function createMessagesEndpoint(adapter: BotAdapter, bot: TeamsBot, logger: Logger): MessagesEndpoint {
  return async (req, res) => {
    const activity = req.body as Activity;
    const header = req.headers.authorization;
    let auth;
    try {
      auth = await adapter.authenticate(activity, typeof header === 'string' ? header : '');
    } catch (error) {
      logger.warn(
        { activityId: activity.id, err: errorSummary(error) },
        'activity refused: authentication failed',
      );
      send(res, 401, { error: 'unauthorized' });
      return;
    }
    const invokeResponse = await adapter.run(auth, activity, (context) => bot.run(context));
    send(res, invokeResponse?.status ?? 200, invokeResponse?.body);
  };
}

function send(res: Parameters<MessagesEndpoint>[1], status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
