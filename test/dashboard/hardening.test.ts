/**
 * The dashboard's HTTP surface under bad input: unknown paths and methods, path and query tricks,
 * hostile cookies and tokens, broken and huge form bodies, a store that is gone, and slow clients.
 * Plain requests (fetch, or a raw socket where fetch would tidy the request) against the server
 * on port 0; every answer is a clear 4xx or 503 page with the security headers, never a 500 with
 * a trace, and the community record stays valid after each.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Lang } from '../../src/core/types.js';
import { esc } from '../../src/dashboard/html.js';
import { SECURITY_HEADERS, SESSION_COOKIE } from '../../src/dashboard/http.js';
import {
  closeServer,
  createDashboard,
  DASHBOARD_TIMEOUTS,
  type Dashboard,
  type DashboardTimeouts,
  serveDashboard,
} from '../../src/dashboard/server.js';
import { newToken } from '../../src/dashboard/tokens.js';
import { type Logger, silentLogger } from '../../src/log.js';
import { type Community, CommunitySchema, communityKey, newCommunity } from '../../src/pairing/community.js';
import { openStore, type Store } from '../../src/store/open.js';
import { texts } from '../helpers/engine.js';
import { type RedisServer, startRedis } from '../helpers/redis.js';
import { type Harness, startHarness } from '../slack/harness.js';
import { REF } from './seed.js';

const en = texts.forLang('en');
const nl = texts.forLang('nl');
const config = loadConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent' });
const NOW = new Date('2026-12-09T12:00:00Z');

interface Served {
  base: string;
  /** Bytes the server has read from each connection so far, newest last. */
  bytesRead(): number[];
  port: number;
  store: Store;
  dashboard: Dashboard;
  /** The dashboard's own log lines (parsed). */
  logged: { level: number; msg: string; err?: { stack?: string } }[];
  close(): Promise<void>;
}

/** A logger whose lines (parsed) land in `logged`. */
function capture(): { log: Logger; logged: Served['logged'] } {
  const logged: Served['logged'] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), logged };
}

async function serve(
  store: Store,
  timeouts?: DashboardTimeouts,
  { log, logged } = capture(),
): Promise<Served> {
  const dashboard = createDashboard({ store, texts, config, log, clock: () => NOW });
  const { server, port } = await serveDashboard(dashboard, 0, '127.0.0.1', timeouts);
  const sockets: Socket[] = [];
  server.on('connection', (socket) => sockets.push(socket));
  return {
    bytesRead: () => sockets.map((socket) => socket.bytesRead),
    base: `http://127.0.0.1:${port}`,
    port,
    store,
    dashboard,
    logged,
    close: () => closeServer(server),
  };
}

/** Signs in with a fresh link; the session cookie ("name=token"). */
async function signIn(s: Served, lang: Lang = 'en'): Promise<string> {
  const link = await s.dashboard.signInLink(REF, lang, s.base);
  const response = await fetch(link, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function csrfOf(s: Served, cookie: string): Promise<string> {
  const page = await (await fetch(`${s.base}/dashboard/settings`, { headers: { cookie } })).text();
  const csrf = page.match(/name="csrf" value="([A-Za-z0-9_-]{43})"/)?.[1];
  if (!csrf) throw new Error('no csrf field on the settings page');
  return csrf;
}

const stored = async (store: Store): Promise<unknown> => store.spaces.community.get(communityKey(REF));
/** The stored community, checked as the chat reads it (throws when it is not valid). */
const community = async (store: Store): Promise<Community> => CommunitySchema.parse(await stored(store));

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes exactly as given (fetch would normalise the path) and reads the answer until the server closes. */
function raw(port: number, bytes: Buffer | string): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => resolve(parseRaw(Buffer.concat(chunks).toString('utf8'))));
    socket.write(bytes);
  });
}

function parseRaw(text: string): RawResponse {
  const at = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, at < 0 ? text.length : at).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: at < 0 ? '' : text.slice(at + 4) };
}

