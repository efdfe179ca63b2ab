import type { APIMessage } from 'discord-api-types/v10';
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createMemberRepo } from '../../src/store/members.js';
import { openEvents } from '../helpers/commitments.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { buttonPress, interactionCreate, selectPick } from './fixtures.js';
import { callbackOf, type Harness, Member, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The option values and button ids of a message, in order. */
const ids = (m: APIMessage): string[] =>
  (m.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((c) =>
          'options' in c ? c.options.map((o) => o.value) : 'custom_id' in c ? [c.custom_id] : [],
        )
      : [],
  );

it('pages 131 open commitments, keeps "Back" in view, and takes a choice from the second page (issue 15.13)', async () => {
  h = await startHarness();
  const harness = h;
  const ada = new Member(harness, '100000000000000031');
  await ada.type('hello');
  const state = must(
    await storedState(harness.app, { platform: 'discord', space: 'global', user: ada.user.id }),
    'Ada',
  );
  const commitments = openEvents(131);
  await createMemberRepo(harness.app.store, silentLogger).save({ ...state, commitments });
  await ada.press('menu');
  const list = (await ada.press('commitments')).question;
  expect(ids(list)).toContain('k100');
  expect(ids(list)).not.toContain('k131');
  expect(ids(list).slice(-2)).toEqual(['c:menu', 'n:1']);

  const turn = buttonPress(ada.user, list, 'n:1');
  harness.fake.dispatch(interactionCreate(turn));
  await harness.fake.waitFor(() => callbackOf(harness.fake.calls, turn.id));
  const second = must(
    harness.fake.messages.find((m) => m.id === list.id),
    'the list',
  );
  expect(ids(second)).toContain('k131');
  expect(ids(second).slice(-2)).toEqual(['c:menu', 'n:0']);

  const select = must(
    (second.components ?? [])
      .flatMap((row): { custom_id?: string; options?: { value: string }[] }[] =>
        'components' in row ? (row.components as never[]) : [],
      )
      .find((c) => c.options?.some((o) => o.value === 'k131')),
    'the select with k131',
  ) as { custom_id: string };
  harness.fake.dispatch(interactionCreate(selectPick(ada.user, second, select.custom_id, ['k131'])));
  const item = await ada.nextQuestion();
  expect(item.question.content).toContain('Meetup 131');
  expect(ids(item.question)).toContain('c:back');
  expect(harness.fake.violations).toEqual([]);
  expect(say('en', 'commitments.move')).toBeTruthy();
}, 60_000);
