/**
 * Item 7 of issue 13, follow-ups in turn: due questions wait in the member's record, the most
 * time-sensitive first, and come one at a time by themselves; nothing is shown twice.
 * Driven through the real engine on a temp store, with its clock and tick, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang, Reply } from '../../src/core/types.js';
import type { Coffee, Commitment } from '../../src/engine/records.js';
import type { State } from '../../src/engine/state.js';
import { memberAtMenu, type testEngine } from '../helpers/engine.js';
import { say, variants } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.store.close();
  h = undefined;
});

const T0 = new Date('2026-03-10T09:00:00Z');
const LATER = new Date('2026-03-12T16:00:00Z');
const FOLLOW_UP = ['yes', 'no', 'notyet', 'drop'];
const CHECKIN = ['met', 'later', 'missed'];

const ids = (reply: Reply | undefined) => (reply?.choices ?? []).map((c) => c.id);
const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);

/** A member at the menu in `lang`, on an engine whose clock the test moves (closed after the test). */
async function member(lang: Lang, over?: (state: State) => Partial<State>) {
  const m = await memberAtMenu(lang, T0, over);
  h = m.h;
  return m;
}

/** The member's coffee record: in the rounds, with these coffees. */
const joined = (state: State, coffees: Coffee[]): State['coffee'] => ({
  prefs: { ...state.coffee.prefs, joined: true },
  coffees,
});

const jobId = (what: string) => `console:local:tester:${what}`;

function anAsk(lang: Lang): Commitment {
  return {
    id: 'c1',
    kind: 'ask',
    title: lang === 'en' ? 'advice on moving into health IT' : 'advies over de overstap naar zorg-IT',
    person: 'Sanne',
    date: '2026-03-11',
    jobId: jobId('c1:1'),
    status: 'open',
    predicted: 2,
    createdAt: T0.toISOString(),
  };
}

/** An open ask with its follow-up, and a map drawn a week ago with its revisit. */
const askAndRevisit = (lang: Lang) => (state: State) => ({
  commitments: [anAsk(lang)],
  jobs: [...state.jobs, jobId('c1:1'), jobId('revisit:1')],
});

const askJob = {
  id: jobId('c1:1'),
  kind: 'help.followup',
  due: '2026-03-12T08:00:00.000Z',
  commitment: 'c1',
};
// Due earlier than the ask's follow-up: the order of the line, not the hour, decides which comes first.
const revisitJob = { id: jobId('revisit:1'), kind: 'awareness.revisit', due: '2026-03-12T07:00:00.000Z' };

const waitsNote = (lang: Lang, what: 'ask' | 'revisit' | 'checkin', where: 'afterThis' | 'afterExercise') =>
  say(lang, `queue.${where}`, { what: say(lang, `queue.what.${what}`) });

