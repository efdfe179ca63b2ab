/**
 * Own words for every choice, through the real engine in both languages: the inputs of issue 13's
 * item 2 and variants of them.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { Flow, State } from '../../src/engine/state.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;

/** A member who speaks `lang`, placed at `flow` with the rest of the record changed as given. */
async function placed(lang: Lang, flow: Flow, patch: Partial<State> = {}): Promise<Harness> {
  const h = await testEngine();
  await h.command('language', [lang]);
  const state = await h.state();
  if (!state) throw new Error('no state');
  await h.members.save({ ...state, ...patch, flow });
  return h;
}

const helpDraft = (change: Record<string, unknown> = {}) =>
  ({ 'ask-for-help': { smartAsked: [], goal: 'a role in health-care IT', ...change } }) as State['drafts'];

const draft = async (h: Harness) => (await h.state())?.drafts['ask-for-help'];
const lastReply = (h: Harness) => h.sent.at(-1)?.reply;
const list = (lang: Lang, items: string[]) =>
  new Intl.ListFormat(lang, { type: 'disjunction' }).format(
    items.map((i) => (/\p{L}/u.test(i) ? `“${i}”` : i)),
  );

describe('what help is needed', () => {
  const cases: [Lang, string, string, string[]][] = [
    ['en', 'an introduction and advice', 'advice', ['An introduction', 'Advice']],
    ['nl', 'een introductie en advies', 'advies', ['Een introductie', 'Advies']],
  ];
  for (const [lang, both, then, labels] of cases)
    it(`${lang}: "${both}" asks which one, naming just those two; "${then}" then takes it`, async () => {
      const h = await placed(lang, { at: 'ask-for-help.need' }, { drafts: helpDraft() });
      await h.text(both);
      const asked = lastReply(h);
      expect(asked?.text).toBe(say(lang, 'choose.which', { options: list(lang, labels) }));
      expect(asked?.choices?.map((c) => c.id)).toEqual(['introduction', 'advice']);
      expect(h.sent.filter((s) => s.reply.text === say(lang, 'help.need'))).toHaveLength(0);
      expect((await h.state())?.flow).toEqual({ at: 'ask-for-help.need' });
      await h.text(then);
      expect(await draft(h)).toMatchObject({ need: 'advice' });
      expect((await h.state())?.flow).toEqual({ at: 'ask-for-help.belief' });
    });

  it.each([
    ['en', 'I think some tips would help', 'advice'],
    ['nl', 'een nieuwe baan denk ik', 'opportunity'],
    ['en', 'Introduction.', 'introduction'],
    ['nl', 'iemand die me kan voorstellen', 'introduction'],
  ] as const)('%s: "%s" is %s', async (lang, typed, need) => {
    const h = await placed(lang, { at: 'ask-for-help.need' }, { drafts: helpDraft() });
    await h.text(typed);
    expect(await draft(h)).toMatchObject({ need });
  });

  it.each([
    ['en', 'purple', '“Information”, “An introduction”, “Advice”, “Feedback”, or “An opportunity”'],
    ['nl', 'paars', '“Informatie”, “Een introductie”, “Advies”, “Feedback” of “Een kans”'],
  ] as const)(
    '%s: "%s" is answered with what was read and the options in one line',
    async (lang, typed, options) => {
      const h = await placed(lang, { at: 'ask-for-help.need' }, { drafts: helpDraft() });
      const before = h.sent.length;
      await h.text(typed);
      const replies = h.sent.slice(before).map((s) => s.reply);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text).toBe(say(lang, 'choose.none', { text: typed, options }));
      expect(replies[0]?.choices).toHaveLength(5);
    },
  );
});

