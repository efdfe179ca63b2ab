/** Issue 13 through the terminal adapter, in English: see listens.ts. */
import { describe, it } from 'vitest';
import { useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';
import { listens, nextOf } from './listens.js';

const e2e = useCli();
const added = (names: string, total: number) => say('en', 'people.added', { names, total });

describe('a coach that listens, in English, through the console', () => {
  it('understands names, own words, dates and counts, and asks follow-ups in turn', {
    timeout: 120_000,
  }, async () => {
    await listens(e2e, {
      lang: 'en',
      recall: [
        { send: 'no', said: [], part: 2 },
        {
          send: 'Chris, a health-IT blogger I follow on LinkedIn',
          said: [added('Chris (a health-IT blogger I follow on LinkedIn)', 1)],
        },
        {
          send: 'Sanne, she moved into nursing informatics',
          said: [added('Sanne (moved into nursing informatics)', 2)],
          part: 3,
        },
        { send: 'Lisa who is our EHR key user', said: [added('Lisa (who is our EHR key user)', 3)] },
        {
          send: 'my cousin Rob who works at a hospital so',
          said: [added('Rob (my cousin who works at a hospital)', 4)],
          part: 4,
        },
        // A name already on the map and a list ending: no probe follows.
        {
          send: 'Lisa, nobody else',
          said: [say('en', 'people.duplicate', { names: 'Lisa (who is our EHR key user)' })],
          part: 5,
        },
      ],
      atPart: 5,
      total: 4,
      later: [
        { send: 'maybe Tom, I think Ria', said: [added('Tom, Ria', 87)] },
        { send: "Kim, Piet, that's all", said: [added('Kim, Piet', 89)], part: 9 },
      ],
      laterAdded: 4,
      first: 'Chris',
      listEnd: "that's all",
      event: 'Health IT Summit',
      eventDate: ['10 december', (today) => nextOf(today, 12, 10)],
      goal: 'A role in health-care IT where I can use my ten years of ward experience and grow into informatics',
      both: 'an introduction and advice',
      bothLabels: '“An introduction” or “Advice”',
      one: 'advice',
      belief: 'maybe two',
      reversal: 'Honestly, I help when I can.',
      request: 'Could you give me advice on moving from nursing into health IT?',
      whom: 'Sanne',
      channel: ['a message on LinkedIn', 'message'],
      vague: 'friday or saturday',
      weekday: ['friday', 5],
      hour: '7pm',
      offer: "An hour of my time to review someone's CV",
      story: 'She gave me two names and said yes to a call',
      progressPlanned: '1 ask planned, none answered yet.',
      progressDone: [
        'Asks made: 1, of which 1 got a yes.',
        '1 of 1 said yes so far; you expected 2 of five.',
      ],
      hours: '7:00-15:30',
    });
  });
});
