/**
 * The community's own intro through the terminal: an admin sets it with placeholders, a mistake is
 * told in the admin's language, the preview shows it filled in, the real round's intros use it, and
 * `pairing stats --csv` gives the round as a spreadsheet row.
 */
import { describe, expect, it } from 'vitest';
import { INTRO_PLACEHOLDERS } from '../../src/pairing/intro-template.js';
import { STATS_CSV_HEADER } from '../../src/pairing/stats.js';
import { runCli, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();
const MONDAY = '2026-12-07T09:00:00Z';
const KNOWN = INTRO_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
const OWN =
  'Coffee time for {partners}. {organiser} picks the moment. Everyone brings one question they have been wondering about lately, big or small. {slots}';

describe('the community intro in the terminal', () => {
  it('is set with placeholders, refused when wrong (en and nl), previewed, used, and counted in CSV', {
    timeout: 90_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const users = ['ana', 'ben', 'cas', 'dirk'];
    for (const user of users)
      await runCli(sandbox, ['console', '--user', user, '--lang', 'en'], { input: '/coffee join\n' });

    // Mistakes, each told in the admin's own language, and nothing stored.
    const dutch = await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'nl'], {
      input: '/coffee set intro "Hoi {partners}, {tijd}"\n/coffee set intro Hoi {partners\n',
    });
    expect(dutch.stdout).toContain(
      say('nl', 'coffee.admin.introUnknown', { placeholder: '{tijd}', known: KNOWN }),
    );
    expect(dutch.stdout).toContain(
      say('nl', 'coffee.admin.introUnbalanced', { near: 'Hoi {partners', known: KNOWN }),
    );
    const english = await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'en'], {
      input: '/coffee set intro "Hi {partner}"\n/coffee set intro Hi partners}\n/coffee settings\n',
    });
    expect(english.stdout).toContain(
      say('en', 'coffee.admin.introUnknown', { placeholder: '{partner}', known: KNOWN }),
    );
    expect(english.stdout).toContain(
      say('en', 'coffee.admin.introUnbalanced', { near: 'Hi partners}', known: KNOWN }),
    );
    expect(english.stdout).toContain(
      say('en', 'coffee.admin.settingsIntro', { intro: say('en', 'coffee.admin.introBuiltIn') }),
    );

    // The admin's own text, kept with its case and more words than a command's twenty.
    const set = await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'en'], {
      input: `/coffee set intro "${OWN}"\n/coffee settings\n/coffee round preview\n`,
    });
    expect(set.stdout).toContain(say('en', 'coffee.admin.introSaved'));
    expect(set.stdout).toContain(
      say('en', 'coffee.admin.settingsIntro', { intro: say('en', 'coffee.admin.introOwn') }),
    );
    // The preview shows the first group's intro filled in: names, an organiser, and in {slots} the
    // proposed times (the members gave no hours: the usual office day in the community's zone).
    expect(set.stdout).toContain(say('en', 'coffee.admin.previewIntro'));
    const slots = say('en', 'coffee.groupIntro.slots', { slots: '• ' });
    expect(set.stdout).toMatch(
      new RegExp(
        `Coffee time for (Ana|Ben|Cas|Dirk) and (Ana|Ben|Cas|Dirk)\\. (Ana|Ben|Cas|Dirk) picks the moment\\. Everyone brings one question they have been wondering about lately, big or small\\. ${slots}`,
      ),
    );
    expect(set.stdout).not.toMatch(/\{partners\}|\{organiser\}|\{slots\}/);

    // The real round: both groups' intros are the community's words, not the built-in heading.
    const ran = await runCli(sandbox, ['pairing', 'run', '--now', MONDAY]);
    expect(ran.code).toBe(0);
    expect(ran.stdout.match(/Coffee time for \w+ and \w+\. \w+ picks the moment\./g)).toHaveLength(2);
    expect(ran.stdout).not.toContain('☕ Virtual coffee, round 1');

    // The terminal has no group conversation: each member's own intro says the community's words,
    // the organiser named as the group reads it, and still how to meet from the terminal.
    const organisers = new Set<string>();
    for (const user of users) {
      const own = (await runCli(sandbox, ['console', '--user', user], { input: '/continue\n' })).stdout;
      const said = own.match(/Coffee time for (\w+)\. (\w+) picks the moment\. Everyone brings one question/);
      expect(said?.[1]).not.toBe(user.charAt(0).toUpperCase() + user.slice(1));
      organisers.add(said?.[2] ?? '');
      expect(own).not.toContain(
        say('en', 'coffee.introDm.terminal.heading', { round: 1, names: said?.[1] ?? '' }),
      );
      const [partner = '', organiser = ''] = [said?.[1], said?.[2]];
      expect(own).toContain(
        organiser === partner
          ? say('en', 'coffee.introDm.terminal.theyOrganise', { name: organiser })
          : say('en', 'coffee.introDm.terminal.youOrganise', { names: partner }),
      );
    }
    expect(organisers.size).toBe(2);

    // The round as one CSV row under a header: no group has set a time yet, so both time columns are 0.
    const csv = await runCli(sandbox, ['pairing', 'stats', '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(STATS_CSV_HEADER.join(','));
    expect(lines[0]).toContain('groups_met_share');
    expect(lines[1]).toMatch(/^1,2026-12-07T09:00:00\.000Z,4,0,2,2,0,0,0,,0,(0|1|0\.5),1,0,,$/);

    // Back to the built-in intro.
    const reset = await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'nl'], {
      input: '/coffee set intro standaard\n/coffee settings\n',
    });
    expect(reset.stdout).toContain(say('nl', 'coffee.admin.introDefault'));
    expect(reset.stdout).toContain(
      say('nl', 'coffee.admin.settingsIntro', { intro: say('nl', 'coffee.admin.introBuiltIn') }),
    );
  });
});
