import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  answeredComponents,
  readCustomId,
  renderComponents,
  renderModal,
  renderReply,
  splitContent,
} from '../../adapters/discord/render.js';
import type { Choice, Form, Reply } from '../../src/core/types.js';
import { MAX_ANSWER_LENGTH } from '../../src/engine/step.js';
import { discordMessageProblems } from '../helpers/platform-limits.js';

const words = { formButton: 'Type your answer', choose: 'Choose an answer', more: 'More choices' };
const choices = (n: number): Choice[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, label: `Person ${i + 1}` }));
const namesForm: Form = {
  id: 'names',
  title: 'Current work',
  submit: 'Send',
  fields: [{ id: 'names', label: 'First names or initials', multiline: true }],
};
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
const shape = (rows: Row[]) => rows.map((r) => r.components.map((c) => c.type));

describe('renderComponents', () => {
  it.each([
    [1, [1]],
    [5, [5]],
    [7, [5, 2]],
    [25, [5, 5, 5, 5, 5]],
  ])('puts %i choices on buttons, five a row', (n, perRow) => {
    const rows = renderComponents({ text: 'q', choices: choices(n) }, words);
    expect(rows.map((r) => r.components.length)).toEqual(perRow);
    expect(rows[0]?.components[0]).toEqual({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: 'c:p1',
      label: 'Person 1',
    });
  });

  it('puts the form button first, as the primary action', () => {
    const rows = renderComponents(
      { text: 'q', choices: [{ id: 'none', label: 'Nobody' }], form: namesForm },
      words,
    );
    expect(rows[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual([
      'f:0:names',
      'c:none',
    ]);
    expect(rows[0]?.components[0]).toMatchObject({ style: ButtonStyle.Primary, label: 'Type your answer' });
  });

  it('switches to select menus of 25 options past 25 buttons', () => {
    const rows = renderComponents({ text: 'q', choices: choices(60) }, words);
    expect(shape(rows)).toEqual([
      [ComponentType.StringSelect],
      [ComponentType.StringSelect],
      [ComponentType.StringSelect],
    ]);
    const sizes = rows.map((r) =>
      r.components[0]?.type === ComponentType.StringSelect ? r.components[0].options.length : 0,
    );
    expect(sizes).toEqual([25, 25, 10]);
    expect(rows[2]?.components[0]).toMatchObject({ custom_id: 's:2', placeholder: 'Choose an answer' });
  });

  it('keeps a form button beside select menus and never passes five rows', () => {
    const rows = renderComponents({ text: 'q', choices: choices(60), form: namesForm }, words);
    expect(shape(rows)).toEqual([
      [ComponentType.StringSelect],
      [ComponentType.StringSelect],
      [ComponentType.StringSelect],
      [ComponentType.Button],
    ]);
    expect(rows[3]?.components[0]).toMatchObject({ custom_id: 'f:0:names' });
  });

  it('pages a long list and keeps "Back" in view on every page (issue 15.13)', () => {
    const list = [...choices(131), { id: 'back', label: 'Back' }];
    const ids = (rows: ReturnType<typeof renderComponents>) =>
      rows.flatMap((r) =>
        r.components.flatMap((c) =>
          c.type === ComponentType.StringSelect
            ? c.options.map((o) => o.value)
            : ['custom_id' in c ? c.custom_id : ''],
        ),
      );
    const first = renderComponents({ text: 'q', choices: list }, words);
    expect(discordMessageProblems({ content: 'q', components: first })).toEqual([]);
    expect(ids(first).slice(-2)).toEqual(['c:back', 'n:1']);
    expect(ids(first)).toContain('p100');
    expect(ids(first)).not.toContain('p101');
    expect(readCustomId('n:1')).toEqual({ type: 'page', page: 1 });
    const second = renderComponents({ text: 'q', choices: list }, words, 1);
    expect(discordMessageProblems({ content: 'q', components: second })).toEqual([]);
    expect(ids(second).slice(0, 1)).toEqual(['p101']);
    expect(ids(second)).toContain('p131');
    // The last page leads back to the first.
    expect(ids(second).slice(-2)).toEqual(['c:back', 'n:0']);
    const seen = new Set([...ids(first), ...ids(second)]);
    expect(choices(131).every((c) => seen.has(c.id))).toBe(true);
    expect(second.at(-1)?.components.at(-1)).toMatchObject({ label: 'More choices (2/2)' });
  });

  it('clips labels to what Discord accepts', () => {
    const long = 'x'.repeat(120);
    const [row] = renderComponents({ text: 'q', choices: [{ id: 'a', label: long }] }, words);
    const button = row?.components[0];
    expect(button && 'label' in button ? button.label?.length : 0).toBe(80);
  });
});

describe('renderComponents with a pick', () => {
  const pick = { options: choices(3), placeholder: 'Pick the people' };

  it('puts the pick in the first row, its buttons below, and reads its custom id back', () => {
    const rows = renderComponents({ text: 'Who?', pick, choices: choices(2) }, words);
    expect(shape(rows)).toEqual([[ComponentType.StringSelect], [ComponentType.Button, ComponentType.Button]]);
    const menu = rows[0]?.components[0] as { custom_id: string; min_values: number; max_values: number };
    expect(menu).toMatchObject({ min_values: 1, max_values: 3 });
    expect(readCustomId(menu.custom_id)).toEqual({ type: 'picks' });
  });

  it('leaves four rows to a form and many choices, so the message keeps to five', () => {
    const rows = renderComponents({ text: 'Who?', pick, form: namesForm, choices: choices(60) }, words);
    expect(rows).toHaveLength(5);
    expect(shape(rows)).toEqual([
      [ComponentType.StringSelect],
      [ComponentType.StringSelect],
      [ComponentType.StringSelect],
      [ComponentType.StringSelect],
      [ComponentType.Button],
    ]);
  });
});

describe('renderReply', () => {
  it('sends plain text with mentions switched off (and broken, so none even looks like one)', () => {
    expect(renderReply({ text: 'Hi @everyone' }, words)).toEqual([
      { content: 'Hi @\u200beveryone', allowedMentions: { parse: [] } },
    ]);
  });

  it('splits long text at line breaks and keeps components and files for the last part', () => {
    const text = Array.from({ length: 60 }, (_, i) => `line ${i} `.padEnd(70, '.')).join('\n');
    const reply: Reply = {
      text,
      choices: choices(2),
      image: { png: new Uint8Array([137, 80, 78, 71]), alt: 'A map of 2 people' },
    };
    const parts = renderReply(reply, words);
    expect(parts.length).toBe(3);
    expect(parts.every((p) => p.content.length <= 2000 && p.allowedMentions.parse.length === 0)).toBe(true);
    expect(parts.map((p) => p.content).join('\n')).toBe(text);
    expect(parts.slice(0, -1).some((p) => p.components || p.files)).toBe(false);
    expect(parts.at(-1)?.files).toEqual([
      {
        attachment: Buffer.from([137, 80, 78, 71]),
        name: 'network-map.png',
        description: 'A map of 2 people',
      },
    ]);
  });

  it('attaches an export file', () => {
    const [message] = renderReply(
      { text: 'Here it is', file: { name: 'weakties-export.json', content: '{}' } },
      words,
    );
    expect(message?.files).toEqual([{ attachment: Buffer.from('{}'), name: 'weakties-export.json' }]);
  });

  it('never cuts an emoji in half (issue 15.9)', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const family = '👨‍👩‍👧';
    const text = `${'a'.repeat(1995)}${family.repeat(300)}`;
    const parts = splitContent(text);
    expect(parts.join('')).toBe(text);
    expect(parts[0]).toBe('a'.repeat(1995));
    for (const part of parts) {
      expect(part).not.toMatch(lone);
      expect(part.length).toBeLessThanOrEqual(2000);
    }
    for (const part of parts.slice(1)) expect(part.replaceAll(family, '')).toBe('');
  });

  it('escapes markup and mentions in a reply, drops control bytes, and stays within 2000 (issue 15.11)', () => {
    const [message] = renderReply(
      { text: 'Ben: "[win](http://evil.example) </coach help:1> <@&42> @everyone **b**\u001b[31m"' },
      words,
    );
    expect(message?.content).toBe(
      'Ben: "\\[win](http://evil.example) <\u200b/coach help:1> <\u200b@&42> @\u200beveryone \\*\\*b\\*\\*"',
    );
    const starred = renderReply({ text: '*'.repeat(3000) }, words);
    expect(starred.every((m) => m.content.length <= 2000)).toBe(true);
    expect(starred.map((m) => m.content.replaceAll('\\', '')).join('')).toBe('*'.repeat(3000));
  });

  it('cuts a text without line breaks at the limit', () => {
    expect(splitContent('a'.repeat(4500)).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});

describe('renderModal', () => {
  it('shows each field as a labelled text input', () => {
    const form: Form = {
      id: 'rename',
      title: 'A title that is much longer than forty-five characters',
      submit: 'Save',
      fields: [{ id: 'name', label: 'Name', value: 'Anna' }],
    };
    expect(renderModal(form)).toEqual({
      custom_id: 'm:0:rename',
      title: 'A title that is much longer than forty-five…',
      components: [
        {
          type: ComponentType.Label,
          label: 'Name',
          component: {
            type: ComponentType.TextInput,
            custom_id: 'name',
            style: TextInputStyle.Short,
            required: true,
            max_length: MAX_ANSWER_LENGTH,
            value: 'Anna',
          },
        },
      ],
    });
    expect(renderModal(namesForm).components[0]).toMatchObject({
      component: { style: TextInputStyle.Paragraph },
    });
  });
});

it('lets a form take no more than the engine accepts, over all its modals (issue 15.10)', () => {
  const seven: Form = {
    id: 'seven',
    title: 'Seven',
    submit: 'Send',
    fields: Array.from({ length: 7 }, (_, i) => ({ id: `f${i}`, label: `f${i}` })),
  };
  const maxima = [0, 1].flatMap((part) =>
    renderModal(seven, part).components.map(
      (c) => (c as { component: { max_length: number } }).component.max_length,
    ),
  );
  expect(maxima).toHaveLength(7);
  expect(maxima.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
});

describe('answeredComponents', () => {
  const rows = [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: 'f:0:names', label: 'Type' },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: 'c:none', label: 'Nobody' },
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: 's:0',
          options: [
            { label: 'Anna', value: 'p1' },
            { label: 'Bram', value: 'p2' },
          ],
        },
      ],
    },
  ] satisfies Row[];

  it('disables everything and marks what was chosen', () => {
    const pressed = answeredComponents(rows, { customId: 'c:none' }) as Row[];
    expect(pressed.flatMap((r) => r.components).every((c) => 'disabled' in c && c.disabled)).toBe(true);
    expect(pressed[0]?.components.map((c) => ('style' in c ? c.style : undefined))).toEqual([
      ButtonStyle.Primary,
      ButtonStyle.Success,
    ]);
    const picked = answeredComponents(rows, { customId: 's:0', values: ['p2'] }) as Row[];
    const select = picked[1]?.components[0];
    expect(select?.type === ComponentType.StringSelect && select.options.map((o) => o.default)).toEqual([
      false,
      true,
    ]);
  });
});
