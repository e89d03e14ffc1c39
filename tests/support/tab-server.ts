/**
 * The tab's routes on the project's own HTTP server, wired to a running bot harness the way
 * src/service.ts wires them: the bot's store and registry, the SSO validator on a local key set,
 * and the digest with indicator figures from memory (no network in tests).
 */
import { createSsoTokenValidator } from '../../src/adapters/entra/sso-token-validator';
import { ActionService } from '../../src/app/actions';
import { DigestService } from '../../src/app/digest';
import { MeetingService } from '../../src/app/meetings';
import { createForumView } from '../../src/app/tab/forum-view';
import { createHttpServer } from '../../src/http/server';
import { registerTabRoutes } from '../../src/http/tab-routes';
import type { Clock } from '../../src/ports/clock';
import { StubIndicatorSource } from '../unit/app/digest/fixture';
import type { Harness } from './bot-harness';
import { APP_ID, BOT_DOMAIN, type LocalEntra } from './local-entra';

export interface TabServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startTabServer(bot: Harness, entra: LocalEntra, clock?: Clock): Promise<TabServer> {
  const index = () => bot.service.registry.current()?.index;
  const served = () => {
    const current = index();
    if (!current) throw new Error('registry not loaded');
    return current;
  };
  const deps = { store: bot.service.store, clock: clock ?? { now: Date.now }, registry: served };
  const digests = new DigestService({
    ...deps,
    indicators: new StubIndicatorSource(),
    meetings: new MeetingService(deps),
  });
  const http = createHttpServer({
    logger: bot.logger,
    maxBodyBytes: bot.config.MAX_BODY_BYTES,
    // The bot's own endpoint is the harness's; this server carries only the tab.
    messages: async (_req, res) => {
      res.statusCode = 404;
      res.end();
    },
    readiness: () => bot.service.readiness(),
  });
  registerTabRoutes(http.server, {
    identity: createSsoTokenValidator({
      appId: APP_ID,
      domain: BOT_DOMAIN,
      allowedTenants: bot.config.ALLOWED_TENANTS,
      jwksUrl: entra.jwksUrl,
      ...(clock ? { clock } : {}),
    }),
    forumView: createForumView({
      actions: new ActionService(deps),
      store: deps.store,
      registry: index,
      digests,
    }),
    logger: bot.logger,
    defaultLocale: bot.config.DEFAULT_LOCALE,
  });
  const port = await http.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, close: () => http.close(1000) };
}
