import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/time.js';
import { firstName } from '../../src/exercises/ask-for-help/compose.js';
import {
  type CliSession,
  type EventLine,
  type Input,
  runCli,
  runScript,
  type Sandbox,
  type ScriptStep,
  type Turn,
  useCli,
} from '../helpers/cli.js';
import { part } from '../helpers/scripts.js';
import { say, variants } from '../helpers/texts.js';

const e2e = useCli();

/**
 * The machine zone is pinned to UTC so follow-up times are predictable; the map's own revisit
 * (a week after the map by default) is pushed out of the way of the ask's follow-up.
 */
const ENV = { TZ: 'UTC', REVISIT_DAYS: '30' };

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const atHour = (date: string, hour: number, minutes = 0) =>
  new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) + minutes * 60_000).toISOString();
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Runs `weakties tick --now NOW` and returns how many follow-ups it delivered. */
async function tick(sandbox: Sandbox, now: string): Promise<number> {
  const result = await runCli(sandbox, ['tick', '--now', now]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const out = JSON.parse(result.stdout) as { now: string; delivered: number };
  expect(out.now).toBe(now);
  return out.delivered;
}

async function exportMember(sandbox: Sandbox, user = 'U') {
  const result = await runCli(sandbox, ['export', '--user', user]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const texts = (turn: Turn | undefined) => turn?.replies.map((r) => r.text) ?? [];
const completed = (turn: Turn | undefined): EventLine | undefined =>
  turn?.events.find((e) => e.name === 'exercise.completed');

/**
 * A small map through the network-map exercise, from the welcome question to the menu:
 * Anna (current work, inner, weekly), Bob (former work, outer, dormant), Cleo (former work,
 * middle, yearly), Dad (family, inner, weekly), Eve (friends, outer, monthly).
 */
async function drawMap(session: CliSession): Promise<Turn[]> {
  const steps: ScriptStep[] = [
    { send: { choice: 'begin' }, expect: say('en', 'awareness.intro') },
    { send: { choice: 'begin' }, expect: part(1) },
    { send: { text: 'Anna' }, expect: 'Current work' },
    { send: { choice: 'none' }, expect: part(2) },
    { send: { text: 'Bob, Cleo' }, expect: 'Former work' },
    { send: { choice: 'none' }, expect: part(3) },
    { send: { choice: 'none' }, expect: part(4) },
    { send: { choice: 'none' }, expect: part(5) },
    { send: { text: 'Dad' }, expect: 'Family' },
    { send: { choice: 'none' }, expect: part(6) },
    { send: { text: 'Eve' }, expect: 'Friends' },
    { send: { choice: 'none' }, expect: part(7) },
  ];
  for (let n = 8; n <= 10; n++) steps.push({ send: { choice: 'none' }, expect: part(n) });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'career.discuss') });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'career.jobChange') });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'career.career') });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'rate.ring', { name: 'Anna', left: 4 }) });
  const ratings: [string, string, string][] = [
    ['Anna', 'inner', 'weekly'],
    ['Bob', 'outer', 'dormant'],
    ['Cleo', 'middle', 'yearly'],
    ['Dad', 'inner', 'weekly'],
    ['Eve', 'outer', 'monthly'],
  ];
  for (const [name, ring, contact] of ratings) {
    steps.push({ send: { choice: ring }, expect: say('en', 'rate.contact', { name }) });
    steps.push({ send: { choice: contact } });
  }
  for (let n = 2; n <= 10; n++) steps.push({ send: { choice: 'nobody' }, expect: `Question ${n} of 10` });
  steps.push({ send: { choice: 'nobody' }, expect: say('en', 'menu.prompt') });
  return runScript(session, steps);
}

const GOAL = 'Move into a data role at a health company';
const REVERSAL = 'I make time for them and enjoy helping';
// Specific (8+ words), Meaningful ("because") and Action ("introduce"), but no size and no time.
const REQUEST = 'Could you introduce me to someone at Acme because I want to move into data work';
const REALISTIC = 'a quick 20 minutes';
const OFFER = 'A careful read of a CV';

