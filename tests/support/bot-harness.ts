/** Starts the real bot service in this process on a free port, with a quiet logger. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config/config';
import { createLogger, type Logger } from '../../src/log/logger';
import type { Clock } from '../../src/ports/clock';
import { startBotService, type BotService } from '../../src/service';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SAMPLE_REGISTRY = join(REPO_ROOT, 'data/registry');

/** Collects log lines so tests can assert what was (not) logged. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }
  text(): string {
    return this.lines.map((line) => JSON.stringify(line)).join('\n');
  }
}

export interface Harness {
  readonly service: BotService;
  readonly url: string;
  readonly logs: LogCapture;
  readonly config: Readonly<Config>;
  readonly logger: Logger;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export async function startHarness(
  env: Record<string, string | undefined> = {},
  options: { clock?: Clock; dataDir?: string } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bot-data-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    REGISTRY_PATH: SAMPLE_REGISTRY,
    LOG_LEVEL: 'debug',
    SHUTDOWN_GRACE_MS: '2000',
    ...env,
  });
  const logs = new LogCapture();
  const logger = createLogger(config.LOG_LEVEL, logs);
  const service = await startBotService(config, {
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    service,
    url: service.url,
    logs,
    config,
    logger,
    dataDir,
    stop: async () => {
      await service.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
