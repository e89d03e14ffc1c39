/** One structured JSON logger (pino) for the whole process; secrets never reach it. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'yhdyspinta-bot' },
      redact: {
        paths: [
          '*.password',
          '*.MicrosoftAppPassword',
          '*.authorization',
          '*.headers.authorization',
          'token',
          '*.token',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
