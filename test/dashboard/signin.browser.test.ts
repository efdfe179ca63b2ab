/**
 * The dashboard in headless Chromium: the sign-in link flow, links and pages refused, CSRF,
 * a settings change the chat door then reads, the language switch, and a phone's width.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/dashboard/http.js';
import { communityKey, RosterEntrySchema } from '../../src/pairing/community.js';
import { planRound } from '../../src/pairing/plan.js';
import { say } from '../helpers/texts.js';
import {
  CONSOLE_ADMIN,
  CONSOLE_COMMUNITY,
  type DashboardHarness,
  launchBrowser,
  SHOTS,
  startDashboard,
  tokenIn,
} from './browser.js';

/** A text as the page reads it: its `commands` are shown in <code>, without the backticks. */
const plain = (text: string) => text.replaceAll('`', '');

let browser: Browser;
let h: DashboardHarness;

beforeAll(async () => {
  browser = await launchBrowser();
  h = await startDashboard();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** A fresh browser profile (no cookies), signed in through a new link when `lang` is given. */
async function visitor(
  options: { lang?: 'en' | 'nl'; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  const page = await context.newPage();
  if (options.lang) await page.goto(await h.link(options.lang));
  return { context, page };
}

it('a sign-in link sets an HttpOnly session cookie and leaves the address bar for /dashboard; used again, it is refused', async () => {
  const link = await h.link('en');
  const { context, page } = await visitor();
  const response = await page.goto(link);
  expect(page.url()).toBe(`${h.base}/dashboard`);
  expect(response?.status()).toBe(200);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response?.headers()[name]).toBe(value);
  const [cookie, ...others] = await context.cookies();
  expect(others).toEqual([]);
  expect(cookie).toMatchObject({
    name: 'weakties_session',
    httpOnly: true,
    sameSite: 'Strict',
    path: '/dashboard',
  });
  expect(cookie?.value).not.toBe(tokenIn(link));
  // No page the browser visited keeps the token: history holds only /dashboard.
  expect(await page.evaluate<string>('window.location.href')).not.toContain('token');
  await expect(page.locator('nav a[aria-current="page"]').textContent()).resolves.toBe(
    say('en', 'dashboard.nav.overview'),
  );
  expect(await page.locator('link[rel=stylesheet]').getAttribute('href')).toBe('/dashboard/style.css');

  const again = await visitor();
  const refused = await again.page.goto(link);
  expect(refused?.status()).toBe(410);
  expect(await again.page.locator('h1').textContent()).toBe(say('en', 'dashboard.refused.usedTitle'));
  expect(await again.page.locator('main').textContent()).toContain(
    plain(say('en', 'dashboard.refused.howTo')),
  );
  expect(await again.context.cookies()).toEqual([]);
  await Promise.all([context.close(), again.context.close()]);
});

it('a link older than ten minutes is refused with how to get a new one', async () => {
  const link = await h.link('en');
  h.advance(10 * 60_000 + 1000);
  const { context, page } = await visitor();
  const response = await page.goto(link);
  expect(response?.status()).toBe(410);
  expect(await page.locator('h1').textContent()).toBe(say('en', 'dashboard.refused.expiredTitle'));
  expect(await page.locator('main').textContent()).toContain(plain(say('en', 'dashboard.refused.howTo')));
  expect(await page.locator('main code').allTextContents()).toEqual([
    'dashboard',
    '/weakties dashboard',
    '/coach dashboard',
    'weakties dashboard link',
  ]);
  await page.screenshot({ path: join(SHOTS, 'expired-link.png') });
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

it('without a session every page is refused (401), and so is a made-up cookie', async () => {
  const { context, page } = await visitor();
  for (const path of [
    '/dashboard',
    '/dashboard/growth',
    '/dashboard/web',
    '/dashboard/settings',
    '/dashboard/export',
    '/dashboard/export/coffee-rounds.csv',
  ]) {
    const response = await page.goto(`${h.base}${path}`);
    expect(response?.status(), path).toBe(401);
    expect(await page.locator('h1').textContent()).toBe(say('en', 'dashboard.refused.signInTitle'));
  }
  await context.addCookies([{ name: 'weakties_session', value: 'x'.repeat(43), url: h.base }]);
  expect((await page.goto(`${h.base}/dashboard`))?.status()).toBe(401);
  await context.close();

  // A browser set to Dutch is told in Dutch, a used link too.
  const dutch = await browser.newContext({ locale: 'nl-NL' });
  const nlPage = await dutch.newPage();
  expect((await nlPage.goto(`${h.base}/dashboard`))?.status()).toBe(401);
  expect(await nlPage.locator('h1').textContent()).toBe(say('nl', 'dashboard.refused.signInTitle'));
  await nlPage.goto(`${h.base}/dashboard/signin?token=${'x'.repeat(43)}`);
  expect(await nlPage.locator('h1').textContent()).toBe(say('nl', 'dashboard.refused.usedTitle'));
  expect(await nlPage.locator('main').textContent()).toContain(plain(say('nl', 'dashboard.refused.howTo')));
  await dutch.close();
});

it('a POST without the session CSRF token, or with a wrong one, is refused (403) and changes nothing', async () => {
  const { context, page } = await visitor({ lang: 'en' });
  const before = (await h.app.pairing.load(CONSOLE_COMMUNITY)).settings;
  const forms: Record<string, string>[] = [{ size: '4' }, { size: '4', csrf: 'A'.repeat(43) }];
  for (const form of forms) {
    const response = await context.request.post(`${h.base}/dashboard/settings`, { form, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  }
  expect((await h.app.pairing.load(CONSOLE_COMMUNITY)).settings).toEqual(before);
  // The same form from the page itself carries its token and is taken.
  await page.goto(`${h.base}/dashboard/settings`);
  expect(await page.locator('input[name=csrf]').first().getAttribute('value')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await context.close();
});

it('a settings change is saved to the record the chat reads; a wrong value is shown in the form and saves nothing', async () => {
  const { context, page } = await visitor({ lang: 'en' });
  await page.goto(`${h.base}/dashboard/settings`);
  await page.selectOption('select[name=size]', '3');
  await page.selectOption('select[name=active]', 'on');
  await page.fill('input[name=timezone]', 'Europe/Amsterdam');
  await page.click('form.settings button[type=submit]');
  expect(page.url()).toBe(`${h.base}/dashboard/settings?saved=1`);
  expect(await page.locator('.saved').textContent()).toBe(say('en', 'dashboard.settings.saved'));

  // The chat door (the terminal's admin typing "coffee settings") sees what the page saved.
  const settings = await h.chat('coffee', ['settings']);
  expect(settings).toContain(say('en', 'coffee.admin.settingsSize', { size: 3 }));
  expect(settings).toContain('Europe/Amsterdam');
  const saved = await h.app.pairing.load(CONSOLE_COMMUNITY);
  expect(saved.settings).toMatchObject({ size: 3, active: true, timezone: 'Europe/Amsterdam' });
  expect(saved.nextRoundAt).toBeDefined();

  await page.fill('input[name=timezone]', 'Mars/Olympus');
  await page.selectOption('select[name=size]', '2');
  const response = await Promise.all([
    page.waitForNavigation(),
    page.click('form.settings button[type=submit]'),
  ]);
  expect(response[0]?.status()).toBe(422);
  const error = await page.locator('.errors').textContent();
  expect(error).toContain('Mars/Olympus');
  expect((await h.app.pairing.load(CONSOLE_COMMUNITY)).settings).toMatchObject({
    size: 3,
    timezone: 'Europe/Amsterdam',
  });
  await context.close();
});

it('the chat door gives an admin a link that works once; the language switch is remembered', async () => {
  const reply = await h.chat('dashboard');
  const url = `${h.base}/dashboard/signin?token=${tokenIn(reply)}`;
  expect(reply).toContain(say('en', 'dashboard.chat.link', { url: '' }).split('\n')[0]?.trim() ?? '');
  const { context, page } = await visitor();
  expect((await page.goto(url))?.status()).toBe(200);
  await page.click('a.lang');
  expect(page.url()).toBe(`${h.base}/dashboard`);
  expect(await page.locator('html').getAttribute('lang')).toBe('nl');
  await page.goto(`${h.base}/dashboard/settings`);
  expect(await page.locator('h1').textContent()).toBe(say('nl', 'dashboard.settings.title'));
  expect((await page.goto(url))?.status()).toBe(410);

  // Sign-out is a POST with the token; afterwards the cookie opens nothing.
  await page.goto(`${h.base}/dashboard`);
  await page.click('header form button');
  expect(await page.locator('h1').textContent()).toBe(say('nl', 'dashboard.refused.signedOutTitle'));
  expect((await page.goto(`${h.base}/dashboard`))?.status()).toBe(401);
  await context.close();

  // A member who is no admin is refused in the chat.
  const slackMember = { platform: 'slack' as const, space: 'T1', user: 'U2' };
  expect(await h.chat('dashboard', [], slackMember)).toBe(say('en', 'dashboard.chat.only'));
  expect(CONSOLE_ADMIN.platform).toBe('console');
});

it('at a phone width (375 px) no page scrolls sideways; a screenshot of each page', async () => {
  const { context, page } = await visitor({ lang: 'en', width: 375 });
  const pages = {
    overview: '/dashboard',
    growth: '/dashboard/growth',
    web: '/dashboard/web',
    settings: '/dashboard/settings',
    export: '/dashboard/export',
  };
  for (const [name, path] of Object.entries(pages)) {
    const response = await page.goto(`${h.base}${path}`);
    expect(response?.status(), path).toBe(200);
    const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
    );
    expect(innerWidth).toBe(375);
    expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
    await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(`${h.base}${path}`);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }
  await context.close();
});

it('the export page lists the coffee rounds CSV, served as an attachment', async () => {
  const { context, page } = await visitor({ lang: 'en' });
  await page.goto(`${h.base}/dashboard/export`);
  const href = await page.locator('ul.exports a').first().getAttribute('href');
  expect(href).toBe('/dashboard/export/coffee-rounds.csv');
  const response = await context.request.get(`${h.base}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toBe('attachment; filename="coffee-rounds.csv"');
  expect((await response.text()).split('\r\n')[0]).toMatch(/^round,date,participants/);
  expect((await context.request.get(`${h.base}/dashboard/export/nothing.csv`)).status()).toBe(404);
  await context.close();
});

it('the next round is previewed without names, and no page holds a planted member name', async () => {
  const planted = {
    'planted-user-1': 'Zebediah Plantname',
    'planted-user-2': 'Quirina Plantname',
    'planted-user-3': 'Ottoline Plantname',
    'planted-user-4': 'Bartholomew Plantname',
  };
  const community = await h.app.pairing.load(CONSOLE_COMMUNITY);
  const roster = Object.fromEntries(
    Object.entries(planted).map(([user, name], i) => [
      user,
      RosterEntrySchema.parse({
        prefs: { joined: true, name, group: i % 2 ? 'sales' : 'design', intro: `I am ${name}` },
      }),
    ]),
  );
  const seeded = { ...community, settings: { ...community.settings, size: 2 }, roster };
  await h.app.store.spaces.community.set(communityKey(CONSOLE_COMMUNITY), seeded);
  const { round } = planRound(seeded, h.now());
  expect(round.groups.map((g) => g.users.length)).toEqual([2, 2]);

  const { context, page } = await visitor({ lang: 'en' });
  await page.goto(`${h.base}/dashboard/settings`);
  expect(await page.locator('#preview p').first().textContent()).toBe(
    say('en', 'dashboard.settings.previewGroups', {
      groups: 2,
      sizes: '2 × 2',
      groupBy: 'team',
      cross: round.crossGroup,
      pairs: 2,
      absent: 0,
      unplaced: 0,
    }),
  );
  const bodies: string[] = [];
  for (const path of [
    '/dashboard',
    '/dashboard/growth',
    '/dashboard/web',
    '/dashboard/settings',
    '/dashboard/export',
  ])
    bodies.push(await (await context.request.get(`${h.base}${path}`)).text());
  bodies.push(await (await context.request.get(`${h.base}/dashboard/export/coffee-rounds.csv`)).text());
  for (const body of bodies) expect(body).not.toMatch(/Plantname|planted-user/);
  await context.close();
});