describe('console --json: ask for help', () => {
  it('shapes a request, suggests a dormant tie first, follows up once and counts the yes', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox(ENV);
    const first = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await first.question();
    const map = await drawMap(first);
    expect(completed(map.at(-1))?.data).toMatchObject({ size: 5, perDomain: { work: 1, former: 2 } });
    const menuQuestion = map.at(-1)?.question;
    expect(menuQuestion?.choices?.find((c) => c.id === 'ask-for-help')?.label).toBe(
      say('en', 'menu.askForHelp'),
    );

    const intro = await first.ask({ choice: 'ask-for-help' });
    expect(intro.question.text).toBe(say('en', 'help.intro'));
    const goal = await first.ask({ choice: 'begin' });
    expect(goal.question.text).toBe(say('en', 'help.goal'));
    expect(goal.question.form?.fields.map((f) => f.id)).toEqual(['answer']);
    const need = await first.ask({ text: GOAL });
    expect(need.question.text).toBe(say('en', 'help.need'));
    const belief = await first.ask({ choice: 'introduction' });
    expect(belief.question.text).toBe(say('en', 'help.belief'));
    const beliefChoices = belief.question.choices ?? [];
    expect(beliefChoices.map((c) => c.label).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(beliefChoices.find((c) => c.label === '2')?.id).toBe('b2');

    // Typed "2" means the choice labelled "2" (two of five), whatever its position.
    const reversal = await first.ask({ text: '2' });
    expect(texts(reversal)).toEqual([]);
    expect(reversal.question.text).toBe(say('en', 'help.reversal'));

    const request = await first.ask({ text: REVERSAL });
    expect(texts(request)).toEqual([say('en', 'help.reflect', { answer: REVERSAL, belief: 2 })]);
    expect(texts(request)[0]).toContain(`"${REVERSAL}"`);
    expect(texts(request)[0]).toContain('You expect 2 of five');
    expect(request.question.text).toBe(say('en', 'help.request'));

    // The ask first, then whom: the greeting needs the person before the message is composed.
    const whom = await first.ask({ text: REQUEST });
    expect(texts(whom)).toEqual([say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ·  T ·' })]);
    // Relevant domains for an introduction: the dormant tie first, then the middle ring, then the close one.
    expect(whom.question.choices?.map((c) => c.label)).toEqual(['Bob', 'Cleo', 'Anna']);
    const reasons = [
      say('en', 'reason.dormant', { name: 'Bob', domain: 'Former work' }),
      say('en', 'reason.moderate', { name: 'Cleo', domain: 'Former work' }),
      say('en', 'reason.close', { name: 'Anna', domain: 'Current work' }),
    ];
    expect(whom.question.text).toBe(
      `${say('en', 'help.whom')}\n${reasons.map((r) => `• ${r}`).join('\n')}\n${say('en', 'help.whomOther')}`,
    );
    const why = await first.ask({ choice: whom.question.choices?.[0]?.id ?? '' });
    expect(why.question.text).toBe(say('en', 'help.why', { name: 'Bob' }));
    expect(why.question.choices).toEqual([{ id: 'skip', label: say('en', 'help.keep') }]);

    const smartR = await first.ask({ choice: 'skip' });
    expect(texts(smartR)).toEqual([say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ·  T ·' })]);
    expect(smartR.question.text).toBe(say('en', 'smart.R'));
    expect(smartR.question.choices).toEqual([{ id: 'keep', label: say('en', 'help.keep') }]);

    const smartT = await first.ask({ text: REALISTIC });
    expect(texts(smartT)).toEqual([say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' })]);
    expect(smartT.question.text).toBe(say('en', 'smart.T'));

    // The message, composed from its parts in sentences, as one message; then take, change or write.
    const review = await first.ask({ choice: 'keep' });
    const finalRequest = `Hi Bob,\n\n${REQUEST}? A quick 20 minutes would be plenty. ${say('en', 'compose.easyOut')}\n\n${say('en', 'compose.thanks')}`;
    expect(texts(review)).toEqual([finalRequest]);
    expect(review.question.text).toBe(
      `${say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' })}\n${say('en', 'help.review')}`,
    );
    expect(review.question.choices?.map((c) => c.id)).toEqual(['take', 'change', 'own']);

    const channel = await first.ask({ choice: 'take' });
    expect(channel.question.text).toBe(say('en', 'help.channel'));
    const date = await first.ask({ choice: 'call' });
    expect(date.question.text).toBe(say('en', 'help.date', { name: 'Bob' }));
    expect(date.question.choices?.map((c) => c.id)).toEqual(['d1', 'd3', 'd7', 'd14']);
    // The machine's zone came with the console, so only the hour is asked.
    const hour = await first.ask({ choice: 'd7' });
    expect(hour.question.text).toBe(say('en', 'when.hour'));
    expect(hour.question.choices?.map((c) => c.id)).toEqual(['h9', 'h12', 'h15', 'h19']);
    const offer = await first.ask({ choice: 'h9' });
    expect(offer.question.text).toBe(say('en', 'help.offer'));
    // Said with the weekday, never as YYYY-MM-DD; the stored date comes with the completion event.
    expect(texts(offer)[0]).toMatch(/^Noted for [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})?\./);

    const done = await first.ask({ text: OFFER });
    expect(done.question.text).toBe(say('en', 'menu.prompt'));
    const event = completed(done);
    const planned = String(event?.data.date);
    const plannedSaid = formatDay(planned, 'en', String(event?.data.at).slice(0, 10));
    expect(texts(offer)).toEqual([say('en', 'help.planned', { date: plannedSaid })]);
    const card = say('en', 'help.card', {
      goal: GOAL,
      request: finalRequest,
      name: 'Bob',
      channel: say('en', 'channel.call'),
      date: plannedSaid,
      offer: OFFER,
    });
    expect(texts(done)).toEqual([card]);
    expect(card).toContain('To: Bob\nHow: A short call\n');
    expect(event?.exercise).toBe('ask-for-help');
    expect(event?.data).toMatchObject({
      goal: GOAL,
      need: 'introduction',
      predictedYes: 2,
      request: finalRequest,
      smartMissing: ['T'],
      whom: 'Bob',
      channel: 'call',
      date: planned,
      offer: OFFER,
    });
    const completedAt = String(event?.data.at);
    expect(planned).toBe(addDays(completedAt.slice(0, 10), 7));
    expect(await first.end()).toEqual({ code: 0, signal: null });

    // The follow-up: the day after the ask, at 09:00 UTC.
    const due = atHour(addDays(planned, 1), 9);
    expect(await tick(sandbox, atHour(addDays(planned, 1), 8, 59))).toBe(0);
    expect(await tick(sandbox, due)).toBe(1);
    expect(await tick(sandbox, due)).toBe(0);

    const second = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const asked = await second.question();
    expect(asked.lines).toHaveLength(1);
    expect(asked.question.text).toBe(
      say('en', 'followup.asked', {
        name: 'Bob',
        goal: GOAL,
        date: formatDay(planned, 'en', addDays(planned, 1)),
      }),
    );
    expect(asked.question.choices?.map((c) => c.id)).toEqual(['yes', 'no', 'notyet', 'drop']);
    const story = await second.ask({ choice: 'yes' });
    expect(story.question.text).toBe(say('en', 'followup.story'));
    const thanks = await second.ask({ text: 'Bob introduced me to the data lead at Acme.' });
    expect(texts(thanks)).toEqual([
      say('en', 'followup.thanks'),
      say('en', 'progress.calibrationFew', { yes: 1, asked: 1, predicted: 2 }),
    ]);
    expect(thanks.question.text).toBe(say('en', 'menu.prompt'));

    const progress = await second.ask({ command: 'progress' });
    expect(texts(progress)).toEqual([
      [
        say('en', 'progress.asks', { asked: 1, yes: 1 }),
        say('en', 'progress.calibrationFew', { yes: 1, asked: 1, predicted: 2 }),
        say('en', 'progress.events', { prepared: 0, debriefed: 0 }),
        say('en', 'progress.added', { count: 0 }),
        say('en', 'progress.meaning'),
      ].join('\n'),
    ]);
    expect(texts(progress)[0]).toContain('Asks made: 1, of which 1 got a yes.');
    expect(texts(progress)[0]).toContain('1 of 1 said yes so far; you expected 2 of five.');
    expect(texts(progress)[0]).not.toContain('%');
    expect(await second.end()).toEqual({ code: 0, signal: null });

    const dump = await exportMember(sandbox);
    expect(dump.member.commitments).toMatchObject([
      { kind: 'ask', person: 'Bob', date: planned, predicted: 2, outcome: 'yes', status: 'done' },
    ]);
    expect(dump.member.commitments[0].story).toBe('Bob introduced me to the data lead at Acme.');
    expect(dump.member.nudgeHour).toBe(9);
    expect(dump.member.timezone).toBe('UTC');
  });
});

/** Plain piped lines in Dutch: a map of two, then the exercise by numbers, labels and free text. */
const NL_MAP = [
  '1', // welkom: Mijn netwerk in kaart brengen
  'Laten we beginnen',
  'Anna', // 1 huidig werk
  'Verder niemand',
  'Bob', // 2 vroeger werk
  '1', // Verder niemand
  ...Array.from({ length: 8 }, () => 'Niemand hier'), // 3 tot en met 10
  'Niemand', // loopbaan: gesprekken
  'Niemand', // loopbaan: van baan wisselen
  '1', // loopbaan: carrière
  '1', // Anna: binnenste ring
  'Deze week',
  'Middelste ring: belangrijk', // Bob
  '3', // dit jaar
  ...Array.from({ length: 10 }, () => 'Niemand'), // hulpbronnen
];

const NL_GOAL = 'Een nieuwe baan in de zorg vinden';
const NL_REVERSAL = 'Ik help graag, als ik tijd heb';
// Specifiek, Betekenisvol ("omdat") en Actie ("voorstellen"); geen omvang en geen tijd.
const NL_REQUEST = 'Wil je me voorstellen aan iemand bij het ziekenhuis omdat ik daar graag wil werken';
const NL_SIZE = 'hooguit een kwartier';
const NL_WHY = 'je werkt zelf in het ziekenhuis';
const NL_OFFER = 'Meelezen met een sollicitatiebrief';

describe('console in Dutch, plain text lines: om hulp vragen', () => {
  it('runs to the card, survives a restart, and moves the follow-up', { timeout: 30_000 }, async () => {
    const sandbox = e2e.sandbox(ENV);
    const today = todayUtc();
    const askOn = addDays(today, 10);
    const [y, m, d] = askOn.split('-').map(Number);
    expect(y).toBeGreaterThan(2000);
    const typedDate = `${d}-${m}`; // day first, no year
    const askOnSaid = formatDay(askOn, 'nl', today); // "vrijdag 4 december"
    const lines = [
      ...NL_MAP,
      'Om hulp vragen', // menu, by its label
      'Aan de slag',
      NL_GOAL,
      '2', // Een introductie
      '2', // de optie met het label "2", niet de tweede optie
      NL_REVERSAL,
      NL_REQUEST,
      'Fatima', // niet op de kaart
      NL_WHY, // waarom zij
      NL_SIZE, // R
      'Sla deze over', // T
      'Zo is het goed', // het bericht
      'Een kort belletje',
      typedDate,
      '15:00',
      NL_OFFER,
    ];
    const run = await runCli(sandbox, ['console', '--user', 'U', '--lang', 'nl'], {
      input: `${lines.join('\n')}\n`,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    // No line fell on the wrong question.
    for (const wrong of [
      say('nl', 'common.pickChoice'),
      say('nl', 'people.noName'),
      say('nl', 'common.typeAnswer'),
      say('nl', 'when.badDate'),
      'Kies een nummer van 1',
    ])
      expect(out).not.toContain(wrong);

    expect(out).toContain(say('nl', 'summary.size', { size: 2, domains: 2 }));
    expect(out).toContain(say('nl', 'help.belief'));
    expect(out).toContain(say('nl', 'help.reflect', { answer: NL_REVERSAL, belief: 2 }));
    expect(out).toContain(say('nl', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ·  T ·' }));
    expect(out).toContain(say('nl', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' }));
    const request = `Hoi Fatima,\n\nIk dacht aan jou, want ${NL_WHY}. ${NL_REQUEST}? Hooguit een kwartier is al genoeg. ${say('nl', 'compose.easyOut')}\n\n${say('nl', 'compose.thanks')}`;
    expect(out).toContain(
      `${request}\n\n${say('nl', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' })}`,
    );
    // The whom question lists the map: Bob (middle ring, former work) before Anna (inner ring).
    expect(out).toContain(
      [
        say('nl', 'help.whom'),
        `• ${say('nl', 'reason.moderate', { name: 'Bob', domain: 'Vroeger werk' })}`,
        `• ${say('nl', 'reason.close', { name: 'Anna', domain: 'Huidig werk' })}`,
        say('nl', 'help.whomOther'),
        '  1. Bob',
        '  2. Anna',
      ].join('\n'),
    );
    expect(out).toContain(say('nl', 'help.addedToMap', { name: 'Fatima' }));
    expect(out).toContain('Fatima staat nu ook op je kaart.');
    expect(out).toContain(say('nl', 'help.date', { name: 'Fatima' }));
    expect(out).toContain(`${say('nl', 'when.hour')}\n  1. 09:00\n  2. 12:00\n  3. 15:00\n  4. 19:00`);
    expect(out).toContain(say('nl', 'help.planned', { date: askOnSaid }));
    expect(askOnSaid).toMatch(/^[a-z]+dag \d{1,2} [a-z]+( \d{4})?$/);
    const card = say('nl', 'help.card', {
      goal: NL_GOAL,
      request,
      name: 'Fatima',
      channel: say('nl', 'channel.call'),
      date: askOnSaid,
      offer: NL_OFFER,
    });
    expect(out).toContain(card);
    expect(card).toContain('Aan: Fatima\nHoe: Een kort belletje\n');
    expect(out).not.toContain('Your request');

    const before = await exportMember(sandbox);
    expect(before.member.network.people.map((p: { name: string }) => p.name)).toEqual([
      'Anna',
      'Bob',
      'Fatima',
    ]);
    expect(before.member.commitments).toMatchObject([
      { kind: 'ask', person: 'Fatima', date: askOn, predicted: 2, status: 'open' },
    ]);
    const oldDue = atHour(addDays(askOn, 1), 15);
    expect(before.jobs.map((j: { due: string }) => j.due)).toContain(oldDue);

    // A restart, then the commitment is moved from the list.
    const again = await runCli(sandbox, ['console', '--user', 'U', '--lang', 'nl'], {
      input: ['afspraken', '1', 'Verzetten', 'Over twee weken', ''].join('\n'),
    });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const second = again.stdout;
    expect(variants('nl', 'common.welcomeBack')).toContain(second.split('\n')[0]);
    const item = say('nl', 'commitments.ask', { name: 'Fatima', title: NL_GOAL, date: askOnSaid });
    expect(second).toContain(`${say('nl', 'commitments.prompt')}\n  1. ${item}\n  2. Terug naar het menu`);
    expect(second).toContain(`${item}\n  1. Vertel hoe het ging\n  2. Verzetten\n  3. Schrappen\n  4. Terug`);
    expect(second).toContain(say('nl', 'when.move'));
    const movedTo = addDays(todayUtc(), 14);
    const movedSaid = formatDay(movedTo, 'nl', todayUtc());
    expect(second).toContain(say('nl', 'when.moved', { date: movedSaid }));
    expect(second).not.toContain(say('nl', 'common.pickChoice'));
    // Back at the list, with the new date.
    expect(second).toContain(
      `  1. ${say('nl', 'commitments.ask', { name: 'Fatima', title: NL_GOAL, date: movedSaid })}`,
    );

    const newDue = atHour(addDays(movedTo, 1), 15);
    expect(await tick(sandbox, oldDue)).toBe(0);
    expect(await tick(sandbox, atHour(addDays(movedTo, 1), 14, 59))).toBe(0);
    expect(await tick(sandbox, newDue)).toBe(1);

    const third = await runCli(sandbox, ['console', '--user', 'U', '--lang', 'nl']);
    expect(third.code).toBe(0);
    // Closed while looking at the list of commitments, the member gets the question itself, not a
    // note telling them to open that list.
    const followUp = say('nl', 'followup.asked', {
      name: 'Fatima',
      goal: NL_GOAL,
      date: formatDay(movedTo, 'nl', addDays(movedTo, 1)),
    });
    expect(third.stdout.slice(0, followUp.length)).toBe(followUp);
    expect(third.stdout).not.toContain(say('nl', 'queue.afterThis', { what: say('nl', 'queue.what.ask') }));
  });
});

describe('console --json: bad input at every free-text step of ask for help', () => {
  it('answers empty and oversized lines briefly, stores mentions as plain text, and completes', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox(ENV);
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    await runScript(session, [
      { send: { choice: 'menu' }, expect: say('en', 'menu.prompt') },
      { send: { choice: 'ask-for-help' }, expect: say('en', 'help.intro') },
      { send: { choice: 'begin' }, expect: say('en', 'help.goal') },
    ]);
    const MENTION = '<!channel> @everyone';
    const tooLong = say('en', 'common.tooLong', { max: 2000 });

    /** Empty and too long keep the question; the mention is then the answer. */
    async function probe(expected: string): Promise<Turn> {
      for (const [input, answers] of [
        ['', variants('en', 'common.empty')],
        ['x'.repeat(50_000), [tooLong]],
        [{ text: ' ' }, variants('en', 'common.empty')],
      ] as [Input, string[]][]) {
        const turn = await session.ask(input);
        const label = `${expected.slice(0, 30)} / ${JSON.stringify(input).slice(0, 20)}`;
        expect(turn.errors, label).toEqual([]);
        expect(texts(turn), label).toHaveLength(1);
        expect(answers, label).toContain(texts(turn)[0]);
        expect((texts(turn)[0] ?? '').length, label).toBeLessThan(300);
        expect(turn.question.text, label).toBe(expected);
      }
      return session.ask(MENTION);
    }

    const need = await probe(say('en', 'help.goal'));
    expect(need.question.text).toBe(say('en', 'help.need'));
    await runScript(session, [
      { send: { choice: 'advice' }, expect: say('en', 'help.belief') },
      { send: { choice: 'b4' }, expect: say('en', 'help.reversal') },
    ]);
    const request = await probe(say('en', 'help.reversal'));
    expect(texts(request)).toEqual([say('en', 'help.reflect', { answer: MENTION, belief: 4 })]);
    expect(request.question.text).toBe(say('en', 'help.request'));

    // The ask first, then whom (a new name), then why them: each free text probed the same way.
    const whom = await probe(say('en', 'help.request'));
    expect(texts(whom)).toEqual([say('en', 'help.smartCheck', { marks: 'S ·  M ·  A ·  R ·  T ·' })]);
    expect(whom.question.text).toBe(say('en', 'help.whomEmpty'));
    const why = await probe(say('en', 'help.whomEmpty'));
    expect(texts(why)).toEqual([say('en', 'help.addedToMap', { name: MENTION })]);
    const whyQuestion = say('en', 'help.why', { name: firstName(MENTION) });
    expect(why.question.text).toBe(whyQuestion);
    const smartA = await probe(whyQuestion);
    // "I thought of you because …" says why and makes it long enough; the rest is asked, once each.
    expect(texts(smartA)).toEqual([say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ·  R ·  T ·' })]);
    expect(smartA.question.text).toBe(say('en', 'smart.A'));
    const [, , review] = await runScript(session, [
      { send: { choice: 'keep' }, expect: say('en', 'smart.R') },
      { send: { choice: 'keep' }, expect: say('en', 'smart.T') },
      { send: { choice: 'keep' }, expect: say('en', 'help.review') },
    ]);
    const message = [
      `Hi ${firstName(MENTION)},`,
      `I thought of you because ${MENTION}. ${MENTION}. ${say('en', 'compose.easyOut')}`,
      say('en', 'compose.thanks'),
    ].join('\n\n');
    expect(texts(review)).toEqual([message]);
    await runScript(session, [{ send: { choice: 'take' }, expect: say('en', 'help.channel') }]);

    // The date step takes typed dates too: the mention is not one, so the question stays.
    const dateQuestion = say('en', 'help.date', { name: MENTION });
    await runScript(session, [{ send: { choice: 'message' }, expect: dateQuestion }]);
    const notADate = await probe(dateQuestion);
    expect(texts(notADate)).toEqual([say('en', 'when.badDate')]);
    expect(notADate.question.text).toBe(dateQuestion);

    const offer = await runScript(session, [
      { send: { choice: 'd1' }, expect: say('en', 'when.hour') },
      { send: { choice: 'h12' }, expect: say('en', 'help.offer') },
    ]);
    const planned = addDays(todayUtc(), 1);
    expect(texts(offer.at(-1))[0]).toBe(
      say('en', 'help.planned', { date: formatDay(planned, 'en', todayUtc()) }),
    );
    const done = await probe(say('en', 'help.offer'));
    expect(done.question.text).toBe(say('en', 'menu.prompt'));
    const event = completed(done);
    expect(event?.exercise).toBe('ask-for-help');
    expect(event?.data).toMatchObject({
      goal: MENTION,
      predictedYes: 4,
      request: message,
      smartMissing: ['A', 'R', 'T'],
      whom: MENTION,
      channel: 'message',
      offer: MENTION,
    });
    expect([planned, addDays(planned, 1)]).toContain(event?.data.date);
    expect(texts(done)[0]).toContain(`To: ${MENTION}\n`);
    expect(texts(done)[0]).toContain(`Your offer this week: ${MENTION}`);
    expect(await session.end()).toEqual({ code: 0, signal: null });

    const dump = await exportMember(sandbox);
    expect(dump.member.drafts).toEqual({});
    expect(dump.member.network.people.map((p: { name: string }) => p.name)).toEqual([MENTION]);
    // Nothing oversized was kept anywhere.
    expect(JSON.stringify(dump)).not.toContain('x'.repeat(2001));
  });
});

describe('console --json: leaving ask for help for the menu', () => {
  it('offers to continue and returns to the same question with the answers kept', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox(ENV);
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    const turns = await runScript(session, [
      { send: { choice: 'menu' }, expect: say('en', 'menu.prompt') },
      { send: { choice: 'ask-for-help' }, expect: say('en', 'help.intro') },
      { send: { choice: 'begin' }, expect: say('en', 'help.goal') },
      { send: { text: GOAL }, expect: say('en', 'help.need') },
      { send: { choice: 'feedback' }, expect: say('en', 'help.belief') },
      { send: { text: '3' }, expect: say('en', 'help.reversal') },
    ]);
    const left = turns.at(-1)?.question;

    const menu = await session.ask('menu');
    expect(menu.question.text).toBe(say('en', 'menu.prompt'));
    const entry = menu.question.choices?.find((c) => c.id === 'ask-for-help');
    expect(entry?.label).toBe(say('en', 'menu.resumeHelp'));
    expect(entry?.label).toBe('Continue asking for help');
    expect(menu.question.choices?.map((c) => c.label)).not.toContain(say('en', 'menu.askForHelp'));

    // By its label, as typed.
    const back = await session.ask('Continue asking for help');
    expect(back.question.text).toBe(left?.text);
    expect(back.question.form).toEqual(left?.form);
    expect(back.question.text).toBe(say('en', 'help.reversal'));

    const rest = await runScript(session, [
      { send: { text: REVERSAL }, expect: say('en', 'help.request') },
      {
        send: { text: 'Could you give me quick feedback on my CV before Friday because I apply soon?' },
        expect: say('en', 'help.whomEmpty'),
      },
      { send: { text: 'Mo' }, expect: say('en', 'help.why', { name: 'Mo' }) },
      { send: { choice: 'skip' }, expect: say('en', 'help.review') },
      { send: { choice: 'take' }, expect: say('en', 'help.channel') },
      { send: { choice: 'video' }, expect: say('en', 'help.date', { name: 'Mo' }) },
      { send: { choice: 'd3' }, expect: say('en', 'when.hour') },
      { send: { choice: 'h19' }, expect: say('en', 'help.offer') },
      { send: { text: OFFER }, expect: say('en', 'menu.prompt') },
    ]);
    expect(texts(rest[0])).toEqual([say('en', 'help.reflect', { answer: REVERSAL, belief: 3 })]);
    expect(texts(rest[1])).toEqual([say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ✓' })]);
    const event = completed(rest.at(-1));
    expect(event?.data).toMatchObject({ goal: GOAL, need: 'feedback', predictedYes: 3, whom: 'Mo' });
    expect(texts(rest.at(-1))[0]).toContain(`Goal: ${GOAL}\n`);
    // Done: the menu offers a fresh start again.
    expect(rest.at(-1)?.question.choices?.find((c) => c.id === 'ask-for-help')?.label).toBe(
      say('en', 'menu.askForHelp'),
    );
    expect(await session.end()).toEqual({ code: 0, signal: null });
    const dump = await exportMember(sandbox);
    expect(dump.member.parked).toEqual({});
  });
});

describe('console --json: reporting an ask before its follow-up is due', () => {
  it('closes the commitment and drops its follow-up, so a later tick delivers nothing', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox(ENV);
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    // Every SMART letter and an easy way out: no letter is asked, and the message keeps one easy way out.
    const request =
      'Could you give me quick feedback on my CV before Friday because I apply soon? No worries if not.';
    const turns = await runScript(session, [
      { send: { choice: 'menu' }, expect: say('en', 'menu.prompt') },
      { send: { choice: 'ask-for-help' }, expect: say('en', 'help.intro') },
      { send: { choice: 'begin' }, expect: say('en', 'help.goal') },
      { send: { text: GOAL }, expect: say('en', 'help.need') },
      { send: { choice: 'feedback' }, expect: say('en', 'help.belief') },
      { send: { choice: 'b1' }, expect: say('en', 'help.reversal') },
      { send: { text: REVERSAL }, expect: say('en', 'help.request') },
      { send: { text: request }, expect: say('en', 'help.whomEmpty') },
      { send: { text: 'Mo' }, expect: say('en', 'help.why', { name: 'Mo' }) },
      { send: { text: 'you hire for this kind of role' }, expect: say('en', 'help.review') },
      { send: { choice: 'take' }, expect: say('en', 'help.channel') },
      { send: { choice: 'inperson' }, expect: say('en', 'help.date', { name: 'Mo' }) },
      { send: { choice: 'd3' }, expect: say('en', 'when.hour') },
      { send: { choice: 'h9' }, expect: say('en', 'help.offer') },
      { send: { text: OFFER }, expect: say('en', 'menu.prompt') },
    ]);
    const planned = String(completed(turns.at(-1))?.data.date);
    expect(completed(turns.at(-1))?.data.request).toBe(
      `Hi Mo,\n\nI thought of you because you hire for this kind of role. ${request}\n\n${say('en', 'compose.thanks')}`,
    );
    const plannedSaid = formatDay(planned, 'en', String(completed(turns.at(-1))?.data.at).slice(0, 10));
    const item = say('en', 'commitments.ask', { name: 'Mo', title: GOAL, date: plannedSaid });
    const list = await session.ask({ command: 'commitments' });
    expect(list.question.text).toBe(say('en', 'commitments.prompt'));
    expect(list.question.choices).toEqual([
      { id: 'c1', label: item },
      { id: 'menu', label: say('en', 'common.backToMenu') },
    ]);
    await runScript(session, [
      { send: { choice: 'c1' }, expect: item },
      {
        send: { choice: 'report' },
        expect: say('en', 'followup.asked', { name: 'Mo', goal: GOAL, date: plannedSaid }),
      },
      { send: { choice: 'no' }, expect: say('en', 'followup.story') },
    ]);
    const thanks = await session.ask({ choice: 'skip' });
    expect(texts(thanks)).toEqual([
      say('en', 'followup.thanks'),
      say('en', 'progress.calibrationFew', { yes: 0, asked: 1, predicted: 1 }),
    ]);
    const none = await session.ask({ command: 'commitments' });
    expect(none.question.text).toBe(say('en', 'commitments.none'));
    expect(await session.end()).toEqual({ code: 0, signal: null });

    // The follow-up has nothing left to ask: it is no longer planned, and the tick delivers nothing.
    const dump = await exportMember(sandbox);
    expect(dump.member.commitments).toMatchObject([{ id: 'c1', outcome: 'no', status: 'done' }]);
    expect(dump.jobs).toEqual([]);
    expect(dump.member.jobs).toEqual([]);
    expect(await tick(sandbox, atHour(addDays(planned, 1), 9))).toBe(0);
  });
});
