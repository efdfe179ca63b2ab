import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine.js';
import { probe } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness;
afterEach(async () => {
  await h?.store.close();
});

/** The text of the question the member is looking at now. */
const asking = async (harness: Harness) =>
  (await harness.engine.currentQuestion(harness.member)).at(-1)?.text ?? '';

/** Walks from first contact into the first recall question. */
async function toRecall(harness: Harness) {
  await harness.command('start');
  await harness.choice('begin');
  await harness.choice('begin');
}

describe('engine shell', () => {
  it('answers the same event id once', async () => {
    h = await testEngine();
    await h.command('start');
    const event = { kind: 'choice', id: 'same-id', member: h.member, value: 'begin' };
    expect(await h.engine.handle(event)).toBe('done');
    const count = h.sent.length;
    expect(await h.engine.handle(event)).toBe('duplicate');
    expect(h.sent.length).toBe(count);
    expect(await asking(h)).toBe(say('en', 'awareness.intro'));
  });

  it('runs two events of one member one after the other, never interleaved', async () => {
    h = await testEngine();
    await toRecall(h);
    await Promise.all([h.text('Anna, Piet'), h.text('Mo'), h.text('Kees, Lot')]);
    const state = await h.state();
    expect(state?.network.people.map((p) => p.name)).toEqual(['Anna', 'Piet', 'Mo', 'Kees', 'Lot']);
    // first answer → probe, second answer → next domain, third answer lands in "former" and is probed
    expect(state?.network.people.map((p) => p.domain)).toEqual(['work', 'work', 'work', 'former', 'former']);
    expect((await asking(h)).split('\n')[0]).toBe(probe('former', 1));
  });

  it('keeps members apart', async () => {
    h = await testEngine();
    const other = { ...h.member, user: 'someone-else' };
    await Promise.all([toRecall(h), h.command('start', [], other)]);
    await h.text('Anna');
    expect((await h.state(other))?.network.people).toEqual([]);
    expect((await h.state())?.network.people).toHaveLength(1);
  });

  it('rejects a malformed payload with a clear error and stores nothing', async () => {
    h = await testEngine();
    await expect(
      h.engine.handle({ kind: 'text', id: 'x', member: { platform: 'irc' }, text: 'hi' }),
    ).rejects.toThrow(/malformed inbound event/);
    await expect(h.engine.handle('garbage')).rejects.toThrow(/malformed/);
    expect(await h.state()).toBeUndefined();
  });

  it('keeps an unreadable record aside, tells the member, and starts fresh', async () => {
    h = await testEngine();
    await toRecall(h);
    await h.text('Anna');
    const key = `console:local:${h.member.user}`;
    const adapter = h.store.spaces.member.store as { set(k: string, v: string): Promise<unknown> };
    await adapter.set(`member:${key}`, '{"value": {"v": 1, "broken": tru');
    await h.text('hello');
    expect(h.sent.at(-2)?.reply.text ?? h.sent.at(-3)?.reply.text).toBeDefined();
    expect(h.sent.some((s) => s.reply.text.includes("couldn't read your saved progress"))).toBe(true);
    const aside: [string, unknown][] = [];
    for await (const entry of h.store.spaces.quarantine.iterator?.(undefined) ?? [])
      aside.push(entry as [string, unknown]);
    expect(aside).toHaveLength(1);
    expect(JSON.stringify(aside[0]?.[1])).toContain('broken');
    expect(await asking(h)).toBe(say('en', 'welcome.intro'));
  });

  it('keeps a record that fails its schema aside too', async () => {
    h = await testEngine();
    await h.command('start');
    await h.store.spaces.member.set(`console:local:${h.member.user}`, { v: 99, what: 'future' });
    await h.command('start');
    const aside: unknown[] = [];
    for await (const entry of h.store.spaces.quarantine.iterator?.(undefined) ?? []) aside.push(entry);
    expect(aside).toHaveLength(1);
  });

  it('does not nudge a member who asked to be forgotten, and fires a job once', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    h = await testEngine({ now: () => now });
    await h.command('start');
    await h.jobs.schedule({
      id: 'j1',
      kind: 'awareness.revisit',
      member: h.member,
      due: '2026-01-08T10:00:00.000Z',
    });
    const state = await h.state();
    if (!state) throw new Error('no state');
    await h.members.save({ ...state, jobs: ['j1'] });
    now = new Date('2026-01-09T10:00:00Z');
    const counts = await Promise.all([h.engine.tick(now), h.engine.tick(now)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await h.engine.tick(now)).toBe(0);
    expect(h.lastText()).toMatch(/Whom did you forget/);

    await h.jobs.schedule({
      id: 'j2',
      kind: 'awareness.revisit',
      member: h.member,
      due: '2026-01-08T10:00:00.000Z',
    });
    await h.engine.forgetMember(h.member);
    const before = h.sent.length;
    expect(await h.engine.tick(now)).toBe(0);
    expect(h.sent.length).toBe(before);
  });

  it('fires a job set again for a new time soon after it fired (a coffee moved after its reminder)', async () => {
    let now = new Date('2026-01-09T10:00:00Z');
    h = await testEngine({ now: () => now });
    await h.command('start');
    const revisit = async (due: string) => {
      await h.jobs.schedule({ id: 'again', kind: 'awareness.revisit', member: h.member, due });
      const state = await h.state();
      if (state) await h.members.save({ ...state, jobs: ['again'] });
    };
    await revisit('2026-01-09T10:00:00.000Z');
    expect(await h.engine.tick(now)).toBe(1);
    const asked = h.sent.length;
    await h.command('menu');
    now = new Date('2026-01-09T10:05:00Z');
    await revisit('2026-01-09T10:05:00.000Z');
    expect(await h.engine.tick(now)).toBe(1);
    expect(h.sent.slice(asked).some((s) => /Whom did you forget/.test(s.reply.text))).toBe(true);
    expect(await h.jobs.get('again')).toBeUndefined();
  });

  it('keeps replies an adapter could not deliver, and shows them on the next turn', async () => {
    h = await testEngine();
    await h.command('start');
    h.unreachable.add(h.member.user);
    await h.choice('begin');
    expect(h.sent.some((s) => s.reply.text.includes('bigger than you think'))).toBe(false);
    expect((await h.state())?.inbox.map((r) => r.text)).toEqual([
      expect.stringMatching(/bigger than you think/),
    ]);
    h.unreachable.clear();
    await h.command('start');
    expect(h.lastText()).toMatch(/bigger than you think/);
    expect((await h.state())?.inbox).toEqual([]);
  });

  it('answers "try again" when the store fails, and changes nothing', async () => {
    h = await testEngine();
    await toRecall(h);
    const member = h.store.spaces.member;
    const original = member.set.bind(member);
    member.set = async () => {
      throw new Error('disk full');
    };
    expect(await h.text('Anna')).toBe('unavailable');
    expect(h.lastText()).toMatch(/try again in a minute/);
    member.set = original;
    expect((await h.state())?.network.people).toEqual([]);
  });
});

describe('tick by platform', () => {
  it('leaves jobs of platforms it does not serve to the process that does', async () => {
    h = await testEngine();
    const slack = { platform: 'slack' as const, space: 'T1', user: 'U1' };
    for (const [id, member] of [
      ['a', h.member],
      ['b', slack],
    ] as const) {
      await h.command('start', [], member);
      const state = await h.state(member);
      if (!state) throw new Error('no state');
      await h.members.save({ ...state, jobs: [id] });
      await h.jobs.schedule({ id, kind: 'awareness.revisit', member, due: '2026-01-01T00:00:00.000Z' });
    }
    const now = new Date('2026-02-01T00:00:00Z');
    expect(await h.engine.tick(now, ['slack'])).toBe(1);
    expect((await h.jobs.due(now)).map((j) => j.id)).toEqual(['a']);
    expect(await h.engine.tick(now)).toBe(1);
  });
});
