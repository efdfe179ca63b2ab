/** The network-map exercise (awareness), its revisit a week later, and resuming it, in process. */
import { describe, expect, it } from 'vitest';
import { type Conversation, conversation, DAY_MS } from '../helpers/conversation.js';
import { DUTCH_MAP_LINES, expectElevenPeopleMap } from '../helpers/scripts.js';
import { say, variants } from '../helpers/texts.js';
import { isPngBytes, part, probe, quickMap } from './scripts.js';

/**
 * The people of this script, with where they come from and how they are rated:
 *   work: Anna (inner, weekly, also named in "discuss"), Piet (middle, monthly), Mo (outer, yearly; via the probe)
 *   study: Sara (outer, dormant)
 *   family: Mama (inner, weekly), Papa (inner, monthly)
 *   friends: Jo (middle, monthly), Kim (middle, yearly, named in "career"), Lex (outer, dormant; via the probe)
 *   associations: Ria (outer, yearly)
 *   career "discuss": Zoe (new, no domain; rated outer, dormant, then domain online)
 * "anna" at the associations probe is a duplicate: it adds nobody, so the probe was fruitless.
 */
const recallQuestion = (n: number, key: string) => `${part(n)}${say('en', key)}`;

describe('the network map in English', () => {
  it('runs to the summary, and the event carries the metrics of the answers', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start().asks('welcome.intro').offers(['begin', 'menu', 'switch']);

    const acks: string[] = [];
    const keep = <T extends { texts: string[] }>(turn: T) => {
      acks.push(...turn.texts);
      return turn;
    };
    keep(await c.press('begin').asks('awareness.intro'));
    keep(await c.press('begin').asksText(recallQuestion(1, 'recall.work')));
    // Names typed, then more names at the probe (which also moves on).
    keep(await c.send('Anna, Piet').asksText(probe('work', 0), 'contains'));
    keep(await c.send('Mo').asksText(part(2), 'contains'));
    keep(await c.press('none').asksText(part(3), 'contains'));
    // Names through the form; the probe brings nobody, so the next two parts go without one.
    keep(await c.form({ names: 'Sara' }).asksText(probe('study', 2), 'contains'));
    keep(await c.press('none').asksText(part(4), 'contains'));
    keep(await c.press('none').asksText(part(5), 'contains'));
    keep(await c.send('Mama and Papa').asksText(recallQuestion(6, 'recall.friends')));
    // The third part after the fruitless probe has it again.
    keep(await c.send('Jo; Kim').asksText(probe('friends', 5), 'contains'));
    keep(await c.send('Lex').asksText(part(7), 'contains'));
    keep(await c.press('none').asksText(part(8), 'contains'));
    keep(await c.press('none').asksText(part(9), 'contains'));
    keep(await c.send('Ria').asksText(probe('associations', 8), 'contains'));
    // A name already on the map at the probe brings nobody new: online goes without a probe.
    keep(await c.send('anna').asksText(recallQuestion(10, 'recall.online')));
    keep(await c.press('none').asks('career.discuss'));
    keep(await c.send('Anna, Zoe').asks('career.jobChange'));
    keep(await c.press('none').asks('career.career'));
    const first = keep(await c.form({ names: 'Kim' }).asks('rateGroup.inner').offers(['none', 'skip']));
    // Rating by groups, in the order the people were added; ticks from a menu, numbers and names typed.
    const order = ['Anna', 'Piet', 'Mo', 'Sara', 'Mama', 'Papa', 'Jo', 'Kim', 'Lex', 'Ria', 'Zoe'];
    expect(first.question?.pick?.options.map((o) => o.label)).toEqual(order);
    const middle = keep(await c.pick('Anna', 'Mama', 'Papa').asks('rateGroup.middle'));
    expect(middle.question?.pick?.options.map((o) => o.label)).toEqual([
      'Piet',
      'Mo',
      'Sara',
      'Jo',
      'Kim',
      'Lex',
      'Ria',
      'Zoe',
    ]);
    keep(await c.send('1, 4-5').asks('rateGroup.weekly'));
    keep(await c.send('Anna, Mama').asks('rateGroup.monthly'));
    keep(await c.pick('Piet', 'Papa', 'Jo').asks('rateGroup.yearly'));
    keep(await c.pick('Mo', 'Kim', 'Ria').asks('rateGroup.where', { name: 'Zoe' }));
    keep(
      await c
        .press('online')
        .asksText(`${say('en', 'resourceTheme.intro')}\n\n${say('en', 'resourceTheme.career')}`),
    );
    // Resources: someone for all but hires; for salaries only an acquaintance. Then press, legal,
    // financial; for the press only an acquaintance.
    keep(await c.pick('organisation', 'salaries', 'reference', 'cv').asks('resourceTheme.weakOnly'));
    keep(await c.pick('salaries').asks('resourceTheme.expertise'));
    keep(await c.send('3-5').asks('resourceTheme.weakOnly'));
    const last = await c.pick('press').asksText('To start: ', 'contains');

    // What the names produced on the way.
    expect(acks).toContain(say('en', 'people.added', { names: 'Anna, Piet', total: 2 }));
    expect(acks).toContain(say('en', 'people.added', { names: 'Mama, Papa', total: 6 }));
    expect(acks).toContain(say('en', 'people.duplicate', { names: 'Anna' }));
    expect(acks).toContain(say('en', 'rateGroup.intro', { count: 11 }));
    expect(acks).toContain(say('en', 'rateGroup.ringsDone', { inner: 3, middle: 3, outer: 5 }));
    expect(acks).toContain(
      say('en', 'rateGroup.contactsDone', { weekly: 2, monthly: 3, yearly: 3, dormant: 3 }),
    );

    expect(last.events).toHaveLength(1);
    const event = last.events[0];
    expect(event).toMatchObject({ name: 'exercise.completed', exercise: 'awareness' });
    const data = event?.data ?? {};
    expectElevenPeopleMap(data);
    expect(data.at).toBe(c.clock.now().toISOString());

    // The show-back in sentences: 6 of 10 parts, normalised Blau 0.87 reads "evenly"; no index shown.
    const summary = last.texts.find((t) =>
      t.startsWith('Your 11 people reach 6 of the 10 parts of your life, evenly.'),
    );
    expect(summary).toBeDefined();
    expect(summary).toContain('• Current work: 3');
    expect(summary).toContain('• Friends: 3');
    expect(summary).not.toContain('• School');
    expect(summary).toContain(
      '5 of your 11 people (45%) are acquaintances: that is where new information usually comes from.',
    );
    expect(summary).toContain("3 people you haven't been in touch with for three years or more");
    expect(summary).toContain('3 of your ties cross the line between work and private life');
    expect(summary).toContain(
      'Through your network you can reach 7 of the 10 kinds of help I asked about. For salary levels and the press you rely on acquaintances alone. Not yet within reach: someone on a board, government and someone who hires.',
    );
    expect(summary).not.toMatch(/Blau|0\.\d/);
    expect(last.texts).toContain(say('en', 'summary.closing', { days: 7 }));

    // The next step: weak and dormant ties where the missing help is found (boards, associations, work).
    expect(last.question?.text).toBe(
      `To start: Ria (an acquaintance from an association), Mo (an acquaintance from work) and Sara (an acquaintance from your studies, not in touch for three years or more). ${say('en', 'nextStep.why.gaps', { list: 'someone on a board, government and someone who hires' })}\n\n${say('en', 'nextStep.prompt')}`,
    );
    expect(last.question?.choices?.map((ch) => ch.label)).toEqual([
      'Ask Ria for help',
      'Ask Mo for help',
      'Ask Sara for help',
      say('en', 'nextStep.remind'),
      say('en', 'common.backToMenu'),
    ]);

    const pictures = last.replies.filter((r) => r.image);
    expect(pictures).toHaveLength(1);
    expect(pictures[0]?.image?.alt).toBe(say('en', 'map.alt', { size: 11 }));
    expect(isPngBytes(pictures[0]?.image?.png)).toBe(true);

    const menu = await c.press('menu').asks('menu.prompt');
    expect(menu.question?.choices?.map((ch) => ch.id)).toEqual([
      'awareness',
      'ask-for-help',
      'hook',
      'network',
      'progress',
      'commitments',
      'coffee',
      'language',
      'help',
    ]);
  });
});

