/** Issue 13 through the terminal adapter, in Dutch: see listens.ts. */
import { describe, it } from 'vitest';
import { useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';
import { listens, nextWeeks } from './listens.js';

const e2e = useCli();
const added = (names: string, total: number) => say('nl', 'people.added', { names, total });

describe('een coach die luistert, in het Nederlands, via de console', () => {
  it('begrijpt namen, eigen woorden, datums en aantallen, en stelt vervolgvragen om de beurt', {
    timeout: 120_000,
  }, async () => {
    await listens(e2e, {
      lang: 'nl',
      recall: [
        { send: 'nee', said: [], part: 2 },
        { send: 'Marjolein denk ik', said: [added('Marjolein', 1)] },
        { send: 'Dick (oud-directeur)', said: [added('Dick (oud-directeur)', 2)], part: 3 },
        // A name already on the map still gets the probe.
        { send: 'Dick', said: [say('nl', 'people.duplicate', { names: 'Dick (oud-directeur)' })] },
        {
          send: 'Pieter die bij de gemeente werkt',
          said: [added('Pieter (die bij de gemeente werkt)', 3)],
          part: 4,
        },
        { send: 'niemand meer', said: [], part: 5 },
      ],
      atPart: 5,
      total: 3,
      later: [
        { send: 'Ilse geloof ik, Mo en Ria', said: [added('Ilse, Mo, Ria', 87)] },
        {
          send: 'buurvrouw Femke en Piet, dat was het',
          said: [added('Femke (buurvrouw), Piet', 89)],
          part: 9,
        },
      ],
      laterAdded: 5,
      first: 'Marjolein',
      listEnd: 'niemand',
      event: 'Zorgdata Congres',
      eventDate: ['volgende week dinsdag', (today) => nextWeeks(today, 2)],
      goal: 'Een rol in de zorg-IT waarin ik mijn tien jaar ervaring op de afdeling kan gebruiken en kan groeien',
      both: 'een introductie en advies',
      bothLabels: '“Een introductie” of “Advies”',
      one: 'advies',
      belief: 'misschien twee',
      reversal: 'Ik help meestal wel, als het even kan.',
      request: 'Wil je me advies geven over de overstap van de verpleging naar de zorg-IT?',
      whom: 'Marjolein',
      channel: ['bellen', 'call'],
      vague: 'ooit',
      weekday: ['vrijdag', 5],
      hour: '19 uur',
      offer: 'Een uur om iemands cv door te lezen',
      story: 'Ze gaf me twee namen en we bellen volgende week',
      progressPlanned: '1 hulpvraag gepland, nog zonder antwoord.',
      progressDone: ['1 van de 1 zei tot nu toe ja; je verwachtte 2 van de vijf.'],
      hours: '7:00-15:30',
    });
  });
});
