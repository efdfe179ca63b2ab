import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIMessageTopLevelComponent,
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  TextInputStyle,
} from 'discord.js';
import { clip } from '../../src/core/clip.js';
import { withoutControls } from '../../src/core/controls.js';
import { withoutNavigation } from '../../src/core/navigation.js';
import { splitText } from '../../src/core/split.js';
import type { Choice, Form, Pick, Reply } from '../../src/core/types.js';
import { fieldMaxLength } from '../../src/engine/form-length.js';
import type { Say } from '../../src/texts/texts.js';

/** Discord's limits on what one message, component or modal may hold (API v10). */
export const LIMITS = {
  content: 2000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  selectOptions: 25,
  placeholder: 150,
  customId: 100,
  buttonLabel: 80,
  optionLabel: 100,
  optionValue: 100,
  modalTitle: 45,
  inputLabel: 45,
  inputsPerModal: 5,
  inputValue: 4000,
} as const;

/**
 * What a component's custom_id carries: the engine's choice id, or which form (and which part
 * of it, for forms longer than one modal) a button or modal belongs to. Written here, read by
 * the listeners.
 */
export type ComponentAction =
  | { type: 'choice'; value: string }
  | { type: 'select' }
  | { type: 'picks' }
  | { type: 'openForm'; form: string; part: number }
  | { type: 'submitForm'; form: string; part: number }
  | { type: 'page'; page: number }
  | { type: 'unknown' };

export const customId = {
  choice: (value: string) => `c:${value}`,
  select: (index: number) => `s:${index}`,
  picks: 'p',
  openForm: (form: string, part = 0) => `f:${part}:${form}`,
  submitForm: (form: string, part = 0) => `m:${part}:${form}`,
  page: (page: number) => `n:${page}`,
};

/** "3:names" → part 3 of form "names". */
function formPart(rest: string): { form: string; part: number } | undefined {
  const match = /^(\d{1,2}):(.+)$/.exec(rest);
  return match ? { part: Number(match[1]), form: match[2] as string } : undefined;
}

export function readCustomId(id: string): ComponentAction {
  const colon = id.indexOf(':');
  const [prefix, rest] = colon < 0 ? [id, ''] : [id.slice(0, colon), id.slice(colon + 1)];
  if (prefix === 'c' && rest) return { type: 'choice', value: rest };
  if (prefix === 's') return { type: 'select' };
  if (prefix === 'n' && /^\d{1,4}$/.test(rest)) return { type: 'page', page: Number(rest) };
  if (id === customId.picks) return { type: 'picks' };
  const form = formPart(rest);
  if (prefix === 'f' && form) return { type: 'openForm', ...form };
  if (prefix === 'm' && form) return { type: 'submitForm', ...form };
  return { type: 'unknown' };
}

/** How many modals a form takes: Discord shows at most five text inputs in one. */
export const modalCount = (form: Form): number =>
  Math.max(1, Math.ceil(form.fields.length / LIMITS.inputsPerModal));

/** The fields of one part of a form. */
export const partFields = (form: Form, part: number): Form['fields'] =>
  form.fields.slice(part * LIMITS.inputsPerModal, (part + 1) * LIMITS.inputsPerModal);

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** No echoed text may ever ping anyone: @everyone, roles and users are all switched off. */
export const NO_MENTIONS = { parse: [] as never[] };

/** One Discord message, in the options shape discord.js sends (channel.send, editReply, followUp). */
export interface Outgoing {
  content: string;
  components?: Row[];
  files?: { attachment: Buffer; name: string; description?: string }[];
  allowedMentions: typeof NO_MENTIONS;
}

/** The words render needs from the member's language. */
export interface RenderWords {
  formButton: string;
  choose: string;
  /** The button that shows the next page of a long list. */
  more: string;
}

export const wordsOf = (say: Say): RenderWords => ({
  formButton: say('discord.formButton'),
  choose: say('discord.choose'),
  more: say('discord.more'),
});

const row = (components: APIComponentInMessageActionRow[]): Row => ({
  type: ComponentType.ActionRow,
  components,
});

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const choiceButton = (choice: Choice): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  style: ButtonStyle.Secondary,
  custom_id: clip(customId.choice(choice.id), LIMITS.customId),
  label: clip(choice.label, LIMITS.buttonLabel),
});

