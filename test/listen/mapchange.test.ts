/**
 * Item 9 of issue 13, what happened changes the map: an answered ask sets the person's last
 * contact (and after a yes, one tap moves them a ring closer); a coffee reflection's next step is a
 * commitment (what, with whom, by when) with its own follow-up. Through the real engine on a temp
 * store, with its clock and tick, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/time.js';
import type { Lang, Reply } from '../../src/core/types.js';
import type { Coffee, Commitment } from '../../src/engine/records.js';
import type { State } from '../../src/engine/state.js';
import type { Person } from '../../src/network/model.js';
import { memberAtMenu, type testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.store.close();
  h = undefined;
});

const T0 = new Date('2026-03-10T09:00:00Z'); // a Tuesday
const jobId = (what: string) => `console:local:tester:${what}`;
const ids = (reply: Reply | undefined) => (reply?.choices ?? []).map((c) => c.id);
const day = (lang: Lang, date: string) => formatDay(date, lang, '2026-03-10');

/** A member at the menu in `lang`, on an engine whose clock the test moves (closed after the test). */
async function member(lang: Lang, over?: (state: State) => Partial<State>) {
  const m = await memberAtMenu(lang, T0, over);
  h = m.h;
  return m;
}

const person = (id: string, name: string, ring: Person['ring'], contact: Person['contact']): Person => ({
  id,
  name,
  domain: 'former',
  ring,
  contact,
  named: [],
  addedAt: T0.toISOString(),
});

const anAsk = (lang: Lang): Commitment => ({
  id: 'c1',
  kind: 'ask',
  title: lang === 'en' ? 'advice on moving into health IT' : 'advies over de overstap naar zorg-IT',
  person: 'Sanne',
  date: '2026-03-11',
  jobId: jobId('c1:1'),
  status: 'open',
  predicted: 2,
  createdAt: T0.toISOString(),
});
const askJob = {
  id: jobId('c1:1'),
  kind: 'help.followup',
  due: '2026-03-12T08:00:00.000Z',
  commitment: 'c1',
};

/** Sanne, a dormant former colleague in the outer ring, asked for help on Wednesday. */
const askedSanne = (lang: Lang) => (state: State) => ({
  network: { ...state.network, people: [person('p1', 'Sanne', 'outer', 'dormant')] },
  nextPersonId: 2,
  commitments: [anAsk(lang)],
  jobs: [...state.jobs, askJob.id],
});

const STORY = { en: 'She gave me two names to call', nl: 'Ze gaf me twee namen om te bellen' };

