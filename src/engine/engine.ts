import type { Coach } from '../coach/uses.js';
import { withoutControls } from '../core/controls.js';
import {
  type Delivery,
  guessLang,
  type Inbound,
  InboundSchema,
  type Lang,
  type MemberRef,
  memberKey,
  type Outbox,
  type Platform,
  type Reply,
} from '../core/types.js';
import { applyCoach, dueRank, greets } from '../exercises/index.js';
import type { Logger } from '../log.js';
import { renderMapPng } from '../network/picture.js';
import type { Note } from '../pairing/note.js';
import type { Pairing } from '../pairing/service.js';
import type { Jobs } from '../store/jobs.js';
import type { Locks } from '../store/locks.js';
import type { MemberRepo } from '../store/members.js';
import type { Texts } from '../texts/texts.js';
import { parseCommandName } from './commands.js';
import { questionKey } from './question-key.js';
import { MAX_KEPT_FILE, type State } from './state.js';
import { askCurrent, ctxFor, type StepEnv, type StepResult, step } from './step.js';
import { type Summary, summarize } from './summary.js';

/** A retried event is recognised for at least this long. */
const SEEN_TTL_MS = 15 * 60_000;
const SEEN_MAX = 200;
/** More member events than this within the window earn one friendly slow-down note per window. */
export const FLOOD_LIMIT = 20;
export const FLOOD_WINDOW_MS = 10_000;

export interface EngineDeps {
  members: MemberRepo;
  jobs: Jobs;
  locks: Locks;
  texts: Texts;
  outbox: Outbox;
  log: Logger;
  revisitDays: number;
  defaultLang: Lang;
  clock?: () => Date;
  /** The optional language-model coach; without it every turn is the scripted one. */
  coach?: Coach;
  /** Virtual-coffee rounds of the members' communities. */
  pairing?: Pairing;
}

export type HandleResult = 'done' | 'duplicate' | 'skipped' | 'unavailable';

export interface HandleOptions {
  /** An adapter's own retry of an event: no "try again" note when it fails again. */
  quiet?: boolean;
}

export class InboundError extends Error {}

const remember = (seen: State['seen'], id: string, now: number): State['seen'] =>
  [...seen.filter(([, at]) => now - at < SEEN_TTL_MS), [id, now] as [string, number]].slice(-SEEN_MAX);

/** The member's words without terminal controls, escape sequences or bidi overrides (see controls.ts). */
function cleanInbound(inbound: Inbound): Inbound {
  const clean = { ...inbound };
  if ('displayName' in clean && clean.displayName) clean.displayName = withoutControls(clean.displayName);
  if (clean.kind === 'text') clean.text = withoutControls(clean.text);
  if (clean.kind === 'form')
    clean.fields = Object.fromEntries(Object.entries(clean.fields).map(([k, v]) => [k, withoutControls(v)]));
  if (clean.kind === 'command') clean.args = clean.args.map(withoutControls);
  return clean;
}

/** "start" (a door opening, such as every launch of the console) or "continue". */
const isResume = (inbound: Inbound) =>
  inbound.kind === 'command' &&
  ['start', 'continue'].includes(parseCommandName(inbound.name, inbound.args).name);

/** Draws the maps a step asked for: work the pure step leaves to the shell, off the event loop. */
const drawn = (replies: Reply[]): Promise<Reply[]> =>
  Promise.all(
    replies.map(async ({ draw, ...reply }) =>
      draw
        ? { ...reply, image: { png: (await renderMapPng(draw.people, draw.labels)).png, alt: draw.alt } }
        : reply,
    ),
  );

const storable = (replies: Reply[]): State['inbox'] =>
  replies.map((r) => ({
    text: r.text,
    ...(r.choices ? { choices: r.choices.map(({ id, label }) => ({ id, label })) } : {}),
    // A small file (a coffee invite) waits with its note; a large one would bloat the record.
    ...(r.file && r.file.content.length <= MAX_KEPT_FILE ? { file: r.file } : {}),
  }));