const formButton = (form: Form, words: RenderWords): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  style: ButtonStyle.Primary,
  custom_id: clip(customId.openForm(form.id), LIMITS.customId),
  label: clip(words.formButton, LIMITS.buttonLabel),
});

const selectMenu = (choices: Choice[], index: number, words: RenderWords): APIStringSelectComponent => ({
  type: ComponentType.StringSelect,
  custom_id: customId.select(index),
  placeholder: words.choose,
  options: choices.map((c) => ({
    label: clip(c.label, LIMITS.optionLabel),
    value: clip(c.id, LIMITS.optionValue),
  })),
});

/** A multi-select question: one menu taking one option or all of them, sent when it closes. */
const pickMenu = (pick: Pick): APIStringSelectComponent => {
  const options = pick.options.slice(0, LIMITS.selectOptions);
  return {
    type: ComponentType.StringSelect,
    custom_id: customId.picks,
    placeholder: clip(pick.placeholder, LIMITS.placeholder),
    min_values: 1,
    max_values: options.length,
    options: options.map((o) => ({
      label: clip(o.label, LIMITS.optionLabel),
      value: clip(o.id, LIMITS.optionValue),
    })),
  };
};

const pageButton = (page: number, pages: number, words: RenderWords): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  style: ButtonStyle.Primary,
  custom_id: customId.page((page + 1) % pages),
  label: clip(`${words.more} (${page + 1}/${pages})`, LIMITS.buttonLabel),
});

/**
 * Buttons (five a row) while they fit in `rows` rows; else select menus of 25 options each, with
 * the form button and the navigation ("Back") as buttons in a last row. A list longer than the
 * select menus can hold is shown a page at a time, with a button to the next page beside the
 * navigation, so every choice can be reached and "Back" never drops off the end.
 */
function buttonRows(
  choices: Choice[],
  opener: APIButtonComponentWithCustomId[],
  rows: number,
  words: RenderWords,
  page: number,
) {
  const buttons = [...opener, ...choices.map(choiceButton)];
  if (buttons.length <= LIMITS.buttonsPerRow * rows) return chunk(buttons, LIMITS.buttonsPerRow).map(row);
  const { items, navigation } = withoutNavigation(choices);
  const fixed = [...opener, ...navigation.map(choiceButton)].slice(0, LIMITS.buttonsPerRow - 1);
  const selectRows = rows - 1;
  const perPage = selectRows * LIMITS.selectOptions;
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const at = Math.min(Math.max(0, page), pages - 1);
  const selects = chunk(items.slice(at * perPage, (at + 1) * perPage), LIMITS.selectOptions).map((part, i) =>
    row([selectMenu(part, at * selectRows + i, words)]),
  );
  const last = pages > 1 ? [...fixed, pageButton(at, pages, words)] : fixed;
  return last.length > 0 ? [...selects, row(last)] : selects;
}

/**
 * The components of a question: a pick's menu in a row of its own, then the buttons (five a
 * row) while they fit in the rows left, else select menus of 25 options each, a page at a time
 * (`page`) when there are more. A form adds a button that opens it as a modal.
 */
export function renderComponents(reply: Reply, words: RenderWords, page = 0): Row[] {
  const choices = reply.choices ?? [];
  const opener = reply.form ? [formButton(reply.form, words)] : [];
  const pick = reply.pick && reply.pick.options.length > 0 ? [row([pickMenu(reply.pick)])] : [];
  return [...pick, ...buttonRows(choices, opener, LIMITS.rowsPerMessage - pick.length, words, page)];
}

/** Splits text into message-sized parts at a paragraph, line or word near the limit, never inside a character. */
export const splitContent = (text: string, max: number = LIMITS.content): string[] => splitText(text, max);

const ZWSP = '\u200b';

/**
 * Member-written text (an intro line, a shared topic) made inert: control bytes dropped, markdown
 * escaped, and mention syntax (`@everyone`, `@here`, `<@id>`, `<@&role>`, `<#channel>`,
 * `</command:id>`) broken with a zero-width space, so it shows as typed and never renders as a
 * mention. allowed_mentions already keeps it from pinging anyone; this keeps it from even
 * looking like a ping.
 */
export const escapeMemberText = (text: string): string => escapeText(text, true);

