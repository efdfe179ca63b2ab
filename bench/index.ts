/**
 * npm run bench: every figure beside its baseline from the same run.
 * - engine turns through the console path on SQLite and on Redis, beside a bare Keyv get+set;
 * - two processes on one Redis, beside one process;
 * - Slack HTTP events acknowledged by one process at 200 events/s, beside a bare HTTP server;
 * - the community dashboard's pages at 100, 1,000 and 5,000 members, beside reading their records.
 * `npm run bench -- dashboard` (or slack, pairing, engine) runs one section alone.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { BIN } from '../test/helpers/cli.js';
import { freePort, startRedis } from '../test/helpers/redis.js';
import { FakeSlack } from '../test/slack/fake-slack.js';
import { eventEnvelope, imMessage } from '../test/slack/fixtures.js';
import { SIGNING_SECRET, signature } from '../test/slack/harness.js';
import { benchDashboard } from './dashboard.js';
import { benchGaps, benchGapsGroups, benchGroups, benchPairing } from './pairing.js';
import { playTurns, renderToNothing, SCRIPT } from './turns.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100);
const f = (n: number) => n.toFixed(2);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

interface Row {
  name: string;
  ops: number;
  perSecond: number;
  p50: number;
  p99: number;
}
const row = (name: string, samples: number[], ms = sum(samples)): Row => ({
  name,
  ops: samples.length,
  perSecond: (samples.length / ms) * 1000,
  p50: quantile(samples, 0.5),
  p99: quantile(samples, 0.99),
});

function table(rows: Row[]) {
  console.log('| measure | ops | ops/s | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(`| ${r.name} | ${r.ops} | ${r.perSecond.toFixed(0)} | ${f(r.p50)} | ${f(r.p99)} |`);
}

const ratio = (turn: Row, bare: Row) =>
  `turn ÷ bare get+set: mean ${f(bare.perSecond / turn.perSecond)}x, p50 ${f(turn.p50 / bare.p50)}x, p99 ${f(turn.p99 / bare.p99)}x`;

async function engineOn(storeUrl: string, label: string): Promise<[Row, Row]> {
  const app = await createApp({ ...loadConfig({}), storeUrl }, silentLogger, renderToNothing);
  const samples = await playTurns(app, 0, MEMBERS, true);
  await app.close();
  return [row(`engine turn (${label})`, samples.turns), row(`bare Keyv get+set (${label})`, samples.bare)];
}

/** Runs worker processes on the store at once, each with its own members; turns per second over all. */
async function processes(storeUrl: string, count: number): Promise<number> {
  const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const children = Array.from({ length: count }, (_, i) =>
    spawn(
      process.execPath,
      ['--import', 'tsx', worker, storeUrl, String(10_000 * (i + 1)), String(MEMBERS)],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 3000)); // let every worker connect first
  const outputs = children.map(async (child) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    await once(child, 'exit');
    return JSON.parse(out) as { turns: number; wallMs: number };
  });
  for (const child of children) child.stdin.end('go\n');
  const results = await Promise.all(outputs);
  return (sum(results.map((r) => r.turns)) / Math.max(...results.map((r) => r.wallMs))) * 1000;
}

/** Sends signed message.im events at `rate` per second; milliseconds to each acknowledgement. */
async function fire(url: string, rate: number, seconds: number): Promise<number[]> {
  const pending: Promise<number>[] = [];
  const total = rate * seconds;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = JSON.stringify(eventEnvelope(imMessage(`UB${i % 500}`, 'hello')));
    const t0 = performance.now();
    pending.push(
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signature(body) },
        body,
      }).then(async (response) => {
        await response.text();
        return response.ok ? performance.now() - t0 : Number.POSITIVE_INFINITY;
      }),
    );
  }
  return Promise.all(pending);
}

/** Runs a child process until `ready` answers; the adapter and the baseline each get their own process. */
async function serve(args: string[], env: NodeJS.ProcessEnv, port: number, path: string) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`no answer on port ${port}`);
}