describe('the belief question', () => {
  it.each([
    ['en', 'maybe two', 2],
    ['nl', 'misschien twee', 2],
    ['en', 'a couple', 2],
    ['nl', 'twee denk ik', 2],
    ['en', 'I guess three out of five', 3],
    ['nl', 'drie van de vijf', 3],
    ['en', 'nobody', 0],
    ['nl', 'niemand', 0],
    ['en', 'all of them', 5],
    ['nl', 'allemaal', 5],
    ['nl', '4', 4],
  ] as const)('%s: "%s" is %i', async (lang, typed, belief) => {
    const h = await placed(lang, { at: 'ask-for-help.belief' }, { drafts: helpDraft({ need: 'advice' }) });
    await h.text(typed);
    expect(await draft(h)).toMatchObject({ belief });
    expect((await h.state())?.flow).toEqual({ at: 'ask-for-help.reversal' });
  });

  it.each([
    ['en', 'seven', 'seven'],
    ['nl', '7', '7'],
    ['en', '6', '6'],
  ] as const)('%s: "%s" names the real range, 0 to 5', async (lang, typed, said) => {
    const h = await placed(lang, { at: 'ask-for-help.belief' }, { drafts: helpDraft({ need: 'advice' }) });
    await h.text(typed);
    expect(lastReply(h)?.text).toBe(say(lang, 'choose.range', { said, min: 0, max: 5 }));
    expect((await h.state())?.flow).toEqual({ at: 'ask-for-help.belief' });
  });
});

describe('the channel', () => {
  it.each([
    ['en', 'a message on LinkedIn', 'message'],
    ['nl', 'een bericht op LinkedIn', 'message'],
    ['nl', 'bellen', 'call'],
    ['en', "I'll phone her", 'call'],
    ['nl', 'via whatsapp', 'message'],
    ['en', 'a zoom call', 'video'],
    ['nl', 'videobellen', 'video'],
    ['nl', 'koffie drinken', 'inperson'],
    ['en', 'over lunch', 'inperson'],
  ] as const)('%s: "%s" is %s', async (lang, typed, channel) => {
    const h = await placed(lang, { at: 'ask-for-help.channel' }, { drafts: helpDraft({ whom: 'Sanne' }) });
    await h.text(typed);
    expect(await draft(h)).toMatchObject({ channel });
    expect((await h.state())?.flow).toEqual({ at: 'ask-for-help.date' });
  });
});

describe('the follow-up hour', () => {
  // Awareness plans nothing after the time is known: the member goes back to the menu.
  const at = { at: 'when.hour', resume: 'awareness' } as Flow;
  it.each([
    ['en', '7pm', 19],
    ['en', '7 p.m.', 19],
    ['nl', '19 uur', 19],
    ['nl', '19:00', 19],
    ['nl', "'s avonds", 19],
    ['en', 'in the evening', 19],
    ['nl', 'tussen de middag', 12],
    ['en', 'mornings', 9],
    ['en', '2', 12],
  ] as const)('%s: "%s" is %i:00', async (lang, typed, hour) => {
    const h = await placed(lang, at, { timezone: 'Europe/Amsterdam' });
    await h.text(typed);
    expect((await h.state())?.nudgeHour).toBe(hour);
  });

  it.each([
    ['en', '8pm', '20:00', '09:00, 12:00, 15:00, or 19:00'],
    ['nl', '21 uur', '21:00', '09:00, 12:00, 15:00 of 19:00'],
    ['nl', "9 uur 's avonds", '21:00', '09:00, 12:00, 15:00 of 19:00'],
  ] as const)(
    '%s: "%s" is not offered, and the coach says which hours it can do',
    async (lang, typed, time, options) => {
      const h = await placed(lang, at, { timezone: 'Europe/Amsterdam' });
      await h.text(typed);
      expect(lastReply(h)?.text).toBe(say(lang, 'choose.time', { time, options }));
      expect(lastReply(h)?.choices).toHaveLength(4);
      expect((await h.state())?.nudgeHour).toBeNull();
    },
  );
});

describe('the time zone, which can also be typed', () => {
  it.each([
    ['en', 'Amsterdam', 'Europe/Amsterdam'],
    ['nl', 'Nederland', 'Europe/Amsterdam'],
    ['en', "I'm in London", 'Europe/London'],
    ['nl', 'ik woon in India', 'Asia/Kolkata'],
    ['en', 'America/Chicago', 'America/Chicago'],
  ] as const)('%s: "%s" is %s', async (lang, typed, zone) => {
    const h = await placed(lang, { at: 'when.timezone', resume: 'awareness' } as Flow);
    await h.text(typed);
    expect((await h.state())?.timezone).toBe(zone);
  });
});

