import { afterEach, describe, expect, it } from 'vitest';
import type { Inbound, MemberRef } from '../../src/core/types.js';
import type { Commitment } from '../../src/engine/records.js';
import type { State } from '../../src/engine/state.js';
import { newState, type StepEnv, step } from '../../src/engine/step.js';
import { testEngine, texts } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

const member: MemberRef = { platform: 'console', space: 'local', user: 'u' };
const env: StepEnv = { texts, now: new Date('2026-03-01T09:00:00Z'), revisitDays: 7, defaultLang: 'en' };
const text = (t: string): Inbound => ({ kind: 'text', id: 'e', member, text: t });

describe.each(['en', 'nl'] as const)('the event debrief (%s)', (lang) => {
  const event: Commitment = {
    id: 'c2',
    kind: 'event',
    title: 'Data Summit',
    date: '2026-03-05',
    jobId: 'j2',
    status: 'open',
    createdAt: '2026-03-01T09:00:00.000Z',
  };
  const atDebrief: State = {
    ...newState(member, lang, env.now),
    timezone: 'Europe/Amsterdam',
    commitments: [event],
    flow: { at: 'debrief.people', commitment: 'c2' },
  };

  it('a list ending means nobody was met', () => {
    const result = step(atDebrief, text(lang === 'en' ? 'nobody' : 'niemand'), env);
    expect(result.state?.network.people).toEqual([]);
    expect(result.state?.commitments[0]).toMatchObject({ status: 'done', met: 0 });
    expect(result.replies[0]?.text).toBe(say(lang, 'debrief.done'));
  });

  it('people met keep their notes, shown beside their names', () => {
    const typed = lang === 'en' ? 'Sara - runs the data team at Acme, Tom' : 'Sara (leidt het datateam), Tom';
    const note = lang === 'en' ? 'runs the data team at Acme' : 'leidt het datateam';
    const result = step(atDebrief, text(typed), env);
    expect(result.state?.network.people.map((p) => [p.name, p.note, p.ring])).toEqual([
      ['Sara', note, 'outer'],
      ['Tom', undefined, 'outer'],
    ]);
    expect(result.replies[0]?.text).toBe(say(lang, 'debrief.added', { names: `Sara (${note}), Tom` }));
  });
});

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.store.close();
  h = undefined;
});

describe.each(['en', 'nl'] as const)('adding people in "my network" (%s)', (lang) => {
  /** A map with Anna de Vries, then "my network" → add → family. */
  async function toAddNames(harness: Harness) {
    await harness.command('start', [lang]);
    await harness.choice('begin');
    await harness.choice('begin');
    await harness.text('Anna de Vries');
    await harness.command('network');
    await harness.choice('add');
    await harness.choice('family');
    expect((await harness.state())?.flow).toMatchObject({ at: 'network.addNames', domain: 'family' });
  }

  it('a list ending goes back to the parts of life and adds nobody', async () => {
    h = await testEngine();
    await toAddNames(h);
    await h.text(lang === 'en' ? 'none' : 'geen');
    expect((await h.state())?.flow.at).toBe('network.addDomain');
    expect((await h.state())?.network.people.map((p) => p.name)).toEqual(['Anna de Vries']);
  });

  it('a matching first name is asked about, then back to the parts of life', async () => {
    h = await testEngine();
    await toAddNames(h);
    await h.text('Anna, Oma');
    expect(h.lastText()).toBe(say(lang, 'people.same', { typed: 'Anna', name: 'Anna de Vries' }));
    await h.text(lang === 'en' ? 'no' : 'nee');
    const state = await h.state();
    expect(state?.flow.at).toBe('network.addDomain');
    expect(state?.network.people.map((p) => [p.name, p.domain])).toEqual([
      ['Anna de Vries', 'work'],
      ['Oma', 'family'],
      ['Anna', 'family'],
    ]);
  });
});
