import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/time.js';
import { endingFor } from '../../src/exercises/hook/opener.js';
import { type EventLine, runCli, runScript, type Sandbox, type Turn, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

/** The machine zone is pinned to UTC so the debrief time is predictable. */
const ENV = { TZ: 'UTC' };

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const atHour = (date: string, hour: number, minutes = 0) =>
  new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) + minutes * 60_000).toISOString();

async function tick(sandbox: Sandbox, now: string): Promise<number> {
  const result = await runCli(sandbox, ['tick', '--now', now]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const out = JSON.parse(result.stdout) as { now: string; delivered: number };
  expect(out.now).toBe(now);
  return out.delivered;
}

/** The scripted opener for a topic: its reason as the sentence has it, the ending that fits. */
const are = (lang: string, topic: string, reason: string, hook: string) =>
  say(lang, 'hook.are', { topic, reason, ending: say(lang, `hook.ending.${endingFor(topic, hook)}`) });

const texts = (turn: Turn | undefined) => turn?.replies.map((r) => r.text) ?? [];
const completed = (turn: Turn | undefined): EventLine | undefined =>
  turn?.events.find((e) => e.name === 'exercise.completed');

interface Person {
  name: string;
  domain: string | null;
  ring: string | null;
  contact: string | null;
}

const EVENT = 'Data Summit Utrecht';
const GOAL = 'Meet two people who work on responsible AI';
const HOOKS = ['I review models for bias at work', 'I build a dashboard every week'];
const PEOPLE = 'A speaker from the ethics panel';
const OWN_OPENER = 'Your dashboard demo was sharp. I build them too. Which tool do you like?';
const INTRO = 'I am an analyst who turns messy data into decisions.';

describe('console --json: preparing an event', () => {
  it('builds the event card, debriefs two days later and puts the people met on the map', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox(ENV);
    const first = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await first.question();
    const start = await runScript(first, [
      { send: { choice: 'menu' }, expect: say('en', 'menu.prompt') },
      { send: { choice: 'hook' }, expect: say('en', 'hook.event') },
    ]);
    expect(start[0]?.question.choices?.find((c) => c.id === 'hook')?.label).toBe(say('en', 'menu.hook'));

    const date = await first.ask({ text: EVENT });
    expect(date.question.text).toBe(say('en', 'hook.date'));
    expect(date.question.choices?.map((c) => c.id)).toEqual(['d0', 'd1', 'd3', 'd7', 'd14']);
    expect(date.question.choices?.[0]?.label).toBe(say('en', 'when.in0'));

    await runScript(first, [
      { send: { choice: 'd0' }, expect: say('en', 'hook.format') },
      { send: { choice: 'online' }, expect: say('en', 'hook.topics', { max: 4 }) },
      { send: { text: 'AI ethics, Dashboards' }, expect: say('en', 'hook.goal') },
      { send: { text: GOAL }, expect: say('en', 'hook.hook', { topic: 'AI ethics' }) },
      { send: { text: HOOKS[0] as string }, expect: say('en', 'hook.hook', { topic: 'Dashboards' }) },
      { send: { text: HOOKS[1] as string }, expect: say('en', 'hook.people') },
    ]);
    const firstSuggestion = are('en', 'AI ethics', `because ${HOOKS[0]}`, HOOKS[0] as string);
    expect(firstSuggestion).toContain(say('en', 'hook.ending.next'));
    const secondSuggestion = are('en', 'Dashboards', `because ${HOOKS[1]}`, HOOKS[1] as string);
    const opener1 = await first.ask({ text: PEOPLE });
    expect(opener1.question.text).toBe(
      say('en', 'hook.opener', { topic: 'AI ethics', suggestion: firstSuggestion }),
    );
    expect(opener1.question.text).toContain(`because ${HOOKS[0]}.`);
    expect(opener1.question.choices).toEqual([{ id: 'use', label: say('en', 'hook.useSuggestion') }]);
    const opener2 = await first.ask({ choice: 'use' });
    expect(opener2.question.text).toBe(
      say('en', 'hook.opener', { topic: 'Dashboards', suggestion: secondSuggestion }),
    );
    const followUps = await first.ask({ text: OWN_OPENER });
    const questions = say('en', 'hook.followUpsFor.next');
    expect(followUps.question.text).toBe(say('en', 'hook.followUps', { suggestion: questions }));
    expect(followUps.question.choices).toEqual([{ id: 'use', label: say('en', 'hook.useThese') }]);
    const intro = await first.ask({ choice: 'use' });
    expect(intro.question.text).toBe(say('en', 'hook.intro'));
    const closing = await first.ask({ text: INTRO });
    expect(closing.question.text).toBe(say('en', 'hook.closing'));
    expect(closing.question.choices?.map((c) => c.id)).toEqual(['connect', 'coffee']);

    const dmSuggestion = say('en', 'hook.dmSuggestion', {
      topic: 'AI ethics',
      reason: `because ${HOOKS[0]}`,
    });
    const dm = await first.ask({ choice: 'coffee' });
    expect(dm.question.text).toBe(say('en', 'hook.dm', { suggestion: dmSuggestion }));
    const hour = await first.ask({ choice: 'use' });
    expect(hour.question.text).toBe(say('en', 'when.hour'));
    const done = await first.ask({ choice: 'h12' });
    expect(done.question.text).toBe(say('en', 'menu.prompt'));

    const event = completed(done);
    expect(event?.exercise).toBe('hook');
    const today = String(event?.data.at).slice(0, 10);
    expect(event?.data).toMatchObject({
      event: EVENT,
      date: today,
      online: true,
      topics: ['AI ethics', 'Dashboards'],
      goal: GOAL,
      hooks: HOOKS,
      people: PEOPLE,
      openers: [firstSuggestion, OWN_OPENER],
      followUps: questions,
      intro: INTRO,
      closing: 'coffee',
      message: dmSuggestion,
    });

    const todaySaid = formatDay(today, 'en', today); // "Monday 30 November"
    const card = [
      say('en', 'card.head', { event: EVENT, date: todaySaid, format: 'Online' }),
      say('en', 'card.goal', { goal: GOAL }),
      say('en', 'card.hook', { topic: 'AI ethics', hook: HOOKS[0] as string, opener: firstSuggestion }),
      say('en', 'card.hook', { topic: 'Dashboards', hook: HOOKS[1] as string, opener: OWN_OPENER }),
      say('en', 'card.followUps', { questions }),
      say('en', 'card.intro', { intro: INTRO }),
      say('en', 'card.people', { people: PEOPLE }),
      say('en', 'card.closeCoffee'),
      say('en', 'card.message', { message: dmSuggestion }),
    ].join('\n\n');
    expect(texts(done)).toEqual([card, say('en', 'hook.debriefPlanned')]);
    expect(card).toContain(`Event card: ${EVENT}, ${todaySaid} (Online)`);
    expect(card).not.toContain(today);
    expect(card).toContain(`• Dashboards\n  Hook: ${HOOKS[1]}\n  Opener: "${OWN_OPENER}"`);
    expect(card).toContain('Close: propose a 15-minute coffee.');
    expect(await first.end()).toEqual({ code: 0, signal: null });

    // The debrief: two days after the event, at 12:00 UTC.
    const due = atHour(addDays(today, 2), 12);
    expect(await tick(sandbox, atHour(addDays(today, 2), 11, 59))).toBe(0);
    expect(await tick(sandbox, due)).toBe(1);
    expect(await tick(sandbox, due)).toBe(0);

    const second = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const debrief = await second.question();
    expect(debrief.lines).toHaveLength(1);
    expect(debrief.question.text).toBe(say('en', 'debrief.hooks', { event: EVENT }));
    const met = await second.ask({ text: 'The bias hook worked twice; the dashboard one once.' });
    expect(met.question.text).toBe(say('en', 'debrief.people'));
    const after = await second.ask({ text: 'Sara, Tom' });
    expect(texts(after)).toEqual([
      say('en', 'debrief.added', { names: 'Sara, Tom' }),
      say('en', 'debrief.done'),
    ]);
    expect(after.question.text).toBe(say('en', 'menu.prompt'));

    const exported = await second.ask({ command: 'export' });
    expect(texts(exported)[0]).toBe(say('en', 'export.attached'));
    const path = exported.replies[0]?.file?.path;
    expect(path).toBeDefined();
    const dump = JSON.parse(readFileSync(path ?? '', 'utf8'));
    const people = dump.member.network.people as Person[];
    expect(people.map((p) => ({ name: p.name, domain: p.domain, ring: p.ring }))).toEqual([
      { name: 'Sara', domain: 'event', ring: 'outer' },
      { name: 'Tom', domain: 'event', ring: 'outer' },
    ]);
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

    const progress = await second.ask({ command: 'progress' });
    expect(texts(progress)[0]).toContain(say('en', 'progress.events', { prepared: 1, debriefed: 1 }));
    expect(await second.end()).toEqual({ code: 0, signal: null });
  });
});