/** Every text the member was sent, one reply after the other. */
async function typeAll(c: Conversation, lines: string[]) {
  const all: string[] = [];
  const turns = [];
  for (const line of lines) {
    const turn = await c.send(line);
    turns.push(turn);
    all.push(...turn.replies.map((r) => r.text));
  }
  return { out: all.join('\n'), turns };
}

describe('the network map in Dutch, typed', () => {
  it('runs the exercise to the summary from typed numbers, labels and names', async () => {
    const c = await conversation({ lang: 'nl' });
    const welcome = await c.start().asks('welcome.intro');
    expect(welcome.question?.choices?.[0]?.label).toBe('Mijn netwerk in kaart brengen');
    const { out, turns } = await typeAll(c, DUTCH_MAP_LINES);

    // No line fell on the wrong question.
    expect(out).not.toContain(say('nl', 'common.pickChoice'));
    expect(out).not.toContain(say('nl', 'people.noName'));
    expect(out).not.toContain('Kies een nummer van 1');

    expect(out).toContain(say('nl', 'people.added', { names: 'Anna, Piet, Mo', total: 3 }));
    expect(out).toContain(say('nl', 'people.added', { names: 'Mama, Papa, Oma', total: 7 }));
    expect(out).toContain(say('nl', 'people.noted', { names: 'Anna' }));
    expect(out).toContain(say('nl', 'rateGroup.intro', { count: 7 }));
    expect(out).toContain(say('nl', 'rateGroup.ringsDone', { inner: 3, middle: 1, outer: 3 }));
    expect(out).toContain(
      say('nl', 'rateGroup.contactsDone', { weekly: 3, monthly: 0, yearly: 2, dormant: 2 }),
    );
    const map = await c.exported();
    expect(
      Object.fromEntries(
        map.member.network.people.map((p: { name: string; ring: string; contact: string }) => [
          p.name,
          `${p.ring} ${p.contact}`,
        ]),
      ),
    ).toEqual({
      Anna: 'inner weekly',
      Piet: 'outer dormant',
      Mo: 'outer yearly',
      Els: 'outer dormant',
      Mama: 'inner weekly',
      Papa: 'inner weekly',
      Oma: 'middle yearly',
    });

    // The summary: 7 people from 3 parts of life; 3 strong, 1 middle, 3 weak (43%);
    // normalised Blau 0.67 (1 - (9+1+9)/49 over its maximum 1 - 1/11) reads "fairly evenly";
    // Anna crosses the line; Piet and Els are dormant.
    expect(out).toContain(
      'Je 7 mensen komen uit 3 van de 10 delen van je leven, redelijk gelijkmatig verdeeld.\n• Huidig werk: 3\n• School: 1\n• Familie: 3',
    );
    expect(out).toContain(
      '3 van je 7 mensen (43%) zijn kennissen: juist via hen komt meestal nieuwe informatie binnen.',
    );
    expect(out).toContain('Dicht bij je, in je binnenste ring: 3. Daartussenin, in je middelste ring: 1.');
    expect(out).toContain('Eén van je banden gaat over de grens tussen werk en privé');
    expect(out).toContain('2 mensen heb je al drie jaar of langer niet gesproken');
    expect(out).toContain(
      'Via je netwerk bereik je 7 van de 10 soorten hulp waarnaar ik vroeg. Voor iemand in een bestuur en een referentie ben je alleen op kennissen aangewezen. Nog niet binnen bereik: een ingang bij een organisatie, wat mensen verdienen en iemand die mensen aanneemt.',
    );
    expect(out).not.toMatch(/Blau|0,\d/);
    expect(out).toContain(say('nl', 'summary.closing', { days: 7 }));
    expect(out).not.toContain('Your ');

    const last = turns.at(-1);
    const picture = last?.replies.find((r) => r.image);
    expect(isPngBytes(picture?.image?.png)).toBe(true);
    expect(picture?.image?.alt).toBe(say('nl', 'map.alt', { size: 7 }));

    // The next step comes last: dormant and weak ties where work help is found; then the menu.
    expect(last?.replies.at(-1)).toBe(last?.question);
    expect(last?.question?.text).toContain(
      'Om te beginnen: Piet (een kennis van je werk, al drie jaar of langer geen contact), Mo (een kennis van je werk) en Els (een kennis van school, al drie jaar of langer geen contact).',
    );
    expect(last?.question?.choices?.slice(0, 3).map((ch) => ch.label)).toEqual([
      'Piet om hulp vragen',
      'Mo om hulp vragen',
      'Els om hulp vragen',
    ]);
    const menu = await c.press('menu').asks('menu.prompt');
    expect(menu.question?.choices?.map((ch) => ch.label)).toEqual([
      'Netwerkkaart maken',
      'Om hulp vragen',
      'Een evenement voorbereiden',
      'Mijn netwerk',
      'Mijn voortgang',
      'Mijn afspraken',
      'Virtuele koffie',
      'Taal',
      'Hulp',
    ]);
  });
});

