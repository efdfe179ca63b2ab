/**
 * A local stand-in for the Slack Web API (and the Socket Mode WebSocket), recording every call.
 * The real WebClient talks to it through `slackApiUrl`; nothing of Bolt is mocked.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { type WebSocket, WebSocketServer } from 'ws';
import { slackProblems } from '../helpers/platform-limits.js';

export interface Call {
  method: string;
  args: Record<string, unknown>;
  /** What the fake answered. */
  result: Record<string, unknown>;
}

export interface Upload {
  fileId: string;
  bytes: Buffer;
}

export interface FakeUser {
  locale?: string;
  tz?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  profile?: { first_name?: string; display_name?: string; real_name?: string };
  is_bot?: boolean;
  deleted?: boolean;
  /** users.info answers user_not_found for this user. */
  missing?: boolean;
}

/** A message of a conversation's history, as conversations.history lists it. */
export interface FakeMessage {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
}

export interface FakeSlackOptions {
  team?: string;
  botUserId?: string;
  botId?: string;
  users?: Record<string, FakeUser>;
  /** Members of the channels the bot is in; conversations.members of any other channel fails. */
  channels?: Record<string, string[]>;
  /** Most members on one conversations.members page, whatever limit is asked (to test paging). */
  pageSize?: number;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'files', 'attachments']);

