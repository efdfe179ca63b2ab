import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, dashboardBase } from '../config.js';
import { guessLang, type Lang } from '../core/types.js';
import type { Logger } from '../log.js';
import { type CommunityRef, communityKey } from '../pairing/community.js';
import type { Store } from '../store/open.js';
import type { Texts } from '../texts/texts.js';
import { type Access, createAccess, SESSION_HOURS, type Session, signInUrl } from './access.js';
import { CHART_PAGES, type ChartPage, type PageContext } from './content.js';
import { csvFile, exportHtml } from './export.js';
import { type Frame, layout, messagePage, type NavPage, pageContentHtml } from './html.js';
import { cookies, readForm, redirect, SESSION_COOKIE, send, sendHtml, sessionCookie } from './http.js';
import { chartPage } from './pages.js';
import { loadCommunity, saveSettings } from './records.js';
import { createRouter, type Handler } from './router.js';
import { applySettingsForm, settingsHtml } from './settings.js';
import { STYLE_CSS } from './style.js';
import { sameSecret } from './tokens.js';

export interface DashboardDeps {
  store: Store;
  texts: Texts;
  config: Pick<Config, 'dashboard' | 'defaultLang'>;
  log: Logger;
  clock?: () => Date;
}

export interface Dashboard {
  /** Answers one request under /dashboard; never throws (a failure is a 500 page and a log line). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The routes, with `:param` placeholders, for a host such as Bolt's HTTPReceiver customRoutes. */
  routes: { path: string; method: 'GET' | 'POST' }[];
  access: Access;
  /** A one-time sign-in link for one community, starting at `base` (PUBLIC_URL). */
  signInLink(ref: CommunityRef, lang: Lang, base?: string): Promise<string>;
}

type Authed = (req: IncomingMessage, res: ServerResponse, session: Session, url: URL) => Promise<void>;

/**
 * The community dashboard: server-rendered pages for one community's admin, behind a one-time
 * sign-in link and a session cookie. Node's own `http` with a tiny router (./router.ts): no new
 * dependency for a handful of pages, and the handler plugs into Bolt's HTTPReceiver as it is.
 */
