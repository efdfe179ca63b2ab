/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (one browser per
 * test file), against the dashboard on port 0 over a temp SQLite store that a real engine (the
 * terminal's chat door) shares, with a clock the test moves.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Inbound, Lang, MemberRef } from '../../src/core/types.js';
import { closeServer, createDashboard, type Dashboard, serveDashboard } from '../../src/dashboard/server.js';
import { silentLogger } from '../../src/log.js';
import type { CommunityRef } from '../../src/pairing/community.js';
import { ROOT } from '../helpers/cli.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** Screenshots go here (git-ignored). */
export const SHOTS = join(ROOT, 'test-output', 'dashboard');

export const CONSOLE_COMMUNITY: CommunityRef = { platform: 'console', space: 'local' };
export const CONSOLE_ADMIN: MemberRef = { ...CONSOLE_COMMUNITY, user: 'operator' };

export interface DashboardHarness {
  base: string;
  app: App;
  dashboard: Dashboard;
  /** The time the dashboard and the engine see; `advance` moves it. */
  now(): Date;
  advance(ms: number): void;
  /** A one-time sign-in link for the terminal's community (or another). */
  link(lang?: Lang, ref?: CommunityRef): Promise<string>;
  /** What the chat door answered a command typed by the terminal's admin. */
  chat(name: string, args?: string[], member?: MemberRef): Promise<string>;
  close(): Promise<void>;
}

export async function startDashboard(start = '2026-12-01T09:00:00.000Z'): Promise<DashboardHarness> {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'weakties-dashboard-'));
  const config = loadConfig({
    STORE_URL: `sqlite://${join(dir, 'db.sqlite')}`,
    OUTPUT_DIR: join(dir, 'out'),
    LOG_LEVEL: 'silent',
  });
  let now = new Date(start);
  const clock = () => now;
  const replies: string[] = [];
  const app = await createApp(
    config,
    silentLogger,
    {
      reachable: () => true,
      deliver: async (_member, sent) => {
        for (const reply of sent) replies.push(reply.text ?? '');
      },
    },
    { clock },
  );
  const dashboard = createDashboard({ store: app.store, texts: app.texts, config, log: silentLogger, clock });
  const served: { server: Server; port: number } = await serveDashboard(dashboard, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${served.port}`;
  let n = 0;
  return {
    base,
    app,
    dashboard,
    now: clock,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    link: (lang = 'en', ref = CONSOLE_COMMUNITY) => dashboard.signInLink(ref, lang, base),
    async chat(name, args = [], member = CONSOLE_ADMIN) {
      const before = replies.length;
      n += 1;
      const inbound: Inbound = { kind: 'command', id: `test:${n}`, member, name, args, locale: 'en' };
      await app.engine.handle(inbound);
      return replies.slice(before).join('\n');
    },
    async close() {
      await closeServer(served.server);
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The token of a sign-in link in a text. */
export const tokenIn = (text: string): string => {
  const token = text.match(/\/dashboard\/signin\?token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no sign-in link in: ${text}`);
  return token;
};
