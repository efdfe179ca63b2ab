import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { assertBuilt, BIN } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';
import { FakeDiscord } from './fake-discord.js';
import { directMessage, messageCreate, person } from './fixtures.js';

let fake: FakeDiscord | undefined;
let weakties: ChildProcess | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  if (weakties && weakties.exitCode === null) {
    weakties.kill('SIGTERM');
    await once(weakties, 'exit');
  }
  await fake?.close();
});

it('DISCORD_SHARDS runs the adapter as discord.js shards in child processes, and they coach', async () => {
  fake = await FakeDiscord.start();
  const dir = mkdtempSync(join(tmpdir(), 'weakties-shards-'));
  weakties = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      STORE_URL: `sqlite://${join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: 'fake-token-0123456789-abcdefghij',
      DISCORD_APPLICATION_ID: '600000000000000001',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: '2',
    },
    stdio: 'ignore',
  });
  const current = fake;
  await current.waitFor(() => current.identifiedShards.length >= 2);
  expect([...current.identifiedShards].sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  // Wait until both shards are READY, then a member writes in a DM.
  await current.waitFor(() => current.connected);
  const ada = person('100000000000000042');
  current.dispatch(messageCreate(directMessage(ada, current.dmChannelOf(ada.id), 'hello')));
  const reply = await current.waitFor(() =>
    current.messages.find((m) => m.content === say('en', 'welcome.intro')),
  );
  expect(reply.channel_id).toBe(current.dmChannelOf(ada.id));
}, 60_000);
