/** Turns a use-case Reply into a Teams message activity: the card with its text fallback. */
import { CardFactory, type Activity } from 'botbuilder';
import type { Reply } from '../../app/reply';

export function toActivity(reply: Reply): Partial<Activity> {
  const firstLineEnd = reply.text.indexOf('\n');
  const summary = reply.text.slice(0, Math.min(firstLineEnd === -1 ? reply.text.length : firstLineEnd, 200));
  if (reply.card) {
    return {
      type: 'message',
      locale: reply.locale,
      summary,
      attachments: [CardFactory.adaptiveCard({ ...reply.card, fallbackText: reply.text })],
    };
  }
  return {
    type: 'message',
    locale: reply.locale,
    text: reply.text,
    textFormat: 'plain',
    ...(reply.suggestions && reply.suggestions.length > 0
      ? {
          suggestedActions: {
            to: [],
            actions: reply.suggestions.map((value) => ({ type: 'imBack', title: value, value })),
          },
        }
      : {}),
  };
}
