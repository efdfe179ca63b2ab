import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Config, dashboardBase } from '../config.js';
import { guessLang, type Lang } from '../core/types.js';
import type { Logger } from '../log.js';
import { type CommunityRef, communityKey } from '../pairing/community.js';
import { StoreUnavailable } from '../store/locks.js';
import type { Store } from '../store/open.js';
import type { Texts } from '../texts/texts.js';
import { type Access, createAccess, SESSION_HOURS, type Session, signInUrl } from './access.js';
import { CHART_PAGES, type ChartPage, type PageContext } from './content.js';
import { csvFile, exportHtml } from './export.js';
import { guardedStore } from './guarded.js';
import { type Frame, layout, messagePage, type NavPage, pageContentHtml } from './html.js';
import {
  cookies,
  FORM_LIMIT,
  type FormRead,
  readForm,
  redirect,
  SECURITY_HEADERS,
  SESSION_COOKIE,
  send,
  sendHtml,
  sessionCookie,
} from './http.js';
import { chartPage } from './pages.js';
import { loadCommunity, saveSettings } from './records.js';
import { createRouter, type Handler, type Params } from './router.js';
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
  /** The page for a request Node itself refused (too long, too slow, not HTTP), in DEFAULT_LANG. */
  unreadablePage(): string;
}

type Authed = (
  req: IncomingMessage,
  res: ServerResponse,
  session: Session,
  url: URL,
  params: Params,
) => Promise<void>;

type Refusal =
  | 'signIn'
  | 'csrf'
  | 'notFound'
  | 'method'
  | 'tooLarge'
  | 'badForm'
  | 'unavailable'
  | 'failed'
  | 'badRequest';

/** How each refused form is answered: too long 413, not a form 415, a broken one 400. */
const FORM_REFUSALS: Record<Exclude<FormRead, { form: URLSearchParams }>['refused'], [number, Refusal]> = {
  tooLarge: [413, 'tooLarge'],
  notForm: [415, 'badForm'],
  malformed: [400, 'badForm'],
  aborted: [400, 'badForm'],
};

/** A CSV the export offers: a table id (lower-case words and digits joined by dashes) and `.csv`. */
const CSV_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.csv$/;

/**
 * The address of a request, or undefined when its target is neither a path nor a full URL. A path
 * is read as a path even when it starts with `//` (as a URL it would name another host).
 */
function urlOf(req: IncomingMessage): URL | undefined {
  const target = req.url ?? '/';
  try {
    if (target.startsWith('/')) return new URL(`http://dashboard.invalid${target}`);
    return /^https?:\/\//i.test(target) ? new URL(target) : undefined;
  } catch {
    return undefined;
  }
}
const pathOf = (req: IncomingMessage): string | undefined => urlOf(req)?.pathname;

/**
 * The community dashboard: server-rendered pages for one community's admin, behind a one-time
 * sign-in link and a session cookie. Node's own `http` with a tiny router (./router.ts): no new
 * dependency for a handful of pages, and the handler plugs into Bolt's HTTPReceiver as it is.
 */
