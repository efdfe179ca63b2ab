/**
 * The next step after the map, in process: named people to start with, asking one of them for
 * help with the person already chosen, and a reminder to get back in touch that comes back when due.
 */
import { describe, expect, it } from 'vitest';
import { CommitmentSchema } from '../../src/engine/records.js';
import { draft } from '../../src/exercises/ask-for-help/index.js';
import { conversation } from '../helpers/conversation.js';
import { say } from '../helpers/texts.js';
import { fivePeopleMap } from './scripts.js';

const START =
  'To start: Bob (an acquaintance from a former job, not in touch for three years or more) and Eve (an acquaintance among your friends).';

describe('the next step after the map', () => {
  it('names the weak and dormant ties, and asking one of them opens ask-for-help with them chosen', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start();
    const map = await fivePeopleMap(c);
    // Every resource was "nobody": the why points at the help the member cannot reach yet.
    expect(map.question?.text).toBe(
      `${START} ${say('en', 'nextStep.why.gaps', { list: 'an introduction to an organisation, salary levels and someone on a board' })}\n\n${say('en', 'nextStep.prompt')}`,
    );
    expect(map.question?.choices?.map((ch) => ch.label)).toEqual([
      'Ask Bob for help',
      'Ask Eve for help',
      say('en', 'nextStep.remind'),
      say('en', 'common.backToMenu'),
    ]);

    await c.press('Ask Bob for help').says('nextStep.askStart', { name: 'Bob' }).asks('help.goal');
    expect((await c.exported()).member.drafts['ask-for-help']).toMatchObject({
      whom: 'Bob',
      parts: { name: 'Bob' },
    });
    await c.send('Find a job in a hospital').asks('help.need');
    await c.press('advice').asks('help.belief');
    await c.press('b3').asks('help.reversal');
    await c.send('I help when I can').asks('help.request');
    // Whom is known: no "whom?" question; "why Bob?" comes instead, and the message greets Bob.
    await c.send('Could you tell me how you moved into hospital work').asks('help.why', { name: 'Bob' });
    await c.press('skip').asks('smart.M');
    const composed = (await c.exported()).member.drafts['ask-for-help'];
    expect(composed.request).toMatch(/^Hi Bob,\n/);
  });

  it('sets a reminder to get back in touch, and asks a week later whether it happened', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start();
    await fivePeopleMap(c);
    const whom = await c.press('remind').asks('nextStep.whom');
    expect(whom.question?.choices?.map((ch) => ch.label)).toEqual([
      'Bob',
      'Eve',
      say('en', 'common.backToMenu'),
    ]);
    const weekOn = c.clock.day(7);
    await c
      .press('Bob')
      .says('nextStep.reminded', { name: 'Bob', date: c.said(weekOn) })
      .asks('menu.prompt');

    const dump = await c.exported();
    const commitment = dump.member.commitments.at(-1);
    expect(commitment).toMatchObject({ kind: 'reconnect', person: 'Bob', date: weekOn, status: 'open' });
    const job = dump.jobs.find((j) => j.kind === 'reconnect.followup');
    if (!job) throw new Error('no follow-up was planned');
    expect(job).toMatchObject({ commitment: commitment.id, due: `${weekOn}T09:00:00.000Z` });

    // "My commitments" lists it.
    await c.press('commitments').check((turn) => {
      expect(turn.question?.choices?.map((ch) => ch.label)).toContain(
        say('en', 'commitments.reconnect', { name: 'Bob', date: c.said(weekOn) }),
      );
    });
    await c.press('menu').asks('menu.prompt');

    // Not a minute early; then once, at the member's hour on the day.
    c.leave();
    expect(await c.due(new Date(Date.parse(job.due) - 60_000)).delivered).toBe(0);
    expect(await c.due(job.due).delivered).toBe(1);
    await c.start().asks('followup.reconnect', { name: 'Bob', date: c.said(weekOn) });
    await c
      .press('done')
      .says('followup.reconnectThanks')
      .says('followup.inTouch', { name: 'Bob' })
      .asks('menu.prompt');
    const after = await c.exported();
    expect(after.member.commitments.at(-1).status).toBe('done');
    // Back in touch: Bob is no longer dormant on the map.
    expect(after.member.network.people.find((p: { name: string }) => p.name === 'Bob').contact).toBe(
      'weekly',
    );
  });

  it('reads the records stored before reminders and asks with a chosen person existed', () => {
    const old = { id: 'c1', kind: 'coffee', title: 'Send the article', jobId: 'j', date: '2026-03-01' };
    const stored = { ...old, status: 'open', createdAt: '2026-02-01T00:00:00.000Z' };
    expect(CommitmentSchema.parse(stored).kind).toBe('coffee');
    expect(CommitmentSchema.parse({ ...stored, kind: 'reconnect', person: 'Bob' }).kind).toBe('reconnect');
    expect(draft.parse({ goal: 'A new job', whom: 'Anna' }).askWhy).toBeUndefined();
  });
});
