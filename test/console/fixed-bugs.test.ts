/**
 * End-to-end checks of product bugs these tests found, since fixed; each stays as a regression test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReply, useCli } from '../helpers/cli.js';
import { quickExercise } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

// C0 controls other than newline, DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('fixed bugs', () => {
  // Bug: "forget" deletes the rows, but SQLite keeps the deleted bytes in free space of the file
  // (and in the WAL until a checkpoint). Fix: PRAGMA secure_delete=ON on every connection in
  // src/store/open.ts, and PRAGMA wal_checkpoint(TRUNCATE) after a member is erased.
  it('forget leaves no trace of the member in the SQLite files', { timeout: 30_000 }, async () => {
    const user = 'member-5e1d0b';
    const names = ['Quintessa', 'Bartholomew'];
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user, lang: 'en', json: true });
    await session.question();
    await quickExercise(session, names);
    await session.ask({ command: 'forget' });
    session.send({ choice: 'yes' });
    await session.until((l) => isReply(l) && l.text === say('en', 'forget.done'), 'the forget confirmation');
    expect(await session.end()).toEqual({ code: 0, signal: null });

    const dir = sandbox.dir;
    const files = readdirSync(dir).filter((f) => f.startsWith('db.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes, file).not.toContain(user);
      for (const name of names) expect(bytes, file).not.toContain(name);
    }
    // The pictures the terminal wrote for the member are gone too.
    expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : []).toEqual([]);
  });

  // Bug: "begin" is both the id of the first choice of the welcome and intro questions (which
  // resolve() accepts as typed text) and a command word for "start" (src/engine/commands.ts), and
  // commands win: typing it answers "Welcome back!" on first contact and repeats the question.
  // Fix: drop 'begin' from COMMAND_WORDS.start, or in step() let a bare word that is one of the
  // current question's choice ids or labels answer the question before it is read as a command.
  it('typing the choice id "begin" at the welcome starts the exercise', {
    timeout: 20_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    const next = await session.ask('begin');
    expect(next.replies.map((r) => r.text)).toEqual([]);
    expect(next.question.text).toBe(say('en', 'awareness.intro'));
  });

  // Bug: the unknown-command reply echoes the typed word with its control characters, so "/" plus
  // a terminal escape sequence is written back raw to the terminal. Fix: in runCommand (src/engine/
  // step.ts) use cleanName(command.word) from src/network/names.ts instead of command.word.slice(0, 40).
  it('the reply to an unknown command carries no control characters', { timeout: 20_000 }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const welcome = await session.question();
    const turn = await session.ask('/\u001b[2J\u001b]0;title\u0007');
    expect(turn.question.text).toBe(welcome.question.text);
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]?.text).not.toMatch(CONTROL);
  });
});
