/** A local HTTP server for the indicator client tests: records every request and answers from a handler. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type Reply =
  | {
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly json?: unknown;
      readonly text?: string;
    }
  /** Never answers: for timeouts. */
  | 'hang';

export type Handler = (request: RecordedRequest) => Reply;

export interface ReplayServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Requests whose path starts with `prefix`. */
  count(prefix: string): number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startReplayServer(handler: Handler): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://replay.local'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = handler(recorded);
      if (reply === 'hang') return;
      const body = reply.json === undefined ? (reply.text ?? '') : JSON.stringify(reply.json);
      res.writeHead(reply.status ?? 200, {
        'content-type': reply.json === undefined ? 'text/plain' : 'application/json; charset=utf-8',
        ...reply.headers,
      });
      res.end(body);
    });
  });
  const url = await listen(server);
  return {
    url,
    requests,
    count: (prefix) => requests.filter((request) => request.url.pathname.startsWith(prefix)).length,
    close: () => close(server),
  };
}

/** A URL on which nothing listens: connection refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await close(server);
  return url;
}
