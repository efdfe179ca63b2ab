import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The headers every dashboard response carries: a Content-Security-Policy that allows only the
 * dashboard's own stylesheet and inline SVG images (no script at all, no framing, forms posting
 * only back here), no MIME sniffing, no referrer (a URL never leaks), and nothing cached.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

export const sendHtml = (res: ServerResponse, status: number, html: string, headers = {}) =>
  send(res, status, 'text/html; charset=utf-8', html, headers);

/** 303 See Other: after a POST or the sign-in, the browser asks for `location` with a GET. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { ...SECURITY_HEADERS, location, 'content-length': '0', ...headers });
  res.end();
}

/** The cookies of a request, by name (the first of a repeated name wins). */
export function cookies(req: IncomingMessage): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (name && !(name in found)) found[name] = part.slice(at + 1).trim();
  }
  return found;
}

export const SESSION_COOKIE = 'weakties_session';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it
 * along), only under /dashboard, Secure when the dashboard is reached over https.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/dashboard',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** A form body is never longer than this; a settings form is well under a kilobyte. */
const FORM_LIMIT = 16 * 1024;

/** Reads an application/x-www-form-urlencoded body; undefined when it is too long or not a form. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT) return undefined;
    chunks.push(chunk);
  }
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
