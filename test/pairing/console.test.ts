import { describe, expect, it } from 'vitest';
import { asName } from '../../src/pairing/intro.js';
import { runCli, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();
const MONDAY = '2026-12-07T09:00:00Z';

describe('virtual coffees in the terminal community', () => {
  it('members join, an admin previews and runs a round, intros wait in each record, stats count it', {
    timeout: 60_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const users = ['ana', 'ben', 'cas', 'dirk', 'eva'];
    for (const user of users) {
      const joined = await runCli(sandbox, ['console', '--user', user, '--lang', 'en'], {
        input: '/coffee join\n',
      });
      expect(joined.stdout).toContain(say('en', 'coffee.joined'));
    }
    // The local user is the terminal community's admin.
    const set = await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'en'], {
      input: '/coffee set group team\n/coffee settings\n',
    });
    expect(set.stdout).toContain('Groups by: team');
    // Weekdays by name, not as "day 1".
    expect(set.stdout).toMatch(
      /Cadence: every two weeks, on Monday at 10:00 \(UTC\)\nGroups by: team\nCheck-in: Friday\n/,
    );
    expect(set.stdout).not.toMatch(/\bday \d/);

    const preview = await runCli(sandbox, ['pairing', 'run', '--dry-run', '--now', MONDAY]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/Preview of round 1 .*Groups: 2; absent: 0; without a partner: 0\./);
    const ran = await runCli(sandbox, ['pairing', 'run', '--now', MONDAY]);
    expect(ran.stdout).toMatch(/Round 1 is made .*Groups: 2;/);
    // The intros are printed for the local community: every member named once, one organiser each.
    // Nobody gave a name here, so the login stands in for it, read as a name: with a capital.
    for (const user of users) expect(ran.stdout.split(asName(user)).length - 1).toBeGreaterThanOrEqual(1);
    expect(ran.stdout.match(/☕ Virtual coffee, round 1: meet/g)).toHaveLength(2);
    expect(ran.stdout.match(/you organise this time/g)).toHaveLength(2);

    for (const user of users) {
      const exported = JSON.parse((await runCli(sandbox, ['export', '--user', user])).stdout);
      expect(exported.member.inbox[0].text).toMatch(/^☕ Virtual coffee, round 1/);
      expect(exported.member.coffee.coffees).toHaveLength(1);
      expect(exported.coffeeCommunity.rounds).toEqual([1]);
    }
    // The intro waits for the member's next session, then the offer to prepare.
    const session = await runCli(sandbox, ['console', '--user', 'ben', '--lang', 'en', '--json'], {
      input: '/continue\n',
    });
    const lines = session.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.some((l) => String(l.text).startsWith('☕ Virtual coffee, round 1'))).toBe(true);

    const stats = JSON.parse((await runCli(sandbox, ['pairing', 'stats', '--json'])).stdout);
    expect(stats.rounds[0]).toMatchObject({ round: 1, participants: 5, pairs: 4, repeatRate: 0 });
    expect(JSON.stringify(stats)).not.toMatch(/ana|ben|cas|dirk|eva/);

    const again = await runCli(sandbox, ['pairing', 'run', '--now', MONDAY, '--platform', 'teams']);
    expect(again.code).toBe(2);
  });
});
