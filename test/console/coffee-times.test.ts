/**
 * Times that fit everyone in the terminal: the proposed times come as a numbered pick after the
 * intro, a typed "2" picks the second, and once both partners share it each gets the .ics in the
 * output folder (the one who was away finds it at their next session).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { runCli, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();
const MONDAY = '2026-12-07T09:00:00Z';

describe('coffee times in the terminal', () => {
  it('picks a shared time by number and writes each member an .ics', { timeout: 90_000 }, async () => {
    const sandbox = e2e.sandbox();
    await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'en'], { input: '/coffee join\nAna\n' });
    await runCli(sandbox, ['console', '--user', 'ben', '--lang', 'en'], { input: '/coffee join\nBen\n' });
    const ran = await runCli(sandbox, ['pairing', 'run', '--now', MONDAY]);
    expect(ran.code).toBe(0);

    const ana = await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'en'], {
      input: '/continue\n2\n',
    });
    expect(ana.stdout).toContain(say('en', 'coffee.times.prompt'));
    expect(ana.stdout).toContain(say('en', 'coffee.times.saved'));
    const ben = await runCli(sandbox, ['console', '--user', 'ben', '--lang', 'en'], {
      input: '/continue\n2\n',
    });
    expect(ben.stdout).toContain('Your coffee with Ana is set');
    // Ana was away when it was set: the note and its invite wait for her next session.
    const back = await runCli(sandbox, ['console', '--user', 'ana', '--lang', 'en'], {
      input: '/continue\n',
    });
    expect(back.stdout).toContain('Your coffee with Ben is set');

    const files = readdirSync(sandbox.outDir).filter((f) => f.endsWith('.ics'));
    expect(files).toHaveLength(2);
    const starts = files.map((f) => {
      const events = Object.values(ical.sync.parseICS(readFileSync(join(sandbox.outDir, f), 'utf8'))).filter(
        (c): c is VEvent => c?.type === 'VEVENT',
      );
      return events[0]?.start.toISOString();
    });
    // The second of three times in the round's week, inside 9:00-17:00 UTC (the community's zone).
    expect(starts[0]).toBe(starts[1]);
    const start = new Date(starts[0] ?? '');
    expect(start.getUTCHours()).toBeGreaterThanOrEqual(9);
    expect(start.getUTCHours() * 60 + start.getUTCMinutes() + 30).toBeLessThanOrEqual(17 * 60);
    expect(start.getTime()).toBeGreaterThan(Date.parse(MONDAY));

    // The stats count the one group as one that set a time.
    const csv = await runCli(sandbox, ['pairing', 'stats', '--csv']);
    const [header, row] = csv.stdout.split('\r\n').map((line) => line.split(','));
    const column = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect([column('groups'), column('groups_time_set'), column('time_set')]).toEqual(['1', '1', '1']);
  });
});
