import { describe, expect, it } from 'vitest';
import { withoutControls } from '../../src/core/controls.js';
import { runCli, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

/** Bytes that steer a terminal or turn text around: none may reach stdout, nor a stored name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what the test looks for
const STEERING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('escape sequences typed at the terminal', () => {
  it('strips colours, titles, bells and bidi overrides whole: names stay names, stdout stays plain', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const hostile = [
      '1', // the network map
      '1', // begin
      '\u001b[31mRedname \u001b[0m, \u001b]0;pwned\u0007Piet, Ann\u202eevil\u0007',
      '\u001b]8;;http://evil.example\u001b\\klik\u001b]8;;\u001b\\ \u009b2J',
    ];
    const result = await runCli(sandbox, ['console', '--user', 'U', '--lang', 'en'], {
      input: `${hostile.join('\n')}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(STEERING);
    expect(result.stdout).toContain(say('en', 'people.added', { names: 'Redname, Piet, Annevil', total: 3 }));

    const exported = await runCli(sandbox, ['export', '--user', 'U']);
    const people: { name: string }[] = JSON.parse(exported.stdout).member.network.people;
    expect(people.map((p) => p.name)).toEqual(['Redname', 'Piet', 'Annevil', 'klik']);
    for (const p of people) expect(p.name).not.toMatch(STEERING);
  });

  it('keeps newlines, tabs, accents, emoji and text that merely looks like a code', () => {
    expect(withoutControls('Zoë\t😀\n日本 [31m')).toBe('Zoë\t😀\n日本 [31m');
    expect(withoutControls('trail\u001b[')).toBe('trail');
    expect(withoutControls('\u009d8;;x\u009cy')).toBe('y');
  });
});
