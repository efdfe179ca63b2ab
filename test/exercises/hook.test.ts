/** Preparing an event (the hook), its card and its debrief, in process. */
import { describe, expect, it } from 'vitest';
import { endingFor } from '../../src/exercises/hook/opener.js';
import { conversation, type Turn } from '../helpers/conversation.js';
import { say } from '../helpers/texts.js';
import { addDays, atHour } from './scripts.js';

/** The scripted opener for a topic: its reason as the sentence has it, the ending that fits. */
const are = (lang: string, topic: string, reason: string, hook: string) =>
  say(lang, 'hook.are', { topic, reason, ending: say(lang, `hook.ending.${endingFor(topic, hook)}`) });

interface Person {
  name: string;
  domain: string | null;
  ring: string | null;
  contact: string | null;
}

const EVENT = 'Data Summit Utrecht';
const GOAL = 'Meet two people who work on responsible AI';
const HOOKS = ['I review models for bias at work', 'I build a dashboard every week'] as const;
const PEOPLE = 'A speaker from the ethics panel';
const OWN_OPENER = 'Your dashboard demo was sharp. I build them too. Which tool do you like?';
const INTRO = 'I am an analyst who turns messy data into decisions.';

describe('preparing an event', () => {
  it('builds the event card, debriefs two days later and puts the people met on the map', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start();
    const menu = await c.press('menu').asks('menu.prompt');
    expect(menu.question?.choices?.find((ch) => ch.id === 'hook')?.label).toBe(say('en', 'menu.hook'));
    await c.press('hook').asks('hook.event');

    const date = await c.send(EVENT).asks('hook.date').offers(['d0', 'd1', 'd3', 'd7', 'd14']);
    expect(date.question?.choices?.[0]?.label).toBe(say('en', 'when.in0'));
    await c.press('d0').asks('hook.format');
    await c.press('online').asks('hook.topics', { max: 4 });
    await c.send('AI ethics, Dashboards').asks('hook.goal');
    await c.send(GOAL).asks('hook.hook', { topic: 'AI ethics' });
    await c.send(HOOKS[0]).asks('hook.hook', { topic: 'Dashboards' });
    await c.send(HOOKS[1]).asks('hook.people');

    const firstSuggestion = are('en', 'AI ethics', `because ${HOOKS[0]}`, HOOKS[0]);
    expect(firstSuggestion).toContain(say('en', 'hook.ending.next'));
    const secondSuggestion = are('en', 'Dashboards', `because ${HOOKS[1]}`, HOOKS[1]);
    const opener1 = await c
      .send(PEOPLE)
      .asks('hook.opener', { topic: 'AI ethics', suggestion: firstSuggestion });
    expect(opener1.question?.text).toContain(`because ${HOOKS[0]}.`);
    expect(opener1.question?.choices).toEqual([{ id: 'use', label: say('en', 'hook.useSuggestion') }]);
    await c.press('use').asks('hook.opener', { topic: 'Dashboards', suggestion: secondSuggestion });
    const questions = say('en', 'hook.followUpsFor.next');
    await c
      .send(OWN_OPENER)
      .asks('hook.followUps', { suggestion: questions })
      .check((t) => expect(t.question?.choices).toEqual([{ id: 'use', label: say('en', 'hook.useThese') }]));
    await c.press('use').asks('hook.intro');
    await c.send(INTRO).asks('hook.closing').offers(['connect', 'coffee']);

    const dmSuggestion = say('en', 'hook.dmSuggestion', {
      topic: 'AI ethics',
      reason: `because ${HOOKS[0]}`,
    });
    await c.press('coffee').asks('hook.dm', { suggestion: dmSuggestion });
    await c.press('use').asks('when.hour');
    const today = c.clock.day();
    const done = await c
      .press('h12')
      .asks('menu.prompt')
      .completes('hook', {
        event: EVENT,
        date: today,
        online: true,
        topics: ['AI ethics', 'Dashboards'],
        goal: GOAL,
        hooks: [...HOOKS],
        people: PEOPLE,
        openers: [firstSuggestion, OWN_OPENER],
        followUps: questions,
        intro: INTRO,
        closing: 'coffee',
        message: dmSuggestion,
      });
    expect(String(done.events[0]?.data.at).slice(0, 10)).toBe(today);

    const card = [
      say('en', 'card.head', { event: EVENT, date: c.said(today), format: 'online' }),
      say('en', 'card.goal', { goal: GOAL }),
      say('en', 'card.hook', { topic: 'AI ethics', hook: HOOKS[0], opener: firstSuggestion }),
      say('en', 'card.hook', { topic: 'Dashboards', hook: HOOKS[1], opener: OWN_OPENER }),
      say('en', 'card.followUps', { questions }),
      say('en', 'card.intro', { intro: INTRO }),
      say('en', 'card.people', { people: PEOPLE }),
      say('en', 'card.closeCoffee'),
      say('en', 'card.message', { message: dmSuggestion }),
    ].join('\n\n');
    expect(done.texts).toEqual([card, say('en', 'hook.debriefPlanned')]);
    // Said with its weekday, never as YYYY-MM-DD.
    expect(card).toContain(`Event card: ${EVENT}, ${c.said(today)} (online)`);
    expect(card).not.toContain(today);
    expect(card).toContain(`• Dashboards\n  Hook: ${HOOKS[1]}\n  Opener: "${OWN_OPENER}"`);
    expect(card).toContain('Close: propose a 15-minute coffee.');
    c.leave();

    // The debrief: two days after the event, at 12:00 UTC.
    const due = atHour(addDays(today, 2), 12);
    expect(await c.due(atHour(addDays(today, 2), 11, 59)).delivered).toBe(0);
    expect(await c.due(due).delivered).toBe(1);
    expect(await c.due(due).delivered).toBe(0);

    const debrief = await c.start().asks('debrief.hooks', { event: EVENT });
    expect(debrief.replies).toHaveLength(1);
    await c.send('The bias hook worked twice; the dashboard one once.').asks('debrief.people');
    await c
      .send('Sara, Tom')
      .saysOnly(say('en', 'debrief.added', { names: 'Sara, Tom' }), say('en', 'debrief.done'))
      .asks('menu.prompt');

    const exported = await c.command('export');
    expect(exported.texts[0]).toBe(say('en', 'export.attached'));
    const file = exported.replies[0]?.file;
    expect(file?.name).toBe('weakties-export.json');
    const dump = JSON.parse(file?.content ?? '');
    const people = dump.member.network.people as Person[];
    // The people met are weak ties from the event, met this week.
    expect(people.map((p) => ({ name: p.name, domain: p.domain, ring: p.ring, contact: p.contact }))).toEqual(
      [
        { name: 'Sara', domain: 'event', ring: 'outer', contact: 'weekly' },
        { name: 'Tom', domain: 'event', ring: 'outer', contact: 'weekly' },
      ],
    );
    expect(dump.member.commitments).toMatchObject([
      {
        kind: 'event',
        title: EVENT,
        date: today,
        status: 'done',
        met: 2,
        story: 'The bias hook worked twice; the dashboard one once.',
      },
    ]);
    expect(dump.jobs).toEqual([]);

    const progress = await c.command('progress');
    expect(progress.texts[0]).toContain(say('en', 'progress.events', { prepared: 1, debriefed: 1 }));
  });
});

