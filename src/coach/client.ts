import OpenAI from 'openai';
import type { CoachConfig } from '../config.js';

/** Who answers: for the start-up line and the operator's logs (never the key). */
export function describeCoach(config: CoachConfig | undefined): string {
  if (!config) return 'scripted';
  const host = config.baseUrl ? new URL(config.baseUrl).host : 'api.openai.com';
  return `openai ${config.model}@${host}`;
}

/**
 * The SDK client: one retry at most (429, 5xx, connection errors). The caller passes an
 * AbortSignal with the turn's deadline, so the retry never stretches the member's wait.
 */
export function createOpenAiClient(config: CoachConfig): OpenAI {
  return new OpenAI({
    // An OpenAI-compatible local server needs no key; the SDK insists on one, so send a dummy.
    apiKey: config.apiKey ?? 'no-key',
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: 1,
  });
}