const get = (port: number, target: string | Buffer, extra = ''): Promise<RawResponse> =>
  raw(
    port,
    Buffer.concat([
      Buffer.from('GET '),
      Buffer.from(target),
      Buffer.from(` HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`),
    ]),
  );

/** The four headers every answer carries. */
function expectSecurityHeaders(headers: Headers | Record<string, string>) {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect([name, read(name)]).toEqual([name, value]);
}

/** A page that answers clearly: no trace, no raw markup from the request. */
function expectCleanPage(body: string) {
  expect(body).toMatch(/^<!doctype html>/);
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+|Error:|<script/);
}

const backLink = (say: typeof en) => `<a href="/dashboard">${say('dashboard.refused.back')}</a>`;

let s: Served;
beforeAll(async () => {
  s = await serve(await openStore('memory://', silentLogger));
});
afterAll(async () => {
  await s.close();
  await s.store.close();
});

describe('unknown paths, wrong methods and HEAD', () => {
  it('an unknown path is a 404 page in the browser language, with a way back to the overview', async () => {
    const response = await fetch(`${s.base}/dashboard/nope`, {
      headers: { 'accept-language': 'nl-NL,nl;q=0.9' },
    });
    expect(response.status).toBe(404);
    expectSecurityHeaders(response.headers);
    const body = await response.text();
    expectCleanPage(body);
    expect(body).toContain('<html lang="nl">');
    expect(body).toContain(`<h1>${nl('dashboard.refused.notFoundTitle')}</h1>`);
    expect(body).toContain(backLink(nl));
    // Outside /dashboard too: the same page, not a bare text.
    const outside = await fetch(`${s.base}/elsewhere`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain(backLink(en));
  });

  it('signed in, the 404 speaks the admin’s language, not the browser’s', async () => {
    const cookie = await signIn(s, 'en');
    const response = await fetch(`${s.base}/dashboard/export/nothing.csv`, {
      headers: { cookie, 'accept-language': 'nl' },
    });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain(backLink(en));
    const unknown = await fetch(`${s.base}/dashboard/nope/deeper`, {
      headers: { cookie, 'accept-language': 'nl' },
    });
    expect(await unknown.text()).toContain(`<h1>${en('dashboard.refused.notFoundTitle')}</h1>`);
  });

  it('a wrong method is a 405 page with the methods the path takes in Allow', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/dashboard', 'GET, HEAD'],
      ['DELETE', '/dashboard/settings', 'GET, POST, HEAD'],
      ['GET', '/dashboard/signout', 'POST'],
      ['POST', '/dashboard/style.css', 'GET, HEAD'],
      ['PATCH', '/dashboard/export/coffee-rounds.csv', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await fetch(`${s.base}${path}`, { method, headers: { 'accept-language': 'nl' } });
      expect([method, path, response.status, response.headers.get('allow')]).toEqual([
        method,
        path,
        405,
        allow,
      ]);
      expectSecurityHeaders(response.headers);
      const body = await response.text();
      expectCleanPage(body);
      expect(body).toContain(nl('dashboard.refused.methodTitle'));
    }
  });

  it('HEAD answers as GET would, without a body; it spends no link and changes no language', async () => {
    const css = await fetch(`${s.base}/dashboard/style.css`);
    const cssLength = (await css.text()).length;
    const head = await fetch(`${s.base}/dashboard/style.css`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type'), head.headers.get('content-length')]).toEqual([
      200,
      'text/css; charset=utf-8',
      String(cssLength),
    ]);
    expect(await head.text()).toBe('');
    expectSecurityHeaders(head.headers);
    expect((await fetch(`${s.base}/dashboard/nope`, { method: 'HEAD' })).status).toBe(404);
    expect((await fetch(`${s.base}/dashboard`, { method: 'HEAD' })).status).toBe(401);

    const link = await s.dashboard.signInLink(REF, 'en', s.base);
    const checked = await fetch(link, { method: 'HEAD', redirect: 'manual' });
    expect(checked.status).toBe(200);
    expect(checked.headers.get('set-cookie')).toBeNull();
    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const switched = await fetch(`${s.base}/dashboard?lang=nl`, {
      method: 'HEAD',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(switched.status).toBe(200);
    expect(await (await fetch(`${s.base}/dashboard`, { headers: { cookie } })).text()).toContain(
      '<html lang="en">',
    );
  });
});

describe('path tricks', () => {
  let cookie = '';
  beforeAll(async () => {
    cookie = await signIn(s);
  });
  const asAdmin = () => `Cookie: ${cookie}\r\n`;

  it('dot segments, encoded slashes and doubled slashes never leave the dashboard: 404, never a file', async () => {
    const targets = [
      '/dashboard/export/../../etc/passwd.csv',
      '/dashboard/export/%2e%2e%2f%2e%2e%2fetc%2fpasswd.csv',
      '/dashboard/export/..%2f..%2f..%2fetc%2fpasswd',
      '/dashboard/export/%2e%2e/%2e%2e/etc/passwd.csv',
      '/dashboard/export/....//....//etc/passwd.csv',
      '/dashboard//export',
      '/dashboard/export//coffee-rounds.csv',
      '/dashboard/export/%ZZ.csv',
      '/dashboard/export/COFFEE-ROUNDS.CSV',
      '/dashboard/export/coffee-rounds.csv%00.txt',
      '/dashboard/export/%00.csv',
      '/dashboard/%00',
      '/dashboard/export/no-such-table.csv',
      '/dashboard/export/x%0d%0aSet-Cookie:%20a=b.csv',
      '/dashboard/%E2%80%AE%F0%9F%98%80',
    ];
    for (const target of targets) {
      const response = await get(s.port, target, asAdmin());
      expect([target, response.status]).toEqual([target, 404]);
      expectSecurityHeaders(response.headers);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.body).not.toContain('root:');
      expectCleanPage(response.body);
    }
  });

  it('raw unicode and NUL bytes in the path or query are refused with a 4xx page, never a 500', async () => {
    const targets = [
      Buffer.from('/dashboard/caf\u00e9', 'utf8'),
      Buffer.from('/dashboard?lang=\u05e2\u05d1', 'utf8'),
      Buffer.from([...Buffer.from('/dashboard/a'), 0, ...Buffer.from('b')]),
      Buffer.from([...Buffer.from('/dashboard?x='), 0]),
    ];
    for (const target of targets) {
      const response = await get(s.port, target, asAdmin());
      expect(response.status, target.toString('hex')).toBeGreaterThanOrEqual(200);
      expect(response.status, target.toString('hex')).toBeLessThan(500);
      expectSecurityHeaders(response.headers);
      expectCleanPage(response.body);
    }
  });

  it('a long address (8 KB) is a 404 page; one past the header limit (64 KB) is a 431 page with the same headers', async () => {
    const long = await get(s.port, `/dashboard/${'a'.repeat(8 * 1024)}`, asAdmin());
    expect(long.status).toBe(404);
    expectCleanPage(long.body);
    const longQuery = await get(s.port, `/dashboard?q=${'%3Cb%3E'.repeat(1200)}`, asAdmin());
    expect(longQuery.status).toBe(200);
    expect(longQuery.body).not.toContain('<b>');
    const huge = await get(s.port, `/dashboard/${'a'.repeat(64 * 1024)}`, asAdmin());
    expect(huge.status).toBe(431);
    expectSecurityHeaders(huge.headers);
    expectCleanPage(huge.body);
    expect(huge.body).toContain(en('dashboard.refused.badRequestTitle'));
  });

  it('a request target that is no path (absolute form, *) is answered by path, or refused', async () => {
    const absolute = await get(s.port, 'http://evil.example/dashboard/nope');
    expect(absolute.status).toBe(404);
    const star = await get(s.port, '*');
    expect(star.status).toBe(400);
    expectSecurityHeaders(star.headers);
    const protocolRelative = await get(s.port, '//evil.example/dashboard?lang=nl', asAdmin());
    expect(protocolRelative.status).toBe(404);
    expect(protocolRelative.headers.location).toBeUndefined();
  });
});

