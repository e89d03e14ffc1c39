/**
 * Wires the bot from its parts: store, registry, use-cases, Teams surface and HTTP server.
 * main.ts calls it with the process's configuration; integration tests call it with theirs.
 */
import { createCloudAdapter } from './adapters/botbuilder/cloud-adapter';
import { createMessagesEndpoint } from './adapters/botbuilder/messages-endpoint';
import { TeamsBot } from './adapters/botbuilder/teams-bot';
import { openStore } from './adapters/open-store';
import { backfillClosedIndexes } from './app/actions/closed-index-backfill';
import { loadRegistryFromPath, type LoadedRegistry } from './adapters/file/registry-source';
import { watchRegistry } from './adapters/file/registry-watcher';
import { ActionDesk } from './app/action-desk/action-desk';
import { actionCommands, actorOf } from './app/action-desk/commands';
import { createExports } from './app/action-desk/exports';
import { ActionService } from './app/actions';
import { DigestService } from './app/digest';
import { CalendarTokens } from './app/digest-desk/calendar-tokens';
import { ChartRegistry } from './app/digest-desk/charts';
import { DigestDesk } from './app/digest-desk/digest-desk';
import { chartFiles, meetingsCalendar } from './app/digest-desk/files';
import { MeetingService } from './app/meetings';
import { createSsoTokenValidator, ssoNotConfigured } from './adapters/entra/sso-token-validator';
import { createForumView } from './app/tab/forum-view';
import { BotbuilderMessenger } from './adapters/botbuilder/messenger';
import { reminderJobs } from './app/action-desk/reminder-jobs';
import { DeliveryRecords, SendQueue, teamsLimits } from './app/delivery';
import { deliveriesReply } from './app/digest-desk/deliveries';
import { digestJobs } from './app/digest-desk/digest-jobs';
import type { Forum } from './domain/registry';
import { Scheduler } from './scheduler';
import { randomUUID } from 'node:crypto';
import { MeetingDesk } from './app/digest-desk/meeting-desk';
import { parseMeetingAction } from '../cards/meeting-verbs';
import type { Locale } from './i18n';
import { renderTrendChart } from './adapters/charts/trend-chart';
import { createCachedIndicatorSource } from './adapters/indicators/cached-indicator-source';
import { createPxwebClient } from './adapters/indicators/pxweb-client';
import { createSotkanetClient } from './adapters/indicators/sotkanet-client';
import { ActivityLedger } from './app/activity-ledger';
import { WriteRateLimit } from './app/write-rate-limit';
import type { ServedRegistry } from './app/served-registry';
import { parseCardAction } from '../cards/action-verbs';
import { createNotifier } from './adapters/botbuilder/notifier';
import { unknownSubmitReply } from './app/help';
import { createQuestionAnswerer } from './app/answer-question';
import { StoredConversationDirectory } from './app/conversation-directory';
import { createMessageHandler } from './app/handle-message';
import { RegistryHolder } from './app/registry-holder';
import type { Config } from './config/config';
import { localeFromTag, t } from './i18n';
import { createHttpServer } from './http/server';
import type { Readiness } from './http/types';
import { errorSummary } from './log/error-summary';
import type { Logger } from './log/logger';
import { systemClock, type Clock } from './ports/clock';
import type { Store } from './ports/store';

