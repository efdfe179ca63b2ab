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
  type APIGuildMember,
  type APIInteraction,
  type APIMessage,
  type APIPartialGuild,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
  type ApplicationFlags,
  type ChannelFlags,
  ChannelType,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  type GuildMemberFlags,
  InteractionResponseType,
  MessageType,
  type Permissions,
  type RoleFlags,
  type ThreadMemberFlags,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import { DISCORD, discordCommandProblems, discordMessageProblems } from '../helpers/platform-limits.js';

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

/** A server of the bot, as far as the coffee adapter sees it. */
export interface FakeGuild {
  name: string;
  roles: string[];
  members: APIGuildMember[];
  /** Text channels where threads may be opened. */
  channels: Set<string>;
}

const THREAD_ARCHIVE_MINUTES = [60, 1440, 4320, 10080];
const error = (status: number, code: number, message: string): [number, unknown] => [
  status,
  { message, code },
];

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
  /** Servers of the bot by id: their roles, members and text channels. */
  readonly guilds = new Map<string, FakeGuild>();
  /** Channels where the bot may not open private threads (Missing Permissions, 50013). */
  readonly refusedThreads = new Set<string>();
  /** The private threads the bot opened, with the members it added. */
  readonly threads = new Map<string, { thread: APIThreadChannel; members: Set<string> }>();
  /** Users GET /users/{id} knows: everyone who wrote or used an interaction, and any added. */
  readonly users = new Map<string, APIUser>();
  /** Messages members wrote in threads, kept apart from the bot's own. */
  readonly memberMessages: APIMessage[] = [];
  /** The application's Server Members intent (Developer Portal); off, listing members is refused. */
  serverMembersIntent = true;
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

  /**
   * Requests Discord would refuse (see test/helpers/platform-limits.ts). Each is answered 400 like
   * Discord does, and close() fails the test that sent it.
   */
  readonly violations: string[] = [];

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.violations.length > 0)
      throw new Error(`requests Discord would refuse:\n${this.violations.join('\n')}`);
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
    if (payload.t === GatewayDispatchEvents.InteractionCreate) {
      this.track(payload.d);
      const user = payload.d.user ?? payload.d.member?.user;
      if (user) this.users.set(user.id, user);
    }
    if (payload.t === GatewayDispatchEvents.MessageCreate)
      this.users.set(payload.d.author.id, payload.d.author);
    this.record(payload);
  }

  // ---- servers -------------------------------------------------------------------------------

  /** A server of the bot (made on first use). */
  guild(id: string): FakeGuild {
    let guild = this.guilds.get(id);
    if (!guild) {
      guild = { name: `guild ${id}`, roles: [], members: [], channels: new Set() };
      this.guilds.set(id, guild);
    }
    return guild;
  }

  /** A member of a server, with roles; also a user GET /users/{id} knows. */
  addGuildMember(guild: string, user: APIUser, roles: string[] = []): void {
    this.users.set(user.id, user);
    this.guild(guild).members.push({
      user,
      roles,
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
    });
  }

  /** A member writes in a channel (a coffee thread). */
  writeAs(user: APIUser, channel: string, content: string): APIMessage {
    const message = { ...this.newMessage(channel, content), author: user };
    this.memberMessages.push(message);
    return message;
  }

  private guildOfChannel(channel: string): string | undefined {
    for (const [id, guild] of this.guilds) if (guild.channels.has(channel)) return id;
    return undefined;
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

  /** The endpoints the adapter uses: method, path pattern, and what Discord would answer. */
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
    ['POST', /^\/channels\/(\d+)\/threads$/, ([channel = ''], call) => this.openThread(channel, call)],
    [
      'PUT',
      /^\/channels\/(\d+)\/thread-members\/(\d+)$/,
      ([thread = '', user = '']) => this.addThreadMember(thread, user),
    ],
    ['GET', /^\/channels\/(\d+)\/messages$/, ([channel = ''], call) => this.channelMessages(channel, call)],
    [
      'GET',
      /^\/users\/@me\/guilds$/,
      () => [200, [...this.guilds].map(([id, g]) => this.partialGuild(id, g))],
    ],
    [
      'GET',
      /^\/users\/(\d+)$/,
      ([user = '']) => {
        const found = this.users.get(user);
        return found ? [200, found] : error(404, 10013, 'Unknown User');
      },
    ],
    [
      'GET',
      /^\/guilds\/(\d+)\/roles$/,
      ([guild = '']) => {
        const found = this.guilds.get(guild);
        return found ? [200, found.roles.map((id) => role(id))] : error(404, 10004, 'Unknown Guild');
      },
    ],
    ['GET', /^\/guilds\/(\d+)\/members$/, ([guild = ''], call) => this.guildMembers(guild, call)],
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
    if (invalid.length > 0) {
      this.violations.push(...invalid.map((problem) => `${call.method} ${call.path}: ${problem}`));
      return [400, { message: 'Invalid Form Body', code: 50035, errors: invalid }];
    }
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
  /** POST /channels/{id}/threads: a thread without a message, in a text channel of a server. */
  private openThread(channel: string, call: RestCall): [number, unknown] {
    const guild = this.guildOfChannel(channel);
    if (!guild) return error(404, 10003, 'Unknown Channel');
    if (this.refusedThreads.has(channel)) return error(403, 50013, 'Missing Permissions');
    const body = (call.body ?? {}) as Body;
    const name = body.name;
    const type = body.type ?? ChannelType.PrivateThread;
    const problems = [
      ...(typeof name === 'string' && name.length >= 1 && name.length <= DISCORD.threadName
        ? []
        : ['name: 1-100']),
      ...(type === ChannelType.PrivateThread || type === ChannelType.PublicThread ? [] : ['type']),
      ...(body.auto_archive_duration === undefined ||
      THREAD_ARCHIVE_MINUTES.includes(Number(body.auto_archive_duration))
        ? []
        : ['auto_archive_duration']),
      ...(body.invitable === undefined ||
      (typeof body.invitable === 'boolean' && type === ChannelType.PrivateThread)
        ? []
        : ['invitable: private threads only']),
    ];
    if (problems.length > 0) {
      this.violations.push(...problems.map((problem) => `POST ${call.path}: ${problem}`));
      return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
    }
    const id = nextId();
    const thread: APIThreadChannel = {
      id,
      type: type as ChannelType.PrivateThread,
      guild_id: guild,
      parent_id: channel,
      name: String(name),
      owner_id: BOT_ID,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
      thread_metadata: {
        archived: false,
        auto_archive_duration: Number(body.auto_archive_duration ?? 4320) as 60,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        ...(body.invitable !== undefined ? { invitable: Boolean(body.invitable) } : {}),
      },
      member: {
        id,
        user_id: BOT_ID,
        join_timestamp: new Date().toISOString(),
        flags: 0 as ThreadMemberFlags,
      },
      member_count: 1,
      message_count: 0,
      total_message_sent: 0,
    };
    this.threads.set(id, { thread, members: new Set([BOT_ID]) });
    return [201, thread];
  }

  /** PUT /channels/{thread}/thread-members/{user}: a member of the thread's server joins it. */
  private addThreadMember(thread: string, user: string): [number, unknown] {
    const found = this.threads.get(thread);
    if (!found) return error(404, 10003, 'Unknown Channel');
    const guild = this.guilds.get(found.thread.guild_id ?? '');
    if (guild && guild.members.length > 0 && !guild.members.some((m) => m.user.id === user))
      return error(404, 10007, 'Unknown Member');
    found.members.add(user);
    return [204, undefined];
  }

  /** GET /channels/{id}/messages?limit=N: the newest messages first. */
  private channelMessages(channel: string, call: RestCall): [number, unknown] {
    const limit = Number(call.query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return [400, { message: 'Invalid Form Body', code: 50035, errors: ['limit: 1-100'] }];
    const all = [...this.messages, ...this.memberMessages].filter((m) => m.channel_id === channel);
    all.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    return [200, all.slice(0, limit)];
  }

  /** GET /guilds/{id}/members?limit&after: a page ordered by user id; needs the Server Members intent. */
  private guildMembers(id: string, call: RestCall): [number, unknown] {
    const guild = this.guilds.get(id);
    if (!guild) return error(404, 10004, 'Unknown Guild');
    if (!this.serverMembersIntent) return error(403, 50001, 'Missing Access');
    const limit = Number(call.query.get('limit') ?? 1);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      return [400, { message: 'Invalid Form Body', code: 50035, errors: ['limit: 1-1000'] }];
    const after = BigInt(call.query.get('after') ?? '0');
    const page = guild.members
      .filter((m) => BigInt(m.user.id) > after)
      .sort((a, b) => (BigInt(a.user.id) > BigInt(b.user.id) ? 1 : -1))
      .slice(0, limit);
    return [200, page];
  }

  /** A guild as GET /users/@me/guilds lists it. */
  private partialGuild(id: string, guild: FakeGuild): Pick<APIPartialGuild, 'id' | 'name' | 'icon'> & Body {
    return { id, name: guild.name, icon: null, owner: false, permissions: '0', features: [] };
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

  private newMessage(channel: string, content: string): APIMessage {
    return {
      id: nextId(),
      type: MessageType.Default,
      channel_id: channel,
      author: BOT_USER,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
    };
  }

  private create(channel: string, call: RestCall): APIMessage {
    const body = (call.body ?? {}) as Body;
    const message: APIMessage = {
      ...this.newMessage(channel, String(body.content ?? '')),
      attachments: call.files.map((f) => ({
        id: nextId(),
        filename: f.name,
        size: f.size,
        url: `https://cdn.example/${f.name}`,
        proxy_url: `https://cdn.example/${f.name}`,
      })),
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

const role = (id: string): APIRole => ({
  id,
  name: `role ${id}`,
  color: 0,
  colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
  hoist: false,
  position: 1,
  permissions: '0' as Permissions,
  managed: false,
  mentionable: false,
  flags: 0 as RoleFlags,
});

/** allowed_mentions as Discord checks it: known parse types, and users never both parsed and listed. */
function mentionProblems(allowed: unknown): string[] {
  if (allowed === undefined) return [];
  const { parse = [], users, roles } = allowed as { parse?: string[]; users?: string[]; roles?: string[] };
  const problems: string[] = [];
  if (!parse.every((p) => ['users', 'roles', 'everyone'].includes(p)))
    problems.push('allowed_mentions.parse');
  if (users && parse.includes('users')) problems.push('allowed_mentions: users both parsed and listed');
  if (roles && parse.includes('roles')) problems.push('allowed_mentions: roles both parsed and listed');
  if ((users?.length ?? 0) > 100 || (roles?.length ?? 0) > 100) problems.push('allowed_mentions: over 100');
  return problems;
}

/** Every limit Discord enforces with 400 Invalid Form Body, on a message or a modal (see platform-limits.ts). */
function formProblems(call: RestCall): string[] {
  const body = call.body as Body | undefined;
  if (Array.isArray(body) && /\/commands$/.test(call.path))
    return (body as Body[]).flatMap((command) => discordCommandProblems(command));
  if (!body || Array.isArray(body)) return [];
  const isCallback = call.path.startsWith('/interactions/');
  const data = (isCallback ? body.data : body) as Body | undefined;
  if (!data) return [];
  const isModal = isCallback && body.type === InteractionResponseType.Modal;
  return [...mentionProblems(data.allowed_mentions), ...discordMessageProblems(data, isModal)];
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
