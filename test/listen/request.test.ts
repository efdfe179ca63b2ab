/**
 * A request worth sending (issue 13, item 5), through the real engine in both languages: the
 * coach composes the message from its parts once the person is chosen, checks it as SMART after
 * every change, and lets the member take it, change one part or write their own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { State } from '../../src/engine/state.js';
import type { Person } from '../../src/network/model.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
const opened: Harness[] = [];
afterEach(async () => {
  for (const harness of opened.splice(0)) await harness.store.close();
});

const NOW = new Date('2026-11-30T12:00:00Z');

const person = (id: string, name: string, over: Partial<Person> = {}): Person => ({
  id,
  name,
  domain: 'former',
  ring: 'outer',
  contact: 'yearly',
  named: [],
  addedAt: NOW.toISOString(),
  ...over,
});

/** Bob's note says what the request is about; "no" and a second Dick are what older maps kept. */
const MAP: Person[] = [
  person('p1', 'Anna', { domain: 'work', ring: 'inner', contact: 'weekly' }),
  person('p2', 'Bob', { contact: 'dormant', note: 'made the switch into health data two years ago' }),
  person('p3', 'Cleo', { ring: 'middle' }),
  person('p4', 'no', { contact: 'dormant' }),
  person('p5', 'Dick', { domain: 'associations', ring: 'middle' }),
  person('p6', 'Dick (oud-directeur)', { domain: 'associations', ring: 'middle' }),
];

/** A member in `lang` at the menu, with a map, a time zone and a follow-up hour. */
async function member(lang: Lang): Promise<Harness> {
  const h = await testEngine({ now: () => NOW });
  opened.push(h);
  await h.command('start', [lang]);
  const state = (await h.state()) as State;
  await h.members.save({
    ...state,
    flow: { at: 'menu' },
    timezone: 'Europe/Amsterdam',
    nudgeHour: 9,
    network: { ...state.network, people: MAP },
    nextPersonId: 10,
  });
  return h;
}

/** The texts sent in answer to one turn. */
async function turn(h: Harness, send: () => Promise<unknown>): Promise<string[]> {
  const before = h.sent.length;
  await send();
  return h.sent.slice(before).map((s) => s.reply.text);
}

const count = (text: string, part: string) => text.split(part).length - 1;
/** Two marks in a row (".." ",." "?.") or a space before one: doubled or dangling punctuation. */
const DOUBLED = /[.,;:!?]\s*[.,;:!?]|\s[.,;:!?]/;
const marks = (m: string) => say('en', 'help.smartCheck', { marks: m });
const marksNl = (m: string) => say('nl', 'help.smartCheck', { marks: m });

