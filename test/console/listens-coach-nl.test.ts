/** Issue 13, items 4, 5, 6 and 9, through the terminal adapter, in Dutch: see `coaches` in listens.ts. */
import { describe, it } from 'vitest';
import { useCli } from '../helpers/cli.js';
import { coaches } from './listens.js';

const e2e = useCli();

describe('een coach die antwoordt op wat er gezegd is, in het Nederlands, via de console', () => {
  it('spiegelt een vaak-nee, stelt het verzoek samen, schrijft leesbare openers en werkt de kaart bij', {
    timeout: 120_000,
  }, async () => {
    await coaches(e2e, {
      lang: 'nl',
      goal: 'Een nieuwe baan in de zorg vinden',
      reversal: 'Eerlijk gezegd zeg ik vaak nee, ik heb het al zo druk',
      request: 'Zullen we koffie drinken, half uurtje, omdat ik wil overstappen naar de zorg',
      whom: 'Marjolein',
      why: 'je werkt zelf al jaren in de zorg',
      when: 'binnen twee weken',
      message: [
        'Hoi Marjolein,',
        'Ik dacht aan jou, want je werkt zelf al jaren in de zorg. Zullen we koffie drinken, half uurtje, omdat ik wil overstappen naar de zorg? Het liefst binnen twee weken. Komt het je niet uit? Dan is dat helemaal prima.',
        'Alvast bedankt!',
      ].join('\n\n'),
      greeting: 'Hoi Marjolein,',
      easyOut: 'Komt het je niet uit',
      offer: 'Meelezen met een sollicitatiebrief',
      event: 'Zorg-ICT-dag',
      eventGoal: 'Twee mensen uit de zorg-ICT spreken',
      nextTopic: 'De toekomst van de zorg',
      nextHook: 'Het raakt mijn dagelijkse werk',
      story: 'Ze heeft me voorgesteld aan hun datalead',
    });
  });
});