function decodeArgs(raw: Buffer, type: string | undefined): Record<string, unknown> {
  if (!type?.includes('application/x-www-form-urlencoded')) return {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(raw.toString('utf8')))) {
    const text = Array.isArray(value) ? value[0] : value;
    args[key] = JSON_FIELDS.has(key) && typeof text === 'string' ? JSON.parse(text) : text;
  }
  return args;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class FakeSlack {
  readonly calls: Call[] = [];
  /**
   * Calls Slack would refuse (see test/helpers/platform-limits.ts): each is answered
   * `invalid_blocks` as Slack does, and stop() fails the test that made it.
   */
  readonly violations: string[] = [];
  readonly uploads: Upload[] = [];
  /** Frames the Socket Mode client sent (acks carry `envelope_id`). */
  readonly socketFrames: Record<string, unknown>[] = [];
  readonly team: string;
  readonly botUserId: string;
  readonly botId: string;
  private readonly users: Record<string, FakeUser>;
  /** Channel id → member ids, for conversations.members. */
  readonly channels: Record<string, string[]>;
  /** Conversation id → its messages, oldest first (bot posts into group DMs land here too). */
  readonly histories = new Map<string, FakeMessage[]>();
  private readonly groups = new Map<string, string>();
  private readonly pageSize: number;
  private readonly server: Server;
  private readonly sockets: WebSocketServer;
  private readonly rateLimited = new Set<string>();
  private connected: WebSocket | undefined;
  private tsCounter = 0;
  private ids = 0;
  private listeners: (() => void)[] = [];
  url = '';

  constructor(options: FakeSlackOptions = {}) {
    this.team = options.team ?? 'T0001';
    this.botUserId = options.botUserId ?? 'UBOT';
    this.botId = options.botId ?? 'BBOT';
    this.users = options.users ?? {};
    this.channels = options.channels ?? {};
    this.pageSize = options.pageSize ?? 1000;
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    this.sockets = new WebSocketServer({ server: this.server, path: '/socket' });
    this.sockets.on('connection', (socket) => {
      this.connected = socket;
      socket.on('message', (data) => {
        this.socketFrames.push(JSON.parse(data.toString()) as Record<string, unknown>);
        this.changed();
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake', approximate_connection_time: 18060 },
          connection_info: { app_id: 'A0001' },
        }),
      );
      this.changed();
    });
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The base URL the WebClient takes as slackApiUrl. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async stop(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.violations.length > 0)
      throw new Error(`calls Slack would refuse:\n${this.violations.join('\n')}`);
  }

  /** The next call of `method` answers 429 with Retry-After: 0, as Slack does when rate limiting. */
  rateLimitOnce(method: string): void {
    this.rateLimited.add(method);
  }

  /** Sends a Socket Mode envelope to the connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    if (!this.connected) throw new Error('no Socket Mode client is connected');
    this.connected.send(JSON.stringify(envelope));
  }

  /** A member writes in a conversation (say a coffee group DM): conversations.history lists it. */
  addMessage(channel: string, user: string, text: string): void {
    this.historyOf(channel).push({ type: 'message', ts: this.nextTs(), text, user });
  }

  /** The group DMs conversations.open made, each with its users in the order asked. */
  groupDms(): { channel: string; users: string[] }[] {
    return [...this.groups].map(([users, channel]) => ({ channel, users: users.split(',') }));
  }

  private historyOf(channel: string): FakeMessage[] {
    let messages = this.histories.get(channel);
    if (!messages) {
      messages = [];
      this.histories.set(channel, messages);
    }
    return messages;
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when `test` holds; checked after each recorded call or socket frame, never on a timer. */
  async until(test: () => boolean): Promise<void> {
    while (!test()) await new Promise<void>((resolve) => this.listeners.push(resolve));
  }

  private changed(): void {
    const waiting = this.listeners;
    this.listeners = [];
    for (const resolve of waiting) resolve();
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (path.startsWith('/upload/')) {
      this.uploads.push({ fileId: path.slice('/upload/'.length), bytes: raw });
      this.calls.push({ method: 'upload', args: { fileId: path.slice('/upload/'.length) }, result: {} });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${raw.length}`);
      this.changed();
      return;
    }
    const method = path.replace(/^\/api\//, '');
    if (this.rateLimited.delete(method)) {
      this.calls.push({ method: `${method}:429`, args: {}, result: {} });
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      this.changed();
      return;
    }
    const args = decodeArgs(raw, req.headers['content-type']);
    const revoked = req.headers.authorization === 'Bearer xoxb-revoked';
    const problems = slackProblems(method, args);
    this.violations.push(...problems.map((problem) => `${method} ${problem}`));
    const answer = revoked
      ? { ok: false, error: 'invalid_auth' }
      : problems.length > 0
        ? { ok: false, error: 'invalid_blocks', errors: problems }
        : this.answer(method, args);
    this.calls.push({ method, args, result: answer });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
    this.changed();
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const id = () => {
      this.ids += 1;
      return String(this.ids).padStart(4, '0');
    };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake team',
          user: 'weakties',
          team_id: this.team,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      case 'users.info': {
        const user = String(args.user);
        const { missing, ...known } = this.users[user] ?? {};
        if (missing) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: user,
            team_id: this.team,
            name: user.toLowerCase(),
            is_admin: false,
            is_owner: false,
            is_primary_owner: false,
            is_bot: false,
            deleted: false,
            ...known,
            profile: { real_name: known.real_name ?? '', display_name: '', ...known.profile },
          },
        };
      }
      case 'conversations.open': {
        const users = String(args.users);
        // Several users: a group DM with the bot (mpim), the same one each time for the same users.
        if (!users.includes(',')) return { ok: true, channel: { id: `D${users}` } };
        let group = this.groups.get(users);
        if (!group) {
          group = `G${id()}`;
          this.groups.set(users, group);
        }
        return { ok: true, channel: { id: group, is_mpim: true } };
      }
      case 'conversations.members': {
        const members = this.channels[String(args.channel)];
        if (!members) return { ok: false, error: 'channel_not_found' };
        const from = Number(args.cursor ?? 0);
        const size = Math.min(Number(args.limit ?? 100), this.pageSize);
        const next = from + size < members.length ? String(from + size) : '';
        return {
          ok: true,
          members: members.slice(from, from + size),
          response_metadata: { next_cursor: next },
        };
      }
      case 'conversations.history': {
        const channel = String(args.channel);
        if (!this.histories.has(channel)) return { ok: false, error: 'channel_not_found' };
        const newest = [...this.historyOf(channel)].reverse().slice(0, Number(args.limit ?? 100));
        return { ok: true, messages: newest, has_more: false };
      }
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const channel = String(args.channel);
        if (channel.startsWith('G'))
          this.historyOf(channel).push({
            type: 'message',
            ts,
            text: String(args.text),
            user: this.botUserId,
            bot_id: this.botId,
          });
        return { ok: true, channel: args.channel, ts, message: { ts, text: args.text, blocks: args.blocks } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: `V${id()}`, ...(args.view as object) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${id()}`;
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (args.files as { id: string }[]).map((f) => ({ id: f.id, title: 'file' })),
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