export interface BotService {
  readonly port: number;
  readonly url: string;
  readonly store: Store;
  readonly registry: RegistryHolder<LoadedRegistry>;
  readiness(): Promise<Readiness>;
  /** Loads the registry again (file change, SIGHUP); an invalid version is logged and not served. */
  reloadRegistry(): Promise<void>;
  /** Due digests and reminders; tests tick it by hand. */
  readonly scheduler: Scheduler;
  /** Graceful: stop accepting, finish in-flight work, close the store. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  readonly logger: Logger;
  readonly clock?: Clock;
}

export async function startBotService(
  config: Readonly<Config>,
  options: ServiceOptions,
): Promise<BotService> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;

  const registry = new RegistryHolder<LoadedRegistry>(
    () => loadRegistryFromPath(config.REGISTRY_PATH),
    clock.now,
  );
  const loaded = await registry.reload();
  if (!loaded.ok)
    throw new Error(`registry ${config.REGISTRY_PATH} does not load:\n  ${loaded.errors.join('\n  ')}`);
  for (const warning of loaded.warnings) logger.warn({ registry: config.REGISTRY_PATH }, warning);

  const reloadRegistry = async (): Promise<void> => {
    const outcome = await registry.reload();
    if (outcome.ok) logger.info({ registry: config.REGISTRY_PATH }, 'registry reloaded');
    else
      logger.error(
        { registry: config.REGISTRY_PATH, errors: outcome.errors },
        'registry reload rejected; the previous version stays in service',
      );
  };
  const watcher = watchRegistry(config.REGISTRY_PATH, () => void reloadRegistry());

  const store = await openStore(config, logger);
  const conversations = new StoredConversationDirectory(store);
  const answerQuestion = createQuestionAnswerer({
    registry: () => registry.current(),
    clock,
    store,
    onStoreError: (error) => logger.warn({ err: errorSummary(error) }, 'conversation memory unavailable'),
  });
  const served = (): ServedRegistry => {
    const current = registry.current();
    if (!current) throw new Error('registry not loaded');
    return current;
  };
  const actions = new ActionService({ store, clock, registry: () => served().index });
  await backfillClosedIndexes(
    store,
    served().registry.forums.map((forum) => forum.id),
    clock.now(),
  )
    .then((added) => {
      if (added > 0) logger.info({ actions: added }, 'closed actions indexed (one-time upgrade)');
    })
    .catch((error: unknown) =>
      logger.warn(
        { err: errorSummary(error) },
        'closed-action index upgrade not finished; retried at next start',
      ),
    );
  const publicBaseUrl = config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `http://localhost:${config.PORT}`;
  const calendars = new CalendarTokens(store);
  const desk = new ActionDesk({
    actions,
    registry: () => registry.current()?.index,
    publicBaseUrl,
    now: clock.now,
    onRotate: (forumId: string) => calendars.rotate(forumId),
  });
  const meetings = new MeetingService({ store, clock, registry: () => served().index });
  const indicators = createCachedIndicatorSource({
    sotkanet: createSotkanetClient({ baseUrl: config.SOTKANET_URL }),
    pxweb: createPxwebClient({ baseUrl: config.STATFIN_URL }),
    store,
    clock,
    logger: logger.child({ component: 'indicators' }),
  });
  const digests = new DigestService({
    store,
    clock,
    registry: () => served().index,
    indicators,
    meetings,
    logger,
  });
  const charts = new ChartRegistry(store);
  const meetingDesk = new MeetingDesk(meetings, () => registry.current(), clock.now);
  const digestDesk = new DigestDesk({
    digests,
    registry: () => registry.current(),
    store,
    charts,
    calendars,
    publicBaseUrl,
  });

  const handleMessage = createMessageHandler({
    defaultLocale: config.DEFAULT_LOCALE,
    commands: {
      ...actionCommands(desk, () => registry.current()),
      meetings: (input, locale) => meetingDesk.command(actorOf(input, locale)),
      deliveries: (input, locale) =>
        deliveriesReply(new DeliveryRecords(store), registry.current(), actorOf(input, locale)),
      digest: (input, locale, rest) => digestDesk.command(actorOf(input, locale), rest),
    },
    answerQuestion: async (input, locale) => (await answerQuestion(input, locale)).reply,
  });

  const writeLimit = new WriteRateLimit(config.WRITES_PER_USER_PER_MINUTE, 60_000, clock.now);
  const bot = new TeamsBot({
    logger,
    clock,
    ledger: new ActivityLedger(store),
    conversations,
    allowedTenants: config.ALLOWED_TENANTS,
    defaultLocale: config.DEFAULT_LOCALE,
    handleMessage,
    unknownSubmit: unknownSubmitReply,
    cardAction: async (cardActor, value) => {
      // Replies follow the card's language (sent in its data), not the Teams client's locale.
      const given = (value as { lang?: unknown } | undefined)?.lang;
      const lang = typeof given === 'string' ? localeFromTag(given) : undefined;
      const actor = lang ? { ...cardActor, locale: lang } : cardActor;
      const payload = parseCardAction(value);
      const verb = (value as { verb?: unknown } | undefined)?.verb;
      if (!payload && typeof verb !== 'string') return undefined;
      if (isWrite(verb) && !writeLimit.allow(actor.aadObjectId ?? 'anonymous')) {
        logger.warn({ verb }, 'card action refused: write rate limit');
        return { reply: { locale: actor.locale, text: t(actor.locale, 'error.rateLimited') } };
      }
      try {
        const meeting = parseMeetingAction(value);
        if (meeting) return { reply: await meetingDesk.cardAction(actor, meeting) };
        if (!payload) {
          const reply = await digestDesk.cardAction(actor, verb as string, value);
          return reply ? { reply } : undefined;
        }
        return await desk.cardAction(actor, payload);
      } catch (error) {
        // Nothing was acknowledged: say so instead of failing silently; the user can retry.
        if ((error as { code?: unknown }).code !== 'STORE_UNAVAILABLE') throw error;
        logger.warn({ err: errorSummary(error) }, 'card action refused: store unavailable');
        return { reply: { locale: actor.locale, text: t(actor.locale, 'error.storeUnavailable') } };
      }
    },
    messageActionForm: (actor, messageText, key) =>
      desk.logForm(actor, 'action', messageText, key, { submitOnly: true }),
    notify: (aadObjectId, reply) => notify(aadObjectId, reply),
  });
  const adapter = createCloudAdapter(config, logger, config.DEFAULT_LOCALE);
  const notify = createNotifier(adapter, conversations, config.MicrosoftAppId ?? '');

  const readiness = async (): Promise<Readiness> => {
    const checks: Record<string, string> = {};
    try {
      await store.ping();
      checks.store = 'ok';
    } catch (error) {
      checks.store = `unreachable: ${errorSummary(error).message}`;
    }
    checks.registry = registry.current() ? 'ok' : 'not loaded';
    return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
  };

  const messenger = new BotbuilderMessenger(adapter, { botAppId: config.MicrosoftAppId ?? '' }, clock);
  const sendQueue = new SendQueue(
    { messenger, conversations, store, clock, logger: logger.child({ component: 'send-queue' }) },
    { limits: teamsLimits(config.BOT_INSTANCES) },
  );
  const tellSecretaries = async (forum: Forum, text: (locale: Locale) => string): Promise<void> => {
    const index = registry.current()?.index;
    for (const person of forum.secretaries.map((id) => index?.peopleById.get(id))) {
      const ref = person?.aadObjectId ? await conversations.findPersonal(person.aadObjectId) : undefined;
      if (!ref) continue;
      const locale = localeFromTag(ref.locale) ?? config.DEFAULT_LOCALE;
      await sendQueue.deliver({
        id: `notice:${randomUUID()}`,
        ref,
        message: { text: text(locale), locale },
        forumId: forum.id,
        kind: 'notice',
      });
    }
  };
  const scheduler = new Scheduler(
    { store, clock, logger: logger.child({ component: 'scheduler' }) },
    { tickMs: config.SCHEDULER_TICK_MS || 30_000 },
  );
  scheduler.register(
    digestJobs({
      registry: () => registry.current(),
      meetings,
      digests,
      desk: digestDesk,
      conversations,
      queue: sendQueue,
      locale: config.DEFAULT_LOCALE,
      tellSecretaries,
    }),
  );
  scheduler.register(
    reminderJobs({
      actions,
      conversations,
      queue: sendQueue,
      registry: () => registry.current(),
      locale: config.DEFAULT_LOCALE,
    }),
  );
  if (config.SCHEDULER_TICK_MS > 0) scheduler.start();

  const tabDomain =
    config.BOT_DOMAIN ?? (config.PUBLIC_BASE_URL ? new URL(config.PUBLIC_BASE_URL).host : undefined);
  const tab = {
    identity: config.MicrosoftAppId
      ? createSsoTokenValidator({
          appId: config.MicrosoftAppId,
          domain: tabDomain,
          allowedTenants: config.ALLOWED_TENANTS,
          ...(config.ENTRA_JWKS_URL ? { jwksUrl: config.ENTRA_JWKS_URL } : {}),
          clock,
        })
      : ssoNotConfigured,
    forumView: createForumView({
      actions,
      store,
      registry: () => registry.current()?.index,
      digests,
      onDigestError: (error: unknown) => logger.warn({ err: errorSummary(error) }, 'tab: digest not built'),
    }),
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
  };

  const http = createHttpServer({
    tab,
    logger,
    maxBodyBytes: config.MAX_BODY_BYTES,
    messages: createMessagesEndpoint(adapter, bot, logger),
    readiness,
    exports: createExports(actions, config.DEFAULT_LOCALE, {
      'meetings.ics': meetingsCalendar(meetings, calendars, config.DEFAULT_LOCALE),
    }),
    charts: chartFiles(charts, (data) =>
      renderTrendChart(data.points, {
        ...(data.verdict ? { verdict: data.verdict } : {}),
        background: 'white',
      }),
    ),
  });
  const port = await http.listen(config.PORT, config.HOST);
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  logger.info({ port }, `listening on http://${host}:${port}/api/messages`);

  return {
    port,
    url: `http://${host}:${port}`,
    store,
    registry,
    readiness,
    reloadRegistry,
    scheduler,
    close: async () => {
      watcher.close();
      await http.close(config.SHUTDOWN_GRACE_MS);
      // Scheduled jobs wait on the send queue, so the scheduler stops first.
      await scheduler.stop(config.SHUTDOWN_GRACE_MS);
      await sendQueue.close(config.SHUTDOWN_GRACE_MS);
      await store.close();
    },
  };
}

/** Card verbs that change stored data (reads such as refresh and list are not limited). */
function isWrite(verb: unknown): boolean {
  return (
    typeof verb === 'string' && !/\.(refresh|list)\.v\d+$/.test(verb) && verb !== 'actions.cancelForm.v1'
  );
}
