/**
 * `weakties start` with Discord (no Slack HTTP mode to share a port with) and PORT set serves the
 * dashboard on its own server; a link from another process (the same store) opens it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.js';
import { assertBuilt, BIN, runCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

let fake: FakeDiscord | undefined;
let weakties: ChildProcess | undefined;
let dir: string | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  if (weakties && weakties.exitCode === null) {
    weakties.kill('SIGTERM');
    await once(weakties, 'exit');
  }
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('start serves /dashboard on PORT when Slack HTTP mode does not', async () => {
  fake = await FakeDiscord.start();
  dir = mkdtempSync(join(tmpdir(), 'weakties-start-dashboard-'));
  const env = {
    PATH: process.env.PATH,
    STORE_URL: `sqlite://${join(dir, 'db.sqlite')}`,
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: 'fake-token-0123456789-abcdefghij',
    DISCORD_APPLICATION_ID: '600000000000000001',
    DISCORD_API_URL: fake.apiUrl,
    PORT: '0',
  };
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  weakties = child;
  // pino's JSON line on stderr names the port bound (PORT=0 picks a free one).
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      for (const line of err.split('\n')) {
        if (!line.includes('dashboard served')) continue;
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.on('exit', (code) => reject(new Error(`weakties start exited (${code}): ${err}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  expect((await fetch(`${base}/dashboard`)).status).toBe(401);

  const sandbox = {
    dir,
    dbPath: '',
    outDir: '',
    cleanup: () => {},
    env: { ...env, PUBLIC_URL: base, LOG_LEVEL: 'silent' },
  };
  const link = (
    await runCli(sandbox, ['dashboard', 'link', '--platform', 'discord', '--space', 'global'])
  ).stdout.trim();
  const signIn = await fetch(link, { redirect: 'manual' });
  expect(signIn.status).toBe(303);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const overview = await fetch(`${base}/dashboard`, { headers: { cookie } });
  expect(overview.status).toBe(200);
  expect(await overview.text()).toContain(say('en', 'dashboard.place.discord', { space: 'global' }));
}, 60_000);