describe('yes and no', () => {
  it.each([
    ['en', 'nope'],
    ['nl', 'nee hoor'],
    ['en', 'no thanks'],
  ] as const)('%s: "%s" keeps everything when asked to forget', async (lang, typed) => {
    const h = await placed(lang, { at: 'menu' });
    await h.command('forget');
    await h.text(typed);
    expect(h.sent.some((s) => s.reply.text === say(lang, 'forget.kept'))).toBe(true);
    expect(await h.state()).toBeDefined();
  });

  it.each([
    ['en', 'yes please'],
    ['nl', 'ja hoor'],
  ] as const)('%s: "%s" forgets', async (lang, typed) => {
    const h = await placed(lang, { at: 'menu' });
    await h.command('forget');
    await h.text(typed);
    expect(lastReply(h)?.text).toBe(say(lang, 'forget.done'));
    expect(await h.state()).toBeUndefined();
  });

  it('en: "not sure" is neither, and both options are named', async () => {
    const h = await placed('en', { at: 'menu' });
    await h.command('forget');
    await h.text('not sure');
    expect(lastReply(h)?.text).toBe(say('en', 'choose.none', { text: 'not sure', options: '“Yes” or “No”' }));
    expect(await h.state()).toBeDefined();
  });
});

describe('the menu', () => {
  it.each([
    ['en', 'I want to ask for help', 'ask-for-help.intro'],
    ['nl', 'ik wil om hulp vragen', 'ask-for-help.intro'],
    ['en', 'prepare an event', 'hook.event'],
    ['nl', 'een evenement voorbereiden', 'hook.event'],
    ['en', 'virtual coffee', 'coffee.menu'],
    ['nl', 'koffie', 'coffee.menu'],
    ['en', 'Help', 'menu'],
  ] as const)('%s: "%s" opens %s', async (lang, typed, flow) => {
    const h = await placed(lang, { at: 'menu' });
    await h.text(typed);
    expect((await h.state())?.flow.at).toBe(flow);
  });
});

describe('free-text steps stay free', () => {
  it.each([
    ['en', 'Nobody here but Anna'],
    ['nl', 'Niemand hier behalve Anna'],
  ] as const)("%s: a sentence holding the button's words is the member's text", async (lang, typed) => {
    const h = await placed(lang, { at: 'awareness.recall', domain: 0, probed: false });
    await h.text(typed);
    expect((await h.state())?.network.people.length).toBeGreaterThan(0);
  });

  it.each(['en', 'nl'] as const)('%s: a number past the one button is no "from 1 to 1"', async (lang) => {
    const h = await placed(lang, { at: 'awareness.recall', domain: 0, probed: false });
    await h.text('3');
    const texts = h.sent.map((s) => s.reply.text).join('\n');
    expect(texts).not.toMatch(/1 to 1|1 tot en met 1/);
    expect((await h.state())?.flow).toMatchObject({ at: 'awareness.recall', domain: 0 });
  });
});

describe('the examples the README gives', () => {
  it.each([
    [
      'en',
      { at: 'ask-for-help.need' },
      'an intro',
      (s: State) => s.drafts['ask-for-help']?.need,
      'introduction',
    ],
    [
      'en',
      { at: 'ask-for-help.need' },
      'a new job',
      (s: State) => s.drafts['ask-for-help']?.need,
      'opportunity',
    ],
    ['nl', { at: 'ask-for-help.need' }, 'raad', (s: State) => s.drafts['ask-for-help']?.need, 'advice'],
    ['en', { at: 'when.hour', resume: 'awareness' }, 'noon', (s: State) => s.nudgeHour, 12],
    ['en', { at: 'when.hour', resume: 'awareness' }, '9am', (s: State) => s.nudgeHour, 9],
    ['nl', { at: 'menu' }, 'evenement voorbereiden', (s: State) => s.flow.at, 'hook.event'],
  ] as const)('%s at %j: "%s"', async (lang, flow, typed, read, expected) => {
    const h = await placed(lang, flow as Flow, { drafts: helpDraft(), timezone: 'Europe/Amsterdam' });
    await h.text(typed);
    const state = await h.state();
    if (!state) throw new Error('no state');
    expect(read(state)).toBe(expected);
  });

  it('nl: "liever niet" and "zeker" answer a yes/no question', async () => {
    const h = await placed('nl', { at: 'menu' });
    await h.command('forget');
    await h.text('liever niet');
    expect(h.sent.some((s) => s.reply.text === say('nl', 'forget.kept'))).toBe(true);
    await h.command('forget');
    await h.text('zeker');
    expect(await h.state()).toBeUndefined();
  });
});

