/**
 * The Teams surface: routes activities to the core and sends back what it answers.
 * It does not think: every decision is made in src/app.
 */
import { TeamsActivityHandler, TurnContext, type Activity } from 'botbuilder';
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
    const log = this.deps.logger.child({
      activityId: activity.id,
      type: activity.type,
      channelId: activity.channelId,
    });
    const tenantId = tenantOf(activity);
    if (this.deps.allowedTenants.length > 0 && (!tenantId || !this.deps.allowedTenants.includes(tenantId))) {
      log.warn({ tenantId: tenantId ?? null }, 'activity refused: tenant not allowed');
      if (activity.type === 'invoke')
        await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    const conversationId = activity.conversation?.id ?? '';
    if (activity.id && !(await this.claim(conversationId, activity.id, log))) {
      log.info('duplicate delivery ignored');
      return;
    }
    await this.remember(activity, log);
    try {
      await super.run(context);
    } catch (error) {
      if (activity.id) await this.deps.ledger.forget(conversationId, activity.id).catch(() => undefined);
      throw error;
    }
    log.info({ tenantId, ms: this.deps.clock.now() - started }, 'activity handled');
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!activity.text?.trim() && activity.value !== undefined) {
      // A card button (Action.Submit) without a verb this bot knows: nothing changes.
      await context.sendActivity(
        toActivity(this.deps.unknownSubmit(localeFromTag(activity.locale) ?? this.deps.defaultLocale)),
      );
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
    });
    await context.sendActivity(toActivity(reply));
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

  private async claim(conversationId: string, activityId: string, log: Logger): Promise<boolean> {
    try {
      return await this.deps.ledger.firstDelivery(conversationId, activityId);
    } catch (error) {
      // Answering beats de-duplicating: with the store down a question still gets its answer.
      log.warn({ err: errorSummary(error) }, 'duplicate check unavailable');
      return true;
    }
  }

  private async remember(activity: Activity, log: Logger): Promise<void> {
    const action = activity.action?.toLowerCase() ?? '';
    if (activity.type === 'installationUpdate' && action.startsWith('remove')) return;
    const ref = toConversationRef(activity, this.deps.clock.now());
    if (!ref) return;
    try {
      await this.deps.conversations.save(ref);
    } catch (error) {
      log.warn({ err: errorSummary(error) }, 'conversation reference not saved');
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
