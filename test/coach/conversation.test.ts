/** The language-model coach inside whole exercises, in process: its words while the server answers, scripted after. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoach } from '../../src/coach/uses.js';
import { silentLogger } from '../../src/log.js';
import { conversation } from '../helpers/conversation.js';
import { texts } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai.js';

let fake: FakeOpenAi;
let open = false;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  open = true;
});
afterEach(async () => {
  if (open) await fake.close();
});

const GOAL = 'Move into a data role at a health company';
const REQUEST = 'Could you introduce me to someone at Acme because I want to move into data work';

/** The coach `weakties` builds from OPENAI_BASE_URL (model gpt-4.1-mini) and COACH_TIMEOUT_MS=1500. */
const coachAt = (baseUrl: string) =>
  createCoach({
    config: { baseUrl, model: 'gpt-4.1-mini', timeoutMs: 1500, dailyBudget: 40 },
    texts,
    log: silentLogger,
  });

describe('a conversation with the language-model coach', () => {
  it('shows the model reflection and draft, then completes scripted once the server is gone', async () => {
    const c = await conversation({ lang: 'en', engine: { coach: coachAt(fake.url) } });
    await c.start();
    await c.press('menu');
    await c.press('ask-for-help');
    await c.press('begin');
    const goal = await c.send(GOAL).asksText('MODEL QUESTION: what would a first small step be?');
    expect(goal.texts).toContain('MODEL REFLECTION: you care about this (goal).');
    await c.press('skip').asks('help.need');
    await c.press('introduction');
    await c.press('b3').asks('help.reversal');
    const request = await c.send('I help, gladly');
    expect(request.texts[0]).toBe('MODEL REFLECTION: you care about this (reversal).');
    const draft = await c.send(REQUEST).offers(['use', 'keep']);
    expect(draft.texts).toContain('MODEL FEEDBACK: clear and kind; a time frame would help.');

    // The server goes away mid-conversation: the rest of the exercise runs on the scripted path.
    await fake.close();
    open = false;
    let turn = await c.press('keep');
    const planned: Record<string, () => ReturnType<typeof c.send>> = {
      [say('en', 'help.whomEmpty')]: () => c.send('Dirk'),
      [say('en', 'help.why', { name: 'Dirk' })]: () => c.press('skip'),
      [say('en', 'help.channel')]: () => c.press('call'),
      [say('en', 'help.date', { name: 'Dirk' })]: () => c.press('d7'),
      [say('en', 'when.hour')]: () => c.press('h9'),
      [say('en', 'help.offer')]: () => c.send('A CV review'),
    };
    for (let i = 0; i < 12 && turn.question?.text !== say('en', 'menu.prompt'); i++) {
      const smart = turn.question?.choices?.some((ch) => ch.id === 'keep');
      const review = turn.question?.choices?.some((ch) => ch.id === 'take');
      const next = smart
        ? () => c.press('keep')
        : review
          ? () => c.press('take')
          : planned[turn.question?.text ?? ''];
      if (!next) throw new Error(`no planned answer for: ${turn.question?.text}\n${c.describe()}`);
      turn = await next();
    }
    expect(turn.texts.some((t) => t.startsWith('Your request\n'))).toBe(true);
    expect(turn.events.map((e) => e.exercise)).toEqual(['ask-for-help']);

    // A hook afterwards, still without the server: no model reflection, the scripted opener.
    c.leave();
    await c.start();
    await c.send('menu');
    await c.press('hook');
    await c.send('Data in Care conference');
    await c.press('d0');
    await c.press('inperson');
    await c.send('AI ethics');
    await c.send('Meet two people');
    await c
      .send('we struggle with fair models at work')
      .check((t) => expect(t.replies).toHaveLength(1))
      .asks('hook.people');
    const suggestion = say('en', 'hook.are', {
      topic: 'AI ethics',
      reason: 'because we struggle with fair models at work',
      ending: say('en', 'hook.ending.next'),
    });
    await c.press('open').asks('hook.opener', { topic: 'AI ethics', suggestion });
  });
});