const NL_EVENT = 'Zorgcongres';
const NL_GOAL = 'Twee mensen uit de ouderenzorg spreken';
const NL_HOOKS = ['ik werk zelf met zorgdata', 'wachtlijsten raken mijn project'];
const NL_OPENER =
  'Mooi verhaal over wachtlijsten. Ik zie dat ook in mijn project. Hoe pakken jullie dat aan?';
const NL_INTRO = 'Ik ben analist en maak zorgdata bruikbaar voor teams.';

describe('console in Dutch, plain text lines: een evenement voorbereiden', () => {
  it('runs from the menu to the evenementkaart', { timeout: 30_000 }, async () => {
    const sandbox = e2e.sandbox(ENV);
    const lines = [
      '2', // welkom: Toon het menu
      'Een evenement voorbereiden',
      NL_EVENT,
      'Vandaag',
      '1', // Op locatie
      'Zorgdata; Wachtlijsten',
      NL_GOAL,
      NL_HOOKS[0],
      NL_HOOKS[1],
      'Ik kijk wie er is',
      'Gebruik deze',
      NL_OPENER,
      'Gebruik deze',
      NL_INTRO,
      '1', // Voorstellen om daarna te connecten
      '19:00',
    ];
    const run = await runCli(sandbox, ['console', '--user', 'U', '--lang', 'nl'], {
      input: `${lines.join('\n')}\n`,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    for (const wrong of [
      say('nl', 'common.pickChoice'),
      say('nl', 'common.typeAnswer'),
      say('nl', 'when.badDate'),
      'Kies een nummer van 1',
    ])
      expect(out).not.toContain(wrong);

    expect(out).toContain(
      `${say('nl', 'hook.date')}\n  1. Vandaag\n  2. Morgen\n  3. Over drie dagen\n  4. Over een week\n  5. Over twee weken`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const cardAt = out.indexOf('Evenementkaart: ');
    expect(cardAt).toBeGreaterThan(0);
    const said = /Evenementkaart: [^\n]*, ([^\n(]+) \(/.exec(out)?.[1] ?? '';
    // The event is today (the clock may just have passed midnight since the test started).
    const date = [today, addDays(today, 1)].find((d) => formatDay(d, 'nl', d) === said) ?? '';
    expect(date).not.toBe('');
    expect(out).toContain(say('nl', 'when.noted', { date: said }));
    const suggestion = are('nl', 'Zorgdata', `want ${NL_HOOKS[0]}`, NL_HOOKS[0] as string);
    expect(out).toContain(say('nl', 'hook.opener', { topic: 'Zorgdata', suggestion }));
    expect(suggestion).toContain('want ik werk zelf met zorgdata.');
    const card = [
      say('nl', 'card.head', { event: NL_EVENT, date: said, format: 'Op locatie' }),
      say('nl', 'card.goal', { goal: NL_GOAL }),
      say('nl', 'card.hook', { topic: 'Zorgdata', hook: NL_HOOKS[0] as string, opener: suggestion }),
      say('nl', 'card.hook', { topic: 'Wachtlijsten', hook: NL_HOOKS[1] as string, opener: NL_OPENER }),
      say('nl', 'card.followUps', {
        questions: say('nl', `hook.followUpsFor.${endingFor('Zorgdata', NL_HOOKS[0] as string)}`),
      }),
      say('nl', 'card.intro', { intro: NL_INTRO }),
      say('nl', 'card.closeConnect'),
    ].join('\n\n');
    expect(out).toContain(`${card}\n\n${say('nl', 'hook.debriefPlanned')}`);
    // In person, no online message and no people named; the hour was asked, the zone was not.
    expect(out).not.toContain('Direct bericht');
    expect(out).not.toContain('Hoop te ontmoeten');
    expect(out).not.toContain(say('nl', 'when.timezone'));
    expect(out).toContain(say('nl', 'when.hour'));
    expect(out).not.toContain('Event card');
    expect(
      out
        .trimEnd()
        .endsWith(
          `${say('nl', 'menu.prompt')}\n  1. Oefening netwerkkaart\n  2. Om hulp vragen\n  3. Een evenement voorbereiden\n  4. Mijn netwerk\n  5. Mijn voortgang\n  6. Mijn afspraken\n  7. Virtuele koffie\n  8. Taal\n  9. Hulp`,
        ),
    ).toBe(true);

    const dump = JSON.parse((await runCli(sandbox, ['export', '--user', 'U'])).stdout);
    expect(dump.member.commitments).toMatchObject([{ kind: 'event', title: NL_EVENT, date, status: 'open' }]);
    expect(dump.jobs.map((j: { due: string }) => j.due)).toEqual([atHour(addDays(date, 2), 19)]);
    expect(dump.member.nudgeHour).toBe(19);
  });
});