describe('the revisit a week after the map', () => {
  it('is delivered once, waits for the member to come back, and leads to adding people', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start();
    const done = await quickMap(c, ['Anna'], { ring: 'inner', contact: 'weekly' });
    const completedAt = Date.parse(String(done.events[0]?.data.at));
    expect(completedAt).toBe(c.clock.now().getTime());
    expect(done.texts).toContain(say('en', 'summary.closing', { days: 7 }));
    c.leave();

    // Not yet due six days later.
    expect(await c.due(new Date(completedAt + 6 * DAY_MS)).delivered).toBe(0);
    const now = new Date(completedAt + 8 * DAY_MS);
    expect(await c.due(now).delivered).toBe(1);
    expect(await c.due(now).delivered).toBe(0);

    // The nudge comes first, on its own, as the question.
    const nudge = await c.start().asks('revisit.prompt').offers(['add', 'later']);
    expect(nudge.replies).toHaveLength(1);

    await c.press('add').asks('add.domain');
    await c.press('former').asks('add.names', { domain: 'from your former work' });
    await c
      .send('Bob, Cleo')
      .asks('add.domain')
      .saysOnly(say('en', 'people.added', { names: 'Bob, Cleo', total: 3 }));
    // Rating from "my network" asks by groups too: nobody close, nobody in between (so both outer).
    await c.press('done').asks('rateGroup.inner');
    await c.press('none').asks('rateGroup.middle');
    await c
      .press('none')
      .asks('rateGroup.weekly')
      .saysOnly(say('en', 'rateGroup.ringsDone', { inner: 0, middle: 0, outer: 2 }));
    await c.press('none').asks('rateGroup.monthly');
    await c.press('none').asks('rateGroup.yearly');
    const grew = say('en', 'people.changed', {
      before: 1,
      after: 3,
      weakBefore: 0,
      weakAfter: 2,
      domainsBefore: 1,
      domainsAfter: 2,
    });
    await c
      .pick('Cleo')
      .asks('network.prompt')
      .saysOnly(say('en', 'rateGroup.contactsDone', { weekly: 0, monthly: 0, yearly: 1, dormant: 1 }), grew);
    const rated = (await c.exported()).member.network.people.map(
      (p: { name: string; ring: string; contact: string }) => [p.name, p.ring, p.contact],
    );
    expect(rated).toEqual([
      ['Anna', 'inner', 'weekly'],
      ['Bob', 'outer', 'dormant'],
      ['Cleo', 'outer', 'yearly'],
    ]);
    expect(grew).toContain('Your map grew. People: 1 → 3.');
    c.leave();

    // The revisit is spent: coming back starts with a plain welcome back, not the nudge again.
    const back = await c.start().asks('network.prompt');
    expect(back.replies.map((r) => r.text)).not.toContain(say('en', 'revisit.prompt'));
    const dump = await c.exported();
    expect(dump.jobs).toEqual([]);
    expect(dump.member.jobs).toEqual([]);
    expect(dump.member.inbox).toEqual([]);
  });

  it('each member of several gets the nudge once, waiting in their record', async () => {
    const first = await conversation({ lang: 'en', user: 'A' });
    const all = [
      first,
      await conversation({ with: first, user: 'B' }),
      await conversation({ with: first, user: 'C' }),
    ];
    for (const c of all) {
      await c.start();
      await quickMap(c, ['Anna']);
      c.leave();
    }
    expect(await first.due(new Date(first.clock.now().getTime() + 8 * DAY_MS)).delivered).toBe(3);
    for (const c of all) {
      const dump = await c.exported();
      expect(dump.member.inbox).toHaveLength(1);
      expect(dump.member.inbox[0].text).toBe(say('en', 'revisit.prompt'));
      expect(dump.jobs).toEqual([]);
      await c.start().asks('revisit.prompt');
    }
  });
});

