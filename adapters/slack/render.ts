import type { types } from '@slack/bolt';
import { clip } from '../../src/core/clip.js';
import { withoutControls } from '../../src/core/controls.js';
import { withoutNavigation } from '../../src/core/navigation.js';
import { splitText as splitParts } from '../../src/core/split.js';
import { type Choice, type Form, MAX_PICK_OPTIONS, type Pick, type Reply } from '../../src/core/types.js';
import { fieldMaxLength } from '../../src/engine/form-length.js';
import type { Say } from '../../src/texts/texts.js';

/** Block Kit's documented limits, in one place (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  /** A section block's text. */
  sectionText: 3000,
  /** A button's or an option's label (plain_text). */
  label: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** Buttons shown side by side before a question turns into a select menu. */
  buttons: 5,
  /** Options of one static_select. */
  options: 100,
  /** Options of one multi_static_select here: a pick holds at most MAX_PICK_OPTIONS (Slack allows 100). */
  pickOptions: MAX_PICK_OPTIONS,
  /** A select menu's placeholder. */
  placeholder: 150,
  /** An option's value. */
  optionValue: 150,
  /** A modal's title, submit and close labels. */
  modalTitle: 24,
  /** A view's private_metadata. */
  privateMetadata: 3000,
  /** A plain_text_input's initial value and maximum length. */
  inputValue: 3000,
  /** The label of an input block. */
  inputLabel: 2000,
  /** Blocks of one message. */
  messageBlocks: 50,
  /** Elements of one actions block. */
  actionsElements: 25,
  /** Blocks of one view (modal or App Home). */
  viewBlocks: 100,
} as const;

/** The words the rendering needs besides the reply itself, in the member's language. */
export interface RenderWords {
  /** Placeholder of the select menu shown past five choices. */
  choose: string;
  /** Label of the button that opens a form as a modal. */
  openForm: string;
  /** Label of the button that sends what is ticked in a multi-select. */
  done: string;
}

export const wordsOf = (say: Say): RenderWords => ({
  choose: say('slack.choose'),
  openForm: say('slack.form.open'),
  done: say('slack.picks.done'),
});

/** A chat.postMessage body without its channel. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Ids of the interactive elements; the listeners match them. */
export const ACTION = {
  choice: 'weakties.choice',
  select: 'weakties.select',
  picks: 'weakties.picks',
  /** The button under a multi-select: Slack sends each tick on its own, so the member says when they are done. */
  picksDone: 'weakties.picks.done',
  openForm: 'weakties.form',
  homeContinue: 'weakties.home.continue',
  homeMap: 'weakties.home.map',
  homeLanguage: 'weakties.home.language',
  homeCoffee: 'weakties.home.coffee',
  invite: 'weakties.invite',
} as const;
export const FORM_CALLBACK = 'weakties.form';
export const FORM_INPUT = 'value';
/** The block that carries a question's buttons; everything else in a message is plain text. */
export const QUESTION_BLOCK = 'weakties.question';

/** The block_id of a question's buttons, with the key of the question they answer (see src/engine/question-key.ts). */
export const questionBlockId = (key?: string) => (key ? `${QUESTION_BLOCK}:${key}` : QUESTION_BLOCK);

/** The question key a block_id carries, if any. */
export function keyOfBlock(blockId: string | undefined): string | undefined {
  const prefix = `${QUESTION_BLOCK}:`;
  return blockId?.startsWith(prefix) ? blockId.slice(prefix.length) : undefined;
}

/**
 * Escapes text for Slack's mrkdwn so that member text is shown, not triggered: `<!channel>`,
 * `<!here>`, `<@U…>` and `<http://…|links>` all need the angle brackets, which become entities.
 * Control bytes and bidi overrides are dropped (src/core/controls.ts).
 */
export function escapeMrkdwn(text: string): string {
  return withoutControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Splits escaped text into parts no longer than `max`, at paragraph, line or word ends where one
 * is near, never inside a character or an entity (see src/core/split.ts).
 */
export const splitText = (text: string, max: number = LIMITS.sectionText): string[] =>
  splitParts(text, max, { entities: true });

/** A message's notification text (Slack's `text` beside its blocks): escaped, cut whole at the limit. */
export function fallbackText(text: string): string {
  const [first = '', ...more] = splitText(escapeMrkdwn(text), LIMITS.sectionText - 1);
  return more.length > 0 ? `${first}…` : first;
}

/** Sections of mrkdwn text; verbatim so Slack does not turn bare words into links or mentions. */
export function textSections(text: string): types.SectionBlock[] {
  return splitText(escapeMrkdwn(text)).map((part) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: part || ' ', verbatim: true },
  }));
}

const plain = (text: string, max: number = LIMITS.label): types.PlainTextElement => ({
  type: 'plain_text',
  text: clip(text, max),
  emoji: true,
});

function choiceButtons(choices: Choice[], from = 0): types.Button[] {
  return choices.map((choice, i) => ({
    type: 'button',
    action_id: `${ACTION.choice}.${from + i}`,
    text: plain(choice.label),
    value: choice.id,
  }));
}

/**
 * A long list as select menus of up to 100 options each, side by side in the question's block,
 * each saying which part of the list it holds ("Choose an answer (101–131)"), with the navigation
 * ("Back") as buttons after them, so nothing past the hundredth option, and never "Back", is lost.
 * `room` is how many elements the block has left.
 */
