/** Fuzz: hostile and malformed inputs straight into engine.handle, and through the console's parseLine. */
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../adapters/console/inbound.js';
import { InboundSchema, type MemberRef, memberKey, PLATFORMS } from '../../src/core/types.js';
import { InboundError } from '../../src/engine/engine.js';
import { testEngine } from '../helpers/engine.js';
import { FUZZ_COUNTS, Gen, json, watchProcess } from './fuzz.js';

watchProcess();

type T = Awaited<ReturnType<typeof testEngine>>;

function members(g: Gen, n: number): MemberRef[] {
  return Array.from({ length: n }, (_, i) => ({
    platform: g.pick(PLATFORMS),
    space: i % 3 === 0 ? g.text().slice(0, 200) || 's' : 'T1',
    user: i % 4 === 0 ? `${g.text().slice(0, 190)}-${i}` : `U${i}`,
  }));
}

/** A payload of a valid shape with hostile content, or now and then a malformed one. */
function payload(g: Gen, member: MemberRef, n: number): unknown {
  const id = `fz${n}`;
  const profile = g.chance(0.3)
    ? { locale: g.pick(['nl-NL', 'en', 'xx', '', g.text().slice(0, 50)]) }
    : g.chance(0.1)
      ? { timezone: g.pick(['Europe/Amsterdam', 'Mars/Olympus', '../../etc', g.text().slice(0, 80)]) }
      : {};
  const valid = (() => {
    switch (g.int(5)) {
      case 0:
        return { kind: 'choice', id, member, value: g.choiceId(), ...profile };
      case 1: {
        const fields: Record<string, string> = {};
        for (let i = g.int(4); i > 0; i--)
          fields[g.pick(['names', 'goal', 'request', 'event', g.word(), '__proto__'])] = g.text();
        return { kind: 'form', id, member, fields, ...profile };
      }
      case 2:
        return {
          kind: 'command',
          id,
          member,
          name: g.commandName(),
          args: Array.from({ length: g.int(4) }, () => g.text().slice(0, 1000)),
          ...profile,
        };
      case 3:
        return {
          kind: 'due',
          id,
          member,
          job: {
            id: `job${n}`,
            kind: g.pick(['awareness.revisit', 'help.followup', 'hook.debrief'] as const),
            member,
            due: new Date(Date.UTC(2025, 0, 1)).toISOString(),
            ...(g.chance(0.5) ? { commitment: g.text().slice(0, 100) } : {}),
          },
        };
      default:
        return { kind: 'text', id, member, text: g.text(), ...profile };
    }
  })();
  if (!g.chance(0.2)) return valid;
  return g.pick<() => unknown>([
    () => g.mangle(valid),
    () => g.mangle(g.mangle(valid)),
    () => g.garbage(3),
    () => ({ ...valid, kind: g.pick(['TEXT', 'voice', '', null, 1]) }),
    () => ({ ...valid, id: g.pick(['', 'x'.repeat(201), 7, null]) }),
    () => ({ ...valid, member: { ...member, platform: g.pick(['irc', 'SLACK', null]) } }),
    () => ({ kind: 'text', id, member, text: 'A'.repeat(100_001) }),
    () => ({ kind: 'command', id, member, name: 'start', args: Array.from({ length: 21 }, () => 'a') }),
    () => JSON.parse('{"__proto__":{"kind":"text"},"id":"x"}'),
  ])();
}

/** Every member record in the store still reads as a valid record, through the member repository. */
async function expectValidRecords(t: T, refs: MemberRef[]) {
  let checked = 0;
  for (const ref of refs) {
    const loaded = await t.members.load(ref, new Date());
    expect(loaded.corrupt, memberKey(ref)).toBe(false);
    if (loaded.state !== undefined) checked += 1;
  }
  const space = t.store.spaces.member as unknown as { iterator?: () => AsyncIterable<[string, unknown]> };
  if (typeof space.iterator === 'function') {
    for await (const [key, raw] of space.iterator()) {
      // Each record names its member and loads through it without being set aside. (The key itself
      // may differ from memberKey: SQLite stores a lone surrogate of a hostile id as U+FFFD.)
      const ref = (raw as { member?: MemberRef } | undefined)?.member;
      expect(ref, key).toBeDefined();
      const loaded = await t.members.load(ref as MemberRef, new Date());
      expect(loaded.corrupt, key).toBe(false);
      expect(loaded.state, key).toBeDefined();
    }
  }
  return checked;
}

