import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, useCli } from '../helpers/cli.js';
import { DUTCH_MAP_LINES, isPng } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

/** The Dutch typed map (test/helpers/scripts.ts), then the next step: a reminder, typed by label and name. */
const LINES = [...DUTCH_MAP_LINES, 'herinner me eraan contact op te nemen', 'Els'];

describe('console in Dutch, plain text lines', () => {
  it('runs the exercise to the summary from typed numbers, labels and names', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const result = await runCli(sandbox, ['console', '--user', 'U', '--lang', 'nl'], {
      input: `${LINES.join('\n')}\n`,
    });
    const out = result.stdout;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    // No line fell on the wrong question.
    expect(out).not.toContain(say('nl', 'common.pickChoice'));
    expect(out).not.toContain(say('nl', 'people.noName'));
    expect(out).not.toContain('Kies een nummer van 1');

    expect(out).toContain(say('nl', 'welcome.intro'));
    expect(out).toContain('  1. Mijn netwerk in kaart brengen');
    expect(out).toContain(say('nl', 'people.added', { names: 'Anna, Piet, Mo', total: 3 }));
    expect(out).toContain(say('nl', 'people.added', { names: 'Mama, Papa, Oma', total: 7 }));
    expect(out).toContain(say('nl', 'people.noted', { names: 'Anna' }));
    expect(out).toContain(say('nl', 'rateGroup.intro', { count: 7 }));
    // A multi-select in the terminal: its options numbered, the buttons beside it by label.
    const none = say('nl', 'rateGroup.none');
    const later = say('nl', 'rate.skipRest');
    expect(out).toContain(
      `${say('nl', 'rateGroup.inner')}\n  1. Anna\n  2. Piet\n  3. Mo\n  4. Els\n  5. Mama\n  6. Papa\n  7. Oma\n  ${say('nl', 'console.pick.or', { options: `${none} · ${later}` })}\n  ${say('nl', 'console.pick.hint')}\n`,
    );
    expect(out).toContain(`${say('nl', 'rateGroup.middle')}\n  1. Piet\n  2. Mo\n  3. Els\n  4. Oma\n`);
    expect(out).toContain(say('nl', 'rateGroup.ringsDone', { inner: 3, middle: 1, outer: 3 }));
    expect(out).toContain(
      say('nl', 'rateGroup.contactsDone', { weekly: 3, monthly: 0, yearly: 2, dormant: 2 }),
    );

    // The summary in sentences: 7 people from 3 parts of life, normalised Blau 0.67 ("redelijk
    // gelijkmatig"); 3 weak of 7 (43%, percent as Intl writes it in Dutch); Anna crosses the line;
    // Piet and Els are dormant. No index is shown.
    expect(out).toContain(
      'Je 7 mensen komen uit 3 van de 10 delen van je leven, redelijk gelijkmatig verdeeld.\n• Huidig werk: 3\n• School: 1\n• Familie: 3',
    );
    expect(out).toContain('3 van je 7 mensen (43%) zijn kennissen');
    expect(out).toContain('Eén van je banden gaat over de grens tussen werk en privé');
    expect(out).toContain('2 mensen heb je al drie jaar of langer niet gesproken');
    expect(out).toContain(
      'Nog niet binnen bereik: een ingang bij een organisatie, wat mensen verdienen en iemand die mensen aanneemt.',
    );
    expect(out).not.toMatch(/Blau|0,\d/);
    expect(out).toContain(say('nl', 'summary.closing', { days: 7 }));
    expect(out).not.toContain('Your ');

    // The next step names three people, numbered with what to do; the reminder is planned a week out.
    expect(out).toContain(
      'Om te beginnen: Piet (een kennis van je werk, al drie jaar of langer geen contact), Mo (een kennis van je werk) en Els (een kennis van school, al drie jaar of langer geen contact).',
    );
    expect(out).toContain('  1. Piet om hulp vragen\n  2. Mo om hulp vragen\n  3. Els om hulp vragen');
    expect(out).toContain(say('nl', 'nextStep.whom'));
    expect(out).toMatch(
      /Goed\. Neem de komende week contact op met Els, .* Op \S+ \d+ \S+ vraag ik of het gelukt is\./,
    );

    const picture = /🖼\s+(\S+)/u.exec(out)?.[1];
    expect(picture).toBeDefined();
    expect(existsSync(picture ?? '')).toBe(true);
    expect(isPng(picture ?? '')).toBe(true);

    // The menu comes last, numbered.
    expect(
      out
        .trimEnd()
        .endsWith(
          `${say('nl', 'menu.prompt')}\n  1. Netwerkkaart maken\n  2. Om hulp vragen\n  3. Een evenement voorbereiden\n  4. Mijn netwerk\n  5. Mijn voortgang\n  6. Mijn afspraken\n  7. Virtuele koffie\n  8. Taal\n  9. Hulp`,
        ),
    ).toBe(true);
  });
});
