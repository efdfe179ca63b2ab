/** The network-map exercise (awareness), its revisit a week later, and resuming it, in process. */
import { describe, expect, it } from 'vitest';
import { type Conversation, conversation, DAY_MS } from '../helpers/conversation.js';
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
 * "anna" in online is a duplicate and adds nobody.
 */
const RATINGS: [name: string, ring: string, contact: string][] = [
  ['Anna', 'inner', 'weekly'],
  ['Piet', 'middle', 'monthly'],
  ['Mo', 'outer', 'yearly'],
  ['Sara', 'outer', 'dormant'],
  ['Mama', 'inner', 'weekly'],
  ['Papa', 'inner', 'monthly'],
  ['Jo', 'middle', 'monthly'],
  ['Kim', 'middle', 'yearly'],
  ['Lex', 'outer', 'dormant'],
  ['Ria', 'outer', 'yearly'],
  ['Zoe', 'outer', 'dormant'],
];

const RESOURCES: [item: string, answer: string][] = [
  ['organisation', 'friend'],
  ['salaries', 'acquaintance'],
  ['board', 'nobody'],
  ['reference', 'family'],
  ['government', 'nobody'],
  ['press', 'acquaintance'],
  ['legal', 'myself'],
  ['financial', 'friend'],
  ['hires', 'nobody'],
  ['cv', 'family'],
];

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
    // Names through the form.
    keep(await c.form({ names: 'Sara' }).asksText(probe('study', 2), 'contains'));
    keep(await c.press('none').asksText(part(4), 'contains'));
    keep(await c.press('none').asksText(part(5), 'contains'));
    keep(await c.send('Mama and Papa').asksText(probe('family', 4), 'contains'));
    keep(await c.press('none').asksText(part(6), 'contains'));
    keep(await c.send('Jo; Kim').asksText(probe('friends', 5), 'contains'));
    keep(await c.send('Lex').asksText(part(7), 'contains'));
    keep(await c.press('none').asksText(part(8), 'contains'));
    keep(await c.press('none').asksText(part(9), 'contains'));
    keep(await c.send('Ria').asksText(probe('associations', 8), 'contains'));
    keep(await c.press('none').asksText(part(10), 'contains'));
    // A name already on the map: nobody is added, the probe still comes.
    keep(await c.send('anna').asksText(probe('online', 9), 'contains'));
    keep(await c.press('none').asks('career.discuss'));
    keep(await c.send('Anna, Zoe').asks('career.jobChange'));
    keep(await c.press('none').asks('career.career'));
    keep(await c.form({ names: 'Kim' }).asks('rate.ring', { name: 'Anna', left: 10 }));
    for (const [i, [name, ring, contact]] of RATINGS.entries()) {
      keep(await c.press(ring).asks('rate.contact', { name }));
      if (name === 'Zoe') {
        keep(await c.press(contact).asks('rate.domain', { name }));
        keep(await c.press('online').asksText(say('en', 'resource.organisation'), 'contains'));
      } else {
        const next = RATINGS[i + 1];
        const left = RATINGS.length - i - 2;
        keep(await c.press(contact).asks('rate.ring', { name: next?.[0] ?? '', left }));
      }
    }
    for (const [i, [, answer]] of RESOURCES.slice(0, -1).entries())
      keep(await c.press(answer).asksText(say('en', `resource.${RESOURCES[i + 1]?.[0]}`), 'contains'));
    const last = await c.press(RESOURCES.at(-1)?.[1] ?? '').asksText('To start: ', 'contains');

    // What the names produced on the way.
    expect(acks).toContain(say('en', 'people.added', { names: 'Anna, Piet', total: 2 }));
    expect(acks).toContain(say('en', 'people.added', { names: 'Mama, Papa', total: 6 }));
    expect(acks).toContain(say('en', 'people.duplicate', { names: 'Anna' }));
    expect(acks).toContain(say('en', 'rate.intro', { count: 11 }));

    expect(last.events).toHaveLength(1);
    const event = last.events[0];
    expect(event).toMatchObject({ name: 'exercise.completed', exercise: 'awareness' });
    const data = event?.data ?? {};
    expect(data).toMatchObject({
      size: 11,
      strong: 3,
      middle: 3,
      weak: 5,
      domainsUsed: 6,
      crossovers: 3,
      dormant: 3,
      perDomain: {
        work: 3,
        former: 0,
        study: 1,
        school: 0,
        family: 2,
        friends: 3,
        neighbourhood: 0,
        volunteering: 0,
        associations: 1,
        online: 1,
      },
      resources: {
        reachable: ['organisation', 'salaries', 'reference', 'press', 'legal', 'financial', 'cv'],
        weakOnly: ['salaries', 'press'],
        myself: ['legal'],
        gaps: ['board', 'government', 'hires'],
      },
    });
    expect(data.strongShare).toBeCloseTo(3 / 11, 10);
    expect(data.weakShare).toBeCloseTo(5 / 11, 10);
    // Blau over the domain counts 3,1,2,3,1,1 of 11 people and 10 domains.
    const blau = 1 - (9 + 1 + 4 + 9 + 1 + 1) / 121;
    expect(data.blau).toBeCloseTo(blau, 10);
    expect(data.blauNormalised).toBeCloseTo(blau / (1 - 1 / 11), 10); // 11 domains, events included
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

