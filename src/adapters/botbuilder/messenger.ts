/**
 * The Messenger port on botbuilder's CloudAdapter: `continueConversationAsync` gives an
 * authenticated connector client for the reference's serviceUrl (none in local mode), and the
 * post goes through it: sendToConversation, createConversation for a new channel thread, or
 * updateActivity. Errors come back as SendResult values, never as exceptions.
 */
import {
  CardFactory,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
} from 'botbuilder';
import {
  isTransientStatus,
  type Messenger,
  type OutgoingMessage,
  type SendFailure,
  type SendResult,
} from '../../ports/messenger';
import { systemClock, type Clock } from '../../ports/clock';
import type { ConversationRef } from '../../ports/conversation-directory';
import { toConversationReference } from './conversation-ref';

export interface BotbuilderMessengerOptions {
  /** MicrosoftAppId; empty in local mode. */
  readonly botAppId: string;
  /** One request's limit; the send queue decides whether to try again. Default 15 s. */
  readonly requestTimeoutMs?: number;
}

interface RequestOptions {
  readonly timeout: number;
}

/** The part of botframework-connector's ConnectorClient used here. */
interface ConnectorConversations {
  sendToConversation(
    conversationId: string,
    activity: Activity,
    options: RequestOptions,
  ): Promise<{ id?: string }>;
  updateActivity(
    conversationId: string,
    activityId: string,
    activity: Activity,
    options: RequestOptions,
  ): Promise<{ id?: string }>;
  createConversation(
    parameters: ConversationParameters,
    options: RequestOptions,
  ): Promise<{ id?: string; activityId?: string }>;
}

interface ConnectorClientLike {
  readonly conversations: ConnectorConversations;
}

/** What a failed connector call throws: @azure/core-rest-pipeline's RestError, or a plain Error. */
interface HttpErrorLike {
  readonly name?: string;
  readonly code?: string;
  readonly statusCode?: number;
  readonly message?: string;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
}

const DEFAULT_TIMEOUT_MS = 15_000;
const REASON_MAX = 200;

export class BotbuilderMessenger implements Messenger {
  private readonly timeout: number;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly options: BotbuilderMessengerOptions,
    private readonly clock: Clock = systemClock,
  ) {
    this.timeout = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  send(ref: ConversationRef, message: OutgoingMessage): Promise<SendResult> {
    return this.withConnector(
      ref,
      async (conversations, activity) => {
        const channel = message.newThread ? teamsChannelOf(ref) : undefined;
        if (channel) {
          const created = await conversations.createConversation(
            newThreadParameters(ref, channel, activity),
            { timeout: this.timeout },
          );
          const activityId = created.activityId ?? created.id ?? '';
          return { ok: true, activityId, conversationId: created.id ?? ref.conversationId };
        }
        const sent = await conversations.sendToConversation(ref.conversationId, activity, {
          timeout: this.timeout,
        });
        return { ok: true, activityId: sent.id ?? '', conversationId: ref.conversationId };
      },
      message,
    );
  }

  update(ref: ConversationRef, activityId: string, message: OutgoingMessage): Promise<SendResult> {
    return this.withConnector(
      ref,
      async (conversations, activity) => {
        await conversations.updateActivity(
          ref.conversationId,
          activityId,
          { ...activity, id: activityId },
          {
            timeout: this.timeout,
          },
        );
        return { ok: true, activityId, conversationId: ref.conversationId };
      },
      message,
    );
  }

  private async withConnector(
    ref: ConversationRef,
    post: (conversations: ConnectorConversations, activity: Activity) => Promise<SendResult>,
    message: OutgoingMessage,
  ): Promise<SendResult> {
    const reference = toConversationReference(ref);
    let result: SendResult | undefined;
    try {
      await this.adapter.continueConversationAsync(this.options.botAppId, reference, async (context) => {
        // Caught here: the adapter would hand an error thrown from this turn to its onTurnError.
        try {
          const client = context.turnState.get(this.adapter.ConnectorClientKey) as ConnectorClientLike;
          withoutHiddenRetries(client);
          const activity = TurnContext.applyConversationReference(toMessageActivity(message), reference);
          result = await post(client.conversations, activity as Activity);
        } catch (error) {
          result = toSendFailure(error, this.clock.now());
        }
      });
    } catch (error) {
      return toSendFailure(error, this.clock.now());
    }
    return result ?? { ok: false, status: 0, permanent: false, reason: 'no result from the connector' };
  }
}

/**
 * botbuilder's connector client retries 429 and 5xx itself (three times, up to 64 s apart).
 * Those hidden requests would pass the send queue's rate windows and multiply its retries,
 * so each client (a new one per call) loses that policy: one call here is one request.
 */
function withoutHiddenRetries(client: ConnectorClientLike): void {
  const inner = (
    client as unknown as { client?: { pipeline?: { removePolicy?(p: { name: string }): unknown } } }
  ).client;
  inner?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

function toMessageActivity(message: OutgoingMessage): Partial<Activity> {
  const locale = message.locale ? { locale: message.locale } : {};
  if (message.card) {
    return {
      type: 'message',
      ...locale,
      summary: message.text.split('\n')[0]?.slice(0, 200) ?? '',
      attachments: [CardFactory.adaptiveCard({ ...message.card, fallbackText: message.text })],
    };
  }
  return { type: 'message', ...locale, text: message.text, textFormat: 'plain' };
}

/** The Teams channel to open a thread in; undefined when the conversation is no channel. */
function teamsChannelOf(ref: ConversationRef): string | undefined {
  if (ref.conversationType !== 'channel') return undefined;
  return ref.teamsChannelId ?? ref.conversationId;
}

function newThreadParameters(
  ref: ConversationRef,
  channelId: string,
  activity: Activity,
): ConversationParameters {
  const { conversation: _conversation, ...post } = activity;
  return {
    isGroup: true,
    bot: { id: ref.botId, name: ref.botName ?? '' },
    ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
    channelData: {
      channel: { id: channelId },
      ...(ref.tenantId ? { tenant: { id: ref.tenantId } } : {}),
    },
    activity: post as Activity,
  };
}

export function toSendFailure(error: unknown, now: number): SendFailure {
  const failure = (error ?? {}) as HttpErrorLike;
  const status = typeof failure.statusCode === 'number' ? failure.statusCode : 0;
  const retryAfterMs = parseRetryAfter(failure.response?.headers?.get?.('retry-after'), now);
  const cause = status > 0 ? `HTTP ${status}` : (failure.code ?? failure.name ?? 'error');
  const detail = (failure.message ?? '').replace(/\s+/g, ' ').trim();
  return {
    ok: false,
    status,
    permanent: !isTransientStatus(status),
    reason: `${cause}${detail ? `: ${detail}` : ''}`.slice(0, REASON_MAX),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
