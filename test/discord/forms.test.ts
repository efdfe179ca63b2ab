import { describe, expect, it } from 'vitest';
import { afterPart, createPendingForms } from '../../adapters/discord/forms.js';
import { modalCount, partFields, renderModal, renderNextPart } from '../../adapters/discord/render.js';
import type { Form } from '../../src/core/types.js';

const formOf = (n: number): Form => ({
  id: 'profile',
  title: 'About you',
  submit: 'Send',
  fields: Array.from({ length: n }, (_, i) => ({ id: `f${i + 1}`, label: `Field ${i + 1}` })),
});

describe('forms longer than one modal', () => {
  it.each([
    [1, 1],
    [5, 1],
    [6, 2],
    [11, 3],
  ])('%i fields take %i modal(s)', (fields, modals) => {
    expect(modalCount(formOf(fields))).toBe(modals);
  });

  it('splits the fields five by five, numbering the parts in the title', () => {
    const form = formOf(7);
    expect(partFields(form, 1).map((f) => f.id)).toEqual(['f6', 'f7']);
    const second = renderModal(form, 1);
    expect(second.custom_id).toBe('m:1:profile');
    expect(second.title).toBe('About you (2/2)');
    expect(second.components).toHaveLength(2);
    expect(renderModal(form).components).toHaveLength(5);
    expect(renderModal(formOf(1)).title).toBe('About you');
  });

  it('collects the parts and hands over the whole answer after the last', () => {
    const form = formOf(7);
    const first = afterPart(form, 0, {}, { f1: 'a', f5: 'e' });
    expect(first).toEqual({ next: 1, fields: { f1: 'a', f5: 'e' } });
    const fields = 'next' in first ? first.fields : {};
    expect(afterPart(form, 1, fields, { f6: 'f', f7: 'g' })).toEqual({
      done: { f1: 'a', f5: 'e', f6: 'f', f7: 'g' },
    });
    expect(afterPart(formOf(1), 0, {}, { f1: 'x' })).toEqual({ done: { f1: 'x' } });
  });

  it('offers the next part on a button of an ephemeral note', () => {
    const note = renderNextPart(formOf(7), 1, 'Part 2 of 2 is next.', {
      formButton: 'Type',
      choose: '',
      more: '',
    });
    expect(note.components?.[0]?.components[0]).toMatchObject({ custom_id: 'f:1:profile', label: 'Type' });
    expect(note.allowedMentions).toEqual({ parse: [] });
  });

  it('keeps the earlier parts per member and form until dropped', () => {
    const pending = createPendingForms();
    pending.keep('u1', 'profile', 'm1', { f1: 'a' });
    expect(pending.get('u1', 'profile')).toEqual({ form: 'profile', question: 'm1', fields: { f1: 'a' } });
    expect(pending.get('u1', 'other')).toBeUndefined();
    pending.drop('u1');
    expect(pending.get('u1', 'profile')).toBeUndefined();
  });
});