describe.each(['en', 'nl'] as const)('an answered ask changes the map (%s)', (lang) => {
  it('a yes sets last contact to the ask, and one tap moves the person a ring closer', async () => {
    const m = await member(lang, askedSanne(lang));
    await m.schedule(askJob);
    await m.tick(new Date('2026-03-12T16:00:00Z'));
    expect((await m.h.state())?.flow).toEqual({ at: 'followup.asked', commitment: 'c1' });
    // Before: "last contact 3+ years ago".
    expect((await m.person('Sanne'))?.contact).toBe('dormant');

    await m.h.choice('yes');
    expect(await m.person('Sanne')).toMatchObject({ contact: 'weekly', ring: 'outer' });
    const before = m.h.sent.length;
    await m.h.text(STORY[lang]);
    const told = m.since(before);
    expect(told.map((r) => r.text)).toContain(say(lang, 'followup.thanks'));
    expect(told.map((r) => r.text)).toContain(say(lang, 'followup.inTouch', { name: 'Sanne' }));
    expect(told.at(-1)?.text).toBe(say(lang, 'followup.closer', { name: 'Sanne' }));
    expect(ids(told.at(-1))).toEqual(['closer', 'same']);

    // Typed in the member's own words, not only pressed.
    await m.h.text(lang === 'en' ? 'yes, a ring closer' : 'ja, een ring dichterbij');
    expect(await m.person('Sanne')).toMatchObject({ ring: 'middle', contact: 'weekly' });
    expect(m.h.sent.map((s) => s.reply.text)).toContain(say(lang, 'followup.movedMiddle', { name: 'Sanne' }));
    const state = await m.h.state();
    expect(state?.flow.at).toBe('menu');
    expect(state?.commitments[0]).toMatchObject({ status: 'done', outcome: 'yes' });
  });

  it('a yes that does not feel closer keeps the ring and still records the contact', async () => {
    const m = await member(lang, askedSanne(lang));
    await m.schedule(askJob);
    await m.tick(new Date('2026-03-12T16:00:00Z'));
    await m.h.choice('yes');
    await m.h.choice('skip');
    await m.h.text(lang === 'en' ? 'no' : 'nee');
    expect(await m.person('Sanne')).toMatchObject({ ring: 'outer', contact: 'weekly' });
    expect(m.h.sent.map((s) => s.reply.text)).toContain(say(lang, 'followup.keptRing', { name: 'Sanne' }));
  });

  it('a no sets last contact only: no ring question, the ring stays', async () => {
    const m = await member(lang, askedSanne(lang));
    await m.schedule(askJob);
    await m.tick(new Date('2026-03-12T16:00:00Z'));
    await m.h.choice('no');
    const before = m.h.sent.length;
    await m.h.text(lang === 'en' ? 'She has no time this month' : 'Ze heeft deze maand geen tijd');
    const told = m.since(before);
    expect(await m.person('Sanne')).toMatchObject({ ring: 'outer', contact: 'weekly' });
    expect(told.map((r) => r.text)).toContain(say(lang, 'followup.inTouch', { name: 'Sanne' }));
    expect(told.some((r) => r.text === say(lang, 'followup.closer', { name: 'Sanne' }))).toBe(false);
    expect((await m.h.state())?.flow.at).toBe('menu');
  });

  it('an ask reported weeks late from the list sets the contact to when it was', async () => {
    const m = await member(lang, askedSanne(lang));
    await m.tick(new Date('2026-04-20T09:00:00Z'));
    await m.h.command('commitments');
    await m.h.choice('c1');
    await m.h.choice('report');
    await m.h.choice('no');
    // Wednesday 11 March was more than a month before 20 April: the last contact is this year's.
    expect((await m.person('Sanne'))?.contact).toBe('yearly');
  });

  it('an inner-ring person is not asked about a ring closer', async () => {
    const m = await member(lang, (state) => ({
      ...askedSanne(lang)(state),
      network: { ...state.network, people: [person('p1', 'Sanne', 'inner', 'monthly')] },
    }));
    await m.schedule(askJob);
    await m.tick(new Date('2026-03-12T16:00:00Z'));
    await m.h.choice('yes');
    await m.h.choice('skip');
    const state = await m.h.state();
    expect(state?.flow.at).toBe('menu');
    expect(state?.network.people[0]).toMatchObject({ ring: 'inner', contact: 'weekly' });
  });
});

/** A coffee with Joris, met; the reflection at its last sub-step. Joris is on the map from the check-in. */
const coffee: Coffee = {
  round: 1,
  at: T0.toISOString(),
  partners: [{ user: 'U2', name: 'Joris' }],
  organiser: true,
  outcome: 'met',
  enjoyedSelf: 4,
  enjoyedThem: 4,
  askedFor: true,
};
const atNextStep =
  (over: Partial<State> = {}) =>
  (state: State) => ({
    network: { ...state.network, people: [person('p1', 'Joris', 'outer', 'monthly')] },
    nextPersonId: 2,
    coffee: { prefs: { ...state.coffee.prefs, joined: true }, coffees: [coffee] },
    flow: { at: 'coffee.reflect' as const, round: 1, step: 'next' as const },
    ...over,
  });

const STEP = {
  en: { what: 'Send him the article about nurse-led EHR redesign', friday: 'friday', done: 'done' },
  nl: { what: 'Hem het artikel over EPD-herontwerp sturen', friday: 'vrijdag', done: 'gedaan' },
};
const FRIDAY = '2026-03-13';

