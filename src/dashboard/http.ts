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

/**
 * A request answered before its body was read (refused, or too long) closes its connection: the
 * rest of the body is never read, not even to throw it away.
 */
const closeIfUnread = (res: ServerResponse): Record<string, string> =>
  res.req && !res.req.complete && res.req.method !== 'GET' && res.req.method !== 'HEAD'
    ? { connection: 'close' }
    : {};

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
    ...closeIfUnread(res),
    ...headers,
  });
  res.end(body);
}

export const sendHtml = (res: ServerResponse, status: number, html: string, headers = {}) =>
  send(res, status, 'text/html; charset=utf-8', html, headers);

/** 303 See Other: after a POST or the sign-in, the browser asks for `location` with a GET. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, {
    ...SECURITY_HEADERS,
    location,
    'content-length': '0',
    ...closeIfUnread(res),
    ...headers,
  });
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
export const FORM_LIMIT = 16 * 1024;

export type FormRead =
  | { form: URLSearchParams }
  | { refused: 'tooLarge' | 'notForm' | 'malformed' | 'aborted' };

/**
 * Reads a form the way a browser sends one (application/x-www-form-urlencoded, UTF-8), strictly:
 * a body over FORM_LIMIT is refused as soon as its length says so or its bytes pass the limit (the
 * rest is never buffered); broken %-escapes, bytes that are not UTF-8 and a field given twice
 * are malformed, as no browser sends them.
 */
export async function readForm(req: IncomingMessage): Promise<FormRead> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > FORM_LIMIT) return { refused: 'tooLarge' };
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  const ended = await new Promise<'end' | 'tooLarge' | 'aborted'>((resolve) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > FORM_LIMIT) {
        // Stop reading: the answer goes out with `connection: close` and the socket goes with it.
        req.pause();
        req.off('data', onData);
        resolve('tooLarge');
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve('end'));
    req.once('error', () => resolve('aborted'));
    // A client gone mid-body (or cut off by the request timeout): nothing to answer, nothing saved.
    req.once('close', () => resolve('aborted'));
  });
  if (ended !== 'end') return { refused: ended };
  if (type !== 'application/x-www-form-urlencoded') return { refused: 'notForm' };
  const form = parseForm(Buffer.concat(chunks).toString('latin1'));
  return form ? { form } : { refused: 'malformed' };
}

/** A urlencoded body, or undefined when it is not one a browser would send. */
export function parseForm(body: string): URLSearchParams | undefined {
  const form = new URLSearchParams();
  if (body === '') return form;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const [rawName, rawValue] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    let name: string;
    let value: string;
    try {
      // The body was read as latin1 so that each byte stays one character: raw non-ASCII bytes
      // are escaped first, then decodeURIComponent checks escapes and UTF-8 alike.
      const decode = (raw: string) => decodeURIComponent(escapeRawBytes(raw.replace(/\+/g, ' ')));
      name = decode(rawName);
      value = decode(rawValue);
    } catch {
      return undefined;
    }
    if (form.has(name)) return undefined;
    form.append(name, value);
  }
  return form;
}

const escapeRawBytes = (text: string): string =>
  text.replace(/[\u0080-\u00ff]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
