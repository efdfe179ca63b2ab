/** One member floods the coach: every message is served in order, with one friendly slow-down note per window. */
import { describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import { FLOOD_LIMIT, FLOOD_WINDOW_MS } from '../../src/engine/engine.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

const START = Date.parse('2025-03-03T09:00:00Z');

/** A clock that moves 9 ms each time the engine reads it: 100 turns take under a second. */
function ticking(step = 9) {
  let at = START;
  return {
    now: () => {
      at += step;
      return new Date(at);
    },
    jump(ms: number) {
      at += ms;
    },
  };
}

const flooder: MemberRef = { platform: 'slack', space: 'T1', user: 'flooder' };
const other: MemberRef = { platform: 'slack', space: 'T1', user: 'other' };

/** Brings a member to the "which part of your life?" question of "my network", ready to add names. */
async function toAddDomain(t: Awaited<ReturnType<typeof testEngine>>, who: MemberRef) {
  await t.command('start', [], who);
  await t.choice('menu', who);
  await t.text('my network', who);
  await t.choice('add', who);
  expect((await t.engine.currentQuestion(who)).at(-1)?.text).toBe(say('en', 'add.domain'));
}

describe('flood: 100 messages from one member within a second', () => {
  it('serves them in order, with one slow-down note, and does not delay another member', async () => {
    const clock = ticking();
    const t = await testEngine({ now: clock.now });
    await toAddDomain(t, flooder);
    await t.command('start', [], other);
    // The setup turns lie in an earlier window.
    clock.jump(FLOOD_WINDOW_MS);
    t.sent.length = 0;

    // 50 pairs of (pick a part of life, type a name): out of order, a name would land on the
    // domain question and be refused, or a pick on the names question.
    const names = Array.from({ length: 50 }, (_, i) => `Person${String(i + 1).padStart(2, '0')}`);
    const ids: string[] = [];
    const flood = names.flatMap((name, i) => {
      const pick = `flood-pick-${i}`;
      const type = `flood-name-${i}`;
      ids.push(pick, type);
      return [
        t.engine.handle({ kind: 'choice', id: pick, member: flooder, value: 'work' }),
        t.engine.handle({ kind: 'text', id: type, member: flooder, text: name }),
      ];
    });
    // Another member writes right after the flood started.
    const otherTurn = t.engine.handle({ kind: 'text', id: 'other-1', member: other, text: 'hello' });
    const results = await Promise.all([...flood, otherTurn]);
    expect(results.every((r) => r === 'done')).toBe(true);

    // In order: every name added, in the order sent, and the events handled in the order sent.
    const state = await t.state(flooder);
    expect(state?.network.people.map((p) => p.name)).toEqual(names);
    expect(state?.seen.map(([id]) => id).slice(-100)).toEqual(ids);
    expect((await t.engine.currentQuestion(flooder)).at(-1)?.text).toBe(say('en', 'add.domain'));

    // Exactly one slow-down note in this window, given once the member went past the limit.
    const note = say('en', 'common.slowDown');
    const floodSent = t.sent.filter((s) => s.member.user === 'flooder');
    expect(floodSent.filter((s) => s.reply.text === note)).toHaveLength(1);
    const noteAt = floodSent.findIndex((s) => s.reply.text === note);
    expect(noteAt).toBeGreaterThan(0);
    // The note comes first in the turn that crossed the limit, before that turn's own replies.
    const turnsBefore = floodSent.slice(0, noteAt).filter((s) => s.reply.choices).length;
    expect(turnsBefore).toBe(FLOOD_LIMIT);
    // Nothing dropped: one question per event of the flood.
    expect(floodSent.filter((s) => s.reply.choices)).toHaveLength(100);

    // The other member was not queued behind the flood: their reply came before the flood's last.
    const otherAt = t.sent.findIndex((s) => s.member.user === 'other');
    const lastFloodAt = t.sent.findLastIndex((s) => s.member.user === 'flooder');
    expect(otherAt).toBeGreaterThanOrEqual(0);
    expect(otherAt).toBeLessThan(lastFloodAt);
    // ...and they were not told to slow down.
    expect(t.sent.filter((s) => s.member.user === 'other' && s.reply.text === note)).toEqual([]);
  });

  it('gives the note again in the next window, and never below the limit', async () => {
    const clock = ticking(0);
    const t = await testEngine({ now: clock.now });
    await toAddDomain(t, flooder);
    t.sent.length = 0;
    const note = say('en', 'common.slowDown');
    const notes = () => t.sent.filter((s) => s.reply.text === note).length;

    const burst = (n: number, from: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          t.engine.handle({ kind: 'choice', id: `w-${from + i}`, member: flooder, value: 'nonsense' }),
        ),
      );
    // Four setup turns were already in this window: up to the limit there is no note.
    await burst(FLOOD_LIMIT - 4, 0);
    expect(notes()).toBe(0);
    await burst(40, 100);
    expect(notes()).toBe(1);

    clock.jump(FLOOD_WINDOW_MS);
    await burst(FLOOD_LIMIT, 200);
    expect(notes()).toBe(1);
    await burst(30, 300);
    expect(notes()).toBe(2);

    // A calm member, well after: no note.
    clock.jump(FLOOD_WINDOW_MS * 2);
    await burst(5, 400);
    expect(notes()).toBe(2);
  });

  it('leaves the console alone: a script may pipe many lines at once', async () => {
    const t = await testEngine({ now: ticking(0).now });
    await Promise.all(
      Array.from({ length: FLOOD_LIMIT * 2 }, (_, i) =>
        t.engine.handle({ kind: 'text', id: `c-${i}`, member: t.member, text: 'hi' }),
      ),
    );
    expect(t.sent.filter((s) => s.reply.text === say('en', 'common.slowDown'))).toEqual([]);
  });

  it('speaks Dutch to a Dutch member', async () => {
    const t = await testEngine({ now: ticking(0).now });
    const nl: MemberRef = { platform: 'discord', space: 'global', user: 'nl' };
    await Promise.all(
      Array.from({ length: FLOOD_LIMIT + 5 }, (_, i) =>
        t.engine.handle({ kind: 'text', id: `nl-${i}`, member: nl, text: 'hoi', locale: 'nl-NL' }),
      ),
    );
    const texts = t.sent.map((s) => s.reply.text);
    expect(texts.filter((x) => x === say('nl', 'common.slowDown'))).toHaveLength(1);
  });
});
