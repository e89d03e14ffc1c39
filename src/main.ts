/** Composition root: configuration → logger → service → signals. Nothing else happens here. */
import { ConfigError, loadConfig, redactedConfig } from './config/config';
import { errorSummary } from './log/error-summary';
import { createLogger } from './log/logger';
import { startBotService } from './service';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  logger.info({ config: redactedConfig(config) }, 'starting');
  if (config.localMode) {
    logger.warn(
      'LOCAL MODE: no MicrosoftAppId set, inbound activities are NOT authenticated. Use only with the Emulator or Agents Playground.',
    );
  }
  if (config.ALLOWED_TENANTS.length === 0) {
    logger.warn('ALLOWED_TENANTS is empty: activities from every tenant are accepted.');
  }

  const service = await startBotService(config, { logger });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    service
      .close()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: errorSummary(error) }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => void service.reloadRegistry());
}

main().catch((error: unknown) => {
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
