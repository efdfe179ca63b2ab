/**
 * What a member looks for and can offer, in the terminal: they type it in their coffee choices
 * (optional, their own words), choose to share it, and the community keeps it as tags for the
 * `gaps` mode (en and nl).
 */
import { describe, expect, it } from 'vitest';
import { runCli, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

/** What a member reads at their next terminal session (their coffee intro waits there). */
async function nextSession(sandbox: ReturnType<typeof e2e.sandbox>, user: string): Promise<string> {
  return (await runCli(sandbox, ['console', '--user', user], { input: '/continue\n' })).stdout;
}

describe('needs and offers in the coffee choices, in the terminal', () => {
  it('saves what the member looks for and offers, as tags, and the consent to share them', {
    timeout: 60_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const en = await runCli(sandbox, ['console', '--user', 'ana.k', '--lang', 'en'], {
      input: [
        '/coffee join',
        'Anna',
        '/coffee',
        say('en', 'coffee.menu.needs'),
        'Health IT,  a first job in design ',
        say('en', 'coffee.menu.offers'),
        'Python',
        say('en', 'coffee.menu.shareGapsOn'),
        '',
      ].join('\n'),
    });
    expect(en.stdout).toContain(say('en', 'coffee.gaps.needsPrompt'));
    expect(en.stdout).toContain(say('en', 'coffee.gaps.now', { list: say('en', 'coffee.gaps.none') }));
    expect(en.stdout).toContain(
      `${say('en', 'coffee.gaps.needsSaved', { list: 'Health IT, a first job in design' })} ${say('en', 'coffee.gaps.notShared')}`,
    );
    expect(en.stdout).toContain(say('en', 'coffee.gaps.offersSaved', { list: 'Python' }));
    expect(en.stdout).toContain(say('en', 'coffee.gaps.shareOn'));

    const nl = await runCli(sandbox, ['console', '--user', 'bvdb', '--lang', 'nl'], {
      input: [
        '/coffee join',
        'Bram',
        '/coffee',
        say('nl', 'coffee.menu.offers'),
        'zorg-ict, Health IT',
        say('nl', 'coffee.menu.shareGapsOn'),
        '',
      ].join('\n'),
    });
    expect(nl.stdout).toContain(say('nl', 'coffee.gaps.offersPrompt'));
    expect(nl.stdout).toContain(say('nl', 'coffee.gaps.offersSaved', { list: 'zorg-ict, Health IT' }));
    expect(nl.stdout).toContain(say('nl', 'coffee.gaps.shareOn'));
    // Two more members who say nothing about it.
    for (const [user, name] of [
      ['cas', 'Cas'],
      ['dirk', 'Dirk'],
    ] as const)
      await runCli(sandbox, ['console', '--user', user, '--lang', 'en'], {
        input: `/coffee join\n${name}\n`,
      });

    // The terminal's user is its community's admin: pair on gaps.
    const set = await runCli(sandbox, ['console', '--user', 'ana.k', '--lang', 'en'], {
      input: '/coffee set mode gaps\n',
    });
    expect(set.stdout).toContain(say('en', 'coffee.admin.modeSaved.gaps'));

    const ran = await runCli(sandbox, ['pairing', 'run', '--now', '2026-12-07T09:00:00Z']);
    expect(ran.code).toBe(0);
    const why = say('en', 'coffee.groupIntro.why', { needer: 'Anna', offerer: 'Bram', tag: 'Health IT' });
    expect(ran.stdout).toContain(why);
    expect(ran.stdout.match(/is looking for/g)).toHaveLength(1);

    // The stats count the group where a need met an offer: one of the two (item 6).
    const csv = await runCli(sandbox, ['pairing', 'stats', '--csv']);
    const [header, row] = csv.stdout.split('\r\n').map((line) => line.split(','));
    const column = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect([column('groups'), column('groups_need_met'), column('need_met_share')]).toEqual([
      '2',
      '1',
      '0.5',
    ]);
    const stats = await runCli(sandbox, ['pairing', 'stats']);
    expect(stats.stdout).toContain(say('en', 'coffee.stats.groupsNeedMet', { share: '50%' }));

    // Each one's own intro says it to them.
    const anna = await nextSession(sandbox, 'ana.k');
    expect(anna).toContain(say('en', 'coffee.introDm.whyYouNeed', { offerer: 'Bram', tag: 'Health IT' }));
    const bram = await nextSession(sandbox, 'bvdb');
    expect(bram).toContain(say('nl', 'coffee.introDm.whyYouOffer', { needer: 'Anna', tag: 'Health IT' }));
    const cas = await nextSession(sandbox, 'cas');
    expect(cas).toMatch(/☕/);
    expect(cas.toLowerCase()).not.toContain('health it');
  });

  it("tells why only with both members' consent", { timeout: 60_000 }, async () => {
    const sandbox = e2e.sandbox();
    await runCli(sandbox, ['console', '--user', 'ana.k', '--lang', 'en'], {
      input: [
        '/coffee join',
        'Anna',
        '/coffee',
        say('en', 'coffee.menu.needs'),
        'health IT',
        say('en', 'coffee.menu.shareGapsOn'),
        '/coffee set mode gaps',
        '',
      ].join('\n'),
    });
    // Bram offers it but never agreed to share it.
    await runCli(sandbox, ['console', '--user', 'bvdb', '--lang', 'en'], {
      input: ['/coffee join', 'Bram', '/coffee', say('en', 'coffee.menu.offers'), 'health IT', ''].join('\n'),
    });
    const ran = await runCli(sandbox, ['pairing', 'run', '--now', '2026-12-07T09:00:00Z']);
    expect(ran.stdout).toMatch(/Round 1 is made/);
    expect(ran.stdout).toContain('Bram');
    expect(ran.stdout.toLowerCase()).not.toContain('health it');
  });
});