export function createDashboard(deps: DashboardDeps): Dashboard {
  const { texts, config, log } = deps;
  const store = guardedStore(deps.store);
  const clock = deps.clock ?? (() => new Date());
  const access = createAccess(store, clock);
  const secure = config.dashboard.publicUrl?.startsWith('https:') ?? false;
  const router = createRouter();
  const sayIn = (lang: Lang) => texts.forLang(lang);

  const frameFor = (session: Session, title: string, current: NavPage | undefined, path: string): Frame => ({
    lang: session.lang,
    say: sayIn(session.lang),
    title,
    signedIn: {
      current,
      community: sayIn(session.lang)(`dashboard.place.${session.ref.platform}`, { space: session.ref.space }),
      csrf: session.csrf,
      path,
    },
  });

  /** Without a session, the page speaks the browser's language when it is one of ours. */
  const browserLang = (req: IncomingMessage): Lang =>
    guessLang(req.headers['accept-language']?.split(',')[0]?.trim()) ?? config.defaultLang;

  /** The page of a refusal: what happened, and where to go from here. */
  function refusalPage(lang: Lang, kind: Refusal): string {
    const say = sayIn(lang);
    const title = say(`dashboard.refused.${kind}Title`);
    const extra = kind === 'signIn' ? [say('dashboard.refused.howTo')] : [];
    const back = ['notFound', 'method', 'badRequest', 'failed'].includes(kind);
    return messagePage(
      { lang, say, title },
      title,
      [say(`dashboard.refused.${kind}`), ...extra],
      back ? say('dashboard.refused.back') : undefined,
    );
  }

  function refuse(
    res: ServerResponse,
    status: number,
    lang: Lang,
    kind: Refusal,
    headers: Record<string, string> = {},
  ) {
    sendHtml(res, status, refusalPage(lang, kind), headers);
  }

  /** The admin's language when a valid session comes along, else the browser's (never a failure). */
  const pageLang = async (req: IncomingMessage): Promise<Lang> =>
    (await access.session(cookies(req)[SESSION_COOKIE]).catch(() => undefined))?.lang ?? browserLang(req);

  /** Pages behind the session: none → 401; a POST without the session's CSRF token → 403. */
  const authed =
    (fn: Authed): Handler =>
    async (req, res, params) => {
      const url = urlOf(req) ?? new URL('http://dashboard.invalid/dashboard');
      const session = await access.session(cookies(req)[SESSION_COOKIE]);
      if (!session) return refuse(res, 401, browserLang(req), 'signIn');
      if (req.method === 'POST') {
        const read = await readForm(req);
        if ('refused' in read) {
          const [status, kind] = FORM_REFUSALS[read.refused];
          return refuse(res, status, session.lang, kind);
        }
        if (!sameSecret(read.form.get('csrf') ?? undefined, session.csrf))
          return refuse(res, 403, session.lang, 'csrf');
        (req as IncomingMessage & { form?: URLSearchParams }).form = read.form;
      } else if (req.method === 'GET') {
        // A HEAD changes nothing: it gets the page's headers in the language the session has.
        const lang = url.searchParams.get('lang');
        const chosen = lang && lang.length === 2 ? guessLang(lang) : undefined;
        if (chosen) {
          await access.setLang(session, chosen);
          return redirect(res, url.pathname);
        }
      }
      return fn(req, res, session, url, params);
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
    // A HEAD (a link checker, a preview) never spends the one-time link.
    if (req.method === 'HEAD') return sendHtml(res, 200, '');
    const token = urlOf(req)?.searchParams.get('token');
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
    extra: { errors?: string[]; saved?: boolean; submitted?: URLSearchParams } = {},
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
      if (errors.length > 0) return settingsPage(res, session, 422, { errors, submitted: form });
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
    authed(async (_req, res, session, _url, params) => {
      // Only a table's own name is looked up, and only it ever names the file sent.
      const file = params.file ?? '';
      const csv = CSV_FILE.test(file) ? await csvFile(contextOf(session), file) : undefined;
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
      const path = pathOf(req);
      if (path === undefined) return refuse(res, 400, browserLang(req), 'badRequest');
      // HEAD is GET without the body (Node leaves the body out by itself).
      const found = router.find(req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET'), path);
      if (found === 404) return refuse(res, 404, await pageLang(req), 'notFound');
      if (found === 405) {
        const allowed = router.allowed(path);
        const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', ');
        return refuse(res, 405, await pageLang(req), 'method', { allow });
      }
      // A body declared longer than any form is refused before anything else, and never read.
      if (req.method === 'POST' && Number(req.headers['content-length'] ?? 0) > FORM_LIMIT)
        return refuse(res, 413, browserLang(req), 'tooLarge');
      await found.handler(req, res, found.params);
    } catch (error) {
      // One line per failed request, with the cause; the page says only what the admin can do.
      const down = error instanceof StoreUnavailable;
      log.error({ err: error, path: pathOf(req), method: req.method }, 'dashboard request failed');
      if (res.headersSent) return void res.end();
      const [status, kind] = down ? [503, 'unavailable' as const] : [500, 'failed' as const];
      refuse(res, status, browserLang(req), kind, down ? { 'retry-after': '60' } : {});
    }
  }

  return {
    handle,
    routes: router.routes,
    access,
    async signInLink(ref, lang, base = dashboardBase(config.dashboard)) {
      return signInUrl(base, await access.issueLink(ref, lang));
    },
    unreadablePage: () => refusalPage(config.defaultLang, 'badRequest'),
  };
}

/**
 * How long a client may take. A dashboard page is a few kilobytes and a form well under one, so
 * a client that takes longer than this is stuck or trickling on purpose: its socket is closed
 * (408) instead of held. Node checks the running requests every `checkEveryMs`.
 */
export const DASHBOARD_TIMEOUTS = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};
export type DashboardTimeouts = typeof DASHBOARD_TIMEOUTS;

/** Node's own refusals (a request too long, too slow or not HTTP), with the dashboard's headers and page. */
function answerClientError(dashboard: Dashboard, error: Error & { code?: string }, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return void socket.destroy();
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = dashboard.unreadablePage();
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}\r\n${body}`);
}

/** The dashboard on its own HTTP server (no Slack HTTP mode to share): `start` and `weakties dashboard`. */
export async function serveDashboard(
  dashboard: Dashboard,
  port: number,
  host?: string,
  timeouts: DashboardTimeouts = DASHBOARD_TIMEOUTS,
): Promise<{ server: Server; port: number }> {
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    (req, res) => {
      // Everything but the root is the dashboard's to answer, an unknown path with its own 404 page.
      if ((req.url ?? '/').split('?')[0] === '/') return redirect(res, '/dashboard');
      void dashboard.handle(req, res);
    },
  );
  server.on('clientError', (error, socket) => answerClientError(dashboard, error, socket as Socket));
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