/**
 * Slack events acknowledged by one `weakties start` process (SQLite, the default store), with the
 * Web API played by a fake in this process; beside a bare Node HTTP server in a process of its own.
 */
async function slackAcks(rate: number, seconds: number, dir: string): Promise<[Row, Row, number]> {
  const fake = await new FakeSlack().start();
  const port = await freePort();
  const adapter = await serve(
    [BIN, 'start'],
    {
      STORE_URL: `sqlite://${join(dir, 'slack.sqlite')}`,
      SLACK_BOT_TOKEN: 'xoxb-1-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
    },
    port,
    '/healthz',
  );
  const acks = await fire(`http://127.0.0.1:${port}/slack/events`, rate, seconds);
  adapter.kill('SIGTERM');
  await once(adapter, 'exit');
  await fake.stop();
  const barePort = await freePort();
  const bare = await serve(
    ['-e', `require('node:http').createServer((q, s) => s.end('')).listen(${barePort}, '127.0.0.1')`],
    {},
    barePort,
    '/',
  );
  const bareAcks = await fire(`http://127.0.0.1:${barePort}/`, rate, seconds);
  bare.kill('SIGKILL');
  const within = acks.filter((ms) => ms < 3000).length;
  return [
    row(`Slack HTTP event acknowledged (${rate}/s offered)`, acks, seconds * 1000),
    row(`bare Node HTTP 200 (${rate}/s offered)`, bareAcks, seconds * 1000),
    within / seconds,
  ];
}

/** Sections: `npm run bench -- dashboard` (or several names) runs those alone; none named runs all. */
const SECTIONS = ['slack', 'pairing', 'engine', 'dashboard'] as const;
type Section = (typeof SECTIONS)[number];
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`unknown bench section: ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  process.exit(2);
}
const runs = (section: Section) => asked.length === 0 || asked.includes(section);

/** Engine turns on SQLite and Redis, and two processes on one Redis. */
async function benchEngine(dir: string) {
  console.log(
    `weakties bench: ${MEMBERS} members × ${SCRIPT.length} turns per store, node ${process.version}\n`,
  );
  const redis = await startRedis();
  try {
    const sqlite = await engineOn(`sqlite://${join(dir, 'bench.sqlite')}`, 'SQLite');
    const onRedis = await engineOn(`${redis.url}/1`, 'Redis');
    table([...sqlite, ...onRedis]);
    console.log(`\nSQLite ${ratio(...sqlite)} (goal: at most 2x)`);
    console.log(`Redis  ${ratio(...onRedis)}`);
    const redisTurn = onRedis[0];
    console.log(
      `Redis, one process: ${redisTurn.perSecond.toFixed(0)} turns/s, p99 ${f(redisTurn.p99)} ms (goal: 500 turns/s, p99 under 20 ms)`,
    );

    const one = await processes(`${redis.url}/2`, 1);
    const two = await processes(`${redis.url}/3`, 2);
    console.log(
      `\nTwo processes on one Redis: ${two.toFixed(0)} turns/s beside one process ${one.toFixed(0)} turns/s: ${f(two / one)}x (goal: 1.7x)`,
    );
  } finally {
    await redis.stop();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'weakties-bench-'));
  try {
    // Measured first, while this process (the load and the fake Slack) has a small heap: its own
    // garbage collection would otherwise be counted in the adapter's acknowledgement times.
    const acks = runs('slack') ? await slackAcks(200, 5, dir) : undefined;
    if (runs('pairing')) {
      await benchPairing();
      await benchGroups();
      await benchGaps();
      await benchGapsGroups();
    }
    if (runs('engine')) await benchEngine(dir);
    if (acks) {
      const [slack, bare, within] = acks;
      console.log('');
      table([slack, bare]);
      console.log(
        `Slack acknowledgements within 3 s: ${within.toFixed(0)} events/s; p99 ${f(slack.p99)} ms beside a bare server's ${f(bare.p99)} ms (goal: p99 under 100 ms at 200 events/s)`,
      );
    }
    if (runs('dashboard')) await benchDashboard();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