function escapeText(text: string, lists: boolean): string {
  return escapeMarkdown(withoutControls(text), {
    heading: true,
    bulletedList: lists,
    numberedList: lists,
    maskedLink: true,
  })
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(?=[@#/])/g, `<${ZWSP}`);
}

/**
 * A reply's text as message contents. Replies are plain text that can carry another member's
 * words (a partner's intro line, a name on a map), so everything that would render is escaped
 * as in escapeMemberText, except list markers the coach writes itself. The text is split before
 * escaping (so no cut falls between a backslash and what it escapes), each part small enough to
 * stay within the limit once escaped.
 */
export function contentParts(text: string, limit: number = LIMITS.content, size = limit): string[] {
  return splitContent(text, size).flatMap((part) => {
    const escaped = escapeText(part, false);
    if (escaped.length <= limit || part.length <= 1) return [escaped];
    return contentParts(part, limit, Math.max(1, Math.floor((part.length * limit) / escaped.length) - 1));
  });
}

/** One reply as Discord messages: long text split, components and attachments on the last one. */
export function renderReply(reply: Reply, words: RenderWords): Outgoing[] {
  const parts = contentParts(reply.text);
  const files: NonNullable<Outgoing['files']> = [];
  if (reply.image)
    files.push({
      attachment: Buffer.from(reply.image.png),
      name: 'network-map.png',
      description: reply.image.alt,
    });
  if (reply.file) files.push({ attachment: Buffer.from(reply.file.content, 'utf8'), name: reply.file.name });
  const components = renderComponents(reply, words);
  return parts.map((content, i) => {
    const last = i === parts.length - 1;
    return {
      content,
      allowedMentions: NO_MENTIONS,
      ...(last && components.length > 0 ? { components } : {}),
      ...(last && files.length > 0 ? { files } : {}),
    };
  });
}

/** A plain text message, for the adapter's own notes. */
export const renderText = (content: string): Outgoing => ({
  content: withoutControls(content),
  allowedMentions: NO_MENTIONS,
});

/** One part of a form as a modal: each field a labelled text input, at most five. */
export function renderModal(form: Form, part = 0): APIModalInteractionResponseCallbackData {
  const count = modalCount(form);
  const title = count > 1 ? `${form.title} (${part + 1}/${count})` : form.title;
  return {
    custom_id: clip(customId.submitForm(form.id, part), LIMITS.customId),
    title: clip(title, LIMITS.modalTitle),
    components: partFields(form, part).map((field) => ({
      type: ComponentType.Label,
      label: clip(field.label, LIMITS.inputLabel),
      component: {
        type: ComponentType.TextInput,
        custom_id: field.id,
        style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: !field.optional,
        max_length: Math.min(LIMITS.inputValue, fieldMaxLength(form)),
        ...(field.value
          ? { value: clip(field.value, Math.min(LIMITS.inputValue, fieldMaxLength(form))) }
          : {}),
      },
    })),
  };
}

/** A modal cannot open another: the next part of a long form opens from a button on a note. */
export function renderNextPart(form: Form, part: number, content: string, words: RenderWords): Outgoing {
  return {
    content,
    allowedMentions: NO_MENTIONS,
    components: [
      row([
        { ...formButton(form, words), custom_id: clip(customId.openForm(form.id, part), LIMITS.customId) },
      ]),
    ],
  };
}

/**
 * A question's components after it was answered: everything disabled, the pressed button
 * (or the picked option) marked, so the conversation shows what was chosen.
 */
export function answeredComponents(
  components: APIMessageTopLevelComponent[],
  pressed: { customId: string; values?: string[] },
): APIMessageTopLevelComponent[] {
  return components.map((top) => {
    if (top.type !== ComponentType.ActionRow) return top;
    return {
      ...top,
      components: top.components.map((c): APIComponentInMessageActionRow => {
        if (c.type === ComponentType.Button && 'custom_id' in c) {
          const style = c.custom_id === pressed.customId ? ButtonStyle.Success : c.style;
          return { ...c, style, disabled: true } as APIComponentInMessageActionRow;
        }
        if (c.type === ComponentType.StringSelect) {
          const picked = c.custom_id === pressed.customId ? (pressed.values ?? []) : [];
          return {
            ...c,
            disabled: true,
            options: c.options.map((o) => ({ ...o, default: picked.includes(o.value) })),
          };
        }
        return { ...c, disabled: true } as APIComponentInMessageActionRow;
      }),
    };
  });
}
