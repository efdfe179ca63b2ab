import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Coach } from '../../src/coach/uses.js';
import type { CoachEvent, Job, Lang, MemberRef, Outbox, Reply } from '../../src/core/types.js';
import { createEngine } from '../../src/engine/engine.js';
import type { State } from '../../src/engine/state.js';
import { coffeeStarter } from '../../src/exercises/index.js';
import { silentLogger } from '../../src/log.js';
import { type CoffeeAdapter, createPairing } from '../../src/pairing/service.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { createJobs } from '../../src/store/jobs.js';
import { createMemberRepo } from '../../src/store/members.js';
import { openStore } from '../../src/store/open.js';
import { loadTexts } from '../../src/texts/texts.js';

export const texts = loadTexts(PROMPTS_DIR);

export const tempSqliteUrl = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'weakties-')), 'db.sqlite')}`;

/** A real engine on a real store (a temp SQLite file unless told otherwise), recording what it sends. */
export async function testEngine(
  options: {
    storeUrl?: string;
    now?: () => Date;
    coffee?: CoffeeAdapter;
    /** The language-model coach; without it every turn is the scripted one. */
    coach?: Coach;
    /** Days from a finished map to its revisit (REVISIT_DAYS); 7 unless told. */
    revisitDays?: number;
  } = {},
) {
  const store = await openStore(options.storeUrl ?? tempSqliteUrl(), silentLogger);
  const sent: { member: MemberRef; reply: Reply }[] = [];
  /** Members whose adapter refuses delivery (closed DMs). */
  const unreachable = new Set<string>();
  /** Members with no adapter open at all (a terminal member between console sessions): replies wait in their record. */
  const away = new Set<string>();
  const events: CoachEvent[] = [];
  /** Who each event was about, in the order of `events`. */
  const eventMembers: MemberRef[] = [];
  const members = createMemberRepo(store, silentLogger);
  const jobs = createJobs(store, silentLogger);
  const outbox: Outbox = {
    deliver: async (member, replies) => {
      if (unreachable.has(member.user)) return false;
      for (const reply of replies) sent.push({ member, reply });
    },
    emit: async (member, event) => {
      events.push(event);
      eventMembers.push(member);
    },
    reachable: (member) => !away.has(member.user),
  };
  const pairing = createPairing({
    store,
    locks: store.locks,
    jobs,
    texts,
    log: silentLogger,
    adapter: options.coffee,
    defaultLang: 'en',
    notify: (member, note) => engine.notify(member, note),
    starter: (coffee, say) => coffeeStarter(coffee, { say }),
  });
  const engine = createEngine({
    members,
    jobs,
    locks: store.locks,
    texts,
    outbox,
    pairing,
    log: silentLogger,
    revisitDays: options.revisitDays ?? 7,
    defaultLang: 'en',
    clock: options.now,
    coach: options.coach,
  });
  let n = 0;
  const member: MemberRef = { platform: 'console', space: 'local', user: 'tester' };
  const id = () => `t${++n}`;
  return {
    engine,
    pairing,
    store,
    members,
    jobs,
    sent,
    unreachable,
    away,
    events,
    eventMembers,
    member,
    text: (text: string, who = member) => engine.handle({ kind: 'text', id: id(), member: who, text }),
    choice: (value: string, who = member) => engine.handle({ kind: 'choice', id: id(), member: who, value }),
    command: (name: string, args: string[] = [], who = member) =>
      engine.handle({ kind: 'command', id: id(), member: who, name, args }),
    /** The last reply that asked something (has choices). */
    question: () => [...sent].reverse().find((s) => s.reply.choices)?.reply,
    lastText: () => sent.at(-1)?.reply.text ?? '',
    state: async (who = member) => (await members.load(who, new Date())).state,
  };
}

export type TestEngine = Awaited<ReturnType<typeof testEngine>>;

/**
 * A member at the menu in `lang` (Europe/Amsterdam, nudges at 9), on an engine whose clock `tick`
 * moves, from `start` on. `over` changes the stored record first.
 */
export async function memberAtMenu(
  lang: Lang,
  start: Date,
  over: (state: State) => Partial<State> = () => ({}),
) {
  let now = start;
  const harness = await testEngine({ now: () => now });
  await harness.command('start', [lang]);
  const state = await harness.state();
  if (!state) throw new Error('no state');
  await harness.members.save({
    ...state,
    flow: { at: 'menu' },
    timezone: 'Europe/Amsterdam',
    nudgeHour: 9,
    ...over(state),
  });
  return {
    h: harness,
    schedule: (job: Omit<Job, 'member'>) => harness.jobs.schedule({ ...job, member: harness.member }),
    tick: (date: Date) => {
      now = date;
      return harness.engine.tick(date);
    },
    /** What was sent from the n-th reply on. */
    since: (n: number) => harness.sent.slice(n).map((s) => s.reply),
    person: async (name: string) => (await harness.state())?.network.people.find((p) => p.name === name),
  };
}