describe.each(['en', 'nl'] as const)("a coffee's next step is a commitment (%s)", (lang) => {
  it('asks what, with whom (the partner), by when; lists it; and follows up when due', async () => {
    const m = await member(lang, atNextStep());
    await m.h.text(STEP[lang].what);
    // With whom: the partner, one tap.
    expect(m.h.lastText()).toBe(say(lang, 'coffee.reflect.nextWith', { names: 'Joris' }));
    expect(m.h.question()?.choices?.map((c) => c.label)).toEqual(['Joris']);
    await m.h.text('Joris');
    expect(m.h.lastText()).toBe(say(lang, 'coffee.reflect.nextWhen'));
    const before = m.h.sent.length;
    await m.h.text(STEP[lang].friday);

    const state = await m.h.state();
    expect(state?.commitments).toEqual([
      expect.objectContaining({ kind: 'coffee', title: STEP[lang].what, person: 'Joris', date: FRIDAY }),
    ]);
    expect(state?.coffee.coffees[0]).toMatchObject({
      next: STEP[lang].what,
      nextStep: FRIDAY,
      commitment: 'c1',
    });
    expect(state?.completed.at(-1)?.exercise).toBe('coffee');
    expect(m.since(before).map((r) => r.text)).toContain(
      say(lang, 'coffee.reflect.doneNext', { name: 'Joris', date: day(lang, FRIDAY) }),
    );
    const job = await m.h.jobs.get(jobId('c1:1'));
    // The day after, at nine in Amsterdam.
    expect(job).toMatchObject({ kind: 'coffee.next', due: '2026-03-14T08:00:00.000Z', commitment: 'c1' });

    // Listed under commitments, with report, move and cancel.
    await m.h.command('commitments');
    const label = say(lang, 'commitments.coffee', {
      name: 'Joris',
      title: STEP[lang].what,
      date: day(lang, FRIDAY),
    });
    expect(m.h.question()?.choices?.find((c) => c.id === 'c1')?.label).toBe(label);
    await m.h.choice('c1');
    expect(ids(m.h.question())).toEqual(['report', 'move', 'cancel', 'back']);
    await m.h.choice('back');
    await m.h.choice('menu');

    // Nothing before it is due; then its own question.
    expect(await m.tick(new Date('2026-03-13T20:00:00Z'))).toBe(0);
    const due = m.h.sent.length;
    expect(await m.tick(new Date('2026-03-14T08:30:00Z'))).toBe(1);
    const asked = m.since(due).at(-1);
    expect(asked?.text).toBe(
      say(lang, 'followup.step', { name: 'Joris', step: STEP[lang].what, date: day(lang, FRIDAY) }),
    );
    expect(ids(asked)).toEqual(['done', 'notyet', 'drop']);

    const answered = m.h.sent.length;
    await m.h.text(STEP[lang].done);
    const told = m.since(answered).map((r) => r.text);
    expect(told).toContain(say(lang, 'followup.stepThanks'));
    expect(told).toContain(say(lang, 'followup.inTouch', { name: 'Joris' }));
    const after = await m.h.state();
    expect(after?.commitments[0]?.status).toBe('done');
    expect(after?.network.people[0]).toMatchObject({ name: 'Joris', contact: 'weekly', ring: 'outer' });
    expect(after?.flow.at).toBe('menu');
  });

  it('falling due mid-exercise, it waits with one line and comes when the exercise is left', async () => {
    const m = await member(lang, atNextStep());
    await m.h.text(STEP[lang].what);
    await m.h.choice('p0');
    await m.h.choice('d3');
    await m.h.choice('awareness');
    await m.h.choice('begin');
    const busy = m.h.sent.length;
    await m.tick(new Date('2026-03-14T08:30:00Z'));
    const what = say(lang, 'queue.what.nextStep');
    expect(m.since(busy).map((r) => r.text)).toEqual([say(lang, 'queue.afterExercise', { what })]);
    await m.h.command('menu');
    expect(ids(m.h.question())).toEqual(['done', 'notyet', 'drop']);
  });

  it('"no next step" ends the reflection without a commitment', async () => {
    const m = await member(lang, atNextStep());
    await m.h.choice('none');
    const state = await m.h.state();
    expect(state?.commitments).toEqual([]);
    expect(m.h.lastText()).toBe(say(lang, 'menu.prompt'));
    expect(m.h.sent.map((s) => s.reply.text)).toContain(say(lang, 'coffee.reflect.done'));
  });

  it('"not yet" at the follow-up moves the step to a new day', async () => {
    const m = await member(lang, atNextStep());
    await m.h.text(STEP[lang].what);
    await m.h.choice('p0');
    await m.h.choice('d3');
    await m.tick(new Date('2026-03-14T08:30:00Z'));
    await m.h.choice('notyet');
    await m.h.choice('d7');
    const state = await m.h.state();
    expect(state?.commitments[0]).toMatchObject({ status: 'open', date: '2026-03-21', jobId: jobId('c1:2') });
  });
});

