import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccess } from '../../src/dashboard/access.js';
import { cookies, SECURITY_HEADERS, sessionCookie } from '../../src/dashboard/http.js';
import { createRouter } from '../../src/dashboard/router.js';
import { hashToken, isTokenShape, newToken, sameSecret } from '../../src/dashboard/tokens.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/open.js';
import { readAll } from '../../src/store/scan.js';

const REF = { platform: 'console', space: 'local' } as const;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('tokens', () => {
  it('are 32 random URL-safe bytes, compared by value in constant time', () => {
    const [a, b] = [newToken(), newToken()];
    expect(isTokenShape(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(sameSecret(a, a)).toBe(true);
    expect(sameSecret(a, b)).toBe(false);
    expect(sameSecret(a, undefined)).toBe(false);
    expect(sameSecret(a, `${a}x`)).toBe(false);
    expect(isTokenShape(`${a}x`)).toBe(false);
    expect(isTokenShape('../etc/passwd')).toBe(false);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('cookies', () => {
  it('the session cookie is HttpOnly, SameSite=Strict, under /dashboard, Secure only on https', () => {
    const plain = sessionCookie('abc', 43_200, false);
    expect(plain).toBe('weakties_session=abc; HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age=43200');
    expect(sessionCookie('abc', 43_200, true)).toMatch(/; Secure$/);
  });

  it('reads a Cookie header; the first of a repeated name wins', () => {
    const req = {
      headers: { cookie: 'a=1; weakties_session=tok; weakties_session=other' },
    } as IncomingMessage;
    expect(cookies(req)).toEqual({ a: '1', weakties_session: 'tok' });
  });

  it('every response forbids script, framing and foreign forms', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });
});

describe('sign-in links and sessions', () => {
  it('a link works once, within ten minutes; only hashes are stored; the session has its CSRF token', async () => {
    store = await openStore('memory://', silentLogger);
    let now = new Date('2026-12-01T09:00:00Z');
    const access = createAccess(store, () => now);
    const token = await access.issueLink(REF, 'nl');
    const stored = JSON.stringify(await readAll(store.spaces.community));
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashToken(token));

    const first = await access.exchange(token);
    if (!('session' in first)) throw new Error('the first exchange should sign in');
    expect(first.session).toMatchObject({ ref: REF, lang: 'nl' });
    expect(isTokenShape(first.session.csrf)).toBe(true);
    expect(await access.exchange(token)).toEqual({ refused: 'used' });
    expect(JSON.stringify(await readAll(store.spaces.community))).not.toContain(first.token);
    expect((await access.session(first.token))?.ref).toEqual(REF);

    const late = await access.issueLink(REF, 'en');
    now = new Date(now.getTime() + 10 * 60_000);
    expect(await access.exchange(late)).toEqual({ refused: 'expired' });
    expect(await access.exchange('not-a-token')).toEqual({ refused: 'used' });

    // Twelve hours later the session is gone.
    now = new Date(now.getTime() + 12 * 3600_000);
    expect(await access.session(first.token)).toBeUndefined();
  });
});

describe('router', () => {
  it('matches :params one segment each, trailing slash or not; tells 404 from 405', () => {
    const router = createRouter();
    const handler = async () => {};
    router.on('GET', '/dashboard', handler);
    router.on('GET', '/dashboard/export/:file', handler);
    expect(router.find('GET', '/dashboard/')).toMatchObject({ params: {} });
    expect(router.find('GET', '/dashboard/export/a%20b.csv')).toMatchObject({ params: { file: 'a b.csv' } });
    expect(router.find('GET', '/dashboard/export/a/b.csv')).toBe(404);
    expect(router.find('POST', '/dashboard')).toBe(405);
    expect(router.routes).toEqual([
      { path: '/dashboard', method: 'GET' },
      { path: '/dashboard/export/:file', method: 'GET' },
    ]);
  });
});
