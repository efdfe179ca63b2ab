/**
 * Conversations with the bot in process, in the style of botbuilder's
 * `TestAdapter.send().assertReply()`: a real engine on a real temp SQLite store, one member at
 * the terminal adapter, a clock the test moves. Each input returns the turn it produced; the
 * expectations chain on it and, when one fails, print the conversation so far.
 *
 *   const c = await conversation({ lang: 'en' });
 *   await c.start().asks('welcome.intro').offers(['begin', 'menu', 'switch']);
 *   await c.press('begin').asks('awareness.intro');
 *   const turn = await c.send('Anna, Piet').says('people.added', { names: 'Anna, Piet', total: 2 });
 *
 * Only public seams are used: `engine.handle`, `engine.tick`, `engine.exportMember`,
 * `engine.currentQuestion`, and what the member was sent. Nothing here knows a flow's name.
 */

import { expect, onTestFailed, onTestFinished } from 'vitest';
import { formatDay, localDate } from '../../src/core/time.js';
import type { CoachEvent, Lang, MemberRef, Platform, Reply } from '../../src/core/types.js';
import type { HandleResult } from '../../src/engine/engine.js';
import { type TestEngine, testEngine } from './engine.js';
import { say, variants } from './texts.js';

export type Params = Record<string, string | number>;

/** What one input (or one tick) produced for the member. */
export interface Turn {
  /** What was sent, as the transcript shows it. */
  input: string;
  result: HandleResult;
  /** Every reply in the order sent. */
  replies: Reply[];
  /** The last reply when it asks something (choices or a form). */
  question: Reply | undefined;
  /** The texts of the replies other than the question (acknowledgements, cards, notes). */
  texts: string[];
  /** `exercise.completed` and other events emitted during the turn. */
  events: CoachEvent[];
}

/** A turn still arriving, with expectations that chain (each resolves to the same turn). */
export interface Step extends Promise<Turn> {
  /** The question's text is the prompt `key` in the conversation's language. */
  asks(key: string, params?: Params): Step;
  /** The question's text is this literal text, or contains this string, or matches this pattern. */
  asksText(text: string | RegExp, how?: 'equals' | 'contains'): Step;
  /** One of the replies before the question is the prompt `key` (any of its variants). */
  says(key: string, params?: Params): Step;
  /** The replies before the question are exactly these texts (none when called without any). */
  saysOnly(...texts: string[]): Step;
  /** The question offers exactly these choice ids, in this order. */
  offers(ids: string[]): Step;
  /** An `exercise.completed` event of this exercise was emitted, its data matching `data`. */
  completes(exercise: CoachEvent['exercise'], data?: Record<string, unknown>): Step;
  /** Any other check on the turn; a failure prints the conversation. */
  check(fn: (turn: Turn) => void | Promise<void>): Step;
}

export interface ConversationOptions {
  /** The member's language, given at start as `console --lang` gives it. Default en. */
  lang?: Lang;
  user?: string;
  platform?: Platform;
  space?: string;
  /** Where the clock starts. Default Monday 2026-03-02 10:00 UTC. */
  at?: string | Date;
  /** The time zone the adapter reports with every event, as the console reports the machine's. Default UTC; null: none. */
  timezone?: string | null;
  /** Another conversation's engine, for several members on one store (its clock rules). */
  with?: Conversation;
  /** Options for a new engine (a coach, the revisit days, a store URL). */
  engine?: Omit<Parameters<typeof testEngine>[0], 'now'>;
}

export const DEFAULT_START = '2026-03-02T10:00:00.000Z';
export const DAY_MS = 86_400_000;

const isQuestion = (r: Reply) => r.choices !== undefined || r.form !== undefined;
const MARK = 'Conversation so far';

function short(text: string, max = 160): string {
  const one = text.replace(/\n/g, '⏎');
  return one.length > max ? `${one.slice(0, max)}… (${text.length} chars)` : one;
}

/** A movable clock that the engine reads. */
export class Clock {
  private at: number;
  constructor(start: string | Date) {
    this.at = new Date(start).getTime();
  }
  now = (): Date => new Date(this.at);
  set(to: string | Date): void {
    this.at = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.at += ms;
  }
  /** The date part (YYYY-MM-DD, UTC) of now plus `days`. */
  day(days = 0): string {
    return new Date(this.at + days * DAY_MS).toISOString().slice(0, 10);
  }
}

export class Conversation {
  readonly lang: Lang;
  readonly member: MemberRef;
  readonly clock: Clock;
  /** The transcript, one line per input, reply and event. */
  readonly transcript: string[] = [];
  private n = 0;

  constructor(
    readonly t: TestEngine,
    clock: Clock,
    options: ConversationOptions,
  ) {
    this.lang = options.lang ?? 'en';
    this.clock = clock;
    this.member = {
      platform: options.platform ?? 'console',
      space: options.space ?? 'local',
      user: options.user ?? 'U',
    };
    const timezone = options.timezone === undefined ? 'UTC' : options.timezone;
    this.profile = { locale: this.lang, ...(timezone === null ? {} : { timezone }) };
  }

  private readonly profile: { locale: string; timezone?: string };

