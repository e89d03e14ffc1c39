/**
 * botbuilder's CloudAdapter, authenticated from the configuration. With no MicrosoftAppId it
 * runs unauthenticated (Emulator, Agents Playground); main.ts refuses that in production.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { localeFromTag, t, type Locale } from '../../i18n';
import type { Logger } from '../../log/logger';
import { errorSummary } from '../../log/error-summary';
import { ReusingBotFrameworkAuthentication } from './reusing-authentication';

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * CloudAdapter whose request authentication the endpoint does itself, so that every token
 * failure is a 401 (CloudAdapter.process answers 500 to some, e.g. a bad signature).
 */
export class BotAdapter extends CloudAdapter {
  constructor(readonly authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.authentication.authenticateRequest(activity, authHeader);
  }

  run(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export interface BotCredentials {
  readonly MicrosoftAppId?: string;
  readonly MicrosoftAppPassword?: string;
  readonly MicrosoftAppTenantId?: string;
  readonly MicrosoftAppType: string;
  readonly ToBotFromChannelOpenIdMetadataUrl?: string;
  readonly ToBotFromChannelTokenIssuer?: string;
}

export function createCloudAdapter(
  credentials: BotCredentials,
  logger: Logger,
  defaultLocale: Locale,
): BotAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.MicrosoftAppId ?? '',
    MicrosoftAppPassword: credentials.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: credentials.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: credentials.MicrosoftAppType,
    ...(credentials.ToBotFromChannelOpenIdMetadataUrl
      ? { ToBotFromChannelOpenIdMetadataUrl: credentials.ToBotFromChannelOpenIdMetadataUrl }
      : {}),
    ...(credentials.ToBotFromChannelTokenIssuer
      ? { ToBotFromChannelTokenIssuer: credentials.ToBotFromChannelTokenIssuer }
      : {}),
  };
  const adapter = new BotAdapter(new ReusingBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: errorSummary(error), activityId: context.activity.id, type: context.activity.type },
      'turn failed',
    );
    const locale = localeFromTag(context.activity.locale) ?? defaultLocale;
    try {
      if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 500 } });
      } else if (context.activity.type === 'message') {
        const key =
          (error as { code?: unknown }).code === 'STORE_UNAVAILABLE'
            ? 'error.storeUnavailable'
            : 'error.generic';
        await context.sendActivity({ type: 'message', text: t(locale, key), textFormat: 'plain' });
      }
    } catch (sendError) {
      logger.warn({ err: errorSummary(sendError) }, 'apology not delivered');
    }
  };
  return adapter;
}