describe('resuming the map', () => {
  it('comes back at the same question for the same member, keeping the names, and completes', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start();
    // Three parts in: Anna and Piet (work), Bob and Bo (former), Cleo (studies).
    await c.press('begin').asks('awareness.intro');
    await c.press('begin').asksText(part(1), 'contains');
    await c.send('Anna, Piet').asksText('your current work', 'contains');
    // The probe brings nobody: former work and studies go without one.
    await c.press('none').asksText(part(2), 'contains');
    await c.send('Bob, Bo').asksText(part(3), 'contains');
    const current = (await c.send('Cleo').asksText(`${part(4)}${say('en', 'recall.school')}`)).question;
    c.leave();

    // First a welcome back, then the very question the member was looking at.
    const resumed = await c.start();
    expect(resumed.texts).toHaveLength(1);
    expect(variants('en', 'common.welcomeBack')).toContain(resumed.texts[0]);
    expect(resumed.question).toEqual(current);

    // Finish: Dina in school, everything else skipped; all six outer, this month; every resource "nobody".
    await c.send('Dina').asksText('from school', 'contains');
    await c.press('none').asksText(part(5), 'contains');
    for (let n = 6; n <= 10; n++) await c.press('none').asksText(part(n), 'contains');
    await c.press('none').asks('career.discuss');
    await c.press('none').asks('career.jobChange');
    await c.press('none').asks('career.career');
    await c.press('none').asks('rateGroup.inner');
    await c.press('none').asks('rateGroup.middle');
    await c.press('none').asks('rateGroup.weekly');
    await c.press('none').asks('rateGroup.monthly');
    // "all" ticks everyone listed: every one of the six this month, so no question about years.
    await c.send('all').asksText(say('en', 'resourceTheme.career'), 'contains');
    await c.press('none').asks('resourceTheme.expertise');
    await c
      .press('none')
      .asksText('To start: ', 'contains')
      .completes('awareness', {
        size: 6,
        weak: 6,
        strong: 0,
        dormant: 0,
        perDomain: { work: 2, former: 2, study: 1, school: 1 },
        domainsUsed: 4,
      });
  });
});