/** Runs the inputs of each member one after another, members side by side; checks each outcome. */
async function feed(t: T, inputs: { member: MemberRef; payload: unknown }[]) {
  const byMember = new Map<string, { member: MemberRef; payload: unknown }[]>();
  for (const input of inputs) {
    const key = memberKey(input.member);
    byMember.set(key, [...(byMember.get(key) ?? []), input]);
  }
  const problems: string[] = [];
  const counts = { done: 0, rejected: 0, skipped: 0, duplicate: 0 };
  // Replies sent to each member so far, kept up to date as they are sent.
  const repliesTo = new Map<string, number>();
  let seen = 0;
  const sentTo = (member: MemberRef) => {
    for (; seen < t.sent.length; seen++) {
      const key = memberKey((t.sent[seen] as { member: MemberRef }).member);
      repliesTo.set(key, (repliesTo.get(key) ?? 0) + 1);
    }
    return repliesTo.get(memberKey(member)) ?? 0;
  };
  await Promise.all(
    [...byMember.values()].map(async (chain) => {
      for (const { member, payload } of chain) {
        const parsed = InboundSchema.safeParse(payload);
        const before = sentTo(member);
        try {
          const result = await t.engine.handle(payload);
          if (!parsed.success) problems.push(`accepted a malformed payload: ${JSON.stringify(payload)}`);
          if (result === 'unavailable')
            problems.push(`a turn failed: ${JSON.stringify(payload).slice(0, 300)}`);
          if (result !== 'unavailable') counts[result] += 1;
          const after = sentTo(member);
          const kind = parsed.success ? parsed.data.kind : undefined;
          if (result === 'done' && kind !== 'due' && after === before)
            problems.push(`no reply to: ${JSON.stringify(payload).slice(0, 300)}`);
        } catch (error) {
          counts.rejected += 1;
          if (!(error instanceof InboundError))
            problems.push(`threw ${String(error)} for ${JSON.stringify(payload)?.slice(0, 300)}`);
          else if (parsed.success) problems.push(`rejected a valid payload: ${String(error)}`);
        }
      }
    }),
  );
  return { problems, counts };
}

describe('fuzz: the engine', () => {
  it(`survives ${FUZZ_COUNTS.engine} hostile and malformed payloads`, { timeout: 60_000 }, async () => {
    const g = new Gen(0xc0ffee);
    const t = await testEngine();
    const refs = members(g, 60);
    const inputs = Array.from({ length: FUZZ_COUNTS.engine }, (_, n) => {
      const member = g.pick(refs);
      return { member, payload: payload(g, member, n) };
    });
    const { problems, counts } = await feed(t, inputs);
    expect(problems).toEqual([]);
    // The mix was what it was meant to be: mostly turns, a fair share of refusals.
    expect(counts.done).toBeGreaterThan(FUZZ_COUNTS.engine * 0.6);
    expect(counts.rejected).toBeGreaterThan(FUZZ_COUNTS.engine * 0.1);
    expect(await expectValidRecords(t, refs)).toBeGreaterThan(10);
    await t.store.close();
  });
});

describe('fuzz: the console', () => {
  it(`turns ${FUZZ_COUNTS.console} hostile lines into engine turns or a clear error`, {
    timeout: 60_000,
  }, async () => {
    const g = new Gen(0xbadf00d);
    const t = await testEngine();
    const refs: MemberRef[] = Array.from({ length: 10 }, (_, i) => ({
      platform: 'console',
      space: 'local',
      user: `c${i}`,
    }));
    const errors: string[] = [];
    const inputs: { member: MemberRef; payload: unknown }[] = [];
    for (let n = 0; n < FUZZ_COUNTS.console; n++) {
      const member = g.pick(refs);
      const jsonMode = g.chance(0.6);
      const line = g.pick<() => string>([
        () => g.text(),
        () => JSON.stringify({ text: g.text() }),
        () => JSON.stringify({ choice: g.chance(0.5) ? g.choiceId() : g.int(100) }),
        () => JSON.stringify({ form: { [g.pick(['names', g.word(), g.text()])]: g.text() } }),
        () => JSON.stringify({ command: g.commandName(), args: [g.text().slice(0, 1000)] }),
        () => json(g.mangle({ command: 'start', args: ['x'] })),
        () => json(g.garbage(3)),
        () => `{${g.text()}`,
        () => `  {"text": "${g.text()}"`,
        () => JSON.stringify({ choice: 'x'.repeat(300) }),
        () => JSON.stringify({ form: { ['k'.repeat(150)]: 'v' } }),
      ])();
      const parsed = parseLine(line, member, jsonMode, g.chance(0.5) ? { locale: 'nl-NL' } : {});
      if ('error' in parsed) {
        // Refused with a message that says what a line may be.
        expect(parsed.error).toMatch(
          /^((malformed JSON|unknown message): expected|protocol error: "|too long: )/,
        );
        errors.push(parsed.error);
      } else {
        // The console hands every payload to the engine as it is: a refused one would end the session.
        const valid = InboundSchema.safeParse(parsed.payload);
        if (!valid.success) errors.push(`invalid payload from ${line.slice(0, 200)}`);
        inputs.push({ member, payload: parsed.payload });
      }
    }
    const { problems } = await feed(t, inputs);
    expect(problems).toEqual([]);
    expect(errors.filter((e) => e.startsWith('invalid payload'))).toEqual([]);
    expect(errors.length).toBeGreaterThan(50);
    expect(inputs.length).toBeGreaterThan(FUZZ_COUNTS.console / 2);
    expect(await expectValidRecords(t, refs)).toBeGreaterThan(0);
    await t.store.close();
  });
});