describe('query, cookie and token tricks', () => {
  let cookie = '';
  beforeAll(async () => {
    cookie = await signIn(s);
  });

  it('?lang= with junk or markup is ignored, never reflected', async () => {
    for (const lang of [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'xx',
      'n',
      'nl'.repeat(500),
      '%00',
      '',
    ]) {
      const response = await fetch(`${s.base}/dashboard/settings?lang=${encodeURIComponent(lang)}`, {
        headers: { cookie },
        redirect: 'manual',
      });
      expect([lang.slice(0, 20), response.status]).toEqual([lang.slice(0, 20), 200]);
      const body = await response.text();
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
      expect(body).toContain('<html lang="en">');
    }
    const unknown = await fetch(`${s.base}/dashboard/nope?lang=<script>x</script>&q="><b>`, {
      headers: { cookie },
    });
    expect(unknown.status).toBe(404);
    const body = await unknown.text();
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('"><b>');
  });

  it('thousands of cookies are read; a 16 KB cookie is a 431 page', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => `c${i}=${i}`).join('; ');
    const crowded = await fetch(`${s.base}/dashboard`, { headers: { cookie: `${many}; ${cookie}` } });
    expect(crowded.status).toBe(200);
    const onlyJunk = await fetch(`${s.base}/dashboard`, { headers: { cookie: many } });
    expect(onlyJunk.status).toBe(401);
    const huge = await get(s.port, '/dashboard', `Cookie: ${SESSION_COOKIE}=${'x'.repeat(16 * 1024)}\r\n`);
    expect(huge.status).toBe(431);
    expectSecurityHeaders(huge.headers);
    expectCleanPage(huge.body);
  });

  it('a session cookie of the wrong shape, or a stranger’s, is a 401 sign-in page', async () => {
    const values = [
      '',
      'x',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      `${cookie.split('=')[1]}x`,
      newToken(),
      'a'.repeat(10_000),
      '%00',
      '😀'.repeat(20),
    ];
    for (const value of values) {
      const response = await fetch(`${s.base}/dashboard`, {
        headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(value)}` },
      });
      expect([value.slice(0, 20), response.status]).toEqual([value.slice(0, 20), 401]);
      const body = await response.text();
      expectCleanPage(body);
      expect(body).toContain(en('dashboard.refused.signInTitle'));
    }
  });

  it('of two session cookies the first counts: a junk one first is refused, a valid one first works', async () => {
    const junk = `${SESSION_COOKIE}=${newToken()}`;
    expect((await fetch(`${s.base}/dashboard`, { headers: { cookie: `${junk}; ${cookie}` } })).status).toBe(
      401,
    );
    expect((await fetch(`${s.base}/dashboard`, { headers: { cookie: `${cookie}; ${junk}` } })).status).toBe(
      200,
    );
  });

  it('a sign-in token with markup, of 10 KB or repeated is refused with the 410 page and no cookie', async () => {
    const tokens = ['<b>x</b>', `"><script>alert(1)</script>`, 'a'.repeat(10 * 1024), '', '%00', '😀'];
    for (const token of tokens) {
      const response = await fetch(`${s.base}/dashboard/signin?token=${encodeURIComponent(token)}`, {
        redirect: 'manual',
      });
      expect([token.slice(0, 20), response.status]).toEqual([token.slice(0, 20), 410]);
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = await response.text();
      expectCleanPage(body);
      expect(body).not.toContain('<b>x');
    }
    const link = await s.dashboard.signInLink(REF, 'en', s.base);
    const token = new URL(link).searchParams.get('token') ?? '';
    const twice = await fetch(`${s.base}/dashboard/signin?token=junk&token=${token}`, { redirect: 'manual' });
    expect(twice.status).toBe(410);
    // The real token was not spent by the request that named it second.
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(303);
  });
});

