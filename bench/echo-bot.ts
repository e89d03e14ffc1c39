/**
 * The baseline of bench:http: a bare botbuilder echo bot on the same adapter and HTTP server
 * as the real bot, with nothing else (no store, no registry). Usage: PORT=… node … echo-bot.ts
 */
import { ActivityHandler } from 'botbuilder';
import { createCloudAdapter } from '../src/adapters/botbuilder/cloud-adapter';
import { createHttpServer } from '../src/http/server';
import { createLogger } from '../src/log/logger';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

async function main(): Promise<void> {
  const logger = createLogger('warn');
  const adapter = createCloudAdapter({ MicrosoftAppType: 'MultiTenant' }, logger, 'fi');
  const bot = new EchoBot();
  const http = createHttpServer({
    logger,
    maxBodyBytes: 256 * 1024,
    messages: async (req, res) => {
      const auth = await adapter.authenticate(req.body as never, '');
      const response = await adapter.run(auth, req.body as never, (context) => bot.run(context));
      res.writeHead(response?.status ?? 200);
      res.end();
    },
    readiness: async () => ({ ready: true, checks: {} }),
  });
  const port = await http.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
  process.stdout.write(`listening on http://127.0.0.1:${port}/api/messages\n`);
  process.on('SIGTERM', () => void http.close(1000).then(() => process.exit(0)));
}

void main();
