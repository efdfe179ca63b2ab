/**
 * A local fake of Discord for a real discord.js Client: the REST API (node http) and the
 * gateway (a `ws` server on the same port). It records every REST call, keeps the messages the
 * bot sent, and dispatches gateway events with sequence numbers so a RESUME replays what a
 * disconnected client missed.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIDMChannel,
  type APIInteraction,
  type APIMessage,
  type APIUser,
  type ApplicationFlags,
  type ChannelFlags,
  ChannelType,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  InteractionResponseType,
  MessageType,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';

export const BOT_ID = '900000000000000001';
export const APPLICATION_ID = '900000000000000001';
export const BOT_TOKEN = 'fake-bot-token-that-is-long-enough';

export const BOT_USER: APIUser = {
  id: BOT_ID,
  username: 'weakties',
  discriminator: '0',
  global_name: 'weakties',
  avatar: null,
  bot: true,
};

export interface UploadedFile {
  field: string;
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface RestCall {
  method: string;
  /** The path after /api/v10. */
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: unknown;
  files: UploadedFile[];
  status: number;
}

type Body = Record<string, unknown>;

let snowflake = 1_000_000_000_000_000n;
const nextId = () => String(++snowflake);

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  /** Every message the bot sent or had sent for it, in order, as Discord would return it. */
  readonly messages: APIMessage[] = [];
  /** Users whose privacy settings refuse DMs from the bot (REST 50007). */
  readonly closedDms = new Set<string>();
  identifies = 0;
  /** The `shard` field of every IDENTIFY, as [id, count] (absent for an unsharded client). */
  readonly identifiedShards: unknown[] = [];
  resumes = 0;
  private readonly dmChannels = new Map<string, string>();
  private readonly interactions = new Map<string, { channel: string; message?: string }>();
  private readonly originals = new Map<string, string>();
  private readonly log: { s: number; payload: GatewayDispatchPayload }[] = [];
  private seq = 0;
  private socket: WebSocket | undefined;
  private live = false;
  private sessionId = 'fake-session';
  private waiters: (() => void)[] = [];
  private holding = false;
  private held: WebSocket[] = [];

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {}

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    const fake = new FakeDiscord(server, wss);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (socket) => fake.onConnection(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The base URL to pass as DISCORD_API_URL / `rest.api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- waiting -------------------------------------------------------------------------------

  private changed(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Resolves with the first value `find` returns, checked again after every REST call and frame. */
  async waitFor<T>(find: () => T | undefined | false): Promise<T> {
    for (;;) {
      const found = find();
      if (found !== undefined && found !== false) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The DM channel id the fake hands out for a user. */
  dmChannelOf(user: string): string {
    let channel = this.dmChannels.get(user);
    if (!channel) {
      channel = nextId();
      this.dmChannels.set(user, channel);
    }
    return channel;
  }

  private recipientOf(channel: string): string | undefined {
    for (const [user, id] of this.dmChannels) if (id === channel) return user;
    return undefined;
  }

  // ---- gateway -------------------------------------------------------------------------------

  private send(payload: unknown): void {
    this.socket?.send(JSON.stringify(payload));
  }

  private onConnection(socket: WebSocket): void {
    if (this.holding) {
      this.held.push(socket);
      this.changed();
      return;
    }
    this.greet(socket);
  }

  private greet(socket: WebSocket): void {
    this.socket = socket;
    this.live = false;
    socket.on('message', (raw) => this.onFrame(socket, JSON.parse(String(raw))));
    socket.on('close', () => {
      if (this.socket === socket) {
        this.socket = undefined;
        this.live = false;
      }
      this.changed();
    });
    this.send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41_250 } });
  }

  private onFrame(socket: WebSocket, frame: { op: number; d: Record<string, unknown> }): void {
    if (socket !== this.socket) return;
    if (frame.op === GatewayOpcodes.Heartbeat) this.send({ op: GatewayOpcodes.HeartbeatAck });
    if (frame.op === GatewayOpcodes.Identify) {
      this.identifies += 1;
      this.identifiedShards.push(frame.d.shard);
      this.sessionId = `fake-session-${this.identifies}`;
      const ready: GatewayReadyDispatchData = {
        v: 10,
        user: BOT_USER,
        guilds: [],
        session_id: this.sessionId,
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        application: { id: APPLICATION_ID, flags: 0 as ApplicationFlags, flags_new: '0' },
      };
      this.live = true;
      this.record({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Ready, s: 0, d: ready });
    }
    if (frame.op === GatewayOpcodes.Resume) {
      this.resumes += 1;
      const since = Number(frame.d.seq);
      this.live = true;
      for (const entry of this.log) if (entry.s > since) this.send(entry.payload);
      this.record({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: 0, d: undefined });
    }
    this.changed();
  }

  /** Numbers a dispatch, keeps it for replay, and sends it when a session is live. */
  private record(payload: GatewayDispatchPayload): void {
    const s = ++this.seq;
    const numbered = { ...payload, s } as GatewayDispatchPayload;
    this.log.push({ s, payload: numbered });
    if (this.live) this.send(numbered);
  }

  /** Sends a dispatch (or keeps it for the RESUME, while the client is disconnected). */
  dispatch(payload: GatewayDispatchPayload): void {
    if (payload.t === GatewayDispatchEvents.InteractionCreate) this.track(payload.d);
    this.record(payload);
  }

  private track(interaction: APIInteraction): void {
    const channel = interaction.channel?.id ?? '';
    const message = 'message' in interaction ? interaction.message?.id : undefined;
    this.interactions.set(interaction.token, { channel, message });
  }

  /** Closes the gateway connection with a resumable code; the client will RESUME. */
  async disconnect(code = 4000): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.live = false;
    this.socket = undefined;
    socket.close(code, 'fake disconnect');
    await once(socket, 'close');
  }

  /** Makes new gateway connections wait for release(): events dispatched meanwhile are missed. */
  hold(): void {
    this.holding = true;
  }

  /** Greets the connections that waited, so the client can RESUME. */
  release(): void {
    this.holding = false;
    const waiting = this.held;
    this.held = [];
    for (const socket of waiting) this.greet(socket);
  }

  /** How many connections are waiting for release(). */
  get waiting(): number {
    return this.held.length;
  }

  get connected(): boolean {
    return this.live;
  }

  // ---- REST ----------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const contentType = req.headers['content-type'];
    const { body, files } = await parseBody(raw, contentType);
    const call: RestCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      contentType,
      body,
      files,
      status: 0,
    };
    const [status, json] = this.route(call);
    call.status = status;
    this.calls.push(call);
    if (json === undefined) {
      // A 204 carries no content type: discord.js would try to parse an empty JSON body.
      res.writeHead(status).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    }
    this.changed();
  }

  /** The endpoints the door uses: method, path pattern, and what Discord would answer. */
  private readonly routes: [string, RegExp, (params: string[], call: RestCall) => [number, unknown]][] = [
    ['GET', /^\/gateway\/bot$/, () => [200, this.gatewayBot()]],
    [
      'POST',
      /^\/users\/@me\/channels$/,
      (_, call) => [200, this.openDm(String((call.body as Body).recipient_id))],
    ],
    [
      'POST',
      /^\/channels\/(\d+)\/messages$/,
      ([channel = ''], call) => {
        const recipient = this.recipientOf(channel);
        if (recipient && this.closedDms.has(recipient))
          return [403, { message: 'Cannot send messages to this user', code: 50007 }];
        return [200, this.create(channel, call)];
      },
    ],
    [
      'POST',
      /^\/interactions\/\d+\/([^/]+)\/callback$/,
      ([token = ''], call) => {
        this.callback(token, (call.body ?? {}) as Body, call);
        return [204, undefined];
      },
    ],
    [
      'PATCH',
      /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/,
      ([token = ''], call) => {
        const existing = this.originals.get(token);
        const message = existing ? this.edit(existing, call) : this.createFor(token, call);
        this.originals.set(token, message.id);
        return [200, message];
      },
    ],
    ['DELETE', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, () => [204, undefined]],
    ['POST', /^\/webhooks\/\d+\/([^/]+)$/, ([token = ''], call) => [200, this.createFor(token, call)]],
    [
      'PUT',
      /^\/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/,
      ([application], call) => [
        200,
        (call.body as Body[]).map((c) => ({
          ...c,
          id: nextId(),
          application_id: application,
          version: nextId(),
        })),
      ],
    ],
  ];

  private route(call: RestCall): [number, unknown] {
    const invalid = formProblems(call);
    if (invalid.length > 0) return [400, { message: 'Invalid Form Body', code: 50035, errors: invalid }];
    for (const [method, pattern, answer] of this.routes) {
      const match = call.method === method ? pattern.exec(call.path) : null;
      if (match) return answer(match.slice(1), call);
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private gatewayBot() {
    return {
      url: `ws://127.0.0.1:${this.port}`,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };
  }

  private openDm(user: string): APIDMChannel {
    return {
      id: this.dmChannelOf(user),
      type: ChannelType.DM,
      name: null,
      last_message_id: null,
      recipients: [
        { id: user, username: `user${user}`, discriminator: '0', global_name: null, avatar: null },
      ],
      flags: 0 as ChannelFlags,
    };
  }
  private callback(token: string, body: Body, call: RestCall): void {
    const known = this.interactions.get(token);
    const data = (body.data ?? {}) as Body;
    if (body.type === InteractionResponseType.UpdateMessage && known?.message) {
      this.edit(known.message, { ...call, body: data });
    }
    if (body.type === InteractionResponseType.ChannelMessageWithSource) {
      this.originals.set(token, this.createFor(token, { ...call, body: data }).id);
    }
  }

  private createFor(token: string, call: RestCall): APIMessage {
    return this.create(this.interactions.get(token)?.channel ?? 'unknown', call);
  }

  private create(channel: string, call: RestCall): APIMessage {
    const body = (call.body ?? {}) as Body;
    const message: APIMessage = {
      id: nextId(),
      type: MessageType.Default,
      channel_id: channel,
      author: BOT_USER,
      content: String(body.content ?? ''),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: call.files.map((f) => ({
        id: nextId(),
        filename: f.name,
        size: f.size,
        url: `https://cdn.example/${f.name}`,
        proxy_url: `https://cdn.example/${f.name}`,
      })),
      embeds: [],
      pinned: false,
      flags: Number(body.flags ?? 0),
      components: (body.components ?? []) as APIMessage['components'],
    };
    this.messages.push(message);
    return message;
  }

  private edit(id: string, call: RestCall): APIMessage {
    const body = (call.body ?? {}) as Body;
    const index = this.messages.findIndex((m) => m.id === id);
    const before = this.messages[index] as APIMessage;
    const after: APIMessage = {
      ...before,
      ...(body.content !== undefined ? { content: String(body.content) } : {}),
      ...(body.components !== undefined ? { components: body.components as APIMessage['components'] } : {}),
      edited_timestamp: new Date().toISOString(),
    };
    this.messages[index] = after;
    return after;
  }
}