describe('form bodies', () => {
  let cookie = '';
  let csrf = '';
  const FORM = 'application/x-www-form-urlencoded';
  /** A POST of the settings form; a `type` of null sends none (as raw bytes: fetch would add text/plain). */
  const post = async (body: string | undefined, type: string | null = FORM): Promise<Response> => {
    if (type !== null)
      return fetch(`${s.base}/dashboard/settings`, {
        method: 'POST',
        headers: { cookie, 'content-type': type },
        body,
        redirect: 'manual',
      });
    const answer = await raw(
      s.port,
      `POST /dashboard/settings HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body ?? '')}\r\n\r\n${body ?? ''}`,
    );
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
  const form = (fields: Record<string, string>) => new URLSearchParams({ csrf, ...fields }).toString();

  beforeAll(async () => {
    await s.store.spaces.community.set(communityKey(REF), newCommunity(REF, 'en'));
    cookie = await signIn(s);
    csrf = await csrfOf(s, cookie);
  });

  it('no body, no type or the wrong type, a broken or repeated field: a clear 4xx page, nothing saved', async () => {
    const before = await community(s.store);
    const cases: [string, () => Promise<Response>, number, string][] = [
      ['no body', () => post(undefined), 403, en('dashboard.refused.csrfTitle')],
      ['empty body', () => post(''), 403, en('dashboard.refused.csrfTitle')],
      ['no type', () => post(form({ size: '4' }), null), 415, en('dashboard.refused.badFormTitle')],
      [
        'JSON',
        () => post(JSON.stringify({ csrf, size: '4' }), 'application/json'),
        415,
        en('dashboard.refused.badFormTitle'),
      ],
      [
        'multipart',
        () => post(form({ size: '4' }), 'multipart/form-data; boundary=x'),
        415,
        en('dashboard.refused.badFormTitle'),
      ],
      ['%ZZ', () => post(`${form({ size: '4' })}&group=%ZZ`), 400, en('dashboard.refused.badForm')],
      ['not UTF-8', () => post(`${form({ size: '4' })}&group=%FF%FE`), 400, en('dashboard.refused.badForm')],
      ['repeated field', () => post(`${form({ size: '4' })}&size=5`), 400, en('dashboard.refused.badForm')],
      ['repeated csrf', () => post(`csrf=junk&${form({ size: '4' })}`), 400, en('dashboard.refused.badForm')],
      [
        'wrong csrf',
        () => post(new URLSearchParams({ csrf: newToken(), size: '4' }).toString()),
        403,
        en('dashboard.refused.csrf'),
      ],
    ];
    for (const [what, send, status, text] of cases) {
      const response = await send();
      expect([what, response.status]).toEqual([what, status]);
      expectSecurityHeaders(response.headers);
      const body = await response.text();
      expectCleanPage(body);
      expect(body).toContain(esc(text));
      expect(await community(s.store)).toEqual(before);
    }
  });

  it('a 10 MB body is cut off with 413 long before it is all sent, declared or chunked', async () => {
    const before = await community(s.store);
    for (const chunked of [false, true]) {
      const { status } = await sendHuge(s.port, cookie, chunked);
      expect([chunked, status]).toEqual([chunked, 413]);
      // The server stopped reading soon after the limit: most of the 10 MB was never read, let alone kept.
      const read = s.bytesRead().at(-1) ?? Number.POSITIVE_INFINITY;
      expect(read).toBeLessThan(1024 * 1024);
    }
    expect(await community(s.store)).toEqual(before);
    // A declared length over the limit is refused before the session is even looked at.
    const declared = await raw(
      s.port,
      `POST /dashboard/settings HTTP/1.1\r\nHost: x\r\nContent-Type: ${FORM}\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`,
    );
    expect(declared.status).toBe(413);
    expectSecurityHeaders(declared.headers);
    expect(declared.headers.connection).toBe('close');
    expect(declared.body).toContain(en('dashboard.refused.tooLargeTitle'));
  });

  it('markup, emoji, right-to-left text and chat mentions are saved as text and shown escaped', async () => {
    const values: [string, string][] = [
      ['<script>alert(1)</script>', '<script>alert(1)</script>'],
      ['"><img src=x onerror=alert(1)>', '"><img src=x onerror=alert(1)>'],
      ['@everyone <!channel> <@U123>', '@everyone <!channel> <@U123>'],
      ['فريق \u202eevil', 'فريق evil'],
      ['😀'.repeat(40), '😀'.repeat(40)],
      ['😀'.repeat(41), `${'😀'.repeat(39)}…`],
      ['team\u0000\u001b[31mred', 'teamred'],
    ];
    for (const [sent, kept] of values) {
      const response = await post(form({ group: sent }));
      expect([sent, response.status]).toEqual([sent, 303]);
      const saved = await community(s.store);
      expect(saved.settings.groupBy).toBe(kept);
      const page = await (await fetch(`${s.base}/dashboard/settings`, { headers: { cookie } })).text();
      expect(page).toContain(`name="group" id="f-group" value="${esc(kept)}"`);
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).not.toContain('<!channel>');
      expect(page).toContain('name="group"');
    }
    expect(Array.from((await community(s.store)).settings.groupBy).length).toBeLessThanOrEqual(40);
  });

  it('an invalid value saves nothing of the form, says why, and keeps what was typed, escaped', async () => {
    const before = await community(s.store);
    const sent = '"><img src=x onerror=alert(1)>';
    const response = await post(form({ size: '4', timezone: sent, group: 'Ops 😀' }));
    expect(response.status).toBe(422);
    const page = await response.text();
    expectCleanPage(page);
    expect(page).toContain(en('dashboard.settings.notSaved'));
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(page).toContain('value="Ops 😀"');
    expect(page).toMatch(/<option value="4" selected>/);
    // Nothing half-saved: the valid size and group went nowhere either.
    expect(await community(s.store)).toEqual(before);
    const huge = await post(form({ timezone: 'x'.repeat(15_000) }));
    expect(huge.status).toBe(422);
    expect(await community(s.store)).toEqual(before);
  });
});

