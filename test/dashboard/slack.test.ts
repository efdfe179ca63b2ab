/**
 * Slack in HTTP mode serves the dashboard on Bolt's own port (its custom routes): an admin's
 * `/weakties dashboard` brings a link in the DM that works once; the dashboard's forms pass
 * Slack's signature gate and are checked by their CSRF token instead.
 */
import { afterEach, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/dashboard/http.js';
import { TEAM } from '../slack/fixtures.js';
import { en, type Harness, SlackMember, startHarness } from '../slack/harness.js';
import { tokenIn } from './browser.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('serves /dashboard on Bolt port; /weakties dashboard gives an admin a one-time link, a member a refusal', async () => {
  const harness = await startHarness({
    users: { U1: { is_admin: true, real_name: 'Anna Admin' }, U2: { real_name: 'Ben de Boer' } },
  });
  h = harness;
  const base = `http://127.0.0.1:${harness.adapter.port}`;
  const [anna, ben] = [new SlackMember(harness, 'U1'), new SlackMember(harness, 'U2')];

  const closed = await fetch(`${base}/dashboard`);
  expect(closed.status).toBe(401);
  expect(closed.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['content-security-policy']);
  const css = await fetch(`${base}/dashboard/style.css`);
  expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  expect((await harness.get('/healthz')).body).toBe('ok');

  await ben.command('dashboard');
  expect(ben.lastText()).toBe(en('dashboard.chat.only'));

  await anna.command('dashboard');
  const link = `${base}/dashboard/signin?token=${tokenIn(anna.lastText())}`;
  const signIn = await fetch(link, { redirect: 'manual' });
  expect(signIn.status).toBe(303);
  expect(signIn.headers.get('location')).toBe('/dashboard');
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^weakties_session=[A-Za-z0-9_-]{43}$/);
  expect((await fetch(link, { redirect: 'manual' })).status).toBe(410);

  const overview = await fetch(`${base}/dashboard`, { headers: { cookie } });
  expect(overview.status).toBe(200);
  // The session sees Anna's workspace only.
  expect(await overview.text()).toContain(en('dashboard.place.slack', { space: TEAM }));

  // A form post reaches the dashboard (not Slack's signature gate): without its token, 403.
  const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
  const forged = await fetch(`${base}/dashboard/settings`, { method: 'POST', headers: form, body: 'size=4' });
  expect(forged.status).toBe(403);
  const page = await (await fetch(`${base}/dashboard/settings`, { headers: { cookie } })).text();
  const csrf = page.match(/name="csrf" value="([A-Za-z0-9_-]{43})"/)?.[1] ?? '';
  const saved = await fetch(`${base}/dashboard/settings`, {
    method: 'POST',
    headers: form,
    body: new URLSearchParams({ csrf, size: '4' }).toString(),
    redirect: 'manual',
  });
  expect(saved.status).toBe(303);
  expect((await harness.app.pairing.load({ platform: 'slack', space: TEAM })).settings.size).toBe(4);

  // Slack's own endpoint still refuses what Slack did not sign.
  expect((await harness.post('{}', { 'content-type': 'application/json' })).status).toBe(401);
});