describe('ask for help in English: the message composed from its parts', () => {
  it('chooses the person before the message, asks only the missing parts, and sends it as one message', async () => {
    const h = await member('en');
    await h.choice('ask-for-help');
    await h.choice('begin');
    await h.text('Move into a data role at a health company');
    await h.choice('introduction');
    await h.choice('b2');
    await h.text('I help, of course');
    expect(h.lastText()).toBe(say('en', 'help.request'));

    const ASK = 'could you introduce me to someone on the data team at your hospital';
    const afterAsk = await turn(h, () => h.text(ASK));
    // Specific and an action, no reason, size or time yet; the person comes first.
    expect(afterAsk[0]).toBe(marks('S ✓  M ·  A ✓  R ·  T ·'));
    const whom = h.question();
    expect(whom?.text.startsWith(say('en', 'help.whom'))).toBe(true);
    // No "no", one Dick; Bob's note fits the request (health, data), and every reason is its own.
    const labels = whom?.choices?.map((c) => c.label) ?? [];
    expect(labels[0]).toBe('Bob');
    expect(labels).not.toContain('no');
    expect(labels.filter((l) => l.startsWith('Dick')).length).toBeLessThanOrEqual(1);
    const reasons = (whom?.text ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(reasons[0]).toBe(
      `• ${say('en', 'reason.fits', { name: 'Bob', note: 'made the switch into health data two years ago' })}`,
    );
    expect(new Set(reasons.map((r) => r.replace(/^• \S+/, ''))).size).toBe(reasons.length);

    await h.choice('p2');
    const why = h.question();
    expect(why?.text).toBe(
      `${say('en', 'help.whyNote', { name: 'Bob', note: 'made the switch into health data two years ago' })}\n${say('en', 'help.why', { name: 'Bob' })}`,
    );
    // "Why them" gives the reason: M is met; size and time are asked, one at a time.
    expect(await turn(h, () => h.text('You made that switch yourself.'))).toEqual([
      marks('S ✓  M ✓  A ✓  R ·  T ·'),
      say('en', 'smart.R'),
    ]);
    expect(await turn(h, () => h.text('20 minutes'))).toEqual([
      marks('S ✓  M ✓  A ✓  R ✓  T ·'),
      say('en', 'smart.T'),
    ]);
    const review = await turn(h, () => h.text('in the next two weeks'));
    expect(review[0]).toBe(marks('S ✓  M ✓  A ✓  R ✓  T ✓'));
    const message = review[1] ?? '';
    expect(message).toBe(
      [
        'Hi Bob,',
        "I thought of you because you made that switch yourself. Could you introduce me to someone on the data team at your hospital? 20 minutes would be plenty. Ideally in the next two weeks. And if it doesn't suit you, no problem at all.",
        'Thanks in advance!',
      ].join('\n\n'),
    );
    expect(h.question()?.choices?.map((c) => c.id)).toEqual(['take', 'change', 'own']);

    // Change one part: why it matters, in the member's words.
    await h.choice('change');
    expect(h.question()?.choices?.map((c) => c.id)).toEqual([
      'whyThem',
      'ask',
      'reason',
      'duration',
      'when',
      'easyOut',
    ]);
    await h.choice('reason');
    expect(h.question()?.text).toBe(say('en', 'help.editEmpty', { part: say('en', 'part.reason') }));
    const changed = await turn(h, () => h.text('I want to move into health data.'));
    const final = changed[0] ?? '';
    expect(final).toContain(
      "Could you introduce me to someone on the data team at your hospital? I'm asking because I want to move into health data. 20 minutes",
    );

    await h.choice('take');
    await h.choice('call');
    await h.choice('d7');
    const card = await turn(h, () => h.text('A careful read of a CV'));
    const state = await h.state();
    expect(state?.flow).toEqual({ at: 'menu' });
    // One message: the name in the greeting, the ask, the time and the easy way out each once.
    for (const text of [final, card[0] ?? '']) {
      expect(count(text, 'Hi Bob,')).toBe(1);
      expect(count(text, 'introduce me to someone on the data team')).toBe(1);
      expect(count(text, '20 minutes')).toBe(1);
      expect(count(text, "if it doesn't suit you")).toBe(1);
      expect(text).not.toMatch(DOUBLED);
    }
    expect(card[0]).toContain(`\n\n${final}\n\n`);
    expect(count(card[0] ?? '', 'Thanks in advance!')).toBe(1);
    const done = h.events.find((e) => e.name === 'exercise.completed');
    expect(done?.data).toMatchObject({ request: final, smartMissing: [], whom: 'Bob' });
  });
});

describe('om hulp vragen in het Nederlands: het bericht uit zijn onderdelen', () => {
  it('leest tijd en reden in eigen woorden, vraagt alleen wat ontbreekt, en laat een eigen versie toe', async () => {
    const h = await member('nl');
    await h.choice('ask-for-help');
    await h.choice('begin');
    await h.text('Een nieuwe baan in de zorg vinden');
    await h.choice('advice');
    await h.choice('b3');
    await h.text('Ik help graag');
    expect(h.lastText()).toBe(say('nl', 'help.request'));

    // "half uurtje" is how long it takes and "omdat" the reason: neither is asked again.
    const afterAsk = await turn(h, () =>
      h.text('Zullen we koffie drinken, half uurtje, omdat ik wil overstappen naar de zorg'),
    );
    expect(afterAsk[0]).toBe(marksNl('S ✓  M ✓  A ✓  R ✓  T ·'));
    await h.text('Marjolein');
    expect(h.question()?.text).toBe(say('nl', 'help.why', { name: 'Marjolein' }));
    expect(await turn(h, () => h.text('je werkt zelf al jaren in de zorg'))).toEqual([
      marksNl('S ✓  M ✓  A ✓  R ✓  T ·'),
      say('nl', 'smart.T'),
    ]);
    const review = await turn(h, () => h.text('binnen twee weken'));
    expect(review[0]).toBe(marksNl('S ✓  M ✓  A ✓  R ✓  T ✓'));
    const message = review[1] ?? '';
    expect(message).toBe(
      [
        'Hoi Marjolein,',
        'Ik dacht aan jou, want je werkt zelf al jaren in de zorg. Zullen we koffie drinken, half uurtje, omdat ik wil overstappen naar de zorg? Het liefst binnen twee weken. Komt het je niet uit? Dan is dat helemaal prima.',
        'Alvast bedankt!',
      ].join('\n\n'),
    );
    expect(count(message, 'Marjolein')).toBe(1);
    expect(count(message, 'half uurtje')).toBe(1);
    expect(count(message, 'Komt het je niet uit')).toBe(1);
    expect(message).not.toMatch(DOUBLED);

    // Her own version, typed at the review, replaces the composed one and is checked as a whole.
    const OWN =
      'Hoi Marjolein, heb je volgende week een kwartiertje om te bellen? Ik wil de overstap naar de zorg maken. Geen probleem als het niet uitkomt!';
    const own = await turn(h, () => h.text(OWN));
    expect(own).toEqual([OWN, `${marksNl('S ✓  M ✓  A ✓  R ✓  T ✓')}\n${say('nl', 'help.review')}`]);
    // Back to the composed message by changing a part of it.
    await h.choice('change');
    await h.choice('easyOut');
    expect(h.question()?.text).toBe(
      say('nl', 'help.edit', { part: say('nl', 'part.easyOut'), current: say('nl', 'compose.easyOut') }),
    );
    const changed = await turn(h, () => h.text('Zeg gerust nee als het niet past.'));
    expect(changed[0]).toContain(
      'Het liefst binnen twee weken. Zeg gerust nee als het niet past.\n\nAlvast bedankt!',
    );
    await h.choice('take');
    await h.choice('call');
    await h.choice('d7');
    const card = await turn(h, () => h.text('Meelezen met een sollicitatiebrief'));
    expect(count(card[0] ?? '', 'Hoi Marjolein,')).toBe(1);
    expect(count(card[0] ?? '', 'Zeg gerust nee')).toBe(1);
    expect(card[0]).not.toMatch(DOUBLED);
    expect((await h.state())?.network.people.map((p) => p.name)).toContain('Marjolein');
  });
});

describe('a request drafted before the message had parts', () => {
  const OLD =
    "Could we talk next week, because I want to switch? 20 minutes. No problem if it doesn't suit you.";

  it('is shown on the card as it was written, once, with nothing added', async () => {
    const h = await member('en');
    const state = (await h.state()) as State;
    const draft = {
      smartAsked: [],
      goal: 'Switch fields',
      request: OLD,
      whom: 'Bob',
      channel: 'call',
      date: '2026-12-07',
    };
    await h.members.save({
      ...state,
      flow: { at: 'ask-for-help.offer' },
      drafts: { 'ask-for-help': draft },
    } as State);
    const card = (await turn(h, () => h.text('A CV review')))[0] ?? '';
    expect(count(card, OLD)).toBe(1);
    expect(card).not.toContain(say('en', 'compose.thanks'));
    expect(h.events.find((e) => e.name === 'exercise.completed')?.data).toMatchObject({
      request: OLD,
      smartMissing: [],
    });
  });

  it('parked at the old easy-way-out question, goes on to whom to ask', async () => {
    const h = await member('en');
    const state = (await h.state()) as State;
    const draft = { smartAsked: [], goal: 'Switch fields', request: OLD };
    await h.members.save({
      ...state,
      flow: { at: 'ask-for-help.easyOut' },
      drafts: { 'ask-for-help': draft },
    } as State);
    await h.choice('take');
    expect((await h.state())?.flow).toEqual({ at: 'ask-for-help.whom' });
    // Chosen, the person leads to the review of the request as it was written, greeted by no one new.
    await h.text('Bob');
    expect(h.sent.at(-2)?.reply.text).toBe(OLD);
    expect(h.question()?.choices?.map((c) => c.id)).toEqual(['take', 'change', 'own']);
  });
});
