/**
 * The Teams surface: routes activities to the core and sends back what it answers.
 * It does not think: every decision is made in src/app.
 */
import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import type { ActivityLedger } from '../../app/activity-ledger';
import { greetingReply } from '../../app/help';
import type { MessageInput } from '../../app/handle-message';
import type { Reply } from '../../app/reply';
import { localeFromTag, type Locale } from '../../i18n';
import { errorSummary } from '../../log/error-summary';
import type { Logger } from '../../log/logger';
import type { Clock } from '../../ports/clock';
import type { ConversationDirectory } from '../../ports/conversation-directory';
import { channelDataOf, tenantOf, toConversationRef } from './conversation-ref';
import { toActivity } from './reply-activity';

export interface TeamsBotDeps {
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ledger: ActivityLedger;
  readonly conversations: ConversationDirectory;
  readonly allowedTenants: readonly string[];
  readonly defaultLocale: Locale;
  readonly handleMessage: (input: MessageInput) => Promise<Reply>;
  /** The reply to a card submission that carries no known verb. */
  readonly unknownSubmit: (locale: Locale) => Reply;
  /** A card button: undefined when the payload is not one this bot sent. */
  readonly cardAction: (actor: CardActor, value: unknown) => Promise<CardActionResult | undefined>;
  /** The log form for a message ("Log as action" on a message). */
  readonly messageActionForm: (actor: CardActor, messageText: string, key: string) => Reply;
  /** Sends a 1:1 message to a user where a conversation with them is known. */
  readonly notify: (aadObjectId: string, reply: Reply) => Promise<void>;
}

interface ActivityLogFields {
  readonly activityId: string | undefined;
  readonly type: string;
  readonly channelId: string;
}

export interface CardActor {
  readonly aadObjectId?: string;
  readonly teamsChannelId?: string;
  readonly locale: Locale;
}

export interface CardActionResult {
  readonly reply: Reply;
  readonly notify?: { readonly aadObjectId: string; readonly reply: Reply };
}