/** POSTs a 10 MB form in 64 KB pieces until the server answers; what it answered and how much was sent. */
function sendHuge(
  port: number,
  cookie: string,
  chunked: boolean,
): Promise<{ status: number; written: number }> {
  const total = 10 * 1024 * 1024;
  const piece = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/dashboard/settings',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
      },
    });
    req.on('response', (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode ?? 0, written });
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && written < total) {
        written += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('the store failing', () => {
  let redis: RedisServer;
  let r: Served;
  beforeAll(async () => {
    redis = await startRedis();
    // The store and the dashboard log into one place, as in `start`: a failure is one line there.
    const logging = capture();
    r = await serve(await openStore(redis.url, logging.log), undefined, logging);
  });
  afterAll(async () => {
    await r.close();
    await r.store.close();
    await redis.close();
  });

  it('a Redis that is gone: a 503 page saying to try again, no trace, one log line per request', async () => {
    const cookie = await signIn(r);
    const csrf = await csrfOf(r, cookie);
    await redis.stop();
    const requests: [string, () => Promise<Response>][] = [
      ['overview', () => fetch(`${r.base}/dashboard`, { headers: { cookie } })],
      ['settings', () => fetch(`${r.base}/dashboard/settings`, { headers: { cookie } })],
      [
        'save',
        () =>
          fetch(`${r.base}/dashboard/settings`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ csrf, size: '4' }).toString(),
          }),
      ],
      ['csv', () => fetch(`${r.base}/dashboard/export/coffee-rounds.csv`, { headers: { cookie } })],
      ['sign-in', () => fetch(`${r.base}/dashboard/signin?token=${newToken()}`)],
    ];
    for (const [what, send] of requests) {
      const before = r.logged.filter((l) => l.level >= 50 && l.msg !== 'redis connection error').length;
      const response = await send();
      expect([what, response.status]).toEqual([what, 503]);
      expect(response.headers.get('retry-after')).toBe('60');
      expectSecurityHeaders(response.headers);
      const body = await response.text();
      expectCleanPage(body);
      expect(body).toContain(esc(en('dashboard.refused.unavailable')));
      expect(body).not.toContain('redis');
      const errors = r.logged
        .filter((l) => l.level >= 50 && l.msg !== 'redis connection error')
        .slice(before);
      expect(errors.map((l) => l.msg)).toEqual(['dashboard request failed']);
      expect(errors[0]?.err?.stack).toBeDefined();
    }
    // The spaces sharing the connection add no error lines of their own to the client's.
    expect(r.logged.filter((l) => l.level >= 50 && l.msg === 'store error')).toEqual([]);
    // An unknown page still answers its 404 (the language falls back to the browser's).
    const unknown = await fetch(`${r.base}/dashboard/nope`, { headers: { cookie, 'accept-language': 'nl' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain(nl('dashboard.refused.notFoundTitle'));
  });

  it('a record the dashboard cannot read is a 500 page, no trace, and is left as it was', async () => {
    const store = await openStore('memory://', silentLogger);
    const m = await serve(store);
    try {
      const cookie = await signIn(m);
      const broken = { ref: REF, settings: { size: 'many' } };
      await store.spaces.community.set(communityKey(REF), broken);
      const response = await fetch(`${m.base}/dashboard/settings`, { headers: { cookie } });
      expect(response.status).toBe(500);
      expectSecurityHeaders(response.headers);
      const body = await response.text();
      expectCleanPage(body);
      expect(body).toContain(esc(en('dashboard.refused.failed')));
      expect(body).not.toContain('ZodError');
      expect(await store.spaces.community.get(communityKey(REF))).toEqual(broken);
      expect(m.logged.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual(['dashboard request failed']);
    } finally {
      await m.close();
      await store.close();
    }
  });
});

describe('response headers on every answer', () => {
  it('pages, files, redirects and refusals all carry CSP, nosniff, no-referrer and no-store', async () => {
    const cookie = await signIn(s);
    const csrf = await csrfOf(s, cookie);
    const link = await s.dashboard.signInLink(REF, 'en', s.base);
    const form = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const answers: [string, Promise<Response>, number][] = [
      ['root', fetch(`${s.base}/`, { redirect: 'manual' }), 303],
      ['signin', fetch(link, { redirect: 'manual' }), 303],
      ['spent link', fetch(link, { redirect: 'manual' }), 410],
      ['overview', fetch(`${s.base}/dashboard`, { headers: { cookie } }), 200],
      ['lang', fetch(`${s.base}/dashboard/growth?lang=en`, { headers: { cookie }, redirect: 'manual' }), 303],
      ['css', fetch(`${s.base}/dashboard/style.css`), 200],
      ['export', fetch(`${s.base}/dashboard/export`, { headers: { cookie } }), 200],
      ['no session', fetch(`${s.base}/dashboard/web`), 401],
      ['csrf', fetch(`${s.base}/dashboard/settings`, { method: 'POST', headers: form, body: 'size=4' }), 403],
      [
        '422',
        fetch(`${s.base}/dashboard/settings`, {
          method: 'POST',
          headers: form,
          body: `csrf=${csrf}&hour=99`,
        }),
        422,
      ],
      [
        'saved',
        fetch(`${s.base}/dashboard/settings`, {
          method: 'POST',
          headers: form,
          body: `csrf=${csrf}&hour=9`,
          redirect: 'manual',
        }),
        303,
      ],
      ['404', fetch(`${s.base}/dashboard/x`), 404],
      ['405', fetch(`${s.base}/dashboard`, { method: 'DELETE' }), 405],
    ];
    for (const [what, pending, status] of answers) {
      const response = await pending;
      expect([what, response.status]).toEqual([what, status]);
      expectSecurityHeaders(response.headers);
    }
  });

  it('a CSV is named by its table only, in a plain attachment filename', async () => {
    const cookie = await signIn(s);
    const exportPage = await (await fetch(`${s.base}/dashboard/export`, { headers: { cookie } })).text();
    const files = [...exportPage.matchAll(/href="\/dashboard\/export\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const response = await fetch(`${s.base}/dashboard/export/${file}`, { headers: { cookie } });
      expect([file, response.status]).toEqual([file, 200]);
      expectSecurityHeaders(response.headers);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      expect(file).toMatch(/^[a-z0-9-]+\.csv$/);
    }
  });
});

describe('slow clients', () => {
  let slow: Served;
  afterEach(async () => {
    await slow?.close();
    await slow?.store.close();
  });

  it('the dashboard server bounds headers and requests to seconds, not Node’s five minutes', async () => {
    expect(DASHBOARD_TIMEOUTS).toEqual({
      headersMs: 10_000,
      requestMs: 30_000,
      keepAliveMs: 5_000,
      checkEveryMs: 1_000,
    });
    const store = await openStore('memory://', silentLogger);
    const dashboard = createDashboard({ store, texts, config, log: silentLogger });
    const { server } = await serveDashboard(dashboard, 0, '127.0.0.1');
    try {
      expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([
        10_000, 30_000, 5_000,
      ]);
    } finally {
      await closeServer(server);
      await store.close();
    }
  });

  it('a body trickled byte by byte holds nothing: others are served meanwhile, and it is closed with 408', async () => {
    slow = await serve(await openStore('memory://', silentLogger), {
      headersMs: 400,
      requestMs: 800,
      keepAliveMs: 500,
      checkEveryMs: 50,
    });
    const cookie = await signIn(slow);
    const socket = connect(slow.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      `POST /dashboard/settings HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`,
    );
    let sent = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('a');
      sent += 1;
    }, 100);
    try {
      // While the slow body trickles, another admin's page comes at once.
      const other = await fetch(`${slow.base}/dashboard`, { headers: { cookie } });
      expect(other.status).toBe(200);
      await closed;
    } finally {
      clearInterval(trickle);
    }
    expect(sent).toBeLessThan(1000);
    const answer = parseRaw(Buffer.concat(received).toString('utf8'));
    expect(answer.status).toBe(408);
    expectSecurityHeaders(answer.headers);
  });

  it('headers that never finish are closed with 408 too', async () => {
    slow = await serve(await openStore('memory://', silentLogger), {
      headersMs: 300,
      requestMs: 600,
      keepAliveMs: 500,
      checkEveryMs: 50,
    });
    const answer = await new Promise<RawResponse>((resolve) => {
      const socket = connect(slow.port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', () => {});
      const drip = setInterval(() => !socket.destroyed && socket.write('X'), 100);
      socket.on('close', () => {
        clearInterval(drip);
        resolve(parseRaw(Buffer.concat(chunks).toString('utf8')));
      });
      socket.write('GET /dashboard HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    });
    expect(answer.status).toBe(408);
    expectSecurityHeaders(answer.headers);
  });
});

describe('on Bolt’s port (Slack in HTTP mode)', () => {
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.close();
  });

  it('an unknown dashboard path, a wrong method and HEAD are answered by the dashboard, not Bolt', async () => {
    h = await startHarness({ users: { U1: { is_admin: true } } });
    const base = `http://127.0.0.1:${h.adapter.port}`;
    const unknown = await fetch(`${base}/dashboard/nope`, { headers: { 'accept-language': 'nl' } });
    expect(unknown.status).toBe(404);
    expectSecurityHeaders(unknown.headers);
    expect(await unknown.text()).toContain(backLink(nl));
    const wrong = await fetch(`${base}/dashboard`, { method: 'DELETE' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const head = await fetch(`${base}/dashboard/style.css`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    const huge = await raw(
      h.adapter.port ?? 0,
      `POST /dashboard/settings HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`,
    );
    expect(huge.status).toBe(413);
    // Slack's own endpoint is still behind its signature gate.
    expect((await h.post('{}', { 'content-type': 'application/json' })).status).toBe(401);
  });
});
