/**
 * The HTTP surface (restify only): /api/messages for the Bot Framework, health and readiness
 * probes. Bad requests are answered 4xx and never crash the process.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../log/logger';
import { errorSummary } from '../log/error-summary';
import { registerTabRoutes, type TabRoutesDeps } from './tab-routes';
import type { ChartsEndpoint, ExportsEndpoint, MessagesEndpoint, Readiness } from './types';

export interface HttpServerDeps {
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly messages: MessagesEndpoint;
  readonly readiness: () => Promise<Readiness>;
  readonly exports?: ExportsEndpoint;
  readonly charts?: ChartsEndpoint;
  readonly tab?: TabRoutesDeps;
}

export interface HttpServer {
  readonly server: Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting connections and resolves when in-flight requests are done (or the grace ends). */
  close(graceMs: number): Promise<void>;
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const server = restify.createServer({ name: 'yhdyspinta-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  const drained: (() => void)[] = [];

  server.pre((req: Request, res: Response, next: restify.Next) => {
    if (draining) {
      res.header('Connection', 'close');
      res.send(503, { error: 'shutting down' });
      return next(false);
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained.splice(0).forEach((resolve) => resolve());
    });
    return next();
  });
  server.use(
    restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, rejectUnknown: true }),
  );

  server.post('/api/messages', async (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (!isActivityShaped(body)) {
      res.send(400, { error: 'the body must be a Bot Framework activity (JSON object with a type)' });
      return;
    }
    try {
      await deps.messages(req, res);
    } catch (error) {
      deps.logger.warn({ err: errorSummary(error) }, 'activity rejected');
      if (!res.headersSent) res.send(statusOf(error), { error: 'activity rejected' });
    }
  });

  // Tools such as the Agents Playground probe the endpoint before posting; the probe needs no token.
  server.head('/api/messages', async (_req: Request, res: Response) => {
    res.writeHead(200, { Allow: 'POST, HEAD' });
    res.end();
  });

  server.get('/forums/:forumId/:file', async (req: Request, res: Response) => {
    if (!deps.exports) {
      res.send(404, { error: 'not found' });
      return;
    }
    const params = req.params as Record<string, string | undefined>;
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const file = await deps.exports(params.forumId ?? '', params.file ?? '', query.get('token') ?? bearer);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Cache-Control', 'private, no-store');
    res.writeHead(file.status);
    res.end(file.body);
  });

  server.get('/charts/:file', async (req: Request, res: Response) => {
    const file = (req.params as Record<string, string | undefined>).file ?? '';
    const token = /^([A-Za-z0-9_-]+)\.png$/.exec(file)?.[1];
    const chart = token && deps.charts ? await deps.charts(token) : undefined;
    if (!chart) {
      res.send(404, { error: 'not found' });
      return;
    }
    res.setHeader('Content-Type', chart.contentType);
    res.setHeader('Cache-Control', 'public, max-age=86400, immutable');
    res.writeHead(chart.status);
    res.end(chart.body);
  });

  if (deps.tab) registerTabRoutes(server, deps.tab);

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const readiness = await deps.readiness();
    res.send(readiness.ready ? 200 : 503, {
      status: readiness.ready ? 'ready' : 'not ready',
      checks: readiness.checks,
    });
  });

  server.on(
    'restifyError',
    (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
      const status = error.statusCode ?? 500;
      const log = status >= 500 ? deps.logger.error.bind(deps.logger) : deps.logger.info.bind(deps.logger);
      log({ method: req.method, path: req.path(), status, err: errorSummary(error) }, 'request failed');
      // Clients get the status and a short reason, never a stack trace.
      (error as { toJSON?: () => unknown }).toJSON = () => ({
        error: status >= 500 ? 'internal error' : error.message,
      });
      callback();
    },
  );

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(address.port);
        });
      }),
    close: async (graceMs) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => drained.push(resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
    },
  };
}

function isActivityShaped(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { type?: unknown }).type === 'string'
  );
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
}