  /** Closes the store of the engine (once; the test's end closes it too). */
  close(): Promise<void> {
    return closers.get(this.t)?.() ?? Promise.resolve();
  }

  /** A stored date (YYYY-MM-DD) as the coach says it to this member today: "Friday 4 December". */
  said(date: string): string {
    return formatDay(date, this.lang, localDate(this.clock.now(), this.profile.timezone ?? 'UTC'));
  }

  /** The prompt `key` in this conversation's language, placeholders filled (its first variant). */
  say(key: string, params: Params = {}): string {
    return say(this.lang, key, params);
  }

  /** The conversation so far, for a failure message. */
  describe(last = 60): string {
    const lines = this.transcript.slice(-last);
    const skipped = this.transcript.length - lines.length;
    return `${MARK} (${this.member.user}):\n${skipped ? `  … ${skipped} lines before\n` : ''}${lines.map((l) => `  ${l}`).join('\n')}`;
  }

  /** Opens the adapter as the console does on start: the `start` command with the language, the member reachable. */
  start(): Step {
    this.t.away.delete(this.member.user);
    return this.turn('(start)', { kind: 'command', name: 'start', args: [this.lang] });
  }

  /** The member closes the terminal: until `start`, what the bot says waits in their record. */
  leave(): void {
    this.t.away.add(this.member.user);
    this.transcript.push('— member left —');
  }

  /** Types a line. */
  send(text: string): Step {
    return this.turn(`> ${JSON.stringify(short(text, 80))}`, { kind: 'text', text });
  }

  /**
   * Presses a button: a choice id of the current question, or its label (the id it stands for is
   * looked up in the last question; an unknown label is pressed as it is).
   */
  press(idOrLabel: string): Step {
    const choices = this.lastQuestion()?.choices ?? [];
    const value =
      choices.find((c) => c.id === idOrLabel)?.id ?? choices.find((c) => c.label === idOrLabel)?.id;
    return this.turn(`> [${idOrLabel}]`, { kind: 'choice', value: value ?? idOrLabel });
  }

  /**
   * Ticks options of the current multi-select and sends them, as Slack's or Discord's menu does:
   * by option id or label (looked up in the last question's pick; an unknown one is sent as it is).
   */
  pick(...idsOrLabels: string[]): Step {
    const options = this.lastQuestion()?.pick?.options ?? [];
    const values = idsOrLabels.map(
      (v) => options.find((o) => o.id === v)?.id ?? options.find((o) => o.label === v)?.id ?? v,
    );
    return this.turn(`> picks [${idsOrLabels.join(', ')}]`, { kind: 'picks', values });
  }

  /** Submits a form with these fields. */
  form(fields: Record<string, string>): Step {
    return this.turn(`> form ${JSON.stringify(fields)}`, { kind: 'form', fields });
  }

  /** A slash command, as a button or a platform command sends it. */
  command(name: string, ...args: string[]): Step {
    return this.turn(`> /${[name, ...args].join(' ')}`, { kind: 'command', name, args });
  }

  /**
   * Moves the clock to `at` and runs the ticker there, as `weakties tick --now AT` does. The turn
   * holds what reached the member now (nothing while they are away); `delivered` is the tick's count.
   */
  due(at: string | Date): Step & { delivered: Promise<number> } {
    this.clock.set(at);
    let count = 0;
    const run = async (): Promise<Turn> => {
      const from = this.t.sent.length;
      const fromEvents = this.t.events.length;
      count = await this.t.engine.tick(this.clock.now());
      this.transcript.push(`⏰ tick ${new Date(at).toISOString()}: ${count} delivered`);
      return this.collect(`(tick ${new Date(at).toISOString()})`, 'done', from, fromEvents);
    };
    const promise = run();
    const delivered = promise.then(() => count);
    // Awaiting only the turn must not leave this one rejected unheard.
    delivered.catch(() => {});
    return Object.assign(this.chain(promise), { delivered });
  }

  /** Everything stored about the member, as `weakties export` prints it (JSON round trip). */
  async exported(): Promise<ExportedMember> {
    const data = await this.t.engine.exportMember(this.member);
    if (!data) throw new Error(`nothing is stored for ${this.member.user}\n${this.describe()}`);
    return JSON.parse(JSON.stringify(data)) as ExportedMember;
  }

  /** The question the member is looking at now, as an adapter asks it again. */
  async current(): Promise<Reply | undefined> {
    return (await this.t.engine.currentQuestion(this.member)).filter(isQuestion).at(-1);
  }

  /** The last question sent to this member. */
  lastQuestion(): Reply | undefined {
    for (let i = this.t.sent.length - 1; i >= 0; i--) {
      const s = this.t.sent[i];
      if (s && s.member.user === this.member.user && isQuestion(s.reply)) return s.reply;
    }
    return undefined;
  }

  private mine(member: MemberRef): boolean {
    return (
      member.user === this.member.user &&
      member.space === this.member.space &&
      member.platform === this.member.platform
    );
  }

