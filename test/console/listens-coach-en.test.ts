/** Issue 13, items 4, 5, 6 and 9, through the terminal adapter, in English: see `coaches` in listens.ts. */
import { describe, it } from 'vitest';
import { useCli } from '../helpers/cli.js';
import { coaches } from './listens.js';

const e2e = useCli();

describe('a coach that answers what was said, in English, through the console', () => {
  it('reflects an often-no, composes the request, writes openers that read well, and updates the map', {
    timeout: 120_000,
  }, async () => {
    await coaches(e2e, {
      lang: 'en',
      goal: 'Move into a data role at a health company',
      reversal: "Honestly, I often say no, I'm swamped",
      request: 'could you introduce me to someone on the data team at your hospital',
      whom: 'Bob',
      why: 'You made that switch yourself.',
      duration: '20 minutes',
      when: 'in the next two weeks',
      message: [
        'Hi Bob,',
        "I thought of you because you made that switch yourself. Could you introduce me to someone on the data team at your hospital? 20 minutes would be plenty. Ideally in the next two weeks. And if it doesn't suit you, no problem at all.",
        'Thanks in advance!',
      ].join('\n\n'),
      greeting: 'Hi Bob,',
      easyOut: "if it doesn't suit you",
      offer: 'A careful read of a CV',
      event: 'Nursing Informatics Day',
      eventGoal: 'Meet two people who work in health IT',
      nextTopic: 'The future of nursing informatics',
      nextHook: 'It touches my daily work',
      story: 'He introduced me to their data lead',
    });
  });
});