/**
 * What a member sees when replies kept while they were away go out with a turn. On a resume
 * ("start", "continue") whose question the kept replies already hold, the kept replies are shown
 * with that question last and nothing else: no welcome back that repeats the question.
 */
function withInbox(inbox: State['inbox'], replies: Reply[], asked: number, resume: boolean): Reply[] {
  const question = replies.slice(replies.length - asked);
  const kept = (r: Reply) => inbox.some((k) => k.text === r.text);
  if (!resume || question.length === 0 || !question.every(kept)) return [...inbox, ...replies];
  const asking = (k: Reply) => question.some((q) => q.text === k.text);
  return [...inbox.filter((k) => !asking(k)), ...question];
}

/**
 * Counts each member's recent turns in memory (per process). `busy` is true once per window when
 * a member goes past the limit; every event is still handled, in order, nothing is dropped.
 */
function floodGauge(limit = FLOOD_LIMIT, windowMs = FLOOD_WINDOW_MS) {
  const recent = new Map<string, { times: number[]; notedAt?: number }>();
  return {
    busy(key: string, now: number): boolean {
      const entry = recent.get(key) ?? { times: [] };
      entry.times = [...entry.times.filter((at) => now - at < windowMs), now].slice(-(limit + 1));
      recent.set(key, entry);
      if (recent.size > 10_000) {
        for (const [k, e] of recent) if (now - (e.times.at(-1) ?? 0) >= windowMs) recent.delete(k);
      }
      if (entry.times.length <= limit) return false;
      if (entry.notedAt !== undefined && now - entry.notedAt < windowMs) return false;
      entry.notedAt = now;
      return true;
    },
  };
}

