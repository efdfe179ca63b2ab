import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberKey } from '../../src/core/types.js';
import { silentLogger } from '../../src/log.js';
import { createInboundQueue } from '../../src/store/inbound-queue.js';
import { isReply, type ReplyLine, runCli, useCli } from '../helpers/cli.js';
import { conversation } from '../helpers/conversation.js';
import { testEngine } from '../helpers/engine.js';
import { quickExercise } from '../helpers/scripts.js';
import { sqliteRows } from '../helpers/sqlite.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

const USER = 'member-7f3a9c';
const NAMES = ['Quintessa', 'Bartholomew', 'Zebulon'];

const rows = (path: string) =>
  sqliteRows<{ key: string; value: string }>(path, 'SELECT key, value FROM keyv');

describe('console --json: export, then forget', () => {
  it('exports the people as a file, then deletes every row, byte and file about the member', {
    timeout: 30_000,
  }, async () => {
    // The console tells the engine the machine's time zone.
    const sandbox = e2e.sandbox({ TZ: 'UTC' });
    const session = e2e.start(sandbox, { user: USER, lang: 'en', json: true });
    await session.question();
    await quickExercise(session, NAMES, { ring: 'middle', contact: 'monthly' });

    // Stored before: the member record and the revisit job, both naming the member.
    const before = await rows(sandbox.dbPath);
    expect(before.filter((r) => r.key.includes(USER)).length).toBeGreaterThanOrEqual(2);
    expect(before.some((r) => NAMES.every((n) => r.value.includes(n)))).toBe(true);

    session.send({ command: 'export' });
    const [exported] = (
      await session.until((l) => isReply(l) && l.file !== undefined, 'the export file')
    ).slice(-1) as ReplyLine[];
    expect(exported?.text).toBe(say('en', 'export.attached'));
    // The export does not lose the member's place: the current question follows the file.
    expect((await session.question()).question.text).toBe(say('en', 'menu.prompt'));
    const path = exported?.file?.path ?? '';
    expect(path.startsWith(sandbox.outDir)).toBe(true);
    expect(existsSync(path)).toBe(true);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    expect(data.member.member).toEqual({ platform: 'console', space: 'local', user: USER });
    expect(data.member.network.people.map((p: { name: string }) => p.name)).toEqual(NAMES);
    expect(data.member.network.people.map((p: { ring: string }) => p.ring)).toEqual([
      'middle',
      'middle',
      'middle',
    ]);
    expect(data.member.completed).toHaveLength(1);
    expect(data.member.timezone).toBe('UTC');
    expect(data.jobs).toHaveLength(1);
    expect(data.member).not.toHaveProperty('seen');

    const confirm = await session.ask({ command: 'forget' });
    expect(confirm.question.text).toBe(say('en', 'forget.confirm'));
    expect(confirm.question.choices?.map((c) => c.id)).toEqual(['yes', 'no']);
    session.send({ choice: 'yes' });
    await session.until((l) => isReply(l) && l.text === say('en', 'forget.done'), 'the forget confirmation');
    expect(await session.end()).toEqual({ code: 0, signal: null });
    expect(session.pending()).toEqual([]);

    const after = await rows(sandbox.dbPath);
    for (const row of after) {
      expect(row.key).not.toContain(USER);
      expect(row.value).not.toContain(USER);
      for (const name of NAMES) {
        expect(row.key).not.toContain(name);
        expect(row.value).not.toContain(name);
      }
    }

    // Bug, fixed: "forget" deleted the rows, but SQLite kept the deleted bytes in free space of the
    // file (and in the WAL until a checkpoint). Now PRAGMA secure_delete=ON on every connection,
    // and PRAGMA wal_checkpoint(TRUNCATE) after a member is erased.
    const files = readdirSync(sandbox.dir).filter((f) => f.startsWith('db.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(join(sandbox.dir, file)).toString('latin1');
      expect(bytes, file).not.toContain(USER);
      for (const name of NAMES) expect(bytes, file).not.toContain(name);
    }
    // The picture and the export file the terminal wrote for the member are gone too.
    expect(existsSync(sandbox.outDir) ? readdirSync(sandbox.outDir) : []).toEqual([]);

    const cli = await runCli(sandbox, ['export', '--user', USER]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain(`nothing is stored for ${USER}`);
    // And nothing is due for a forgotten member.
    const stored = await conversation({ user: USER, engine: { storeUrl: `sqlite://${sandbox.dbPath}` } });
    expect(await stored.due(new Date(Date.now() + 30 * 86_400_000)).delivered).toBe(0);
  });
});

describe('forget after a record was set aside', () => {
  it('export shows the unreadable copy; forget leaves no trace of the member in any row or file', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox({ TZ: 'UTC' });
    const t = await testEngine({ storeUrl: `sqlite://${sandbox.dbPath}` });
    const member = { platform: 'console' as const, space: 'local', user: USER };
    await t.command('start', [], member);
    const state = await t.state(member);
    if (!state) throw new Error('no record');
    // A follow-up the record no longer lists, and an accepted platform event naming the member.
    await t.jobs.schedule({
      id: `${USER}-stray`,
      kind: 'awareness.revisit',
      member,
      due: '2027-01-01T00:00:00.000Z',
    });
    await createInboundQueue(t.store, silentLogger).put('evt-1', { event: { user: USER, text: NAMES[0] } });
    // A record no version can read: the next load keeps it aside, names and all.
    await t.store.spaces.member.set(memberKey(member), { ...state, version: 99, network: NAMES.join(' ') });
    expect((await t.members.load(member, new Date())).corrupt).toBe(true);
    await t.store.close();

    const exported = await runCli(sandbox, ['export', '--user', USER]);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.member).toBeNull();
    expect(data.unreadableRecords.length).toBeGreaterThanOrEqual(1);
    expect(data.unreadableRecords[0].raw).toContain(NAMES[0]);
    expect(data.jobs.map((j: { id: string }) => j.id)).toEqual([`${USER}-stray`]);

    const forgot = await runCli(sandbox, ['forget', '--user', USER]);
    expect(forgot.stdout).toBe(`Deleted everything stored for ${USER}.\n`);
    for (const row of await rows(sandbox.dbPath)) {
      expect(`${row.key} ${row.value}`).not.toContain(USER);
      for (const name of NAMES) expect(row.value).not.toContain(name);
    }
    for (const file of readdirSync(sandbox.dir).filter((f) => f.startsWith('db.sqlite'))) {
      const bytes = readFileSync(join(sandbox.dir, file)).toString('latin1');
      expect(bytes, file).not.toContain(USER);
      for (const name of NAMES) expect(bytes, file).not.toContain(name);
    }
    expect((await runCli(sandbox, ['export', '--user', USER])).code).toBe(1);
  });
});