describe('virtual coffee', () => {
  const coffee = {
    round: 1,
    at: '2026-11-20T09:00:00.000Z',
    partners: [{ user: 'U2', name: 'Mira' }],
    organiser: true,
  };
  const withCoffee = (change: Record<string, unknown> = {}) =>
    ({
      coffee: { prefs: { joined: true }, coffees: [{ ...coffee, ...change }] },
    }) as unknown as Partial<State>;
  const placedAtCoffee = async (lang: Lang, flow: Flow, change: Record<string, unknown> = {}) => {
    const h = await placed(lang, { at: 'menu' });
    const state = await h.state();
    if (!state) throw new Error('no state');
    const { coffee: wanted } = withCoffee(change) as { coffee: State['coffee'] };
    await h.members.save({ ...state, coffee: { ...state.coffee, coffees: wanted.coffees }, flow });
    return h;
  };
  const first = async (h: Harness) => (await h.state())?.coffee.coffees[0];

  it.each([
    ['en', 'yes we did', 'met'],
    ['nl', 'ja, gesproken', 'met'],
    ['en', 'no, not yet', 'later'],
    ['nl', 'nee, nog niet', 'later'],
    ['en', 'it fell through', 'missed'],
    ['nl', 'het is niet gelukt', 'missed'],
  ] as const)('%s: the check-in reads "%s" as %s', async (lang, typed, outcome) => {
    const h = await placedAtCoffee(lang, { at: 'coffee.checkin', round: 1 } as Flow);
    await h.text(typed);
    expect(await first(h)).toMatchObject({ outcome });
  });

  it.each([
    ['en', 'very much', 5],
    ['nl', 'een beetje', 2],
    ['en', 'maybe four', 4],
    ['nl', 'drie denk ik', 3],
  ] as const)('%s: the reflection scale reads "%s" as %i', async (lang, typed, enjoyedSelf) => {
    const h = await placedAtCoffee(lang, { at: 'coffee.reflect', round: 1, step: 'enjoyedSelf' } as Flow, {
      outcome: 'met',
    });
    await h.text(typed);
    expect(await first(h)).toMatchObject({ enjoyedSelf });
  });
});

describe('snoozing the coffees, where a date can be typed too', () => {
  it.each([
    ['en', 'a fortnight', 14],
    ['nl', '2 weken', 14],
    ['en', 'one month', 30],
    ['nl', 'een kwartaal', 90],
  ] as const)('%s: "%s" is %i days', async (lang, typed, days) => {
    const h = await placed(lang, { at: 'coffee.snooze' } as Flow, { timezone: 'UTC' });
    await h.text(typed);
    const until = (await h.state())?.coffee.prefs.snoozeUntil ?? '';
    const today = new Date().toISOString().slice(0, 10);
    expect((Date.parse(until) - Date.parse(today)) / 86_400_000).toBe(days);
  });
});

describe('the options in one line', () => {
  it('nl: labels are quoted, so a list with a comma inside a label stays readable', async () => {
    const h = await testEngine();
    await h.command('language', ['nl']);
    const state = await h.state();
    if (!state) throw new Error('no state');
    const coffee = {
      round: 1,
      at: '2026-11-20T09:00:00.000Z',
      partners: [{ user: 'U2', name: 'Mira' }],
      organiser: true,
    };
    await h.members.save({
      ...state,
      coffee: { ...state.coffee, coffees: [coffee] },
      flow: { at: 'coffee.checkin', round: 1 },
    });
    await h.text('misschien');
    expect(lastReply(h)?.text).toBe(
      say('nl', 'choose.none', {
        text: 'misschien',
        options: '“Ja, we hebben gepraat”, “Nog niet” of “Het is er niet van gekomen”',
      }),
    );
  });
});