/** The engine shell: dedupe, per-member lock, load, step, save, effects, deliver. */
export function createEngine(deps: EngineDeps) {
  const clock = deps.clock ?? (() => new Date());
  const flood = floodGauge();
  /** What an adapter needs to deliver to the member: the language, and the question they are at. */
  const delivery = (state: State | undefined, lang: Lang = deps.defaultLang): Delivery =>
    state ? { lang: state.lang, questionKey: questionKey(state) } : { lang };
  const env = (now: Date): StepEnv => ({
    texts: deps.texts,
    now,
    revisitDays: deps.revisitDays,
    defaultLang: deps.defaultLang,
  });

  /** Everything stored about a member; undefined when nothing is (no record, nothing set aside). */
  async function exportData(ref: MemberRef, state: State | undefined) {
    const setAside = await deps.members.setAside(ref);
    if (!state && setAside.length === 0) return undefined;
    const jobs = await deps.jobs.of(ref);
    const community = await deps.pairing?.exportOf(ref);
    const member = state ? (({ seen: _seen, ...kept }) => kept)(state) : null;
    return {
      exportedAt: clock().toISOString(),
      member,
      jobs,
      ...(setAside.length > 0 ? { unreadableRecords: setAside } : {}),
      ...(community ? { coffeeCommunity: community } : {}),
    };
  }

  /** Deletes everything keyed to the member; true when anything was stored. */
  async function erase(ref: MemberRef, state: State | undefined): Promise<boolean> {
    const jobs = await deps.jobs.of(ref);
    await deps.jobs.remove([...new Set([...(state?.jobs ?? []), ...jobs.map((j) => j.id)])]);
    await deps.pairing?.forget(ref);
    const found = await deps.members.delete(ref);
    await deps.outbox.forgotten?.(ref);
    return found || state !== undefined || jobs.length > 0;
  }

  /**
   * Runs the coach calls a step asked for, then folds each validated answer in with the pure
   * applyCoach. On any failure the step's own (scripted) replies stand as they are.
   */
  async function coached(result: StepResult, now: Date): Promise<StepResult> {
    const coach = deps.coach;
    if (!coach || !result.state) return result;
    let state: State = result.state;
    const asked = result.asked ?? 0;
    let head = result.replies.slice(0, result.replies.length - asked);
    let question = result.replies.slice(result.replies.length - asked);
    for (const effect of result.effects) {
      if (effect.type !== 'coach') continue;
      const { type: _type, ...ask } = effect;
      const run = await coach.run(ask, state, now).catch((err: unknown) => {
        deps.log.error({ err, coach: ask.use }, 'coach failed');
        return { state, answer: undefined };
      });
      state = run.state;
      if (!run.answer) continue;
      const applied = applyCoach(state, run.answer, ctxFor(state, env(now)));
      if (applied.state.flow !== state.flow || applied.state.drafts !== state.drafts)
        question = askCurrent(applied.state, env(now));
      state = applied.state;
      head = applied.replacesFirst ? [...applied.replies, ...head.slice(1)] : [...head, ...applied.replies];
    }
    return { ...result, state, replies: [...head, ...question] };
  }

  // Work in flight (turns, forgets, ticks), so a shutdown can wait for it before closing the store.
  let running = 0;
  const idle: (() => void)[] = [];
  async function track<T>(work: () => Promise<T>): Promise<T> {
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      if (running === 0) for (const wake of idle.splice(0)) wake();
    }
  }

  /**
   * Each member's replies leave in the order of their turns, after the member's lock is given back:
   * drawing a map then holds up no one, and a later turn's replies wait for the ones before.
   */
  const sending = new Map<string, Promise<void>>();
  function afterLock(member: MemberRef, send: () => Promise<void>): Promise<void> {
    const key = memberKey(member);
    const mine = (sending.get(key) ?? Promise.resolve()).catch(() => undefined).then(send);
    sending.set(key, mine);
    const done = () => {
      if (sending.get(key) === mine) sending.delete(key);
    };
    mine.then(done, done);
    return mine;
  }

  /** Sends a turn's replies; a member the adapter cannot reach keeps them in their record. */
  async function send(member: MemberRef, replies: Reply[], to: Delivery): Promise<void> {
    if ((await deps.outbox.deliver(member, await drawn(replies), to)) !== false) return;
    await deps.locks.withLock(memberKey(member), async () => {
      const { state } = await deps.members.load(member, clock());
      if (state) await deps.members.save({ ...state, inbox: [...state.inbox, ...storable(replies)] });
    });
  }

  interface Turned {
    result: HandleResult;
    /** The turn's replies, sent once the lock is given back. */
    sent?: Promise<void>;
  }

  async function turn(inbound: Inbound): Promise<Turned> {
    const now = clock();
    const loaded = await deps.members.load(inbound.member, now);
    const stored = loaded.state;
    // Only a coffee intro may be the first the bot says to someone (a member of a channel's pool).
    if (inbound.kind === 'due' && !stored && !greets(inbound.job)) return { result: 'skipped' };
    if (stored?.seen.some(([id]) => id === inbound.id)) return { result: 'duplicate' };

    const result = await coached(step(stored, inbound, env(now)), now);
    let replies = result.replies;
    if (loaded.corrupt)
      replies = [{ text: deps.texts.forLang(deps.defaultLang)('common.corrupt') }, ...replies];

    if (result.state === null) {
      await erase(inbound.member, stored);
      await deps.outbox.deliver(inbound.member, replies, { lang: stored?.lang ?? deps.defaultLang });
      return { result: 'done' };
    }

    let state: State = { ...result.state, seen: remember(result.state.seen, inbound.id, now.getTime()) };
    // The console is one local person or a script piping lines: nobody to be slowed down for.
    const chat = inbound.kind !== 'due' && inbound.member.platform !== 'console';
    if (chat && flood.busy(memberKey(inbound.member), now.getTime()))
      replies = [{ text: deps.texts.forLang(state.lang)('common.slowDown') }, ...replies];
    // No adapter is open to the member (a tick from the terminal): keep the replies for their next turn.
    if (deps.outbox.reachable && !deps.outbox.reachable(inbound.member)) {
      state = { ...state, inbox: [...state.inbox, ...storable(replies)] };
      replies = [];
    } else if (state.inbox.length > 0) {
      replies = withInbox(state.inbox, replies, result.asked ?? 0, isResume(inbound));
      state = { ...state, inbox: [] };
    }

    for (const effect of result.effects) {
      if (effect.type === 'schedule') await deps.jobs.schedule(effect.job);
      if (effect.type === 'unschedule') await deps.jobs.remove([effect.jobId]);
      if (effect.type === 'export') {
        const say = deps.texts.forLang(state.lang);
        const content = JSON.stringify(await exportData(state.member, state), null, 2);
        replies.unshift({ text: say('export.attached'), file: { name: 'weakties-export.json', content } });
      }
    }
    // The community learns first: should that fail, the turn is not saved and a retry does it all.
    for (const effect of result.effects)
      if (effect.type === 'coffee') {
        // What the community answers the member at once (their coffee is set) joins this turn's replies.
        const answer = await deps.pairing?.apply(inbound.member, effect);
        const say = deps.texts.forLang(state.lang);
        for (const note of answer ?? []) replies.push(...note.write(say, state.lang));
      }
    await deps.members.save(state);
    for (const effect of result.effects) {
      if (effect.type === 'event') await deps.outbox.emit?.(inbound.member, effect.event);
    }
    if (replies.length === 0) return { result: 'done' };
    const to = delivery(state);
    return { result: 'done', sent: afterLock(inbound.member, () => send(inbound.member, replies, to)) };
  }

  async function handleOne(payload: unknown, options: HandleOptions = {}): Promise<HandleResult> {
    const parsed = InboundSchema.safeParse(payload);
    if (!parsed.success)
      throw new InboundError(`malformed inbound event: ${parsed.error.issues[0]?.message}`);
    const inbound = cleanInbound(parsed.data);
    const admin = deps.pairing?.adminCommand(inbound);
    if (deps.pairing && admin) return adminTurn(deps.pairing, admin);
    try {
      const turned = await deps.locks.withLock(memberKey(inbound.member), () => turn(inbound));
      await turned.sent;
      return turned.result;
    } catch (error) {
      deps.log.error({ err: error, event: inbound.id, kind: inbound.kind }, 'turn failed');
      const locale = inbound.kind === 'due' ? undefined : inbound.locale;
      const lang = guessLang(locale) ?? deps.defaultLang;
      const note = [{ text: deps.texts.forLang(lang)('common.unavailable') }];
      if (inbound.kind !== 'due' && !options.quiet) await deps.outbox.deliver(inbound.member, note, { lang });
      return 'unavailable';
    }
  }

  /** A community admin's command: it changes the community, not the member's conversation. */
  async function adminTurn(
    pairing: Pairing,
    inbound: Extract<Inbound, { kind: 'command' }>,
  ): Promise<HandleResult> {
    let to = delivery(undefined, guessLang(inbound.locale));
    try {
      const stored = (await deps.members.load(inbound.member, clock())).state;
      if (stored) to = delivery(stored);
      const say = deps.texts.forLang(to.lang);
      await deps.outbox.deliver(
        inbound.member,
        [{ text: await pairing.admin(inbound, say, clock(), to.lang) }],
        to,
      );
      return 'done';
    } catch (error) {
      deps.log.error({ err: error, event: inbound.id }, 'coffee admin command failed');
      const say = deps.texts.forLang(to.lang);
      await deps.outbox.deliver(inbound.member, [{ text: say('common.unavailable') }], to);
      return 'unavailable';
    }
  }

  /**
   * A note outside any turn (a round's nudge, a coffee set): written in the member's own language,
   * or the note's (the community's) when nothing is stored of them; delivered now, or kept in their record.
   */
  async function notify(member: MemberRef, note: Note): Promise<void> {
    await deps.locks.withLock(memberKey(member), async () => {
      const { state } = await deps.members.load(member, clock());
      const lang = state?.lang ?? note.lang;
      const replies = note.write(deps.texts.forLang(lang), lang);
      const open = !deps.outbox.reachable || deps.outbox.reachable(member);
      if (open && (await deps.outbox.deliver(member, replies, delivery(state, lang))) !== false) return;
      if (state) await deps.members.save({ ...state, inbox: [...state.inbox, ...storable(replies)] });
    });
  }

  async function tickAt(now: Date, platforms?: readonly Platform[]): Promise<number> {
    let delivered = 0;
    // Jobs due together come in the order their questions wait in (see dueRank), oldest first within a kind.
    const due = (await deps.jobs.due(now)).sort((a, b) => dueRank(a.kind) - dueRank(b.kind));
    for (const job of due) {
      // A process that runs only some adapters leaves the other platforms' jobs to their own process.
      if (platforms && !platforms.includes(job.member.platform)) continue;
      // Overlapping ticks, in this process or another, both see the job; the one holding its lease
      // fires it. A tick killed mid-job leaves a lease that expires (or is freed at once when its
      // process is gone), and the member's record remembers the event, so a retry never repeats it.
      const fired = await deps.locks.tryLock(`job:${job.id}`, async () => {
        // Another tick may have fired and removed it since `due` was read.
        if (!(await deps.jobs.get(job.id))) return 'gone';
        // The due time is part of the event id: a job set again for a new time (a coffee moved after its
        // reminder went) is a new event, while a retried delivery of the same one is still a duplicate.
        const result = await handleOne({
          kind: 'due',
          id: `job:${job.id}@${job.due}`,
          member: job.member,
          job,
        });
        if (result !== 'unavailable') await deps.jobs.remove([job.id]);
        return result;
      });
      if (fired.taken && fired.value === 'done') delivered += 1;
    }
    return delivered + ((await deps.pairing?.tick(now, platforms)) ?? 0);
  }

  return {
    /** Handles one inbound event, given as an unparsed payload from an adapter or a job. */
    handle(payload: unknown, options?: HandleOptions): Promise<HandleResult> {
      return track(() => handleOne(payload, options));
    },

    /** Resolves when no turn, forget or tick is running (an adapter has stopped taking events first). */
    drain(): Promise<void> {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },

    /** The member's language; undefined when nothing is stored of them (an adapter then guesses). */
    async language(ref: MemberRef): Promise<Lang | undefined> {
      return (await deps.members.load(ref, clock())).state?.lang;
    },

    /** The key of the question the member is at now (an adapter checks an old button with it). */
    async questionKey(ref: MemberRef): Promise<string | undefined> {
      const { state } = await deps.members.load(ref, clock());
      return state ? questionKey(state) : undefined;
    },

    /** What a dashboard shows of the member (Slack's App Home); undefined when nothing is stored. */
    async summary(ref: MemberRef): Promise<Summary | undefined> {
      const { state } = await deps.members.load(ref, clock());
      if (!state) return undefined;
      const jobs = await Promise.all(state.jobs.map((id) => deps.jobs.get(id)));
      return summarize(
        state,
        jobs.filter((j) => j !== undefined),
        clock(),
      );
    },

    /** The question the member is looking at now (an adapter checks a stale button or form with it). */
    async currentQuestion(ref: MemberRef): Promise<Reply[]> {
      const state = (await deps.members.load(ref, clock())).state;
      return state ? askCurrent(state, env(clock())) : [];
    },

    /** Everything stored about a member, for the export command; undefined when nothing is. */
    async exportMember(ref: MemberRef) {
      const { state } = await deps.members.load(ref, clock());
      return exportData(ref, state);
    },

    /** Deletes every record of a member: their state and their scheduled jobs. */
    async forgetMember(ref: MemberRef): Promise<boolean> {
      return track(() =>
        deps.locks.withLock(memberKey(ref), async () => {
          const { state } = await deps.members.load(ref, clock());
          return erase(ref, state);
        }),
      );
    },

    notify: (member: MemberRef, note: Note) => track(() => notify(member, note)),

    /** Hands every job due at `now` (of the given platforms, or all) to its member's turn; each fires once. */
    tick(now: Date, platforms?: readonly Platform[]): Promise<number> {
      return track(() => tickAt(now, platforms));
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
