import { expect, it } from 'vitest';
import { questionKey } from '../../src/engine/question-key.js';

it('names a question by the flow step and overlay it asks from', () => {
  const recall = { flow: { at: 'awareness.recall', domain: 0, probed: false }, overlay: null } as const;
  expect(questionKey(recall)).toBe(questionKey({ ...recall }));
  expect(questionKey(recall)).not.toBe(questionKey({ ...recall, flow: { ...recall.flow, probed: true } }));
  expect(questionKey(recall)).not.toBe(questionKey({ ...recall, overlay: 'language' }));
  expect(questionKey(recall)).toMatch(/^[\w-]{16}$/);
});
