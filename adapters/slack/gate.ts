/**
 * What reaches Bolt's HTTP receiver: a signed request, no more than five minutes from now either
 * way, whose body has the shape of something Slack sends. Anything else gets its answer at once
 * (401 or 400) instead of crashing Bolt (a JSON `null`) or waiting out its 3 s timeout for a 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { verifySlackRequest } from '@slack/bolt';

/** Bolt's own body limit (its default), so Bolt and the gate refuse the same bodies. */
const BODY_LIMIT = 10 * 1024 * 1024;
const MAX_SKEW_SEC = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
type Verdict = { ok: true } | { ok: false; status: 400 | 401 | 413; why: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a parsed JSON body (an Events API call or an interaction payload) has Slack's shape. */
export function jsonShape(body: unknown): Verdict {
  const bad = (why: string): Verdict => ({ ok: false, status: 400, why });
  if (!isObject(body)) return bad('not a JSON object');
  if (body.type === 'url_verification')
    return typeof body.challenge === 'string' ? { ok: true } : bad('url_verification without a challenge');
  if (body.type === 'event_callback' && !isObject(body.event)) return bad('event_callback without an event');
  if (body.type === 'block_actions' && !(Array.isArray(body.actions) && body.actions.length > 0))
    return bad('block_actions without actions');
  return { ok: true };
}

/** Whether a form body is a slash command, an interaction (its `payload`), or Slack's SSL check. */
export function formShape(fields: Record<string, unknown>): Verdict {
  if (fields.ssl_check === '1' || typeof fields.command === 'string') return { ok: true };
  if (typeof fields.payload !== 'string') return { ok: false, status: 400, why: 'a form without a payload' };
  try {
    return jsonShape(JSON.parse(fields.payload));
  } catch {
    return { ok: false, status: 400, why: 'a payload that is not JSON' };
  }
}

function judge(req: IncomingMessage, raw: Buffer, signingSecret: string): Verdict {
  const text = raw.toString('utf8');
  const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
  const fields = form ? parse(text) : undefined;
  // Slack's SSL check is unsigned; Bolt answers it (and strips anything else from the body).
  if (fields?.ssl_check === '1') return { ok: true };
  const stamp = Number(req.headers['x-slack-request-timestamp']);
  if (!Number.isFinite(stamp) || stamp - Date.now() / 1000 > MAX_SKEW_SEC)
    return { ok: false, status: 401, why: 'a timestamp from the future' };
  try {
    verifySlackRequest({
      signingSecret,
      body: text,
      headers: {
        'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
        'x-slack-request-timestamp': stamp,
      },
    });
  } catch {
    return { ok: false, status: 401, why: 'a bad or stale signature' };
  }
  if (fields) return formShape(fields);
  try {
    return jsonShape(JSON.parse(text));
  } catch {
    return { ok: false, status: 400, why: 'a body that is not JSON' };
  }
}

/**
 * Wraps the receiver's request listener: the body is read once, judged, and handed on as Bolt reads it.
 * Requests `passes` names (the dashboard's own pages and forms, not Slack's) go on unjudged.
 */
export function gate(
  next: Listener,
  signingSecret: string,
  warn: (why: string) => void,
  passes: (path: string) => boolean = () => false,
): Listener {
  return (req, res) => {
    if (req.method !== 'POST' || passes((req.url ?? '/').split('?')[0] ?? '/')) return next(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on('error', () => res.writeHead(400).end());
    req.on('end', () => {
      const verdict: Verdict =
        size > BODY_LIMIT
          ? { ok: false, status: 413, why: 'a body over the limit' }
          : judge(req, Buffer.concat(chunks), signingSecret);
      if (!verdict.ok) {
        warn(verdict.why);
        res.writeHead(verdict.status).end();
        return;
      }
      // Bolt reads a body it finds already buffered (`rawBody`) instead of the spent stream.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = Buffer.concat(chunks);
      next(req, res);
    });
  };
}
