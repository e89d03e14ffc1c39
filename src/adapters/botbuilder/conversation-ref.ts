/** Maps between botbuilder's activities/references and our ConversationRef DTO. */
import type { Activity, ConversationReference } from 'botbuilder';
import type { ConversationRef } from '../../ports/conversation-directory';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
}

export function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  const data: unknown = activity.channelData;
  return data && typeof data === 'object' ? (data as TeamsChannelData) : {};
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  return (fromConversation ?? channelDataOf(activity).tenant?.id)?.toLowerCase();
}

export function toConversationRef(activity: Partial<Activity>, now: number): ConversationRef | undefined {
  const conversation = activity.conversation;
  if (!conversation?.id || !activity.serviceUrl || !activity.recipient?.id || !activity.channelId)
    return undefined;
  const data = channelDataOf(activity);
  const conversationType = conversation.conversationType;
  const teamsChannelId = data.channel?.id ?? (conversationType === 'groupChat' ? conversation.id : undefined);
  // The base conversation id of a channel thread is the part before ";messageid=".
  const conversationId =
    conversationType === 'channel' ? (conversation.id.split(';')[0] ?? conversation.id) : conversation.id;
  const tenantId = tenantOf(activity);
  return {
    conversationId,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    botId: activity.recipient.id,
    updatedAt: now,
    ...(conversationType ? { conversationType } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(data.team?.id ? { teamId: data.team.id } : {}),
    ...(teamsChannelId ? { teamsChannelId } : {}),
    ...(activity.recipient.name ? { botName: activity.recipient.name } : {}),
    ...(conversationType === 'personal' && activity.from?.aadObjectId
      ? { userAadObjectId: activity.from.aadObjectId }
      : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

export function toConversationReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.botId, name: ref.botName ?? '' },
    conversation: {
      id: ref.conversationId,
      isGroup: ref.conversationType !== 'personal',
      conversationType: ref.conversationType ?? '',
      tenantId: ref.tenantId ?? '',
      name: '',
    },
    ...(ref.locale ? { locale: ref.locale } : {}),
  };
}
