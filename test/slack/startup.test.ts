import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSlackAdapter } from '../../adapters/slack/index.js';
import { createApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { FakeSlack } from './fake-slack.js';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

it('stops with an error naming SLACK_BOT_TOKEN when Slack refuses the token', async () => {
  fake = await new FakeSlack().start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-revoked',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'weakties-slack-')), 'db.sqlite')}`,
  });
  const app = await createApp(config, silentLogger, { deliver: async () => {} });
  try {
    const opening = openSlackAdapter({ app, config, log: silentLogger });
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
  } finally {
    await app.close();
  }
});

it('refuses a malformed token before starting, naming the variable', () => {
  expect(() => loadConfig({ SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 's' })).toThrow(
    /SLACK_BOT_TOKEN/,
  );
  expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(
    /SLACK_APP_TOKEN/,
  );
});
