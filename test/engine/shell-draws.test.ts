import { afterEach, describe, expect, it } from 'vitest';
import { migrateState, STATE_VERSION } from '../../src/engine/state.js';
import { newState } from '../../src/engine/step.js';
import { testEngine } from '../helpers/engine.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.store.close();
  h = undefined;
});

describe('the shell draws what the pure step asks for', () => {
  it('turns the map command into a PNG after the turn, and keeps the drawing out of the record', async () => {
    const e = await testEngine();
    h = e;
    await e.command('start');
    await e.choice('begin');
    await e.choice('begin');
    await e.text('Anna, Piet');
    await e.command('map');
    const picture = e.sent.find((s) => s.reply.image)?.reply;
    expect(picture?.image?.png.subarray(1, 4).toString()).toBe('PNG');
    expect(picture?.image?.alt).toMatch(/2/);
    expect(e.sent.some((s) => s.reply.draw)).toBe(false);
    expect(JSON.stringify(await e.state())).not.toContain('"draw"');
  });
});

describe('records of version 1', () => {
  it('are migrated on read: the ask-for-help flows, parked places, time questions and draft take the exercise name', () => {
    const member = { platform: 'console', space: 'local', user: 'old' } as const;
    const v2 = newState(member, 'en', new Date('2026-01-01T00:00:00Z'));
    const v1 = {
      ...v2,
      v: 1,
      flow: { at: 'when.hour', resume: 'help' },
      parked: { 'ask-for-help': { at: 'help.smart', letter: 'M' }, hook: { at: 'hook.goal' } },
      drafts: { help: { smartAsked: ['S'], goal: 'a new job' } },
    };
    const migrated = migrateState(v1);
    expect(migrated.v).toBe(STATE_VERSION);
    expect(migrated.flow).toEqual({ at: 'when.hour', resume: 'ask-for-help' });
    expect(migrated.parked).toEqual({
      'ask-for-help': { at: 'ask-for-help.smart', letter: 'M' },
      hook: { at: 'hook.goal' },
    });
    expect(migrated.drafts['ask-for-help']?.goal).toBe('a new job');
    const deepen = {
      at: 'coach.deepen',
      question: 'q?',
      field: 'goal',
      index: 0,
      resume: { at: 'help.need' },
    };
    expect(migrateState({ ...v1, flow: deepen }).flow).toMatchObject({ resume: { at: 'ask-for-help.need' } });
  });

  it('are refused when they cannot be read, as before', () => {
    expect(() => migrateState({ v: 1, flow: { at: 'help.nowhere' } })).toThrow();
  });
});
