/**
 * Coffee in the terminal tells the truth: joining asks the name partners will see, and the intro
 * names partners so, says there is no group conversation and how to meet, and starts each
 * sentence with a capital (en and nl).
 */
import { describe, expect, it } from 'vitest';
import { runCli, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();
const MONDAY = '2026-12-07T09:00:00Z';

/** The intro a member finds at their next terminal session, up to the question after it. */
async function introOf(sandbox: ReturnType<typeof e2e.sandbox>, user: string): Promise<string> {
  const session = await runCli(sandbox, ['console', '--user', user, '--json'], { input: '/continue\n' });
  const texts = session.stdout
    .trim()
    .split('\n')
    .map((line) => String(JSON.parse(line).text));
  const intro = texts.find((t) => t.startsWith('☕'));
  if (!intro) throw new Error(`no coffee intro for ${user}:\n${texts.join('\n---\n')}`);
  return intro;
}

describe('virtual coffee in the terminal', () => {
  it('asks the name on joining, and the intro names partners so and says how to meet', {
    timeout: 60_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const joinedEn = await runCli(sandbox, ['console', '--user', 'ana.k', '--lang', 'en'], {
      input: '/coffee join\nAnneke\n',
    });
    expect(joinedEn.stdout).toContain(say('en', 'coffee.name.prompt'));
    expect(joinedEn.stdout).toContain(say('en', 'coffee.name.saved'));
    const joinedNl = await runCli(sandbox, ['console', '--user', 'bvdb', '--lang', 'nl'], {
      input: '/coffee join\nBram\n',
    });
    expect(joinedNl.stdout).toContain(say('nl', 'coffee.name.prompt'));
    const ran = await runCli(sandbox, ['pairing', 'run', '--now', MONDAY]);
    expect(ran.stdout).toMatch(/Round 1 is made .*Groups: 1;/);

    const anneke = await introOf(sandbox, 'ana.k');
    const bram = await introOf(sandbox, 'bvdb');
    // Partners by the name they chose, never by their login.
    expect(anneke).toContain('Bram');
    expect(bram).toContain('Anneke');
    expect(`${anneke}\n${bram}`).not.toMatch(/ana\.k|bvdb/);
    // No group conversation in the terminal: the organiser gets in touch; nobody is sent to a group chat.
    expect(anneke.startsWith(say('en', 'coffee.introDm.terminal.heading', { round: 1, names: 'Bram' }))).toBe(
      true,
    );
    expect(bram.startsWith(say('nl', 'coffee.introDm.terminal.heading', { round: 1, names: 'Anneke' }))).toBe(
      true,
    );
    const organised = [
      anneke.includes(say('en', 'coffee.introDm.terminal.youOrganise', { names: 'Bram' })) &&
        bram.includes(say('nl', 'coffee.introDm.terminal.theyOrganise', { name: 'Anneke' })),
      bram.includes(say('nl', 'coffee.introDm.terminal.youOrganise', { names: 'Anneke' })) &&
        anneke.includes(say('en', 'coffee.introDm.terminal.theyOrganise', { name: 'Bram' })),
    ];
    expect(organised.filter(Boolean)).toHaveLength(1);
    expect(anneke).not.toContain(say('en', 'coffee.introDm.youOrganise'));
    expect(bram).not.toContain(say('nl', 'coffee.introDm.youOrganise'));
    for (const text of [anneke, bram]) {
      expect(text).toMatch(/video/);
      // Every line starts as a sentence does (the coffee cup, or a capital), or is an item of a list of times.
      for (const line of text.split('\n')) expect(line).toMatch(/^(☕|• |\p{Lu})/u);
    }
  });

  it('reads a login as a name, with a capital, for a member who gave none', { timeout: 60_000 }, async () => {
    const sandbox = e2e.sandbox();
    // The name question is left unanswered: the input ends right after joining.
    for (const user of ['dirk', 'eva'])
      await runCli(sandbox, ['console', '--user', user, '--lang', 'en'], { input: '/coffee join\n' });
    await runCli(sandbox, ['pairing', 'run', '--now', MONDAY]);
    const intro = await introOf(sandbox, 'dirk');
    expect(intro).toContain("you're meeting Eva.");
    expect(intro).not.toMatch(/\beva\b/);
  });
});
