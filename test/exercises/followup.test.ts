/** Follow-ups of commitments: the "did you ask?" question, notes to a busy member, moving and cancelling, in process. */
import { describe, expect, it } from 'vitest';
import { type Conversation, conversation } from '../helpers/conversation.js';
import { say } from '../helpers/texts.js';
import { addDays, atHour, part } from './scripts.js';

const GOAL = 'a new job';
/** Every SMART letter and an easy way out: no letter is asked, and after whom and why, the review. */
const REQUEST =
  'Could you give me quick feedback on my CV before Friday because I apply soon? No worries if not.';

/** From the welcome to the menu, with an ask of Dirk planned in three days at 09:00 (predicted: 2 of 5). */
async function planAsk(c: Conversation) {
  await c.start();
  await c.press('menu').asks('menu.prompt');
  await c.press('ask-for-help').asks('help.intro');
  await c.press('begin').asks('help.goal');
  await c.send(GOAL).asks('help.need');
  await c.press('introduction').asks('help.belief');
  await c.press('b2').asks('help.reversal');
  await c.send('I help').asks('help.request');
  await c.send(REQUEST).asks('help.whomEmpty');
  await c.send('Dirk').asks('help.why', { name: 'Dirk' });
  await c.press('skip').asksText(say('en', 'help.review'), 'contains');
  await c.press('take').asks('help.channel');
  await c.press('call').asks('help.date', { name: 'Dirk' });
  await c.press('d3').asks('when.hour');
  await c.press('h9').asks('help.offer');
  await c.send('A CV review').asks('menu.prompt').completes('ask-for-help');
  const date = c.clock.day(3);
  return { date, due: atHour(addDays(date, 1), 9) };
}

describe('the follow-up of an ask', () => {
  it('asks "did you ask?" when the member is idle, and records a yes with its story', async () => {
    const c = await conversation();
    const { date, due } = await planAsk(c);
    await c
      .due(due)
      .asks('followup.asked', { name: 'Dirk', goal: GOAL, date: c.said(date) })
      .offers(['yes', 'no', 'notyet', 'drop']);
    await c.press('yes').asks('followup.story');
    const done = await c.send('She introduced me to two people');
    // One answer is no rate: counts until there are five.
    expect(done.texts.join('\n')).toContain('1 of 1 said yes so far; you expected 2 of five.');
    const { member } = await c.exported();
    expect(member.commitments[0]).toMatchObject({
      outcome: 'yes',
      status: 'done',
      story: 'She introduced me to two people',
    });
  });

  it('only leaves a note when the member is busy, keeps their place, and asks once the exercise is left', async () => {
    const c = await conversation();
    const { due } = await planAsk(c);
    await c.press('awareness').asks('awareness.intro');
    await c.press('begin').asksText(part(1), 'contains');
    const busy = await c.press('none').asksText(part(2), 'contains');
    const note = await c.due(due);
    expect(note.replies).toHaveLength(1);
    expect(note.replies[0]?.text).toMatch(/follow-up on your ask.*after this exercise/);
    expect(await c.current()).toEqual(busy.question);
    // The place is kept: the next answer belongs to the same part.
    await c.press('none').asksText(part(3), 'contains');
    // Leaving the exercise for the menu brings the waiting question.
    await c.send('menu').asks('followup.asked', { name: 'Dirk', goal: GOAL, date: c.said(c.clock.day(-1)) });
  });

  it('"not yet" moves the commitment: the old job is cancelled and a new one planned', async () => {
    const c = await conversation();
    const { due } = await planAsk(c);
    const before = await c.exported();
    const oldJob = before.member.commitments[0].jobId;
    expect(before.jobs.map((j) => j.id)).toEqual([oldJob]);
    await c.due(due).asks('followup.asked', { name: 'Dirk', goal: GOAL, date: c.said(c.clock.day(-1)) });
    await c.press('notyet');
    await c.press('d7');
    const moved = c.clock.day(7);
    const { member, jobs } = await c.exported();
    expect(member.commitments[0]).toMatchObject({ date: moved, status: 'open' });
    const newJob = member.commitments[0].jobId;
    expect(newJob).not.toBe(oldJob);
    expect(member.jobs).toEqual([newJob]);
    expect(jobs).toEqual([
      expect.objectContaining({ id: newJob, kind: 'help.followup', due: atHour(addDays(moved, 1), 9) }),
    ]);
  });

  it('a cancelled commitment gets no follow-up', async () => {
    const c = await conversation();
    const { due } = await planAsk(c);
    await c.send('commitments').offers(['c1', 'menu']);
    await c.press('c1');
    await c.press('cancel');
    const { member, jobs } = await c.exported();
    expect(member.commitments[0]?.status).toBe('cancelled');
    expect(jobs).toEqual([]);
    expect(member.jobs).toEqual([]);
    const later = c.due(due);
    expect(await later.delivered).toBe(0);
    expect((await later).replies).toEqual([]);
  });
});

