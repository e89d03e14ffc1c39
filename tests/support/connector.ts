/**
 * A local HTTP server playing the Bot Framework connector (the activity's serviceUrl):
 * it receives the bot's replies and proactive messages so tests can read them.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface ReceivedActivity {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: { content?: unknown }[];
  };
}

/** Decides the status of one request; default 200. */
export type ConnectorBehaviour = (request: { path: string; count: number }) => {
  status: number;
  headers?: Record<string, string>;
};

export interface FakeConnector {
  readonly url: string;
  readonly received: ReceivedActivity[];
  behaviour: ConnectorBehaviour;
  /** Resolves when `count` activities (optionally of one conversation) have arrived. */
  waitFor(
    count: number,
    filter?: (activity: ReceivedActivity) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedActivity[]>;
  clear(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: ReceivedActivity[] = [];
  const waiters: (() => void)[] = [];
  let requests = 0;
  let nextId = 1;
  const connector: FakeConnector = {
    url: '',
    received,
    behaviour: () => ({ status: 200 }),
    waitFor: (count, filter = () => true, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const matching = received.filter(filter);
          if (matching.length >= count) {
            resolve(matching);
            return true;
          }
          return false;
        };
        if (check()) return;
        const timer = setTimeout(() => {
          reject(
            new Error(
              `expected ${count} activities, got ${received.filter(filter).length}: ${JSON.stringify(received.filter(filter).map((r) => r.activity.text ?? r.activity.type))}`,
            ),
          );
        }, timeoutMs);
        const waiter = (): void => {
          if (check()) clearTimeout(timer);
          else waiters.push(waiter);
        };
        waiters.push(waiter);
      }),
    clear: () => {
      received.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '';
    const body = await readBody(req);
    requests += 1;
    const { status, headers } = connector.behaviour({ path, count: requests });
    if (status >= 300) {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify({ error: { code: 'Fake', message: `fake ${status}` } }));
      return;
    }
    const match = /\/v3\/conversations\/([^/]+)(?:\/activities)?/.exec(path);
    const conversationId = decodeURIComponent(match?.[1] ?? '');
    let activity: ReceivedActivity['activity'] = {};
    try {
      activity = body ? (JSON.parse(body) as ReceivedActivity['activity']) : {};
    } catch {
      activity = { raw: body };
    }
    received.push({ method: req.method ?? '', path, conversationId, activity });
    waiters.splice(0).forEach((waiter) => waiter());
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${nextId++}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  (connector as { url: string }).url = `http://127.0.0.1:${port}`;
  return connector;
}

/** The text a reply shows: its text, or its card's fallback and TextBlocks. */
export function replyText(received: ReceivedActivity): string {
  const parts: string[] = [];
  if (typeof received.activity.text === 'string') parts.push(received.activity.text);
  for (const attachment of received.activity.attachments ?? []) {
    parts.push(JSON.stringify(attachment.content ?? {}));
  }
  return parts.join('\n');
}