/**
 * Some of the limits Discord enforces with 400 Invalid Form Body, so a test fails where Discord
 * would refuse a message or a modal.
 */
function formProblems(call: RestCall): string[] {
  const body = call.body as Body | undefined;
  if (!body || Array.isArray(body)) return [];
  const isCallback = call.path.startsWith('/interactions/');
  const data = (isCallback ? body.data : body) as Body | undefined;
  if (!data) return [];
  const problems: string[] = [];
  if (typeof data.content === 'string' && data.content.length > 2000) problems.push('content: over 2000');
  const rows = (data.components ?? []) as Body[];
  if (rows.length > 5) problems.push('components: over 5');
  const isModal = isCallback && body.type === InteractionResponseType.Modal;
  if (isModal && (String(data.title ?? '').length > 45 || rows.length === 0)) problems.push('modal title');
  const leaves = rows.flatMap((row) => [
    ...((row.components ?? []) as Body[]),
    ...(row.component ? [row.component as Body] : []),
  ]);
  for (const row of rows) if (((row.components ?? []) as Body[]).length > 5) problems.push('row: over 5');
  for (const leaf of leaves) {
    if (String(leaf.custom_id ?? '').length > 100) problems.push('custom_id: over 100');
    if (String(leaf.label ?? '').length > 80) problems.push('label: over 80');
    if (Array.isArray(leaf.options) && leaf.options.length > 25) problems.push('options: over 25');
  }
  return problems;
}

/** A JSON body, or a multipart one (payload_json plus files[n]) as discord.js sends attachments. */
async function parseBody(raw: Buffer, contentType: string | undefined) {
  const files: UploadedFile[] = [];
  if (raw.length === 0) return { body: undefined, files };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: unknown;
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        const bytes = Buffer.from(await value.arrayBuffer());
        files.push({ field, name: value.name, type: value.type, size: value.size, bytes });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as unknown, files };
}
