import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, type ScriptStep, useCli } from '../helpers/cli.js';
import { isPng, part, probe } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

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

function script(): ScriptStep[] {
  const steps: ScriptStep[] = [
    { send: { choice: 'begin' }, expect: say('en', 'awareness.intro') },
    { send: { choice: 'begin' }, expect: `${part(1)}${say('en', 'recall.work')}` },
    // Names as a JSON text, then more names at the probe (which also moves on).
    { send: { text: 'Anna, Piet' }, expect: probe('Current work', 0) },
    { send: 'Mo', expect: part(2) },
    { send: { choice: 'none' }, expect: part(3) },
    // Names through the form.
    { send: { form: { names: 'Sara' } }, expect: probe('Studies', 2) },
    { send: { choice: 'none' }, expect: part(4) },
    { send: { choice: 'none' }, expect: part(5) },
    { send: { text: 'Mama and Papa' }, expect: probe('Family', 4) },
    { send: { choice: 'none' }, expect: part(6) },
    { send: { text: 'Jo; Kim' }, expect: probe('Friends', 5) },
    { send: { text: 'Lex' }, expect: part(7) },
    { send: { choice: 'none' }, expect: part(8) },
    { send: { choice: 'none' }, expect: part(9) },
    { send: { text: 'Ria' }, expect: probe('Associations', 8) },
    { send: { choice: 'none' }, expect: part(10) },
    // A name already on the map: nobody is added, the probe still comes.
    { send: { text: 'anna' }, expect: probe('Online', 9) },
    { send: { choice: 'none' }, expect: say('en', 'career.discuss') },
    { send: { text: 'Anna, Zoe' }, expect: say('en', 'career.jobChange') },
    { send: { choice: 'none' }, expect: say('en', 'career.career') },
    { send: { form: { names: 'Kim' } }, expect: say('en', 'rate.ring', { name: 'Anna', left: 10 }) },
  ];
  RATINGS.forEach(([name, ring, contact], i) => {
    const next = RATINGS[i + 1];
    steps.push({ send: { choice: ring }, expect: say('en', 'rate.contact', { name }) });
    if (name === 'Zoe') {
      steps.push({ send: { choice: contact }, expect: say('en', 'rate.domain', { name }) });
      steps.push({ send: { choice: 'online' }, expect: say('en', 'resource.organisation') });
    } else {
      const left = RATINGS.length - i - 2;
      steps.push({
        send: { choice: contact },
        expect: say('en', 'rate.ring', { name: next?.[0] ?? '', left }),
      });
    }
  });
  RESOURCES.forEach(([, answer], i) => {
    const next = RESOURCES[i + 1];
    steps.push({
      send: { choice: answer },
      expect: next ? say('en', `resource.${next[0]}`) : say('en', 'menu.prompt'),
    });
  });
  return steps;
}

describe('console --json: the network-map exercise in English', () => {
  it('runs to the summary, and the event carries the metrics of the answers', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const welcome = await session.question();
    expect(welcome.question.text).toBe(say('en', 'welcome.intro'));
    expect(welcome.question.choices?.map((c) => c.id)).toEqual(['begin', 'menu', 'switch']);

    const turns = await runScript(session, script());

    // What the names produced on the way.
    const acks = turns.flatMap((t) => t.replies.map((r) => r.text));
    expect(acks).toContain(say('en', 'people.added', { names: 'Anna, Piet', total: 2 }));
    expect(acks).toContain(say('en', 'people.added', { names: 'Mama, Papa', total: 6 }));
    expect(acks).toContain(say('en', 'people.duplicate', { names: 'Anna' }));
    expect(acks).toContain(say('en', 'rate.intro', { count: 11 }));

    const last = turns.at(-1);
    if (!last) throw new Error('no turns');
    expect(last.events).toHaveLength(1);
    const event = last.events[0];
    expect(event).toMatchObject({ type: 'event', name: 'exercise.completed', exercise: 'awareness' });
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
    expect(Number.isNaN(Date.parse(String(data.at)))).toBe(false);

    // The show-back: summary, picture, closing, then the menu.
    const texts = last.replies.map((r) => r.text);
    const summary = texts.find((t) => t.startsWith(say('en', 'summary.size', { size: 11, domains: 6 })));
    expect(summary).toBeDefined();
    expect(summary).toContain('• Current work: 3');
    expect(summary).toContain('• Friends: 3');
    expect(summary).not.toContain('• School');
    expect(summary).toContain(say('en', 'summary.dormant', { count: 3 }));
    expect(summary).toContain(
      say('en', 'summary.resources', {
        reachable: 7,
        of: 10,
        weakOnly: 'salary levels, the press',
        gaps: 'a board seat, government, someone who hires',
      }),
    );
    expect(texts).toContain(say('en', 'summary.closing', { days: 7 }));

    const pictures = last.replies.filter((r) => r.image);
    expect(pictures).toHaveLength(1);
    const image = pictures[0]?.image;
    expect(image?.alt).toBe(say('en', 'map.alt', { size: 11 }));
    expect(dirname(image?.path ?? '')).toBe(sandbox.outDir);
    expect(existsSync(image?.path ?? '')).toBe(true);
    expect(isPng(image?.path ?? '')).toBe(true);
    // The map as issue 14 draws it: 1600 px wide and small enough to send anywhere.
    const png = readFileSync(image?.path ?? '');
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.length).toBeLessThan(300 * 1024);

    expect(last.question.text).toBe(say('en', 'menu.prompt'));
    expect(last.question.choices?.map((c) => c.id)).toEqual([
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

    expect(await session.end()).toEqual({ code: 0, signal: null });
    expect(session.pending()).toEqual([]);
  });
});