  private collect(input: string, result: HandleResult, from: number, fromEvents: number): Turn {
    const replies = this.t.sent
      .slice(from)
      .filter((s) => this.mine(s.member))
      .map((s) => s.reply);
    const events = this.t.events.slice(fromEvents).filter((_, i) => {
      const who = this.t.eventMembers[fromEvents + i];
      return who ? this.mine(who) : false;
    });
    for (const reply of replies) {
      const choices = reply.choices ? ` [${reply.choices.map((c) => c.id).join('|')}]` : '';
      const form = reply.form ? ` {form: ${reply.form.fields.map((f) => f.id).join(', ')}}` : '';
      const extra = `${reply.image ? ' (picture)' : ''}${reply.file ? ` (file ${reply.file.name})` : ''}`;
      this.transcript.push(`< ${short(reply.text)}${choices}${form}${extra}`);
    }
    for (const event of events) this.transcript.push(`· ${event.name} ${event.exercise}`);
    const last = replies.at(-1);
    const question = last && isQuestion(last) ? last : undefined;
    const texts = (question ? replies.slice(0, -1) : replies).map((r) => r.text);
    return { input, result, replies, question, texts, events };
  }

  private turn(input: string, payload: Record<string, unknown>): Step {
    const run = async (): Promise<Turn> => {
      const from = this.t.sent.length;
      const fromEvents = this.t.events.length;
      this.transcript.push(input);
      const result = await this.t.engine.handle({
        id: `${this.member.user}:${++this.n}`,
        member: this.member,
        ...this.profile,
        ...payload,
      });
      if (result !== 'done') this.transcript.push(`  (${result})`);
      return this.collect(input, result, from, fromEvents);
    };
    return this.chain(run());
  }

  /** Wraps a turn so expectations chain on it; a failed one carries the transcript. */
  private chain(promise: Promise<Turn>): Step {
    const expectOn = (what: string, fn: (turn: Turn) => void | Promise<void>): Step =>
      this.chain(
        promise.then(async (turn) => {
          try {
            await fn(turn);
          } catch (error) {
            if (error instanceof Error && !error.message.includes(MARK))
              error.message = `${what} after ${turn.input}: ${error.message}\n\n${this.describe()}`;
            throw error;
          }
          return turn;
        }),
      );
    const questionText = (turn: Turn) => {
      if (!turn.question) throw new Error('no question was asked');
      return turn.question.text;
    };
    const expectations: Omit<Step, keyof Promise<Turn>> = {
      asks: (key, params) =>
        expectOn(`asks ${key}`, (turn) => {
          expect(questionText(turn)).toBe(this.say(key, params));
        }),
      asksText: (text, how = 'equals') =>
        expectOn(`asks ${String(text)}`, (turn) => {
          const asked = questionText(turn);
          if (text instanceof RegExp) expect(asked).toMatch(text);
          else if (how === 'contains') expect(asked).toContain(text);
          else expect(asked).toBe(text);
        }),
      says: (key, params) =>
        expectOn(`says ${key}`, (turn) => {
          const options = variants(this.lang, key, params);
          if (!turn.texts.some((t) => options.includes(t)))
            expect(turn.texts, `one of the replies is "${key}"`).toContain(options[0]);
        }),
      saysOnly: (...texts) =>
        expectOn('says only', (turn) => {
          expect(turn.texts).toEqual(texts);
        }),
      offers: (ids) =>
        expectOn('offers', (turn) => {
          expect(turn.question?.choices?.map((c) => c.id)).toEqual(ids);
        }),
      completes: (exercise, data) =>
        expectOn(`completes ${exercise}`, (turn) => {
          const event = turn.events.find((e) => e.name === 'exercise.completed');
          expect(event?.exercise).toBe(exercise);
          if (data) expect(event?.data).toMatchObject(data);
        }),
      check: (fn) => expectOn('check', fn),
    };
    return Object.assign(promise, expectations);
  }
}

/** The export of a member, as `weakties export` prints it. */
export interface ExportedMember {
  exportedAt: string;
  // biome-ignore lint/suspicious/noExplicitAny: the export is read as the JSON file it is
  member: Record<string, any>;
  // biome-ignore lint/suspicious/noExplicitAny: idem
  jobs: Record<string, any>[];
  // biome-ignore lint/suspicious/noExplicitAny: idem
  coffeeCommunity?: Record<string, any>;
}

const closers = new WeakMap<TestEngine, () => Promise<void>>();

/**
 * A new conversation: its own engine and store (closed when the test ends), or another
 * conversation's (`with`). A failing test prints the transcript too.
 */
export async function conversation(options: ConversationOptions = {}): Promise<Conversation> {
  let c: Conversation;
  if (options.with) {
    c = new Conversation(options.with.t, options.with.clock, options);
  } else {
    const clock = new Clock(options.at ?? DEFAULT_START);
    const t = await testEngine({ ...options.engine, now: clock.now });
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= t.store.close();
      return closing;
    };
    closers.set(t, close);
    onTestFinished(close);
    c = new Conversation(t, clock, options);
  }
  onTestFailed(({ task }) => {
    const shown = task.result?.errors?.some((e) => e.message?.includes(MARK));
    if (!shown && c.transcript.length > 0) console.error(c.describe());
  });
  return c;
}
