import { describe, expect, it } from 'vitest';
import { isQuestion, useCli } from '../helpers/cli.js';
import { conversation } from '../helpers/conversation.js';
import { part, probe } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

interface Person {
  id: string;
  name: string;
  domain: string | null;
}

describe('console --json: many lines for one member at once', () => {
  it('handles a burst in order, each line against the state the one before left', {
    timeout: 20_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    // Written in one go, before any of them is answered. Each line only makes sense after the one
    // before it: out of order, a name would land in the wrong part or a choice on the wrong question.
    const burst = [
      { choice: 'begin' },
      { choice: 'begin' },
      { text: 'Anna, Piet' }, // work
      { text: 'Mo' }, // work probe
      'Bram', // former (a plain line)
      { text: 'Bo' }, // former probe: someone new, so probing goes on
      { form: { names: 'Cleo; Dirk' } }, // study
      { text: 'cleo, Eva' }, // study probe: Cleo again is a duplicate, Eva is new
      { choice: 'none' }, // school
      { text: 'Mama' }, // family
    ];
    session.burst(burst);
    const questions: string[] = [];
    for (let i = 0; i < burst.length; i++) questions.push((await session.question()).question.text);
    expect(questions.map((q) => q.split('\n')[0])).toEqual([
      say('en', 'awareness.intro').split('\n')[0],
      part(1).trim(),
      probe('work', 0),
      part(2).trim(),
      "Anyone else from your former work you'd greet by name?",
      part(3).trim(),
      probe('study', 2),
      part(4).trim(),
      part(5).trim(),
      probe('family', 4),
    ]);
    expect(await session.end()).toEqual({ code: 0, signal: null });
    expect(session.lines.filter((l) => l.type === 'error')).toEqual([]);
    // One question per line, no more.
    expect(session.lines.filter(isQuestion)).toHaveLength(burst.length + 1);

    const stored = await conversation({ engine: { storeUrl: `sqlite://${sandbox.dbPath}` } });
    const { member } = await stored.exported();
    const people = member.network.people as Person[];
    expect(people.map((p) => [p.name, p.domain])).toEqual([
      ['Anna', 'work'],
      ['Piet', 'work'],
      ['Mo', 'work'],
      ['Bram', 'former'],
      ['Bo', 'former'],
      ['Cleo', 'study'],
      ['Dirk', 'study'],
      ['Eva', 'study'],
      ['Mama', 'family'],
    ]);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.name.toLowerCase())).size).toBe(people.length);
    expect(member.nextPersonId).toBe(10);
    expect(member.turn).toBe(burst.length);
    // Still where the last line left the member: the probe of the family part.
    expect((await stored.current())?.text.split('\n')[0]).toBe(probe('family', 4));
  });
});