/**
 * Typed like a person at a terminal: option numbers, option labels (in any case) and free text.
 * People: Anna, Piet, Mo (werk), Els (school), Mama, Papa, Oma (familie; Oma via the probe).
 */
const NL_LINES = [
  '1', // welcome: Mijn netwerk in kaart brengen
  'Laten we beginnen', // intro, by its label
  'Anna, Piet en Mo', // 1 huidig werk
  'Verder niemand', // probe
  'Niemand hier', // 2 vroeger werk
  '1', // 3 studie: the only option, Niemand hier
  'Els', // 4 school
  '1', // probe: Verder niemand
  'Mama en Papa', // 5 familie
  'Oma', // probe, with a name: moves on as well
  'niemand hier', // 6 vrienden
  '1', // 7 buurt
  'Niemand hier', // 8 besturen
  'Niemand hier', // 9 verenigingen
  'Niemand hier', // 10 online
  'Anna', // career: discuss (already on the map)
  'Niemand', // career: job change
  '1', // career: career (Niemand)
  // Rating, in the order the people were added: ring, then last contact.
  '1', // Anna: binnenste ring
  'Deze week',
  'Buitenste ring: hoort bij mijn netwerk', // Piet
  '4', // 3+ jaar geleden
  '3', // Mo: buitenste ring
  '3', // dit jaar
  '3', // Els: buitenste ring
  '3+ jaar geleden',
  '1', // Mama
  '1',
  '1', // Papa
  '2',
  '2', // Oma: middelste ring
  '3',
  // Resources: 1 Familie, 2 Een vriend(in), 3 Een kennis, 4 Niemand, 5 Ikzelf.
  'Niemand', // organisation
  '4', // salaries
  'Een kennis', // board
  '3', // reference
  '2', // government
  'Familie', // press
  '5', // legal
  'Ikzelf', // financial
  '4', // hires
  '1', // cv
];

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
    const { out, turns } = await typeAll(c, NL_LINES);

    // No line fell on the wrong question.
    expect(out).not.toContain(say('nl', 'common.pickChoice'));
    expect(out).not.toContain(say('nl', 'people.noName'));
    expect(out).not.toContain('Kies een nummer van 1');

    expect(out).toContain(say('nl', 'people.added', { names: 'Anna, Piet, Mo', total: 3 }));
    expect(out).toContain(say('nl', 'people.added', { names: 'Mama, Papa', total: 6 }));
    expect(out).toContain(say('nl', 'people.added', { names: 'Oma', total: 7 }));
    expect(out).toContain(say('nl', 'people.noted', { names: 'Anna' }));
    expect(out).toContain(say('nl', 'rate.intro', { count: 7 }));

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
    await c.press('done').asks('rate.ring', { name: 'Bob', left: 1 });
    await c.press('outer').asks('rate.contact', { name: 'Bob' });
    await c.press('dormant').asks('rate.ring', { name: 'Cleo', left: 0 });
    await c.press('outer').asks('rate.contact', { name: 'Cleo' });
    const grew = say('en', 'people.changed', {
      before: 1,
      after: 3,
      weakBefore: 0,
      weakAfter: 2,
      domainsBefore: 1,
      domainsAfter: 2,
    });
    await c.press('yearly').asks('network.prompt').saysOnly(grew);
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
    // Three parts in: Anna and Piet (work), Bob and Bo (former, Bo via the probe), Cleo (studies).
    await c.press('begin').asks('awareness.intro');
    await c.press('begin').asksText(part(1), 'contains');
    await c.send('Anna, Piet').asksText('your current work', 'contains');
    await c.press('none').asksText(part(2), 'contains');
    await c.send('Bob').asksText('your former work', 'contains');
    await c.send('Bo').asksText(part(3), 'contains');
    await c.send('Cleo').asksText('your studies', 'contains');
    const current = (await c.press('none').asksText(`${part(4)}${say('en', 'recall.school')}`)).question;
    c.leave();

    // First a welcome back, then the very question the member was looking at.
    const resumed = await c.start();
    expect(resumed.texts).toHaveLength(1);
    expect(variants('en', 'common.welcomeBack')).toContain(resumed.texts[0]);
    expect(resumed.question).toEqual(current);

    // Finish: Dina in school, everything else skipped; rate all six; every resource "nobody".
    await c.send('Dina').asksText('from school', 'contains');
    await c.press('none').asksText(part(5), 'contains');
    for (let n = 6; n <= 10; n++) await c.press('none').asksText(part(n), 'contains');
    await c.press('none').asks('career.discuss');
    await c.press('none').asks('career.jobChange');
    await c.press('none').asks('career.career');
    await c.press('none').asks('rate.ring', { name: 'Anna', left: 5 });
    for (const name of ['Anna', 'Piet', 'Bob', 'Bo', 'Cleo', 'Dina']) {
      await c.press('outer').asks('rate.contact', { name });
      await c.press('yearly');
    }
    for (let n = 2; n <= 10; n++) await c.press('nobody').asksText(`Question ${n} of 10`, 'contains');
    await c
      .press('nobody')
      .asksText('To start: ', 'contains')
      .completes('awareness', {
        size: 6,
        weak: 6,
        strong: 0,
        perDomain: { work: 2, former: 2, study: 1, school: 1 },
        domainsUsed: 4,
      });
  });
});
