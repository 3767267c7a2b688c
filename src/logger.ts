import pino, { type Logger } from 'pino';

/** Structured logs. Secrets and anything a person typed never go in them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'tandem' },
    redact: { paths: ['*.password', '*.MicrosoftAppPassword', '*.authorization', '*.text'], censor: '[redacted]' },
  });
}