describe.each(['en', 'nl'] as const)('follow-ups in turn (%s)', (lang) => {
  it('two follow-ups due at once come one after the other, the ask first, each once', async () => {
    const m = await member(lang, askAndRevisit(lang));
    await m.schedule(revisitJob);
    await m.schedule(askJob);
    const ticked = m.h.sent.length;
    expect(await m.tick(LATER)).toBe(2);

    const told = m.since(ticked);
    const asked = told.filter((r) => same(ids(r), FOLLOW_UP));
    expect(asked).toHaveLength(1);
    // The revisit waits, with one line saying so; its question is not asked yet.
    expect(told.map((r) => r.text)).toContain(waitsNote(lang, 'revisit', 'afterThis'));
    expect(told.some((r) => r.text === say(lang, 'revisit.prompt'))).toBe(false);
    expect((await m.h.state())?.flow).toEqual({ at: 'followup.asked', commitment: 'c1' });

    // Answered: the revisit comes by itself, right after the thanks.
    const before = m.h.sent.length;
    await m.h.choice('yes');
    await m.h.text(lang === 'en' ? 'She gave me two names' : 'Ze gaf me twee namen');
    const after = m.since(before).map((r) => r.text);
    expect(after).toContain(say(lang, 'followup.thanks'));
    expect(after.at(-1)).toBe(say(lang, 'revisit.prompt'));
    expect(after.indexOf(say(lang, 'followup.thanks'))).toBeLessThan(after.length - 1);
    const state = await m.h.state();
    expect(state?.flow.at).toBe('network.revisit');
    expect(state?.waiting).toEqual([]);
    expect(state?.commitments[0]).toMatchObject({ status: 'done', outcome: 'yes' });

    // Put off: back at the menu, nothing comes again.
    const end = m.h.sent.length;
    await m.h.choice('later');
    const last = m.since(end);
    expect(last.map((r) => r.text)).toContain(say(lang, 'revisit.noProblem'));
    expect(last.at(-1)?.text).toBe(say(lang, 'menu.prompt'));
    expect(m.h.sent.filter((s) => s.reply.text === say(lang, 'revisit.prompt'))).toHaveLength(1);
    expect(m.h.sent.filter((s) => same(ids(s.reply), FOLLOW_UP))).toHaveLength(1);
  });

  it('putting the revisit off keeps the ask follow-up, which then comes by itself', async () => {
    const m = await member(lang, askAndRevisit(lang));
    await m.schedule(revisitJob);
    expect(await m.tick(new Date('2026-03-12T07:05:00Z'))).toBe(1);
    expect(m.h.lastText()).toBe(say(lang, 'revisit.prompt'));

    // The ask falls due while the revisit question is open: it waits.
    await m.schedule(askJob);
    const before = m.h.sent.length;
    expect(await m.tick(LATER)).toBe(1);
    expect(m.since(before).map((r) => r.text)).toEqual([waitsNote(lang, 'ask', 'afterThis')]);
    expect((await m.h.state())?.waiting.map((w) => w.kind)).toEqual(['help.followup']);

    const put = m.h.sent.length;
    await m.h.choice('later');
    const after = m.since(put);
    expect(after[0]?.text).toBe(say(lang, 'revisit.noProblem'));
    expect(ids(after.at(-1))).toEqual(FOLLOW_UP);
    expect(after.at(-1)?.text).toContain('Sanne');
    expect((await m.h.state())?.flow).toEqual({ at: 'followup.asked', commitment: 'c1' });
    expect((await m.h.state())?.waiting).toEqual([]);
  });

  it('a follow-up due mid-exercise waits with one line and comes when the exercise ends', async () => {
    const m = await member(lang, (state) => ({
      commitments: [anAsk(lang)],
      jobs: [...state.jobs, jobId('c1:1')],
    }));
    await m.h.choice('awareness');
    await m.h.choice('begin');
    await m.h.text('Anna');
    const mid = (await m.h.state())?.flow;
    expect(mid?.at).toBe('awareness.recall');

    await m.schedule(askJob);
    const before = m.h.sent.length;
    expect(await m.tick(LATER)).toBe(1);
    expect(m.since(before).map((r) => r.text)).toEqual([waitsNote(lang, 'ask', 'afterExercise')]);
    expect((await m.h.state())?.flow).toEqual(mid);

    // The rest of the map: no follow-up question in between.
    const during = m.h.sent.length;
    for (let n = 0; n < 80; n++) {
      const state = await m.h.state();
      if (!state || !(state.flow.at.startsWith('awareness.') || state.flow.at === 'rate')) break;
      const offered = (await m.h.engine.currentQuestion(m.h.member)).flatMap((r) => ids(r));
      const pick = ['skip', 'none', 'nobody', 'outer', 'yearly'].find((id) => offered.includes(id));
      await (pick ? m.h.choice(pick) : m.h.text('Bob'));
    }
    const rest = m.since(during);
    expect((await m.h.state())?.completed.map((c) => c.exercise)).toEqual(['awareness']);
    expect(rest.filter((r) => same(ids(r), FOLLOW_UP))).toHaveLength(1);
    expect(ids(rest.at(-1))).toEqual(FOLLOW_UP);
    expect(rest.some((r) => r.text === say(lang, 'summary.closing', { days: 7 }))).toBe(true);
    expect((await m.h.state())?.flow).toEqual({ at: 'followup.asked', commitment: 'c1' });
  });

  it('a follow-up waiting behind an exercise comes when the member leaves it for the menu', async () => {
    const m = await member(lang, (state) => ({
      commitments: [anAsk(lang)],
      jobs: [...state.jobs, jobId('c1:1')],
    }));
    await m.h.choice('awareness');
    await m.h.choice('begin');
    await m.schedule(askJob);
    await m.tick(LATER);
    await m.h.command('menu');
    expect(ids(m.h.question())).toEqual(FOLLOW_UP);
    const state = await m.h.state();
    expect(state?.parked.awareness?.at).toBe('awareness.recall');
    // Answered, the member is at the menu, where the map waits to be resumed.
    await m.h.choice('drop');
    expect(m.h.lastText()).toBe(say(lang, 'menu.prompt'));
    expect(ids(m.h.question())).toContain('awareness');
  });

  it('a follow-up reported from the list meanwhile is not asked again', async () => {
    const m = await member(lang, (state) => ({
      commitments: [anAsk(lang)],
      jobs: [...state.jobs, jobId('c1:1')],
    }));
    await m.h.choice('awareness');
    await m.h.choice('begin');
    await m.schedule(askJob);
    await m.tick(LATER);
    await m.h.command('commitments');
    await m.h.choice('c1');
    await m.h.choice('cancel');
    await m.h.choice('menu');
    expect(m.h.lastText()).toBe(say(lang, 'menu.prompt'));
    expect(m.h.sent.filter((s) => same(ids(s.reply), FOLLOW_UP))).toHaveLength(0);
    expect((await m.h.state())?.waiting).toEqual([]);
  });

  it('a waiting follow-up of an ask moved meanwhile waits for its new date instead', async () => {
    const m = await member(lang, (state) => ({
      commitments: [anAsk(lang)],
      jobs: [...state.jobs, jobId('c1:1')],
    }));
    await m.h.choice('awareness');
    await m.h.choice('begin');
    await m.schedule(askJob);
    await m.tick(LATER);
    expect((await m.h.state())?.waiting).toHaveLength(1);
    await m.h.command('commitments');
    await m.h.choice('c1');
    await m.h.choice('move');
    await m.h.choice('d7');
    // Back at the list with the new date; the old follow-up no longer waits.
    expect(m.h.lastText()).toBe(say(lang, 'commitments.prompt'));
    const state = await m.h.state();
    expect(state?.waiting).toEqual([]);
    expect(state?.commitments[0]).toMatchObject({ status: 'open', jobId: jobId('c1:2') });
    expect(m.h.sent.filter((s) => same(ids(s.reply), FOLLOW_UP))).toHaveLength(0);
  });

  it('a coffee intro with its offer to prepare and a check-in arriving together are both answered', async () => {
    const partner = { user: 'U2', name: lang === 'en' ? 'Maya' : 'Lotte' };
    const earlier: Coffee = { round: 1, at: T0.toISOString(), partners: [partner], organiser: false };
    const m = await member(lang, (state) => ({
      coffee: joined(state, [earlier]),
    }));
    const coffee = (round: number) => ({ round, partners: [partner], organiser: partner.user });
    await m.schedule({
      id: jobId('1:checkin'),
      kind: 'coffee.checkin',
      due: LATER.toISOString(),
      coffee: coffee(1),
    });
    await m.schedule({
      id: jobId('2:intro'),
      kind: 'coffee.intro',
      due: LATER.toISOString(),
      coffee: coffee(2),
    });
    const ticked = m.h.sent.length;
    expect(await m.tick(LATER)).toBe(2);

    const told = m.since(ticked);
    // The intro is said at once, its offer to prepare asked; the check-in waits with one line.
    expect(told[0]?.text).toContain(partner.name);
    expect(ids(told[1])).toEqual(['learn', 'reconnect', 'ask', 'later']);
    expect(told.map((r) => r.text)).toContain(waitsNote(lang, 'checkin', 'afterThis'));
    expect(told.filter((r) => same(ids(r), CHECKIN))).toHaveLength(0);

    // The answer goes to the preparation, not to the check-in.
    await m.h.choice('learn');
    await m.h.text(lang === 'en' ? 'How did you start?' : 'Hoe ben je begonnen?');
    const before = m.h.sent.length;
    await m.h.text(lang === 'en' ? 'An intro to my old team' : 'Een introductie bij mijn oude team');
    const after = m.since(before);
    expect(after.map((r) => r.text)).toContain(say(lang, 'coffee.prepare.done'));
    expect(ids(after.at(-1))).toEqual(CHECKIN);
    expect(after.at(-1)?.text).toBe(say(lang, 'coffee.checkin.prompt', { names: partner.name }));

    await m.h.choice('missed');
    const state = await m.h.state();
    expect(state?.coffee.coffees.map((c) => [c.round, c.purpose, c.outcome])).toEqual([
      [1, undefined, 'missed'],
      [2, 'learn', undefined],
    ]);
    expect(state?.waiting).toEqual([]);
    expect(m.h.lastText()).toBe(say(lang, 'menu.prompt'));
  });

  it('an offer to prepare left unanswered for days gives way to the check-in, which is asked once', async () => {
    const partner = { user: 'U2', name: lang === 'en' ? 'Maya' : 'Lotte' };
    const m = await member(lang, (state) => ({ coffee: joined(state, []) }));
    const coffee = { round: 1, partners: [partner], organiser: partner.user };
    await m.schedule({ id: jobId('1:intro'), kind: 'coffee.intro', due: T0.toISOString(), coffee });
    expect(await m.tick(T0)).toBe(1);
    expect(ids(m.h.question())).toEqual(['learn', 'reconnect', 'ask', 'later']);

    const checkinAt = new Date(T0.getTime() + 4 * 86_400_000);
    await m.schedule({
      id: jobId('1:checkin'),
      kind: 'coffee.checkin',
      due: checkinAt.toISOString(),
      coffee,
    });
    const before = m.h.sent.length;
    expect(await m.tick(checkinAt)).toBe(1);
    const shown = m.since(before);
    expect(shown.map((r) => r.text)).toEqual([say(lang, 'coffee.checkin.prompt', { names: partner.name })]);
    await m.h.choice('missed');
    expect(m.h.lastText()).toBe(say(lang, 'menu.prompt'));
    const state = await m.h.state();
    expect(state?.coffee.coffees.map((c) => c.outcome)).toEqual(['missed']);
    expect(state?.waiting).toEqual([]);
  });

  it('a restart shows a question kept while away once, with no welcome back that repeats it', async () => {
    const m = await member(lang, askAndRevisit(lang));
    await m.schedule(revisitJob);
    await m.schedule(askJob);
    // The console is closed: what the tick says is kept in the member's record.
    m.h.unreachable.add(m.h.member.user);
    const closed = m.h.sent.length;
    expect(await m.tick(LATER)).toBe(2);
    expect(m.h.sent.length).toBe(closed);
    expect((await m.h.state())?.inbox.length).toBeGreaterThan(1);
    m.h.unreachable.clear();

    const before = m.h.sent.length;
    await m.h.command('start', [lang]);
    const shown = m.since(before);
    expect(shown.filter((r) => same(ids(r), FOLLOW_UP))).toHaveLength(1);
    expect(ids(shown.at(-1))).toEqual(FOLLOW_UP);
    expect(shown.map((r) => r.text)).toContain(waitsNote(lang, 'revisit', 'afterThis'));
    for (const welcome of variants(lang, 'common.welcomeBack'))
      expect(shown.map((r) => r.text)).not.toContain(welcome);
    expect((await m.h.state())?.inbox).toEqual([]);

    // "continue" in the same session shows where the member is: one welcome back, the question once.
    const again = m.h.sent.length;
    await m.h.command('continue');
    const resumed = m.since(again);
    expect(resumed.filter((r) => same(ids(r), FOLLOW_UP))).toHaveLength(1);
    expect(resumed).toHaveLength(2);
  });
});
