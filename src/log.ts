import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured logs go to stderr so stdout stays free for the conversation.
 * Never log a member's text or a name from a map at info level or above.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'weakties' } }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