describe.each([
  ['en', 'both of them', 'Joris and Eva'],
  ['nl', 'allebei', 'Joris en Eva'],
  ['en', 'with Priya', 'Priya'],
  ['nl', 'met Priya', 'Priya'],
] as const)('%s: with whom, typed "%s" after a coffee for three', (lang, typed, person) => {
  it(`is ${person}`, async () => {
    const trio = { ...coffee, partners: [...coffee.partners, { user: 'U3', name: 'Eva' }] };
    const m = await member(lang, (state) => ({
      ...atNextStep()(state),
      coffee: { prefs: { ...state.coffee.prefs, joined: true }, coffees: [trio] },
    }));
    await m.h.text(STEP[lang].what);
    expect(m.h.question()?.choices?.map((c) => c.id)).toEqual(['p0', 'p1', 'both']);
    await m.h.text(typed);
    await m.h.choice('d7');
    expect((await m.h.state())?.commitments[0]).toMatchObject({ kind: 'coffee', person });
  });
});

describe('a next step with a member whose time zone is not known yet', () => {
  it('asks the time zone and hour once, then plans the step', async () => {
    const m = await member('en', atNextStep({ timezone: null, nudgeHour: null }));
    await m.h.text('Introduce him to Priya from the informatics team');
    await m.h.choice('p0');
    await m.h.choice('d7');
    expect((await m.h.state())?.flow).toEqual({ at: 'when.timezone', resume: 'coffee' });
    await m.h.text('Europe/Amsterdam');
    await m.h.choice('h19');
    const state = await m.h.state();
    expect(state?.commitments[0]).toMatchObject({ kind: 'coffee', person: 'Joris', date: '2026-03-17' });
    expect(state?.coffee.coffees[0]?.commitment).toBe('c1');
    expect(state?.flow.at).toBe('menu');
    expect(await m.h.jobs.get(jobId('c1:1'))).toMatchObject({ due: '2026-03-18T18:00:00.000Z' });
  });
});

describe.each(['en', 'nl'] as const)('a next step after a coffee in a group of four (%s)', (lang) => {
  it('offers each partner and "all of them", and lists all three names the language way', async () => {
    const group: Coffee = {
      ...coffee,
      partners: [
        { user: 'U2', name: 'Joris' },
        { user: 'U3', name: 'Anna' },
        { user: 'U4', name: 'Bram' },
      ],
    };
    const m = await member(lang, (state: State) => ({
      ...atNextStep()(state),
      coffee: { prefs: { ...state.coffee.prefs, joined: true }, coffees: [group] },
    }));
    await m.h.text(STEP[lang].what);
    const all = lang === 'en' ? 'Joris, Anna and Bram' : 'Joris, Anna en Bram';
    expect(m.h.lastText()).toBe(say(lang, 'coffee.reflect.nextWith', { names: all }));
    expect(m.h.question()?.choices?.map((c) => c.label)).toEqual([
      'Joris',
      'Anna',
      'Bram',
      say(lang, 'coffee.reflect.withAll'),
    ]);
    await m.h.text(lang === 'en' ? 'everyone' : 'iedereen');
    expect(m.h.lastText()).toBe(say(lang, 'coffee.reflect.nextWhen'));
    await m.h.text(STEP[lang].friday);
    const state = await m.h.state();
    expect(state?.commitments).toEqual([
      expect.objectContaining({ kind: 'coffee', person: all, date: FRIDAY }),
    ]);
  });
});
