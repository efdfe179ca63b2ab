import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../adapters/slack/connection.js';

describe("Bolt's logs", () => {
  it('never carry a Web API body, even at LOG_LEVEL=trace', () => {
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    const bolt = boltLogger(log);
    bolt.debug('http request body', { channel: 'D1', text: 'Ask Zebulon Quixote about the job' });
    bolt.info('apiCall("chat.postMessage") start');
    bolt.warn('rate limited');
    expect(lines.join('\n')).not.toContain('Zebulon');
    // What Bolt says at info and above still reaches the operator.
    expect(lines).toHaveLength(2);
    expect(bolt.getLevel()).not.toBe('debug');
  });
});
