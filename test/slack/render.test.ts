import { describe, expect, it } from 'vitest';
import { decodeForm } from '../../adapters/slack/inbound.js';
import {
  ACTION,
  appLink,
  encodeForm,
  escapeMrkdwn,
  QUESTION_BLOCK,
  renderInvite,
  renderModal,
  renderReply,
  retiredBlocks,
  splitText,
  textSections,
} from '../../adapters/slack/render.js';
import type { Form } from '../../src/core/types.js';
import { MAX_ANSWER_LENGTH } from '../../src/engine/step.js';

const words = { choose: 'Choose…', openForm: 'Type your answer', done: 'Done' };
const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Choice ${i}` }));
const namesForm: Form = {
  id: 'names',
  title: 'Current work',
  submit: 'Send',
  fields: [{ id: 'names', label: 'First names or initials, separated by commas', multiline: true }],
};

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel> hi', '&lt;!channel&gt; hi'],
    ['<!here>', '&lt;!here&gt;'],
    ['<@U123ABC>', '&lt;@U123ABC&gt;'],
    ['<https://evil.example|click me>', '&lt;https://evil.example|click me&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['&lt; stays visible', '&amp;lt; stays visible'],
  ])('%s', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('renderReply', () => {
  it('renders text as verbatim mrkdwn sections, escaped, with an escaped fallback text', () => {
    const message = renderReply({ text: 'Added: <!here>, <@U1>.' }, words);
    expect(message.text).toBe('Added: &lt;!here&gt;, &lt;@U1&gt;.');
    expect(message.blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Added: &lt;!here&gt;, &lt;@U1&gt;.', verbatim: true },
      },
    ]);
  });

  it('shows up to five choices as buttons whose value is the choice id', () => {
    const message = renderReply({ text: 'Pick', choices: choices(5) }, words);
    const actions = message.blocks.at(-1) as { type: string; block_id: string; elements: unknown[] };
    expect(actions.type).toBe('actions');
    expect(actions.block_id).toBe(QUESTION_BLOCK);
    const keyed = renderReply({ text: 'Pick', choices: choices(2) }, words, 'k3y').blocks.at(-1);
    expect(keyed).toMatchObject({ block_id: `${QUESTION_BLOCK}:k3y` });
    expect(actions.elements).toEqual(
      choices(5).map((c, i) => ({
        type: 'button',
        action_id: `${ACTION.choice}.${i}`,
        text: { type: 'plain_text', text: c.label, emoji: true },
        value: c.id,
      })),
    );
  });

  it('turns six or more choices into one static select', () => {
    const message = renderReply({ text: 'Pick', choices: choices(11) }, words);
    const actions = message.blocks.at(-1) as { elements: { type: string; options: unknown[] }[] };
    expect(actions.elements).toHaveLength(1);
    expect(actions.elements[0]?.type).toBe('static_select');
    expect(actions.elements[0]?.options).toHaveLength(11);
  });

  it('puts a form behind a primary button that carries the form', () => {
    const message = renderReply({ text: 'Names?', choices: choices(1), form: namesForm }, words);
    const actions = message.blocks.at(-1) as {
      elements: { action_id: string; value: string; style?: string }[];
    };
    const [form, choice] = actions.elements;
    expect(form?.action_id).toBe(ACTION.openForm);
    expect(form?.style).toBe('primary');
    expect(decodeForm(form?.value ?? '')).toEqual(namesForm);
    expect(choice?.action_id).toBe(`${ACTION.choice}.0`);
  });

  it('clips labels to the 75 characters a button allows', () => {
    const long = 'x'.repeat(100);
    const message = renderReply({ text: 'Pick', choices: [{ id: 'a', label: long }] }, words);
    const actions = message.blocks.at(-1) as { elements: { text: { text: string } }[] };
    expect([...(actions.elements[0]?.text.text ?? '')]).toHaveLength(75);
  });

  it('splits a text longer than a section allows', () => {
    const text = `${'a'.repeat(2000)}\n\n${'b'.repeat(2000)}`;
    expect(splitText(text)).toEqual(['a'.repeat(2000), 'b'.repeat(2000)]);
    expect(renderReply({ text }, words).blocks).toHaveLength(2);
  });

  it('never cuts an emoji or an entity in half (issue 15.9)', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const emoji = '👍🏽'.repeat(1001);
    const parts = splitText(emoji);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(emoji);
    for (const part of parts) {
      expect(part).not.toMatch(lone);
      expect(part.length % '👍🏽'.length).toBe(0);
    }
    const sections = textSections(`x${'&'.repeat(1500)}`);
    expect(sections.length).toBeGreaterThan(1);
    const texts = sections.map((b) => b.text?.text ?? '');
    for (const text of texts) {
      expect(text).toMatch(/^x?(?:&amp;)+$/);
      expect(text.length).toBeLessThanOrEqual(3000);
    }
    expect(texts.join('')).toBe(`x${'&amp;'.repeat(1500)}`);
    expect(renderReply({ text: '&'.repeat(1500) }, words).text).toMatch(/^(?:&amp;)+…$/);
  });

  it('drops control bytes and bidi overrides from what it shows (issue 15.11)', () => {
    const message = renderReply({ text: 'Anna\u001b]0;pwned\u0007 \u202ekcatta\u0000 <!here>' }, words);
    const shown = JSON.stringify(message);
    for (const bad of ['\u001b', '\u0007', '\u0000', '\u202e', '\\u001b', '\\u0007', '\\u0000'])
      expect(shown).not.toContain(bad);
    expect(message.text).toBe('Anna kcatta &lt;!here&gt;');
  });

  it('lets a form take no more than the engine accepts (issue 15.10)', () => {
    const three: Form = {
      id: 'three',
      title: 'Three',
      submit: 'Send',
      fields: ['a', 'b', 'c'].map((id) => ({ id, label: id, value: 'v'.repeat(3000) })),
    };
    const inputs = renderModal(three, '{}', 'Cancel').blocks as {
      element: { max_length: number; initial_value: string };
    }[];
    const total = inputs.reduce((n, b) => n + b.element.max_length, 0);
    expect(total).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
    expect(total).toBeGreaterThan(MAX_ANSWER_LENGTH - 3);
    for (const b of inputs)
      expect([...b.element.initial_value].length).toBeLessThanOrEqual(b.element.max_length);
  });

  it('keeps a form button value under 2000 characters', () => {
    const big: Form = {
      ...namesForm,
      fields: [{ id: 'x', label: 'y'.repeat(3000), value: 'z'.repeat(3000) }],
    };
    expect(encodeForm(big).length).toBeLessThanOrEqual(2000);
  });
});

describe('retiredBlocks', () => {
  const blocks = renderReply({ text: 'Pick', choices: choices(2) }, words).blocks;

  it('drops the buttons and says what was answered', () => {
    expect(retiredBlocks(blocks, '✓ <!channel>')).toEqual([
      blocks[0],
      { type: 'context', elements: [{ type: 'mrkdwn', text: '✓ &lt;!channel&gt;', verbatim: true }] },
    ]);
  });

  it('only drops the buttons when nothing was answered here', () => {
    expect(retiredBlocks(blocks)).toEqual([blocks[0]]);
  });
});

describe('renderModal', () => {
  it('is a modal with one input per field, named by the field id', () => {
    const modal = renderModal(
      { ...namesForm, title: 'A title far longer than twenty-four' },
      '{"form":"names"}',
      'Cancel',
    );
    expect(modal.type).toBe('modal');
    expect(modal.callback_id).toBe('weakties.form');
    expect([...modal.title.text].length).toBeLessThanOrEqual(24);
    expect(modal.private_metadata).toBe('{"form":"names"}');
    expect(modal.blocks).toEqual([
      {
        type: 'input',
        block_id: 'names',
        optional: false,
        label: { type: 'plain_text', text: namesForm.fields[0]?.label, emoji: true },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: MAX_ANSWER_LENGTH,
        },
      },
    ]);
  });

  it('fills a field with its current value', () => {
    const modal = renderModal(
      { id: 'rename', title: 'Name', submit: 'Send', fields: [{ id: 'name', label: 'Name', value: 'Anna' }] },
      '{}',
      'Cancel',
    );
    expect(modal.blocks[0]).toMatchObject({ element: { initial_value: 'Anna' } });
  });
});

describe('renderInvite', () => {
  it('is the invitation text with a button linking to the app in the workspace', () => {
    const message = renderInvite('Hi <@U1>!', 'Continue in a DM', appLink('A0001', 'T0001'));
    expect(message).toEqual({
      text: 'Hi <@U1>!',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Hi <@U1>!' } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: ACTION.invite,
              text: { type: 'plain_text', text: 'Continue in a DM', emoji: true },
              url: 'https://slack.com/app_redirect?app=A0001&team=T0001',
            },
          ],
        },
      ],
    });
  });
});
