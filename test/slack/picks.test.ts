/**
 * A multi-select question through the real Bolt app: posted as a multi_static_select beside its
 * buttons, and a member's selection, signed as Slack sends it, handed to the engine as picks.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACTION } from '../../adapters/slack/render.js';
import type { Reply } from '../../src/core/types.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { type Harness, SlackMember, startHarness } from './harness.js';

let h: Harness;
let anna: SlackMember;
beforeEach(async () => {
  h = await startHarness({ users: { U1: { locale: 'en-US' } } });
  anna = new SlackMember(h, 'U1');
});
afterEach(async () => {
  await h.close();
});

const PEOPLE = ['Anna', 'Piet', 'Joost', 'Marieke'];
const question: Reply = {
  text: 'Which of these people are close to you?',
  pick: { options: PEOPLE.map((name, i) => ({ id: `p${i}`, label: name })), placeholder: 'Pick the people' },
  choices: [{ id: 'none', label: 'None of them' }],
};

/** Every inbound event the engine is handed, as the adapter sends it. */
function recordInbound(): unknown[] {
  const seen: unknown[] = [];
  const engine = h.app.engine;
  const handle = engine.handle.bind(engine);
  engine.handle = (payload, options) => {
    seen.push(payload);
    return handle(payload, options);
  };
  return seen;
}

it('posts a pick as a multi-select beside its buttons, and hands a selection to the engine as picks', async () => {
  await h.adapter.outbox.deliver(anna.member, [question], { lang: 'en' });
  const elements = anna.elements();
  const select = elements.find((e) => e.type === 'multi_static_select') as Record<string, unknown>;
  expect(select).toMatchObject({
    action_id: ACTION.picks,
    placeholder: { type: 'plain_text', text: 'Pick the people' },
    options: PEOPLE.map((name, i) => ({ text: { type: 'plain_text', text: name }, value: `p${i}` })),
  });
  // "Done" follows the menu, and the question's own button stays beside them, in the same block.
  expect(elements.map((e) => e.type)).toEqual(['multi_static_select', 'button', 'button']);
  expect(elements[1]).toMatchObject({ action_id: 'weakties.picks.done', text: { text: 'Done' } });
  expect(elements[2]).toMatchObject({ value: 'none', text: { text: 'None of them' } });

  const seen = recordInbound();
  const sent = await anna.pick(['p0', 'p2']);
  expect(sent.status).toBe(200);
  expect(seen).toEqual([
    expect.objectContaining({ kind: 'picks', member: anna.member, values: ['p0', 'p2'] }),
  ]);
  // The question is answered: its menu is taken off and what was picked is shown under it.
  const update = h.fake.callsOf('chat.update').at(-1);
  const blocks = update?.args.blocks as { type: string; elements?: { text: string }[] }[];
  expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  expect(blocks.at(-1)?.elements?.[0]?.text).toContain('Anna, Joost');
});

it('keeps within Slack limits: at most 25 options, labels of 75 and a placeholder of 150 characters', async () => {
  const long: Reply = {
    text: 'Who?',
    pick: {
      options: Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, label: `${'x'.repeat(90)}${i}` })),
      placeholder: 'y'.repeat(200),
    },
  };
  await h.adapter.outbox.deliver(anna.member, [long], { lang: 'en' });
  const select = anna.elements().find((e) => e.type === 'multi_static_select') as unknown as {
    placeholder: { text: string };
    options: { text: { text: string }; value: string }[];
  };
  expect(select.options).toHaveLength(25);
  expect(Math.max(...select.options.map((o) => o.text.text.length))).toBeLessThanOrEqual(75);
  expect(select.placeholder.text.length).toBeLessThanOrEqual(150);
});

it('a selection on an older question is stale and reaches no engine', async () => {
  await h.adapter.outbox.deliver(anna.member, [question], { lang: 'en' });
  const old = anna.question();
  await h.adapter.outbox.deliver(anna.member, [{ ...question, text: 'And these?' }], { lang: 'en' });
  const seen = recordInbound();
  await anna.pick(['p1'], old);
  expect(seen).toEqual([]);
});

it('rates the map by groups in a DM: ticks in the menu, then "Done", store the rings chosen', async () => {
  await anna.say('hello');
  await anna.press('begin');
  await anna.press('begin');
  await anna.fillForm({ names: 'Anna, Piet, Joost' });
  // Every part of life and work question answered "none" until the first group question.
  for (let turn = 0; turn < 30 && !anna.elements().some((e) => e.type === 'multi_static_select'); turn++)
    await anna.press('none');
  expect(anna.lastText()).toContain(say('en', 'rateGroup.inner'));
  const options = anna.elements().find((e) => e.type === 'multi_static_select')?.options ?? [];
  const idOf = (name: string) => options.find((o) => o.text.text === name)?.value ?? name;
  await anna.pick([idOf('Anna'), idOf('Joost')]);
  expect(anna.lastText()).toContain(say('en', 'rateGroup.middle'));
  const state = await storedState(h.app, anna.member);
  expect(state?.network.people.map((p) => [p.name, p.ring])).toEqual([
    ['Anna', 'inner'],
    ['Piet', null],
    ['Joost', 'inner'],
  ]);
});
