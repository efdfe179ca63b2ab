/** Asking for help, from the menu to the card, its follow-up and the commitments list, in process. */
import { describe, expect, it } from 'vitest';
import { firstName } from '../../src/exercises/ask-for-help/compose.js';
import { type Conversation, conversation, type Turn } from '../helpers/conversation.js';
import { say, variants } from '../helpers/texts.js';
import { addDays, atHour, fivePeopleMap } from './scripts.js';

/** The map's own revisit (a week after the map by default) is pushed out of the way of the ask's follow-up. */
const ENGINE = { revisitDays: 30 };

const GOAL = 'Move into a data role at a health company';
const REVERSAL = 'I make time for them and enjoy helping';
// Specific (8+ words), Meaningful ("because") and Action ("introduce"), but no size and no time.
const REQUEST = 'Could you introduce me to someone at Acme because I want to move into data work';
const REALISTIC = 'a quick 20 minutes';
const OFFER = 'A careful read of a CV';

const completed = (turn: Turn) => turn.events.find((e) => e.name === 'exercise.completed');

describe('ask for help', () => {
  it('shapes a request, suggests a dormant tie first, follows up once and counts the yes', async () => {
    const c = await conversation({ lang: 'en', engine: ENGINE });
    await c.start();
    const map = await fivePeopleMap(c);
    expect(completed(map)?.data).toMatchObject({ size: 5, perDomain: { work: 1, former: 2 } });
    const menu = await c.press('menu').asks('menu.prompt');
    expect(menu.question?.choices?.find((ch) => ch.id === 'ask-for-help')?.label).toBe(
      say('en', 'menu.askForHelp'),
    );

    await c.press('ask-for-help').asks('help.intro');
    const goal = await c.press('begin').asks('help.goal');
    expect(goal.question?.form?.fields.map((f) => f.id)).toEqual(['answer']);
    await c.send(GOAL).asks('help.need');
    const belief = await c.press('introduction').asks('help.belief');
    const beliefChoices = belief.question?.choices ?? [];
    expect(beliefChoices.map((ch) => ch.label).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(beliefChoices.find((ch) => ch.label === '2')?.id).toBe('b2');

    // Typed "2" means the choice labelled "2" (two of five), whatever its position.
    await c.send('2').saysOnly().asks('help.reversal');

    const request = await c
      .send(REVERSAL)
      .saysOnly(
        say('en', 'help.reflect.help', { answer: REVERSAL }),
        say('en', 'help.finding', { belief: 2 }),
      )
      .asks('help.request');
    expect(request.texts[0]).toContain(`"${REVERSAL}"`);
    expect(request.texts[1]).toContain('You expect 2 of the five');

    // The ask first, then whom: the greeting needs the person before the message is composed.
    const whom = await c
      .send(REQUEST)
      .saysOnly(say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ·  T ·' }));
    // Relevant domains for an introduction: the dormant tie first, then the middle ring, then the close one.
    expect(whom.question?.choices?.map((ch) => ch.label)).toEqual(['Bob', 'Cleo', 'Anna']);
    const reasons = [
      say('en', 'reason.dormant', { name: 'Bob', domain: 'former work' }),
      say('en', 'reason.moderate', { name: 'Cleo', domain: 'former work' }),
      say('en', 'reason.close', { name: 'Anna', domain: 'current work' }),
    ];
    expect(whom.question?.text).toBe(
      `${say('en', 'help.whom')}\n${reasons.map((r) => `• ${r}`).join('\n')}\n${say('en', 'help.whomOther')}`,
    );

    await c
      .press('Bob')
      .asks('help.why', { name: 'Bob' })
      .check((t) => expect(t.question?.choices).toEqual([{ id: 'skip', label: say('en', 'help.keep') }]));

    const smartR = await c
      .press('skip')
      .saysOnly(say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ·  T ·' }))
      .asks('smart.R');
    expect(smartR.question?.choices).toEqual([{ id: 'keep', label: say('en', 'help.keep') }]);
    await c
      .send(REALISTIC)
      .saysOnly(say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' }))
      .asks('smart.T');

    // The message, composed from its parts in sentences, as one message; then take, change or write.
    const finalRequest = `Hi Bob,\n\n${REQUEST}? A quick 20 minutes would be plenty. ${say('en', 'compose.easyOut')}\n\n${say('en', 'compose.thanks')}`;
    await c
      .press('keep')
      .saysOnly(finalRequest)
      .asksText(
        `${say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' })}\n${say('en', 'help.review')}`,
      )
      .offers(['take', 'change', 'own']);
    await c.press('take').asks('help.channel');
    await c.press('call').asks('help.date', { name: 'Bob' }).offers(['d1', 'd3', 'd7', 'd14']);
    // The adapter's zone came with the events, so only the hour is asked.
    await c.press('d7').asks('when.hour').offers(['h9', 'h12', 'h15', 'h19']);
    const offer = await c.press('h9').asks('help.offer');
    // Said with the weekday, never as YYYY-MM-DD; stored as the date seven days on.
    const planned = c.clock.day(7);
    expect(offer.texts[0]).toMatch(/^Noted for [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})?\./);
    expect(offer.texts).toEqual([say('en', 'help.planned', { date: c.said(planned) })]);

    const card = say('en', 'help.card', {
      goal: GOAL,
      request: finalRequest,
      name: 'Bob',
      channel: say('en', 'channel.call'),
      date: c.said(planned),
      offer: OFFER,
    });
    const done = await c
      .send(OFFER)
      .asks('menu.prompt')
      .saysOnly(card)
      .completes('ask-for-help', {
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
    expect(card).toContain('To: Bob\nHow: A short call\n');
    const completedAt = String(completed(done)?.data.at);
    expect(planned).toBe(addDays(completedAt.slice(0, 10), 7));
    c.leave();

    // The follow-up: the day after the ask, at 09:00 UTC.
    const due = atHour(addDays(planned, 1), 9);
    expect(await c.due(atHour(addDays(planned, 1), 8, 59)).delivered).toBe(0);
    expect(await c.due(due).delivered).toBe(1);
    expect(await c.due(due).delivered).toBe(0);

    const asked = await c
      .start()
      .asks('followup.asked', { name: 'Bob', goal: GOAL, date: c.said(planned) })
      .offers(['yes', 'no', 'notyet', 'drop']);
    expect(asked.replies).toHaveLength(1);
    await c.press('yes').asks('followup.story');
    await c
      .send('Bob introduced me to the data lead at Acme.')
      .saysOnly(
        say('en', 'followup.thanks'),
        say('en', 'progress.calibrationFew', { yes: 1, asked: 1, predicted: 2 }),
        say('en', 'followup.finding.yes'),
        // What happened changes the map: Bob is a recent contact now.
        say('en', 'followup.inTouch', { name: 'Bob' }),
      )
      // After a yes, one tap: Bob, a dormant tie in the outer ring, feels a ring closer now.
      .asks('followup.closer', { name: 'Bob' });
    await c
      .press('closer')
      .saysOnly(say('en', 'followup.movedMiddle', { name: 'Bob' }))
      .asks('menu.prompt');

    const progress = await c
      .command('progress')
      .saysOnly(
        [
          say('en', 'progress.asks', { asked: 1, yes: 1 }),
          say('en', 'progress.calibrationFew', { yes: 1, asked: 1, predicted: 2 }),
          say('en', 'progress.events', { prepared: 0, debriefed: 0 }),
          say('en', 'progress.added', { count: 0 }),
          say('en', 'progress.meaning'),
        ].join('\n'),
      );
    expect(progress.texts[0]).toContain('Asks made: 1, of which 1 got a yes.');
    // One answer is no rate: counts until there are five.
    expect(progress.texts[0]).toContain('1 of 1 said yes so far; you expected 2 of five.');
    expect(progress.texts[0]).not.toContain('%');

    const dump = await c.exported();
    expect(dump.member.commitments).toMatchObject([
      { kind: 'ask', person: 'Bob', date: planned, predicted: 2, outcome: 'yes', status: 'done' },
    ]);
    expect(dump.member.commitments[0].story).toBe('Bob introduced me to the data lead at Acme.');
    expect(dump.member.network.people.find((p: { name: string }) => p.name === 'Bob')).toMatchObject({
      ring: 'middle',
      contact: 'weekly',
    });
    expect(dump.member.nudgeHour).toBe(9);
    expect(dump.member.timezone).toBe('UTC');
  });
});

/** Typed lines in Dutch: a map of two, then the exercise by numbers, labels and free text. */
const NL_MAP = [
  '1', // welkom: Mijn netwerk in kaart brengen
  'Laten we beginnen',
  'Anna', // 1 huidig werk
  'Verder niemand', // the probe brings nobody: the next two parts go without one
  'Bob', // 2 vroeger werk
  ...Array.from({ length: 8 }, () => 'Niemand hier'), // 3 tot en met 10
  'Niemand', // loopbaan: gesprekken
  'Niemand', // loopbaan: van baan wisselen
  '1', // loopbaan: carrière
  '1', // dichtbij: Anna
  'Bob', // daartussenin
  'Anna', // deze week
  'niemand van hen', // deze maand
  '1', // de afgelopen drie jaar: Bob
  'Geen van deze', // hulpbronnen: werk en loopbaan
  'geen van deze', // hulpbronnen: instanties en deskundigheid
];

const NL_GOAL = 'Een nieuwe baan in de zorg vinden';
const NL_REVERSAL = 'Ik help graag, als ik tijd heb';
// Specifiek, Betekenisvol ("omdat") en Actie ("voorstellen"); geen omvang en geen tijd.
const NL_REQUEST = 'Wil je me voorstellen aan iemand bij het ziekenhuis omdat ik daar graag wil werken';
const NL_SIZE = 'hooguit een kwartier';
const NL_WHY = 'je werkt zelf in het ziekenhuis';
const NL_OFFER = 'Meelezen met een sollicitatiebrief';

/** Types each line; returns every turn and every text the member was sent, joined. */
async function typeAll(c: Conversation, lines: string[]) {
  const turns: Turn[] = [];
  for (const line of lines) turns.push(await c.send(line));
  const out = turns.flatMap((t) => t.replies.map((r) => r.text)).join('\n');
  const asked = (start: string) => turns.find((t) => t.question?.text.startsWith(start))?.question;
  return { turns, out, asked };
}

describe('om hulp vragen, typed in Dutch', () => {
  it('runs to the card, survives leaving, and moves the follow-up', async () => {
    const c = await conversation({ lang: 'nl', engine: ENGINE });
    const today = c.clock.day();
    const askOn = c.clock.day(10);
    const [, m, d] = askOn.split('-').map(Number);
    const typedDate = `${d}-${m}`; // day first, no year
    await c.start();
    const first = await typeAll(c, [
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
      'Overslaan', // T
      'Zo is het goed', // het bericht
      'Een kort belletje',
      typedDate,
      '15:00',
      NL_OFFER,
    ]);
    const { out } = first;
    // No line fell on the wrong question.
    for (const wrong of [
      say('nl', 'common.pickChoice'),
      say('nl', 'people.noName'),
      say('nl', 'common.typeAnswer'),
      say('nl', 'when.badDate'),
      'Kies een nummer van 1',
    ])
      expect(out).not.toContain(wrong);

    expect(out).toContain('Je 2 mensen komen uit twee van de 10 delen van je leven.');
    expect(out).toContain(say('nl', 'help.belief'));
    expect(out).toContain(say('nl', 'help.reflect.depends', { answer: NL_REVERSAL }));
    expect(out).toContain(say('nl', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ·  T ·' }));
    expect(out).toContain(say('nl', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' }));
    const request = `Hoi Fatima,\n\nIk dacht aan jou, want ${NL_WHY}. ${NL_REQUEST}? Hooguit een kwartier is al genoeg. ${say('nl', 'compose.easyOut')}\n\n${say('nl', 'compose.thanks')}`;
    // The composed message, then the review: its SMART check and what to do with it.
    expect(out).toContain(
      `${request}\n${say('nl', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ·' })}\n${say('nl', 'help.review')}`,
    );
    // The whom question lists the map: Bob (middle ring, former work) before Anna (inner ring).
    const whom = first.asked(say('nl', 'help.whom'));
    expect(whom?.text).toBe(
      [
        say('nl', 'help.whom'),
        `• ${say('nl', 'reason.moderate', { name: 'Bob', domain: 'vroeger werk' })}`,
        `• ${say('nl', 'reason.close', { name: 'Anna', domain: 'huidig werk' })}`,
        say('nl', 'help.whomOther'),
      ].join('\n'),
    );
    expect(whom?.choices?.slice(0, 2).map((ch) => ch.label)).toEqual(['Bob', 'Anna']);
    expect(out).toContain(say('nl', 'help.addedToMap', { name: 'Fatima' }));
    expect(out).toContain('Fatima staat nu ook op je kaart.');
    expect(out).toContain(say('nl', 'help.date', { name: 'Fatima' }));
    const hour = first.asked(say('nl', 'when.hour'));
    expect(hour?.text).toBe(say('nl', 'when.hour'));
    expect(hour?.choices?.slice(0, 4).map((ch) => ch.label)).toEqual(['09:00', '12:00', '15:00', '19:00']);
    // Said as "vrijdag 4 december", never as YYYY-MM-DD.
    expect(c.said(askOn)).toMatch(/^[a-z]+dag \d{1,2} [a-z]+( \d{4})?$/);
    expect(out).toContain(say('nl', 'help.planned', { date: c.said(askOn) }));
    const card = say('nl', 'help.card', {
      goal: NL_GOAL,
      request,
      name: 'Fatima',
      channel: say('nl', 'channel.call'),
      date: c.said(askOn),
      offer: NL_OFFER,
    });
    expect(out).toContain(card);
    expect(card).toContain('Aan: Fatima\nHoe: Een kort belletje\n');
    expect(out).not.toContain('Your request');

    const before = await c.exported();
    expect(before.member.network.people.map((p: { name: string }) => p.name)).toEqual([
      'Anna',
      'Bob',
      'Fatima',
    ]);
    expect(before.member.commitments).toMatchObject([
      { kind: 'ask', person: 'Fatima', date: askOn, predicted: 2, status: 'open' },
    ]);
    const oldDue = atHour(addDays(askOn, 1), 15);
    expect(before.jobs.map((j) => j.due)).toContain(oldDue);

    // The member leaves and comes back, then moves the commitment from the list.
    c.leave();
    const back = await c.start();
    expect(variants('nl', 'common.welcomeBack')).toContain(back.replies[0]?.text);
    const item = say('nl', 'commitments.ask', { name: 'Fatima', title: NL_GOAL, date: c.said(askOn) });
    await c
      .send('afspraken')
      .asks('commitments.prompt')
      .check((t) =>
        expect(t.question?.choices?.map((ch) => ch.label)).toEqual([item, 'Terug naar het menu']),
      );
    const options = await c.send('1');
    expect(options.question?.text.endsWith(item)).toBe(true);
    expect(options.question?.choices?.map((ch) => ch.label)).toEqual([
      'Vertel hoe het ging',
      'Verzetten',
      'Schrappen',
      'Terug',
    ]);
    await c.send('Verzetten').asks('when.move');
    const moved = await c.send('Over twee weken');
    const movedTo = addDays(today, 14);
    expect(moved.texts).toContain(say('nl', 'when.moved', { date: c.said(movedTo) }));
    expect(moved.texts).not.toContain(say('nl', 'common.pickChoice'));
    // Back at the list, with the new date.
    expect(moved.question?.choices?.[0]?.label).toBe(
      say('nl', 'commitments.ask', { name: 'Fatima', title: NL_GOAL, date: c.said(movedTo) }),
    );
    c.leave();

    const newDue = atHour(addDays(movedTo, 1), 15);
    expect(await c.due(oldDue).delivered).toBe(0);
    expect(await c.due(atHour(addDays(movedTo, 1), 14, 59)).delivered).toBe(0);
    expect(await c.due(newDue).delivered).toBe(1);

    // Left while looking at the list of commitments, the member gets the question itself, not a
    // note telling them to open that list.
    const third = await c.start();
    const followUp = say('nl', 'followup.asked', { name: 'Fatima', goal: NL_GOAL, date: c.said(movedTo) });
    expect(third.replies[0]?.text.startsWith(followUp)).toBe(true);
    expect(third.replies.map((r) => r.text).join('\n')).not.toContain('Er staat nog iets voor je klaar');
  });
});

describe('bad input at every free-text step of ask for help', () => {
  it('answers empty and oversized lines briefly, stores mentions as plain text, and completes', async () => {
    const c = await conversation({ lang: 'en', engine: ENGINE });
    await c.start();
    await c.press('menu').asks('menu.prompt');
    await c.press('ask-for-help').asks('help.intro');
    await c.press('begin').asks('help.goal');
    const MENTION = '<!channel> @everyone';
    const tooLong = say('en', 'common.tooLong', { max: 2000 });

    /** Empty and too long keep the question; the mention is then the answer. */
    async function probe(expected: string): Promise<Turn> {
      for (const [input, answers] of [
        ['', variants('en', 'common.empty')],
        ['x'.repeat(50_000), [tooLong]],
        [' ', variants('en', 'common.empty')],
      ] as [string, string[]][]) {
        const turn = await c.send(input);
        const label = `${expected.slice(0, 30)} / ${JSON.stringify(input).slice(0, 20)}`;
        expect(turn.texts, label).toHaveLength(1);
        expect(answers, label).toContain(turn.texts[0]);
        expect((turn.texts[0] ?? '').length, label).toBeLessThan(300);
        expect(turn.question?.text, label).toBe(expected);
      }
      return c.send(MENTION);
    }

    expect((await probe(say('en', 'help.goal'))).question?.text).toBe(say('en', 'help.need'));
    await c.press('advice').asks('help.belief');
    await c.press('b4').asks('help.reversal');
    const request = await probe(say('en', 'help.reversal'));
    expect(request.texts).toEqual([
      say('en', 'help.reflect.unclear', { answer: MENTION }),
      say('en', 'help.finding', { belief: 4 }),
    ]);
    expect(request.question?.text).toBe(say('en', 'help.request'));

    // The ask first, then whom (a new name), then why them: each free text probed the same way.
    const whom = await probe(say('en', 'help.request'));
    expect(whom.texts).toEqual([say('en', 'help.smartCheck', { marks: 'S ·  M ·  A ·  R ·  T ·' })]);
    expect(whom.question?.text).toBe(say('en', 'help.whomEmpty'));
    const why = await probe(say('en', 'help.whomEmpty'));
    expect(why.texts).toEqual([say('en', 'help.addedToMap', { name: MENTION })]);
    const whyQuestion = say('en', 'help.why', { name: firstName(MENTION) });
    expect(why.question?.text).toBe(whyQuestion);
    const smartA = await probe(whyQuestion);
    // "I thought of you because …" says why and makes it long enough; the rest is asked, once each.
    expect(smartA.texts).toEqual([say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ·  R ·  T ·' })]);
    expect(smartA.question?.text).toBe(say('en', 'smart.A'));
    await c.press('keep').asks('smart.R');
    await c.press('keep').asks('smart.T');
    const message = [
      `Hi ${firstName(MENTION)},`,
      `I thought of you because ${MENTION}. ${MENTION}. ${say('en', 'compose.easyOut')}`,
      say('en', 'compose.thanks'),
    ].join('\n\n');
    await c.press('keep').saysOnly(message).asksText(say('en', 'help.review'), 'contains');
    await c.press('take').asks('help.channel');

    // The date step takes typed dates too: the mention is not one, so the question stays.
    const dateQuestion = say('en', 'help.date', { name: MENTION });
    await c.press('message').asksText(dateQuestion);
    const notADate = await probe(dateQuestion);
    expect(notADate.texts).toEqual([say('en', 'when.badDate')]);
    expect(notADate.question?.text).toBe(dateQuestion);

    await c.press('d1').asks('when.hour');
    const offer = await c.press('h12').asks('help.offer');
    const planned = c.clock.day(1);
    expect(offer.texts[0]).toMatch(/^Noted for [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})?\./);
    const done = await probe(say('en', 'help.offer'));
    expect(done.question?.text).toBe(say('en', 'menu.prompt'));
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
    expect(done.texts[0]).toContain(`To: ${MENTION}\n`);
    expect(done.texts[0]).toContain(`Your offer this week: ${MENTION}`);

    const dump = await c.exported();
    expect(dump.member.drafts).toEqual({});
    expect(dump.member.network.people.map((p: { name: string }) => p.name)).toEqual([MENTION]);
    // Nothing oversized was kept anywhere.
    expect(JSON.stringify(dump)).not.toContain('x'.repeat(2001));
  });
});

describe('leaving ask for help for the menu', () => {
  it('offers to continue and returns to the same question with the answers kept', async () => {
    const c = await conversation({ lang: 'en', engine: ENGINE });
    await c.start();
    await c.press('menu').asks('menu.prompt');
    await c.press('ask-for-help').asks('help.intro');
    await c.press('begin').asks('help.goal');
    await c.send(GOAL).asks('help.need');
    await c.press('feedback').asks('help.belief');
    const left = (await c.send('3').asks('help.reversal')).question;

    const menu = await c.send('menu').asks('menu.prompt');
    const entry = menu.question?.choices?.find((ch) => ch.id === 'ask-for-help');
    expect(entry?.label).toBe(say('en', 'menu.resumeHelp'));
    expect(entry?.label).toBe('Continue asking for help');
    expect(menu.question?.choices?.map((ch) => ch.label)).not.toContain(say('en', 'menu.askForHelp'));

    // By its label, as typed.
    const back = await c.send('Continue asking for help').asks('help.reversal');
    expect(back.question?.text).toBe(left?.text);
    expect(back.question?.form).toEqual(left?.form);

    await c
      .send(REVERSAL)
      .asks('help.request')
      .saysOnly(
        say('en', 'help.reflect.help', { answer: REVERSAL }),
        say('en', 'help.finding', { belief: 3 }),
      );
    await c
      .send('Could you give me quick feedback on my CV before Friday because I apply soon?')
      .asks('help.whomEmpty')
      .saysOnly(say('en', 'help.smartCheck', { marks: 'S ✓  M ✓  A ✓  R ✓  T ✓' }));
    await c.send('Mo').asks('help.why', { name: 'Mo' });
    await c.press('skip').asksText(say('en', 'help.review'), 'contains');
    await c.press('take').asks('help.channel');
    await c.press('video').asks('help.date', { name: 'Mo' });
    await c.press('d3').asks('when.hour');
    await c.press('h19').asks('help.offer');
    const done = await c
      .send(OFFER)
      .asks('menu.prompt')
      .completes('ask-for-help', { goal: GOAL, need: 'feedback', predictedYes: 3, whom: 'Mo' });
    expect(done.texts[0]).toContain(`Goal: ${GOAL}\n`);
    // Done: the menu offers a fresh start again.
    expect(done.question?.choices?.find((ch) => ch.id === 'ask-for-help')?.label).toBe(
      say('en', 'menu.askForHelp'),
    );
    expect((await c.exported()).member.parked).toEqual({});
  });
});

describe('reporting an ask before its follow-up is due', () => {
  it('closes the commitment and drops its follow-up, so a later tick delivers nothing', async () => {
    const c = await conversation({ lang: 'en', engine: ENGINE });
    await c.start();
    // Every SMART letter and an easy way out: no letter is asked, and the message keeps one easy way out.
    const request =
      'Could you give me quick feedback on my CV before Friday because I apply soon? No worries if not.';
    await c.press('menu').asks('menu.prompt');
    await c.press('ask-for-help').asks('help.intro');
    await c.press('begin').asks('help.goal');
    await c.send(GOAL).asks('help.need');
    await c.press('feedback').asks('help.belief');
    await c.press('b1').asks('help.reversal');
    await c.send(REVERSAL).asks('help.request');
    await c.send(request).asks('help.whomEmpty');
    await c.send('Mo').asks('help.why', { name: 'Mo' });
    await c.send('you hire for this kind of role').asksText(say('en', 'help.review'), 'contains');
    await c.press('take').asks('help.channel');
    await c.press('inperson').asks('help.date', { name: 'Mo' });
    await c.press('d3').asks('when.hour');
    await c.press('h9').asks('help.offer');
    const done = await c.send(OFFER).asks('menu.prompt');
    const planned = String(completed(done)?.data.date);
    expect(completed(done)?.data.request).toBe(
      `Hi Mo,\n\nI thought of you because you hire for this kind of role. ${request}\n\n${say('en', 'compose.thanks')}`,
    );
    const item = say('en', 'commitments.ask', { name: 'Mo', title: GOAL, date: c.said(planned) });
    const list = await c.command('commitments').asks('commitments.prompt');
    expect(list.question?.choices).toEqual([
      { id: 'c1', label: item },
      { id: 'menu', label: say('en', 'common.backToMenu') },
    ]);
    await c.press('c1').asksText(item, 'contains');
    await c.press('report').asks('followup.asked', { name: 'Mo', goal: GOAL, date: c.said(planned) });
    await c.press('no').asks('followup.story');
    await c.press('skip').saysOnly(
      say('en', 'followup.thanks'),
      say('en', 'progress.calibrationFew', { yes: 0, asked: 1, predicted: 1 }),
      say('en', 'followup.finding.no'),
      // What happened changes the map: Mo is a recent contact now.
      say('en', 'followup.inTouch', { name: 'Mo' }),
    );
    await c.command('commitments').asks('commitments.none');

    // The follow-up has nothing left to ask: it is no longer planned, and the tick delivers nothing.
    const dump = await c.exported();
    expect(dump.member.commitments).toMatchObject([{ id: 'c1', outcome: 'no', status: 'done' }]);
    expect(dump.jobs).toEqual([]);
    expect(dump.member.jobs).toEqual([]);
    c.leave();
    expect(await c.due(atHour(addDays(planned, 1), 9)).delivered).toBe(0);
  });
});
