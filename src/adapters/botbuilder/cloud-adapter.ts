/**
 * botbuilder's CloudAdapter, authenticated from the configuration. With no MicrosoftAppId it
 * runs unauthenticated (Emulator, Agents Playground); main.ts refuses that in production.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { localeFromTag, t, type Locale } from '../../i18n';
import type { Logger } from '../../log/logger';
import { errorSummary } from '../../log/error-summary';

export interface BotCredentials {
  readonly MicrosoftAppId?: string;
  readonly MicrosoftAppPassword?: string;
  readonly MicrosoftAppTenantId?: string;
  readonly MicrosoftAppType: string;
}

export function createCloudAdapter(
  credentials: BotCredentials,
  logger: Logger,
  defaultLocale: Locale,
): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.MicrosoftAppId ?? '',
    MicrosoftAppPassword: credentials.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: credentials.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: credentials.MicrosoftAppType,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
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