export function createDashboard(deps: DashboardDeps): Dashboard {
  const { store, texts, config, log } = deps;
  const clock = deps.clock ?? (() => new Date());
  const access = createAccess(store, clock);
  const secure = config.dashboard.publicUrl?.startsWith('https:') ?? false;
  const router = createRouter();
  const sayIn = (lang: Lang) => texts.forLang(lang);

  const frameFor = (session: Session, title: string, current: NavPage | undefined, path: string): Frame => ({
    lang: session.lang,
    say: sayIn(session.lang),
    title,
    signedIn: { current, community: communityKey(session.ref), csrf: session.csrf, path },
  });

  /** Without a session, the page speaks the browser's language when it is one of ours. */
  const browserLang = (req: IncomingMessage): Lang =>
    guessLang(req.headers['accept-language']?.split(',')[0]?.trim()) ?? config.defaultLang;

  function refuse(res: ServerResponse, status: number, lang: Lang, kind: 'signIn' | 'csrf' | 'notFound') {
    const say = sayIn(lang);
    const [title, text]: readonly [string, string] = (
      {
        signIn: [say('dashboard.refused.signInTitle'), say('dashboard.refused.signIn')],
        csrf: [say('dashboard.refused.csrfTitle'), say('dashboard.refused.csrf')],
        notFound: [say('dashboard.refused.notFoundTitle'), say('dashboard.refused.notFound')],
      } as const
    )[kind];
    const extra = kind === 'signIn' ? [say('dashboard.refused.howTo')] : [];
    sendHtml(res, status, messagePage({ lang, say, title }, title, [text, ...extra]));
  }

  /** Pages behind the session: none → 401; a POST without the session's CSRF token → 403. */
  const authed =
    (fn: Authed): Handler =>
    async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
      const session = await access.session(cookies(req)[SESSION_COOKIE]);
      if (!session) return refuse(res, 401, browserLang(req), 'signIn');
      if (req.method === 'POST') {
        const form = await readForm(req);
        if (!form || !sameSecret(form.get('csrf') ?? undefined, session.csrf))
          return refuse(res, 403, session.lang, 'csrf');
        (req as IncomingMessage & { form?: URLSearchParams }).form = form;
      } else {
        const lang = url.searchParams.get('lang');
        const chosen = lang && lang.length === 2 ? guessLang(lang) : undefined;
        if (chosen) {
          await access.setLang(session, chosen);
          return redirect(res, url.pathname);
        }
      }
      return fn(req, res, session, url);
    };
  const formOf = (req: IncomingMessage) => (req as IncomingMessage & { form?: URLSearchParams }).form;

  const contextOf = (session: Session): PageContext => ({
    store,
    community: session.ref,
    lang: session.lang,
    say: sayIn(session.lang),
    now: clock(),
  });

  router.on('GET', '/dashboard/style.css', async (_req, res) =>
    send(res, 200, 'text/css; charset=utf-8', STYLE_CSS),
  );

  router.on('GET', '/dashboard/signin', async (req, res) => {
    const token = new URL(req.url ?? '/', 'http://dashboard.invalid').searchParams.get('token');
    const result = await access.exchange(token ?? undefined);
    if ('refused' in result) {
      const lang = browserLang(req);
      const say = sayIn(lang);
      const expired = result.refused === 'expired';
      const title = say(expired ? 'dashboard.refused.expiredTitle' : 'dashboard.refused.usedTitle');
      const text = say(expired ? 'dashboard.refused.expired' : 'dashboard.refused.used');
      const page = messagePage({ lang, say, title }, title, [text, say('dashboard.refused.howTo')]);
      return sendHtml(res, 410, page);
    }
    log.info({ community: communityKey(result.session.ref) }, 'dashboard sign-in');
    // The token leaves the address bar: the browser is sent on to /dashboard at once.
    redirect(res, '/dashboard', {
      'set-cookie': sessionCookie(result.token, SESSION_HOURS * 3600, secure),
    });
  });

  const chart =
    (page: ChartPage): Authed =>
    async (_req, res, session, url) => {
      const content = await chartPage(page, contextOf(session));
      const frame = frameFor(session, content.title, page, url.pathname);
      sendHtml(res, 200, layout(frame, pageContentHtml(content, session.lang, frame.say)));
    };
  for (const page of CHART_PAGES)
    router.on('GET', page === 'overview' ? '/dashboard' : `/dashboard/${page}`, authed(chart(page)));

  const settingsPage = async (
    res: ServerResponse,
    session: Session,
    status: number,
    extra: { errors?: string[]; saved?: boolean } = {},
  ) => {
    const say = sayIn(session.lang);
    const community = await loadCommunity(store, session.ref, config.defaultLang);
    const main = settingsHtml({
      community,
      say,
      lang: session.lang,
      now: clock(),
      csrf: session.csrf,
      ...extra,
    });
    const title = say('dashboard.settings.title');
    sendHtml(res, status, layout(frameFor(session, title, 'settings', '/dashboard/settings'), main));
  };
  router.on(
    'GET',
    '/dashboard/settings',
    authed(async (_req, res, session, url) =>
      settingsPage(res, session, 200, { saved: url.searchParams.get('saved') === '1' }),
    ),
  );
  router.on(
    'POST',
    '/dashboard/settings',
    authed(async (req, res, session) => {
      const say = sayIn(session.lang);
      const form = formOf(req) ?? new URLSearchParams();
      const errors = await saveSettings(store, session.ref, config.defaultLang, (community) =>
        applySettingsForm(community, form, clock(), say, session.lang),
      );
      if (errors.length > 0) return settingsPage(res, session, 422, { errors });
      log.info({ community: communityKey(session.ref) }, 'coffee settings changed on the dashboard');
      redirect(res, '/dashboard/settings?saved=1');
    }),
  );

  router.on(
    'GET',
    '/dashboard/export',
    authed(async (_req, res, session) => {
      const ctx = contextOf(session);
      const title = ctx.say('dashboard.export.title');
      sendHtml(
        res,
        200,
        layout(frameFor(session, title, 'export', '/dashboard/export'), await exportHtml(ctx)),
      );
    }),
  );
  router.on(
    'GET',
    '/dashboard/export/:file',
    authed(async (_req, res, session, url) => {
      const file = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
      const csv = await csvFile(contextOf(session), file);
      if (csv === undefined) return refuse(res, 404, session.lang, 'notFound');
      send(res, 200, 'text/csv; charset=utf-8', csv, {
        'content-disposition': `attachment; filename="${file}"`,
      });
    }),
  );

  router.on(
    'POST',
    '/dashboard/signout',
    authed(async (_req, res, session) => {
      await access.signOut(session);
      const say = sayIn(session.lang);
      const title = say('dashboard.refused.signedOutTitle');
      sendHtml(
        res,
        200,
        messagePage({ lang: session.lang, say, title }, title, [say('dashboard.refused.signedOut')]),
        {
          'set-cookie': sessionCookie('', 0, secure),
        },
      );
    }),
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', 'http://dashboard.invalid').pathname;
      const found = router.find(req.method ?? 'GET', path);
      if (found === 404) return refuse(res, 404, browserLang(req), 'notFound');
      if (found === 405)
        return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { allow: 'GET, POST' });
      await found.handler(req, res, found.params);
    } catch (error) {
      log.error({ err: error }, 'dashboard request failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Something went wrong.');
      else res.end();
    }
  }

  return {
    handle,
    routes: router.routes,
    access,
    async signInLink(ref, lang, base = dashboardBase(config.dashboard)) {
      return signInUrl(base, await access.issueLink(ref, lang));
    },
  };
}

/** The dashboard on its own HTTP server (no Slack HTTP mode to share): `start` and `weakties dashboard`. */
export async function serveDashboard(
  dashboard: Dashboard,
  port: number,
  host?: string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/dashboard' || path.startsWith('/dashboard/')) return void dashboard.handle(req, res);
    if (path === '/') return redirect(res, '/dashboard');
    send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
