/**
 * The community dashboard at 100, 1,000 and 5,000 members: each chart page and the CSV export,
 * beside the cost no page can avoid (reading and validating every member record of the
 * community, as the engine reads them); and GET /dashboard through the real server on port 0
 * with a session cookie, beside a static answer (GET /dashboard/style.css) from the same server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { CHART_PAGES, type ChartPage, type PageContext } from '../src/dashboard/content.js';
import { csvFile, ROUNDS_CSV, tableCsv } from '../src/dashboard/export.js';
import { layout, pageContentHtml } from '../src/dashboard/html.js';
import { SESSION_COOKIE } from '../src/dashboard/http.js';
import { allTables, chartPage } from '../src/dashboard/pages.js';
import { closeServer, createDashboard, serveDashboard } from '../src/dashboard/server.js';
import { migrateState } from '../src/engine/state.js';
import { silentLogger } from '../src/log.js';
import { communityKey } from '../src/pairing/community.js';
import { openStore, type Store } from '../src/store/open.js';
import { readAll } from '../src/store/scan.js';
import { texts } from '../test/helpers/engine.js';
import { BENCH_NOW, BENCH_REF, benchCommunity, roundsFor, storeCommunity } from './dashboard-community.js';

const SIZES = [100, 1000, 5000];
/** Runs per figure (after one warm-up run); the median is shown. */
const runsFor = (members: number) => (members >= 5000 ? 3 : 5);
/** A page should answer within this for a community of this size (ms). */
const goalFor = (members: number) => (members <= 100 ? 300 : members <= 1000 ? 1000 : 3000);

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
const goalText = (goal: number) => (goal >= 1000 ? `${goal / 1000} s` : `${goal} ms`);

/** Median milliseconds of `runs` calls after a warm-up call. */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** The baseline: every member record of the community read and validated, nothing aggregated. */
async function readAndValidate(store: Store): Promise<number> {
  let valid = 0;
  for (const [, raw] of await readAll(store.spaces.member)) {
    const member = (raw as { member?: { platform?: string; space?: string } }).member;
    if (member?.platform !== BENCH_REF.platform || member.space !== BENCH_REF.space) continue;
    migrateState(raw);
    valid += 1;
  }
  return valid;
}

const contextOf = (store: Store): PageContext => ({
  store,
  community: BENCH_REF,
  lang: 'en',
  say: texts.forLang('en'),
  now: BENCH_NOW,
});

/** A chart page as the server sends it: the content, its HTML and the layout around it. */
async function renderPage(page: ChartPage, ctx: PageContext): Promise<string> {
  const content = await chartPage(page, ctx);
  const frame = {
    lang: ctx.lang,
    say: ctx.say,
    title: content.title,
    signedIn: { current: page, community: communityKey(ctx.community), csrf: 'x', path: '/dashboard' },
  };
  return layout(frame, pageContentHtml(content, ctx.lang, ctx.say));
}

/** Every CSV the export page offers: each chart table and the coffee rounds. */
async function exportAll(ctx: PageContext): Promise<number> {
  const files = (await allTables(ctx)).map(tableCsv);
  files.push((await csvFile(ctx, `${ROUNDS_CSV}.csv`)) ?? '');
  return files.reduce((n, f) => n + f.length, 0);
}

/** GET /dashboard with a session cookie and GET /dashboard/style.css, medians over the same server. */
async function httpRoundTrips(store: Store, runs: number): Promise<{ page: number; style: number }> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const dashboard = createDashboard({ store, texts, config, log: silentLogger, clock: () => BENCH_NOW });
  const served = await serveDashboard(dashboard, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${served.port}`;
  try {
    const signIn = await fetch(await dashboard.signInLink(BENCH_REF, 'en', base), { redirect: 'manual' });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    if (!cookie.startsWith(`${SESSION_COOKIE}=`)) throw new Error(`no session cookie (${signIn.status})`);
    const get = (path: string) => async () => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = await response.text();
      if (response.status !== 200 || body.length === 0) throw new Error(`${path}: ${response.status}`);
    };
    const page = await timed(runs, get('/dashboard'));
    const style = await timed(Math.max(runs, 20), get('/dashboard/style.css'));
    return { page, style };
  } finally {
    await closeServer(served.server);
  }
}

interface Figures {
  store: string;
  members: number;
  baseline: number;
  pages: Record<ChartPage | 'export', number>;
  http: { page: number; style: number };
}

async function measure(label: string, store: Store, members: number): Promise<Figures> {
  await storeCommunity(store, benchCommunity(members));
  const ctx = contextOf(store);
  const runs = runsFor(members);
  const found = await readAndValidate(store);
  if (found !== members) throw new Error(`read ${found} of ${members} member records`);
  const baseline = await timed(runs, () => readAndValidate(store));
  const pages = {} as Figures['pages'];
  for (const page of CHART_PAGES) pages[page] = await timed(runs, () => renderPage(page, ctx));
  pages.export = await timed(runs, () => exportAll(ctx));
  const http = await httpRoundTrips(store, runs);
  return { store: label, members, baseline, pages, http };
}

function print(all: Figures[]) {
  console.log('| store | members | measure | median ms | read + validate ms (baseline) | ratio | goal |');
  console.log('|---|---:|---|---:|---:|---:|---|');
  for (const f of all) {
    const goal = goalFor(f.members);
    for (const measure of [...CHART_PAGES, 'export'] as const) {
      const t = f.pages[measure];
      const name = measure === 'export' ? 'CSV export (all tables)' : `${measure} page`;
      console.log(
        `| ${f.store} | ${f.members.toLocaleString('en')} | ${name} | ${ms(t)} | ${ms(f.baseline)} | ${(t / f.baseline).toFixed(2)}× | ${mark(t < goal)} under ${goalText(goal)} |`,
      );
    }
  }
  console.log(
    '\n| store | members | GET /dashboard ms | GET /dashboard/style.css ms (baseline) | ratio | goal |',
  );
  console.log('|---|---:|---:|---:|---:|---|');
  for (const f of all) {
    const goal = goalFor(f.members);
    console.log(
      `| ${f.store} | ${f.members.toLocaleString('en')} | ${ms(f.http.page)} | ${ms(f.http.style)} | ${(f.http.page / f.http.style).toFixed(0)}× | ${mark(f.http.page < goal)} under ${goalText(goal)} |`,
    );
  }
}

/** Runs the dashboard section: SQLite in a temp dir (the default store), then memory://. */
export async function benchDashboard(sizes = SIZES): Promise<void> {
  console.log(
    `\n## Community dashboard (rounds: ${sizes.map((n) => `${roundsFor(n)} at ${n.toLocaleString('en')}`).join(', ')}; median of ${runsFor(100)} runs, ${runsFor(5000)} at 5,000), node ${process.version}\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'weakties-bench-dashboard-'));
  const all: Figures[] = [];
  try {
    for (const members of sizes) {
      const sqlite = await openStore(`sqlite://${join(dir, `dashboard-${members}.sqlite`)}`, silentLogger);
      try {
        all.push(await measure('SQLite', sqlite, members));
      } finally {
        await sqlite.close();
      }
    }
    for (const members of sizes) {
      const memory = await openStore('memory://', silentLogger);
      all.push(await measure('memory', memory, members));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  print(all);
  console.log(
    '\nBaseline: readAll of the member space and migrateState of each record of the community, the read the overview, growth and export do first (the web page reads only the coffee record: its time is mostly the force layout). Goals: a page or the export answers within 300 ms at 100 members, 1 s at 1,000, 3 s at 5,000.\n',
  );
}