/** From the welcome to the request question of ask for help, with no one on the map. */
async function toRequest(c: Conversation, goal: string) {
  await c.start();
  await c.press('menu');
  await c.press('ask-for-help');
  await c.press('begin');
  await c.send(goal);
  await c.press('introduction');
  await c.press('b3');
  await c.send('I help').asks('help.request');
}

describe('ask for help', () => {
  it('asks per missing SMART letter once, and never loops', async () => {
    const c = await conversation();
    await toRequest(c, 'x');
    await c.send('Can you help me?').asks('help.whomEmpty');
    await c.send('Bob').asks('help.why', { name: 'Bob' });
    await c.press('skip').asks('smart.S');
    for (const letter of ['M', 'A', 'R', 'T']) await c.press('keep').asks(`smart.${letter}`);
    await c.press('keep').asksText(say('en', 'help.review'), 'contains');
  });

  it('asks whom before any SMART letter when no one is chosen yet', async () => {
    const c = await conversation();
    await toRequest(c, 'x');
    await c
      .send('Can you help me?')
      .saysOnly(say('en', 'help.smartCheck', { marks: 'S ·  M ·  A ·  R ·  T ·' }))
      .asks('help.whomEmpty');
  });

  it('asks the time zone once when the platform gave none, then schedules at the hour', async () => {
    const c = await conversation({ timezone: null, at: '2026-03-01T09:00:00Z' });
    await c.start();
    await c.press('menu');
    await c.press('ask-for-help');
    await c.press('begin');
    await c.send('g');
    await c.press('introduction');
    await c.press('b3');
    await c.send('I help');
    await c.send(REQUEST);
    await c.send('Dirk').asks('help.why', { name: 'Dirk' });
    await c.press('skip').asksText(say('en', 'help.review'), 'contains');
    await c.press('take');
    await c.press('call').asks('help.date', { name: 'Dirk' });
    await c.press('d1').asks('when.timezone');
    await c.send('Mars/Base').saysOnly(say('en', 'when.badZone')).asks('when.timezone');
    expect(say('en', 'when.badZone')).toMatch(/don't know that time zone/);
    await c.send('Europe/Amsterdam').asks('when.hour');
    await c.press('h19').asks('help.offer');
    const { member, jobs } = await c.exported();
    expect(member.timezone).toBe('Europe/Amsterdam');
    expect(jobs).toEqual([
      expect.objectContaining({ kind: 'help.followup', due: '2026-03-03T18:00:00.000Z' }),
    ]);

    // Once known, the zone (and the hour) is not asked again.
    await c.send('A CV review').asks('menu.prompt');
    const hook = [
      await c.press('hook'),
      await c.send('Summit'),
      await c.press('d1'),
      await c.press('inperson'),
      await c.send('AI'),
      await c.send('Meet people'),
      await c.send('I work on it'),
      await c.press('open'),
      await c.press('use').asks('hook.followUps', { suggestion: say('en', 'hook.followUpsFor.next') }),
      await c.press('use').asks('hook.intro'),
      await c.send('I am an analyst').asks('hook.closing'),
      await c.press('connect').asks('menu.prompt').says('hook.debriefPlanned'),
    ];
    const asked = hook.flatMap((t) => t.replies.map((r) => r.text));
    expect(asked).not.toContain(say('en', 'when.timezone'));
    expect(asked).not.toContain(say('en', 'when.hour'));
  });
});