function choiceSelects(choices: Choice[], words: RenderWords, room: number): types.ActionsBlockElement[] {
  const { items, navigation } = withoutNavigation(choices);
  const buttons = choiceButtons(navigation.slice(0, Math.max(0, room - 1)));
  const parts = Math.min(Math.ceil(items.length / LIMITS.options), room - buttons.length);
  const selects = Array.from({ length: parts }, (_, i): types.StaticSelect => {
    const part = items.slice(i * LIMITS.options, (i + 1) * LIMITS.options);
    const range = ` (${i * LIMITS.options + 1}–${i * LIMITS.options + part.length})`;
    return {
      type: 'static_select',
      action_id: i === 0 ? ACTION.select : `${ACTION.select}.${i}`,
      placeholder: plain(parts > 1 ? `${words.choose}${range}` : words.choose, LIMITS.placeholder),
      options: part.map((choice) => ({
        text: plain(choice.label),
        value: clip(choice.id, LIMITS.optionValue),
      })),
    };
  });
  return [...selects, ...buttons];
}

/**
 * A multi-select question: any number of its options, then "Done". Slack sends a payload for every
 * tick (its docs: "each time an item is chosen"), so the ticks only fill the menu's state, and the
 * button sends them (see fromBlockActions).
 */
function pickElements(pick: Pick, words: RenderWords): types.ActionsBlockElement[] {
  const done: types.Button = {
    type: 'button',
    action_id: ACTION.picksDone,
    text: plain(words.done),
    value: 'done',
    style: 'primary',
  };
  return [pickSelect(pick), done];
}

function pickSelect(pick: Pick): types.MultiStaticSelect {
  return {
    type: 'multi_static_select',
    action_id: ACTION.picks,
    placeholder: plain(pick.placeholder, LIMITS.placeholder),
    options: pick.options
      .slice(0, LIMITS.pickOptions)
      .map((option) => ({ text: plain(option.label), value: clip(option.id, LIMITS.optionValue) })),
  };
}

/** The form travels in its button, so opening it needs no memory of what was asked. */
export function encodeForm(form: Form): string {
  const full = JSON.stringify(form);
  if (full.length <= LIMITS.buttonValue) return full;
  const fields = form.fields.map((f) => ({ ...f, label: clip(f.label, 100), value: undefined }));
  return JSON.stringify({ ...form, title: clip(form.title, LIMITS.modalTitle), fields });
}

function formButton(form: Form, words: RenderWords): types.Button {
  return {
    type: 'button',
    action_id: ACTION.openForm,
    text: plain(words.openForm),
    value: encodeForm(form),
    style: 'primary',
  };
}

/** The answer to a mention in a channel: an invitation, with a button that opens the DM when known. */
export function renderInvite(text: string, button: string, link?: string): SlackMessage {
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (link)
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION.invite, text: plain(button), url: link }],
    });
  return { text, blocks };
}

/** Slack's link that opens the app's Messages tab in a workspace. */
export const appLink = (app: string, team: string) =>
  `https://slack.com/app_redirect?app=${encodeURIComponent(app)}&team=${encodeURIComponent(team)}`;

/**
 * A reply as a message: text sections, then its buttons, a select past five choices, a form
 * button, and a multi-select for a pick (its buttons, such as "None of them", beside it). `questionKey` names the question the buttons answer.
 */
export function renderReply(reply: Reply, words: RenderWords, questionKey?: string): SlackMessage {
  const blocks: types.KnownBlock[] = textSections(reply.text);
  const choices = reply.choices ?? [];
  const elements: types.ActionsBlockElement[] = [];
  if (reply.form) elements.push(formButton(reply.form, words));
  if (reply.pick && reply.pick.options.length > 0) elements.push(...pickElements(reply.pick, words));
  if (choices.length > LIMITS.buttons)
    elements.push(...choiceSelects(choices, words, LIMITS.actionsElements - elements.length));
  else elements.push(...choiceButtons(choices));
  if (elements.length > 0) blocks.push({ type: 'actions', block_id: questionBlockId(questionKey), elements });
  return { text: fallbackText(reply.text), blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

/** A message of text only, for the adapter's own notes. */
export const renderText = (text: string): SlackMessage => ({
  text: fallbackText(text),
  blocks: textSections(text).slice(0, LIMITS.messageBlocks),
});

/** True when a reply asks something the member can answer with buttons, a multi-select or a form. */
export const isQuestion = (reply: Reply): boolean =>
  (reply.choices?.length ?? 0) > 0 || (reply.pick?.options.length ?? 0) > 0 || reply.form !== undefined;

/**
 * A question's message once it is answered or outdated: the same text without its buttons, and
 * (when answered here) a line saying what was picked, so an old button cannot be pressed again.
 */
export function retiredBlocks(blocks: readonly unknown[], answered?: string): types.KnownBlock[] {
  const kept = blocks.filter(
    (b): b is types.KnownBlock =>
      typeof b === 'object' && b !== null && (b as { type?: unknown }).type !== 'actions',
  );
  if (answered === undefined) return kept;
  return [
    ...kept,
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: fallbackText(answered), verbatim: true }],
    },
  ];
}

/** The modal a form button opens; private_metadata carries where the question was asked. */
export function renderModal(form: Form, metadata: string, cancel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: metadata.slice(0, LIMITS.privateMetadata),
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submit, LIMITS.modalTitle),
    close: plain(cancel, LIMITS.modalTitle),
    blocks: form.fields.map(
      (field): types.InputBlock => ({
        type: 'input',
        block_id: field.id,
        optional: field.optional ?? false,
        label: plain(field.label, LIMITS.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: FORM_INPUT,
          multiline: field.multiline ?? false,
          max_length: Math.min(LIMITS.inputValue, fieldMaxLength(form)),
          ...(field.value
            ? { initial_value: clip(field.value, Math.min(LIMITS.inputValue, fieldMaxLength(form))) }
            : {}),
        },
      }),
    ),
  };
}
