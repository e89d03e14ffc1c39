/** Teams-shaped activities as Teams sends them to /api/messages. */
import { randomUUID } from 'node:crypto';

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
export const BOT_ID = '28:bot-app-id';
export const USER_AAD = '3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11';

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly text?: string;
  readonly tenantId?: string;
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'channel' | 'groupChat';
  readonly locale?: string;
  readonly id?: string;
  readonly aadObjectId?: string;
  readonly teamsChannelId?: string;
  readonly value?: unknown;
}

function base(options: ActivityOptions): Record<string, unknown> {
  const tenantId = options.tenantId ?? TENANT;
  const conversationType = options.conversationType ?? 'personal';
  const teamsChannelId = options.teamsChannelId ?? '19:forum-channel@thread.tacv2';
  return {
    id: options.id ?? `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'fi-FI',
    from: { id: '29:user-id', name: 'Marja Malli', aadObjectId: options.aadObjectId ?? USER_AAD },
    recipient: { id: BOT_ID, name: 'Yhdyspintabotti' },
    conversation: {
      id:
        options.conversationId ??
        (conversationType === 'channel' ? `${teamsChannelId};messageid=1` : `a:conv-${randomUUID()}`),
      conversationType,
      tenantId,
      ...(conversationType === 'personal' ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: tenantId },
      ...(conversationType === 'channel'
        ? { team: { id: '19:team@thread.tacv2' }, channel: { id: teamsChannelId } }
        : {}),
    },
  };
}

export function messageActivity(options: ActivityOptions): Record<string, unknown> {
  return {
    ...base(options),
    type: 'message',
    text: options.text ?? '',
    textFormat: 'plain',
    ...(options.value === undefined ? {} : { value: options.value }),
  };
}

export function mentionMessage(options: ActivityOptions): Record<string, unknown> {
  const text = `<at>Yhdyspintabotti</at> ${options.text ?? ''}`;
  return {
    ...messageActivity({ ...options, text }),
    entities: [
      {
        type: 'mention',
        text: '<at>Yhdyspintabotti</at>',
        mentioned: { id: BOT_ID, name: 'Yhdyspintabotti' },
      },
    ],
  };
}

export function botAddedActivity(options: ActivityOptions): Record<string, unknown> {
  return { ...base(options), type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }] };
}

export function installationActivity(
  options: ActivityOptions,
  action: 'add' | 'remove',
): Record<string, unknown> {
  return { ...base(options), type: 'installationUpdate', action };
}

export async function postActivity(
  botUrl: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}

export function invokeActivity(
  options: ActivityOptions & { name: string; value: unknown },
): Record<string, unknown> {
  return { ...base(options), type: 'invoke', name: options.name, value: options.value };
}

/** An Action.Execute press on a card: Teams sends it as an adaptiveCard/action invoke. */
export function cardActionInvoke(
  options: ActivityOptions & { verb: string; data: Record<string, unknown> },
): Record<string, unknown> {
  return invokeActivity({
    ...options,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: options.verb, data: options.data }, trigger: 'manual' },
  });
}
