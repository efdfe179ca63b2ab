import { expect, it } from 'vitest';
import { fromBlockActions } from '../../adapters/slack/inbound.js';
import { questionKey } from '../../adapters/slack/question-key.js';
import { blockActions } from './fixtures.js';

it('names a question by the flow step and overlay it asks from', () => {
  const recall = { flow: { at: 'awareness.recall', domain: 0, probed: false }, overlay: null } as const;
  expect(questionKey(recall)).toBe(questionKey({ ...recall }));
  expect(questionKey(recall)).not.toBe(questionKey({ ...recall, flow: { ...recall.flow, probed: true } }));
  expect(questionKey(recall)).not.toBe(questionKey({ ...recall, overlay: 'language' }));
  expect(questionKey(recall)).toMatch(/^[\w-]{16}$/);
});

it('reads the question key back from the block a pressed button sits in', () => {
  const message = {
    channel: 'DU1',
    ts: '1.000001',
    text: 'Pick',
    blocks: [
      {
        type: 'actions',
        block_id: 'weakties.question:AbC123',
        elements: [{ type: 'button', action_id: 'weakties.choice.0', value: 'yes' }],
      },
    ],
  };
  const body = blockActions('U1', message, {
    action_id: 'weakties.choice.0',
    type: 'button',
    value: 'yes',
    label: 'Yes',
  });
  expect(fromBlockActions(body)?.questionKey).toBe('AbC123');
});