const NL_EVENT = 'Zorgcongres';
const NL_GOAL = 'Twee mensen uit de ouderenzorg spreken';
const NL_HOOKS = ['ik werk zelf met zorgdata', 'wachtlijsten raken mijn project'] as const;
const NL_OPENER =
  'Mooi verhaal over wachtlijsten. Ik zie dat ook in mijn project. Hoe pakken jullie dat aan?';
const NL_INTRO = 'Ik ben analist en maak zorgdata bruikbaar voor teams.';

describe('een evenement voorbereiden, typed in Dutch', () => {
  it('runs from the menu to the evenementkaart', async () => {
    const c = await conversation({ lang: 'nl' });
    await c.start();
    const turns: Turn[] = [];
    for (const line of [
      '2', // welkom: Naar het menu
      'Een evenement voorbereiden',
      NL_EVENT,
      'Vandaag',
      '1', // Op locatie
      'Zorgdata; Wachtlijsten',
      NL_GOAL,
      NL_HOOKS[0],
      NL_HOOKS[1],
      'Ik zie wel wie er is',
      'Gebruik deze',
      NL_OPENER,
      'Gebruik deze',
      NL_INTRO,
      '1', // Voorstellen om contact te houden
      '19:00',
    ])
      turns.push(await c.send(line));
    const out = turns.flatMap((t) => t.replies.map((r) => r.text)).join('\n');
    for (const wrong of [
      say('nl', 'common.pickChoice'),
      say('nl', 'common.typeAnswer'),
      say('nl', 'when.badDate'),
      'Kies een nummer van 1',
    ])
      expect(out).not.toContain(wrong);

    const dateQuestion = turns[2]?.question;
    expect(dateQuestion?.text).toBe(say('nl', 'hook.date'));
    expect(dateQuestion?.choices?.map((ch) => ch.label)).toEqual([
      'Vandaag',
      'Morgen',
      'Over drie dagen',
      'Over een week',
      'Over twee weken',
    ]);
    const said = /Evenementkaart: [^\n]*, ([^\n(]+) \(/.exec(out)?.[1] ?? '';
    const date = c.clock.day();
    expect(said).toBe(c.said(date));
    expect(out).toContain(say('nl', 'when.noted', { date: said }));
    const suggestion = are('nl', 'Zorgdata', `want ${NL_HOOKS[0]}`, NL_HOOKS[0]);
    expect(out).toContain(say('nl', 'hook.opener', { topic: 'Zorgdata', suggestion }));
    expect(suggestion).toContain('want ik werk zelf met zorgdata.');
    const card = [
      say('nl', 'card.head', { event: NL_EVENT, date: said, format: 'op locatie' }),
      say('nl', 'card.goal', { goal: NL_GOAL }),
      say('nl', 'card.hook', { topic: 'Zorgdata', hook: NL_HOOKS[0], opener: suggestion }),
      say('nl', 'card.hook', { topic: 'Wachtlijsten', hook: NL_HOOKS[1], opener: NL_OPENER }),
      say('nl', 'card.followUps', {
        questions: say('nl', `hook.followUpsFor.${endingFor('Zorgdata', NL_HOOKS[0])}`),
      }),
      say('nl', 'card.intro', { intro: NL_INTRO }),
      say('nl', 'card.closeConnect'),
    ].join('\n\n');
    expect(out).toContain(`${card}\n${say('nl', 'hook.debriefPlanned')}`);
    // In person, no online message and no people named; the hour was asked, the zone was not.
    expect(out).not.toContain('Privébericht');
    expect(out).not.toContain('Wil ik graag spreken');
    expect(out).not.toContain(say('nl', 'when.timezone'));
    expect(out).toContain(say('nl', 'when.hour'));
    expect(out).not.toContain('Event card');
    const last = turns.at(-1);
    expect(last?.question?.text).toBe(say('nl', 'menu.prompt'));
    expect(last?.question?.choices?.map((ch) => ch.label)).toEqual([
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

    const dump = await c.exported();
    expect(dump.member.commitments).toMatchObject([{ kind: 'event', title: NL_EVENT, date, status: 'open' }]);
    expect(dump.jobs.map((j) => j.due)).toEqual([atHour(addDays(date, 2), 19)]);
    expect(dump.member.nudgeHour).toBe(19);
  });
});
