/**
 * The Teams tab over HTTP: its static pages (/tab, /tab/config and their scripts) and
 * GET /api/tab/forum, which answers only to a valid Teams SSO token: 401 without one or with an
 * invalid one, 403 for a tenant that is not allowed, never any data with either. Its `status`
 * parameter picks the actions listed (see app/tab/status-filter.ts); an unknown one is a 400.
 */
import type { Next, Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { ForumView, ForumViewCode } from '../app/tab/forum-view';
import { TAB_STATUS_FILTERS } from '../app/tab/status-filter';
import { localeFromTag, type Locale } from '../i18n';
import { errorSummary } from '../log/error-summary';
import type { Logger } from '../log/logger';
import type { IdentityRefusalCode, IdentityValidator } from '../ports/identity';
import { loadTabAssets, TAB_CONTENT_SECURITY_POLICY, type TabAssetOptions } from './tab-assets';

export interface TabRoutesDeps {
  readonly identity: IdentityValidator;
  readonly forumView: ForumView;
  readonly logger: Logger;
  /** When the query names no language the app knows. */
  readonly defaultLocale: Locale;
  readonly assets?: TabAssetOptions;
}

const id = z.string().trim().min(1).max(512).optional();
const querySchema = z.object({
  channelId: id,
  chatId: id,
  teamId: id,
  locale: z.string().max(35).optional(),
  status: z.enum(TAB_STATUS_FILTERS).optional(),
});
const BAD_QUERY = 'channelId, chatId, teamId and locale must be short strings';
const BAD_STATUS = `status must be one of: ${TAB_STATUS_FILTERS.join(', ')}`;

const REFUSAL_STATUS: Partial<Record<IdentityRefusalCode, number>> = {
  TENANT_NOT_ALLOWED: 403,
  KEYS_UNAVAILABLE: 503,
};
const VIEW_STATUS: Record<ForumViewCode, number> = { TAB_NO_FORUM: 404, TAB_REGISTRY_UNAVAILABLE: 503 };

export function registerTabRoutes(server: Server, deps: TabRoutesDeps): void {
  for (const [path, asset] of loadTabAssets(deps.assets)) {
    server.get(path, (_req: Request, res: Response, next: Next) => {
      res.setHeader('Content-Type', asset.contentType);
      res.setHeader('Content-Security-Policy', TAB_CONTENT_SECURITY_POLICY);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Not versioned by name: the browser asks again and gets 200 with the current file.
      res.setHeader('Cache-Control', 'no-cache');
      res.writeHead(200);
      res.end(asset.body);
      return next();
    });
  }

  server.get('/api/tab/forum', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const token = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'unauthorized' });
      return;
    }
    const checked = await deps.identity.validate(token);
    if (!checked.ok) {
      const { code, detail } = checked.refusal;
      deps.logger.info({ reason: code, detail }, 'tab token refused');
      const status = REFUSAL_STATUS[code] ?? 401;
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      if (status === 503) res.setHeader('Retry-After', '30');
      res.send(status, {
        error: status === 403 ? 'forbidden' : status === 503 ? 'unavailable' : 'unauthorized',
      });
      return;
    }
    const query = querySchema.safeParse(
      Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams),
    );
    if (!query.success) {
      const status = query.error.issues.some((issue) => issue.path[0] === 'status');
      res.send(400, { error: status ? BAD_STATUS : BAD_QUERY });
      return;
    }
    const { channelId, chatId, locale, status } = query.data;
    try {
      const outcome = await deps.forumView(checked.identity, {
        ...(channelId ? { channelId } : chatId ? { chatId } : {}),
        locale: localeFromTag(locale) ?? deps.defaultLocale,
        ...(status ? { status } : {}),
      });
      if (outcome.ok) res.send(200, outcome.view);
      else res.send(VIEW_STATUS[outcome.code], { error: outcome.code });
    } catch (error) {
      const unavailable = (error as { code?: unknown }).code === 'STORE_UNAVAILABLE';
      deps.logger.warn({ err: errorSummary(error) }, 'tab forum view failed');
      res.send(unavailable ? 503 : 500, { error: unavailable ? 'unavailable' : 'internal error' });
    }
  });
}
