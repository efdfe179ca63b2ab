/**
 * npm run bench: engine turns through the console path on the SQLite store, beside a bare
 * Keyv get+set of one member record on the same store, from the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLine } from '../adapters/console/inbound.js';
import { renderText } from '../adapters/console/render.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type MemberRef, memberKey } from '../src/engine/types.js';
import { silentLogger } from '../src/log.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100);

/** The typed lines of a network map, up to the resource check; every line is one turn. */
const SCRIPT = [
  '1',
  '1',
  'Anna, Piet, Mo',
  'Kees',
  'Lot, Sam',
  'No one else',
  '1',
  'Fatima, Joost',
  '1',
  'Ruth',
  'Ruth',
  '1',
  '1',
  '1',
  '1',
  '1',
  'Piet',
  'Nobody',
  '1',
  ...Array.from({ length: 9 }, () => ['2', '3']).flat(),
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function summarise(name: string, samples: number[], totalMs: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    ops: samples.length,
    perSecond: (samples.length / totalMs) * 1000,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'weakties-bench-'));
  const config = { ...loadConfig({}), storeUrl: `sqlite://${join(dir, 'bench.sqlite')}` };
  let rendered = 0;
  const app = await createApp(config, silentLogger, {
    deliver: async (_member, replies) => {
      for (const reply of replies) rendered += renderText(reply, {}).length;
    },
  });

  // Turns and the baseline alternate, so both meet the same WAL checkpoints and garbage collections.
  const members = app.store.spaces.member;
  const turns: number[] = [];
  const bare: number[] = [];
  for (let m = 0; m < MEMBERS; m++) {
    const member: MemberRef = { platform: 'console', space: 'local', user: `bench-${m}` };
    const key = memberKey(member);
    for (const line of SCRIPT) {
      const parsed = parseLine(line, member, false);
      if ('error' in parsed) throw new Error(parsed.error);
      const t0 = performance.now();
      await app.engine.handle(parsed.payload);
      turns.push(performance.now() - t0);
      // The baseline: the same member record, read and written back as it is, on the same store.
      const t1 = performance.now();
      await members.set(key, await members.get(key));
      bare.push(performance.now() - t1);
    }
  }
  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const total = (samples: number[]) => samples.reduce((a, b) => a + b, 0);
  const engine = summarise('engine turn (console path, SQLite)', turns, total(turns));
  const baseline = summarise('bare Keyv get+set of a member record (same store)', bare, total(bare));
  const f = (n: number) => n.toFixed(2);
  console.log(`weakties bench: ${MEMBERS} members × ${SCRIPT.length} turns, node ${process.version}`);
  console.log(`(${rendered} characters of replies rendered)\n`);
  console.log('| measure | ops | ops/s | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of [engine, baseline])
    console.log(`| ${r.name} | ${r.ops} | ${r.perSecond.toFixed(0)} | ${f(r.p50)} | ${f(r.p99)} |`);
  const ratio = baseline.perSecond / engine.perSecond;
  console.log(
    `\nturn cost ÷ bare get+set: mean ${f(ratio)}x, p50 ${f(engine.p50 / baseline.p50)}x, p99 ${f(engine.p99 / baseline.p99)}x (goal: at most 2x)`,
  );
}

await main();