export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const botId = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((member) => member.id === botId)) await this.greet(context);
      if (context.activity.membersRemoved?.some((member) => member.id === botId)) await this.forget(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      const action = context.activity.action?.toLowerCase() ?? '';
      if (action.startsWith('add')) await this.greet(context);
      if (action.startsWith('remove')) await this.forget(context);
      await next();
    });
  }

  /** Every activity passes here first: tenant check, duplicate check, conversation reference. */
  override async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    const started = this.deps.clock.now();
    // Fields of every line about this activity; no child logger, so nothing is built at a quiet level.
    const ids: ActivityLogFields = {
      activityId: activity.id,
      type: activity.type,
      channelId: activity.channelId,
    };
    const tenantId = tenantOf(activity);
    if (this.deps.allowedTenants.length > 0 && (!tenantId || !this.deps.allowedTenants.includes(tenantId))) {
      this.deps.logger.warn({ ...ids, tenantId: tenantId ?? null }, 'activity refused: tenant not allowed');
      if (activity.type === 'invoke')
        await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    const conversationId = activity.conversation?.id ?? '';
    if (activity.id && !(await this.claim(conversationId, activity.id, ids))) {
      this.deps.logger.info(ids, 'duplicate delivery ignored');
      return;
    }
    await this.remember(activity, ids);
    if (activity.type === 'invoke' && (typeof activity.value !== 'object' || activity.value === null)) {
      // Every invoke this bot handles carries an object; anything else is malformed.
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 400, body: { error: 'malformed invoke' } },
      });
      return;
    }
    try {
      await super.run(context);
    } catch (error) {
      if (activity.id) await this.deps.ledger.forget(conversationId, activity.id).catch(() => undefined);
      throw error;
    }
    if (this.deps.logger.isLevelEnabled('info'))
      this.deps.logger.info({ ...ids, tenantId, ms: this.deps.clock.now() - started }, 'activity handled');
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!activity.text?.trim() && activity.value !== undefined) {
      // A card button (Action.Submit): a known verb is handled, anything else changes nothing.
      const result = await this.deps.cardAction(this.actorOf(activity), activity.value);
      if (!result) {
        await context.sendActivity(toActivity(this.deps.unknownSubmit(this.localeOf(activity))));
        return;
      }
      await context.sendActivity(toActivity(result.reply));
      await this.notifyOwner(result);
      return;
    }
    const data = channelDataOf(activity);
    const reply = await this.deps.handleMessage({
      text: messageText(activity),
      conversationId: activity.conversation.id,
      ...(activity.locale ? { clientLocale: activity.locale } : {}),
      ...(activity.from?.aadObjectId ? { userAadObjectId: activity.from.aadObjectId } : {}),
      ...(data.channel?.id ? { teamsChannelId: data.channel.id } : {}),
      ...(tenantOf(activity) ? { tenantId: tenantOf(activity) } : {}),
      ...(activity.id ? { activityId: activity.id } : {}),
    });
    await context.sendActivity(toActivity(reply));
  }

  /** botbuilder answers unknown invokes 501; they are the caller's mistake, so 400. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    return response.status === 501 ? { status: 400, body: { error: 'unknown invoke' } } : response;
  }

  /** Universal Actions: the card is answered with its new version, updated in place for everyone. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data: unknown = invokeValue.action?.data;
    const payload = {
      ...(typeof data === 'object' && data !== null ? data : {}),
      verb: invokeValue.action?.verb,
    };
    const result = await this.deps.cardAction(this.actorOf(context.activity), payload);
    if (!result) {
      const reply = this.deps.unknownSubmit(this.localeOf(context.activity));
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: reply.text as never,
      };
    }
    await this.notifyOwner(result);
    if (!result.reply.card) {
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: result.reply.text as never,
      };
    }
    const card = { ...result.reply.card, fallbackText: result.reply.text };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }

  /** "Log as action" on a message: a task module with the form prefilled from the message. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const messageText = htmlToText(action.messagePayload?.body?.content ?? '');
    const key = context.activity.id ?? messageText.slice(0, 80);
    const reply = this.deps.messageActionForm(this.actorOf(context.activity), messageText, key);
    if (!reply.card) return { task: { type: 'message', value: reply.text } };
    return {
      task: {
        type: 'continue',
        value: {
          title: reply.text,
          width: 'large',
          height: 'large',
          card: CardFactory.adaptiveCard(reply.card),
        },
      },
    };
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const result = await this.deps.cardAction(this.actorOf(context.activity), action.data);
    const reply = result?.reply ?? this.deps.unknownSubmit(this.localeOf(context.activity));
    await context.sendActivity(toActivity(reply));
    if (result) await this.notifyOwner(result);
    return {};
  }

  private actorOf(activity: Activity): CardActor {
    const conversation = activity.conversation;
    const channel =
      channelDataOf(activity).channel?.id ??
      (conversation?.conversationType === 'groupChat' ? conversation.id : undefined);
    return {
      locale: this.localeOf(activity),
      ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
      ...(channel ? { teamsChannelId: channel } : {}),
    };
  }

  private localeOf(activity: Activity): Locale {
    return localeFromTag(activity.locale) ?? this.deps.defaultLocale;
  }

  private async notifyOwner(result: CardActionResult): Promise<void> {
    if (!result.notify) return;
    try {
      await this.deps.notify(result.notify.aadObjectId, result.notify.reply);
    } catch (error) {
      this.deps.logger.warn({ err: errorSummary(error) }, 'owner notification not delivered');
    }
  }

  private async greet(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation.id;
    if (!(await this.deps.ledger.firstGreeting(conversationId, this.deps.clock.now()))) return;
    const locale = localeFromTag(context.activity.locale) ?? this.deps.defaultLocale;
    await context.sendActivity(toActivity(greetingReply(locale)));
  }

  private async forget(context: TurnContext): Promise<void> {
    const ref = toConversationRef(context.activity, this.deps.clock.now());
    if (ref) await this.deps.conversations.remove(ref.conversationId);
  }

  private async claim(conversationId: string, activityId: string, ids: ActivityLogFields): Promise<boolean> {
    try {
      return await this.deps.ledger.firstDelivery(conversationId, activityId);
    } catch (error) {
      // Answering beats de-duplicating: with the store down a question still gets its answer.
      this.deps.logger.warn({ ...ids, err: errorSummary(error) }, 'duplicate check unavailable');
      return true;
    }
  }

  private async remember(activity: Activity, ids: ActivityLogFields): Promise<void> {
    const action = activity.action?.toLowerCase() ?? '';
    if (activity.type === 'installationUpdate' && action.startsWith('remove')) return;
    const ref = toConversationRef(activity, this.deps.clock.now());
    if (!ref) return;
    try {
      await this.deps.conversations.save(ref, {
        fresh: activity.type !== 'message' && activity.type !== 'invoke',
      });
    } catch (error) {
      this.deps.logger.warn({ ...ids, err: errorSummary(error) }, 'conversation reference not saved');
    }
  }
}

/** The message text without the bot's @mention and other Teams mention markup. */
export function messageText(activity: Activity): string {
  const withoutBot = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return withoutBot
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

/** Teams message bodies are HTML: the form is prefilled with their plain text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()
    .slice(0, 4000);
}
