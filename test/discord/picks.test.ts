/**
 * A multi-select question through a real discord.js Client: a string select taking one option or
 * all, in its own row beside the buttons, and the member's selection handed to the engine as picks.
 */
import { ComponentType, InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, expect, it } from 'vitest';
import type { Reply } from '../../src/core/types.js';
import { interactionCreate, selectPick } from './fixtures.js';
import { callbackOf, type Harness, Member, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const TIMEOUT = 30_000;
const PEOPLE = ['Anna', 'Piet', 'Joost', 'Marieke'];
const question: Reply = {
  text: 'Which of these people are close to you?',
  pick: { options: PEOPLE.map((name, i) => ({ id: `p${i}`, label: name })), placeholder: 'Pick the people' },
  choices: [
    { id: 'none', label: 'None of them' },
    { id: 'skip', label: 'Skip the rest' },
  ],
};

type Body = Record<string, unknown>;

/** Every inbound event the engine is handed. */
function recordInbound(harness: Harness): unknown[] {
  const seen: unknown[] = [];
  const engine = harness.app.engine;
  const handle = engine.handle.bind(engine);
  engine.handle = (payload, options) => {
    seen.push(payload);
    return handle(payload, options);
  };
  return seen;
}

it(
  'sends a pick as a string select in its own row beside the buttons, and a selection as picks',
  async () => {
    h = await startHarness();
    const ada = new Member(h, '300000000000000031');
    const member = { platform: 'discord' as const, space: 'global', user: ada.user.id };
    await h.outbox.deliver(member, [question], { lang: 'en' });
    const { question: message } = await ada.nextQuestion();
    const rows = must(message.components, 'components') as unknown as { type: number; components: Body[] }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]?.components).toEqual([
      {
        type: ComponentType.StringSelect,
        custom_id: 'p',
        placeholder: 'Pick the people',
        min_values: 1,
        max_values: 4,
        options: PEOPLE.map((name, i) => ({ label: name, value: `p${i}` })),
      },
    ]);
    expect(rows[1]?.components.map((c) => c.label)).toEqual(['None of them', 'Skip the rest']);

    const seen = recordInbound(h);
    const pick = selectPick(ada.user, message, 'p', ['p1', 'p3']);
    h.fake.dispatch(interactionCreate(pick));
    await h.fake.waitFor(() => (seen.length > 0 ? seen : undefined));
    expect(seen).toEqual([expect.objectContaining({ kind: 'picks', member, values: ['p1', 'p3'] })]);
    // The question is answered in place: everything disabled, the chosen options marked.
    const update = must(callbackOf(h.fake.calls, pick.id), 'the select callback').body as Body;
    expect(update.type).toBe(InteractionResponseType.UpdateMessage);
    const [menuRow] = (update.data as { components: { components: Body[] }[] }).components;
    expect(menuRow?.components[0]).toMatchObject({
      disabled: true,
      options: [{ default: false }, { default: true }, { default: false }, { default: true }],
    });
  },
  TIMEOUT,
);

it(
  'keeps within five rows and 25 options when a pick sits beside many buttons',
  async () => {
    h = await startHarness();
    const ada = new Member(h, '300000000000000032');
    const member = { platform: 'discord' as const, space: 'global', user: ada.user.id };
    const crowded: Reply = {
      text: 'Who?',
      pick: {
        options: Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, label: `${'x'.repeat(120)}${i}` })),
        placeholder: 'Pick',
      },
      choices: Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, label: `Choice ${i}` })),
    };
    await h.outbox.deliver(member, [crowded], { lang: 'en' });
    const { question: message } = await ada.nextQuestion();
    const rows = must(message.components, 'components') as unknown as { components: Body[] }[];
    expect(rows.length).toBeLessThanOrEqual(5);
    const menu = rows[0]?.components[0] as { max_values: number; options: { label: string }[] };
    expect(menu.options).toHaveLength(25);
    expect(menu.max_values).toBe(25);
    expect(Math.max(...menu.options.map((o) => o.label.length))).toBeLessThanOrEqual(100);
  },
  TIMEOUT,
);
