/**
 * The built CLI: `weakties dashboard --port 0` serves the dashboard alone; `weakties dashboard
 * link` (another process, the same store) prints a link that works once; the terminal's member
 * typing `dashboard` gets one too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { BIN, runCli, type Sandbox, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';
import { tokenIn } from './browser.js';

const e2e = useCli();
let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill('SIGTERM');
  server = undefined;
});

/** Starts `weakties dashboard --port 0` and answers the address it printed. */
function serve(sandbox: Sandbox): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'dashboard', '--port', '0'], {
    cwd: sandbox.dir,
    env: sandbox.env,
  });
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = out.match(/Dashboard at (http:\/\/localhost:\d+)\/dashboard/)?.[1];
      if (url) resolve(url.replace('localhost', '127.0.0.1'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('exit', (code) => reject(new Error(`weakties dashboard exited (${code}): ${out}`)));
  });
}

const open = (url: string) => fetch(url, { redirect: 'manual' });

it('weakties dashboard link prints a link the separately served dashboard honours once', async () => {
  const sandbox = e2e.sandbox();
  const base = await serve(sandbox);
  expect((await fetch(`${base}/dashboard`)).status).toBe(401);

  const printed = await runCli({ ...sandbox, env: { ...sandbox.env, PUBLIC_URL: base } }, [
    'dashboard',
    'link',
  ]);
  expect(printed.code).toBe(0);
  const link = printed.stdout.trim();
  expect(link).toBe(`${base}/dashboard/signin?token=${tokenIn(link)}`);
  const first = await open(link);
  expect([first.status, first.headers.get('location')]).toEqual([303, '/dashboard']);
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const overview = await fetch(`${base}/dashboard`, { headers: { cookie } });
  expect(overview.status).toBe(200);
  expect(await overview.text()).toContain(say('en', 'dashboard.place.console', { space: 'local' }));
  expect((await open(link)).status).toBe(410);

  // Another community by flag; a platform that does not exist is a usage error.
  const slack = await runCli(sandbox, ['dashboard', 'link', '--platform', 'slack', '--space', 'T9']);
  const cookieOf = async (url: string) =>
    ((await open(url.replace('http://localhost:3000', base))).headers.get('set-cookie') ?? '').split(
      ';',
    )[0] ?? '';
  const slackPage = await fetch(`${base}/dashboard`, {
    headers: { cookie: await cookieOf(slack.stdout.trim()) },
  });
  expect(await slackPage.text()).toContain(say('en', 'dashboard.place.slack', { space: 'T9' }));
  expect((await runCli(sandbox, ['dashboard', 'link', '--platform', 'irc'])).code).toBe(2);
});

it("the terminal's member types dashboard and gets a one-time link", async () => {
  const sandbox = e2e.sandbox();
  const base = await serve(sandbox);
  const typed = await runCli(
    { ...sandbox, env: { ...sandbox.env, PUBLIC_URL: base } },
    ['console', '--lang', 'en'],
    {
      input: 'dashboard\n',
    },
  );
  const link = `${base}/dashboard/signin?token=${tokenIn(typed.stdout)}`;
  expect((await open(link)).status).toBe(303);
  expect((await open(link)).status).toBe(410);
});

it('start in the terminal with PORT set serves the dashboard beside the coach', async () => {
  const sandbox = e2e.sandbox();
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: sandbox.dir,
    env: { ...sandbox.env, PORT: '0' },
  });
  server = child;
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  // The address goes to stderr, so the conversation on stdout stays the coach's alone.
  const base = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const url = err.match(/Dashboard at (http:\/\/localhost:\d+)\/dashboard/)?.[1];
      if (url) resolve(url.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`weakties start exited (${code}): ${err}`)));
  });
  expect(out).not.toContain('Dashboard at');
  child.stdin.write('dashboard\n');
  await expect.poll(() => out, { timeout: 15_000 }).toMatch(/token=/);
  const link = `${base}/dashboard/signin?token=${tokenIn(out)}`;
  expect((await open(link)).status).toBe(303);
  expect((await open(link)).status).toBe(410);
  child.stdin.end();
});
