/**
 * What Slack and Discord refuse, written down once with the documentation it comes from, and
 * checkers that list each violation in a request. The fakes run every request through these, so a
 * payload the real platform would refuse (or silently cut) fails the test that sent it.
 * Lengths are counted in characters (code points), as both platforms document them.
 */

/** Slack Block Kit and Web API limits. */
export const SLACK = {
  /** https://docs.slack.dev/reference/block-kit/blocks: "up to 50 blocks in each message, and 100 blocks in modals or Home tabs". */
  messageBlocks: 50,
  viewBlocks: 100,
  /** https://docs.slack.dev/reference/block-kit/blocks/section-block: text "Maximum length for the text in this field is 3000 characters"; fields 10, 2000 each. */
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  /** https://docs.slack.dev/reference/block-kit/blocks/header-block: text "Maximum length ... is 150 characters". */
  headerText: 150,
  /** https://docs.slack.dev/reference/block-kit/blocks/context-block: "Maximum number of items is 10". */
  contextElements: 10,
  /** https://docs.slack.dev/reference/block-kit/composition-objects/text-object: text "maximum length ... 3000 characters". */
  textObject: 3000,
  /** https://docs.slack.dev/reference/block-kit/blocks/actions-block: "There is a maximum of 25 elements in each action block". */
  actionsElements: 25,
  /** Any block's block_id: "Maximum length for this field is 255 characters". */
  blockId: 255,
  /** https://docs.slack.dev/reference/block-kit/block-elements/button-element: text 75, action_id 255, value 2000, url 3000. */
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  url: 3000,
  /** https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element: options 100, placeholder 150. */
  selectOptions: 100,
  placeholder: 150,
  /** https://docs.slack.dev/reference/block-kit/composition-objects/option-object: text 75, value 150. */
  optionText: 75,
  optionValue: 150,
  /** https://docs.slack.dev/reference/views/modal-views (view object): title, submit and close 24, private_metadata 3000, callback_id 255. */
  modalTitle: 24,
  privateMetadata: 3000,
  callbackId: 255,
  /** https://docs.slack.dev/reference/block-kit/blocks/input-block: label 2000, hint 2000. */
  inputLabel: 2000,
  /** https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element: max_length at most 3000. */
  inputMaxLength: 3000,
  /** https://docs.slack.dev/reference/methods/chat.postMessage: "truncate messages containing more than 40,000 characters". */
  messageText: 40000,
} as const;

/** Discord API v10 limits. */
export const DISCORD = {
  /** https://discord.com/developers/docs/resources/message#create-message: content "up to 2000 characters", up to 10 embeds. */
  content: 2000,
  embeds: 10,
  /** https://discord.com/developers/docs/components/reference#action-row: up to 5 action rows a message, 5 buttons or 1 select a row. */
  actionRows: 5,
  buttonsPerRow: 5,
  /** https://discord.com/developers/docs/components/reference#button: label 80, custom_id 100. */
  buttonLabel: 80,
  customId: 100,
  /** https://discord.com/developers/docs/components/reference#string-select: options 25, placeholder 150, min/max_values 0-25. */
  selectOptions: 25,
  selectPlaceholder: 150,
  /** https://discord.com/developers/docs/components/reference#string-select-select-option-structure: label, value, description 100. */
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  /** https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal: title 45, 1-5 components. */
  modalTitle: 45,
  modalComponents: 5,
  /** https://discord.com/developers/docs/components/reference#label: label 45, description 100. */
  inputLabel: 45,
  inputDescription: 100,
  /** https://discord.com/developers/docs/components/reference#text-input: placeholder 100, value and min/max_length up to 4000. */
  inputPlaceholder: 100,
  inputValue: 4000,
  /** https://discord.com/developers/docs/resources/channel#start-thread-without-message: name 1-100. */
  threadName: 100,
  /**
   * https://discord.com/developers/docs/interactions/application-commands#application-command-object:
   * name 1-32 (lower case, no spaces), description 1-100 (and each localisation), up to 25
   * options and 25 choices; a choice's name 1-100.
   */
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  choiceName: 100,
} as const;

type Json = Record<string, unknown>;

const length = (text: unknown): number => (typeof text === 'string' ? Array.from(text).length : 0);
const textOf = (value: unknown): unknown => (value as Json | undefined)?.text;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** Collects "where: what" for each check that fails. */
class Problems {
  readonly found: string[] = [];
  over(where: string, value: unknown, max: number): void {
    const n = length(value);
    if (n > max) this.found.push(`${where}: ${n} characters, limit ${max}`);
  }
  count(where: string, items: unknown[], max: number): void {
    if (items.length > max) this.found.push(`${where}: ${items.length} items, limit ${max}`);
  }
}

function slackElement(p: Problems, where: string, element: Json): void {
  p.over(`${where}.action_id`, element.action_id, SLACK.actionId);
  if (element.placeholder) p.over(`${where}.placeholder`, textOf(element.placeholder), SLACK.placeholder);
  if (element.type === 'button') {
    p.over(`${where}.text`, textOf(element.text), SLACK.buttonText);
    p.over(`${where}.value`, element.value, SLACK.buttonValue);
    p.over(`${where}.url`, element.url, SLACK.url);
  }
  if (Array.isArray(element.options)) {
    p.count(`${where}.options`, element.options, SLACK.selectOptions);
    list(element.options).forEach((option, i) => {
      p.over(`${where}.options[${i}].text`, textOf(option.text), SLACK.optionText);
      p.over(`${where}.options[${i}].value`, option.value, SLACK.optionValue);
    });
  }
  if (element.type === 'plain_text_input') {
    const max = element.max_length;
    if (typeof max === 'number' && max > SLACK.inputMaxLength)
      p.found.push(`${where}.max_length: ${max}, limit ${SLACK.inputMaxLength}`);
    p.over(`${where}.initial_value`, element.initial_value, SLACK.inputMaxLength);
  }
}

function slackBlocks(p: Problems, where: string, blocks: Json[], max: number): void {
  p.count(`${where}`, blocks, max);
  blocks.forEach((block, i) => {
    const at = `${where}[${i}]`;
    p.over(`${at}.block_id`, block.block_id, SLACK.blockId);
    if (block.type === 'section') {
      p.over(`${at}.text`, textOf(block.text), SLACK.sectionText);
      p.count(`${at}.fields`, list(block.fields), SLACK.sectionFields);
      list(block.fields).forEach((f, j) => {
        p.over(`${at}.fields[${j}]`, f.text, SLACK.sectionField);
      });
      if (block.accessory) slackElement(p, `${at}.accessory`, block.accessory as Json);
    }
    if (block.type === 'header') p.over(`${at}.text`, textOf(block.text), SLACK.headerText);
    if (block.type === 'context') {
      p.count(`${at}.elements`, list(block.elements), SLACK.contextElements);
      list(block.elements).forEach((e, j) => {
        p.over(`${at}.elements[${j}]`, e.text, SLACK.textObject);
      });
    }
    if (block.type === 'actions') {
      p.count(`${at}.elements`, list(block.elements), SLACK.actionsElements);
      list(block.elements).forEach((e, j) => {
        slackElement(p, `${at}.elements[${j}]`, e);
      });
    }
    if (block.type === 'input') {
      p.over(`${at}.label`, textOf(block.label), SLACK.inputLabel);
      if (block.element) slackElement(p, `${at}.element`, block.element as Json);
    }
  });
}

/** What Slack would refuse in one Web API call's arguments (blocks, views, message text). */
export function slackProblems(method: string, args: Json): string[] {
  const p = new Problems();
  if (method === 'chat.postMessage' || method === 'chat.update' || method === 'chat.postEphemeral') {
    p.over('text', args.text, SLACK.messageText);
    if (args.blocks !== undefined) slackBlocks(p, 'blocks', list(args.blocks), SLACK.messageBlocks);
  }
  if (method.startsWith('views.') && args.view) {
    const view = args.view as Json;
    slackBlocks(p, 'view.blocks', list(view.blocks), SLACK.viewBlocks);
    if (view.type === 'modal') {
      p.over('view.title', textOf(view.title), SLACK.modalTitle);
      p.over('view.submit', textOf(view.submit), SLACK.modalTitle);
      p.over('view.close', textOf(view.close), SLACK.modalTitle);
    }
    p.over('view.private_metadata', view.private_metadata, SLACK.privateMetadata);
    p.over('view.callback_id', view.callback_id, SLACK.callbackId);
  }
  return p.found;
}

function discordLeaf(p: Problems, where: string, leaf: Json): void {
  p.over(`${where}.custom_id`, leaf.custom_id, DISCORD.customId);
  if (leaf.type === 2) p.over(`${where}.label`, leaf.label, DISCORD.buttonLabel);
  if (leaf.type === 3) {
    p.over(`${where}.placeholder`, leaf.placeholder, DISCORD.selectPlaceholder);
    const options = list(leaf.options);
    p.count(`${where}.options`, options, DISCORD.selectOptions);
    if (options.length === 0) p.found.push(`${where}.options: none`);
    const most = leaf.max_values;
    if (typeof most === 'number' && (most > DISCORD.selectOptions || most > options.length))
      p.found.push(`${where}.max_values: ${most} with ${options.length} options`);
    options.forEach((o, i) => {
      p.over(`${where}.options[${i}].label`, o.label, DISCORD.optionLabel);
      p.over(`${where}.options[${i}].value`, o.value, DISCORD.optionValue);
      p.over(`${where}.options[${i}].description`, o.description, DISCORD.optionDescription);
    });
  }
  if (leaf.type === 4) {
    p.over(`${where}.placeholder`, leaf.placeholder, DISCORD.inputPlaceholder);
    p.over(`${where}.value`, leaf.value, DISCORD.inputValue);
    for (const key of ['min_length', 'max_length'] as const) {
      const n = leaf[key];
      if (typeof n === 'number' && n > DISCORD.inputValue)
        p.found.push(`${where}.${key}: ${n}, limit ${DISCORD.inputValue}`);
    }
  }
}

/** What Discord would refuse in a message body (create, edit, interaction reply) or a modal. */
export function discordMessageProblems(data: Json, modal = false): string[] {
  const p = new Problems();
  p.over('content', data.content, DISCORD.content);
  p.count('embeds', list(data.embeds), DISCORD.embeds);
  const rows = list(data.components);
  if (modal) {
    p.over('title', data.title, DISCORD.modalTitle);
    p.count('components', rows, DISCORD.modalComponents);
    if (rows.length === 0) p.found.push('components: a modal needs one');
    p.over('custom_id', data.custom_id, DISCORD.customId);
  } else {
    p.count('components', rows, DISCORD.actionRows);
  }
  rows.forEach((row, i) => {
    const at = `components[${i}]`;
    if (row.type === 18) {
      // A Label wrapping one component (a modal's text input).
      p.over(`${at}.label`, row.label, DISCORD.inputLabel);
      p.over(`${at}.description`, row.description, DISCORD.inputDescription);
      if (row.component) discordLeaf(p, `${at}.component`, row.component as Json);
      return;
    }
    const leaves = list(row.components);
    p.count(`${at}.components`, leaves, DISCORD.buttonsPerRow);
    if (leaves.some((l) => l.type === 3) && leaves.length > 1)
      p.found.push(`${at}: a select menu shares its row`);
    leaves.forEach((leaf, j) => {
      discordLeaf(p, `${at}.components[${j}]`, leaf);
      if (leaf.type === 4) p.over(`${at}.components[${j}].label`, leaf.label, DISCORD.inputLabel);
    });
  });
  return p.found;
}

/** What Discord would refuse in an application command (and its options, recursively). */
export function discordCommandProblems(command: Json, where = 'command'): string[] {
  const p = new Problems();
  const name = String(command.name ?? '');
  if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(name))
    p.found.push(`${where}.name: "${name}" is not 1-32 lower-case characters`);
  const descriptions = [
    command.description,
    ...Object.values((command.description_localizations ?? {}) as Json),
  ];
  for (const d of descriptions) {
    p.over(`${where}.description`, d, DISCORD.commandDescription);
    if (typeof d !== 'string' || d.length === 0) p.found.push(`${where}.description: empty`);
  }
  const options = list(command.options);
  p.count(`${where}.options`, options, DISCORD.commandOptions);
  const choices = list(command.choices);
  p.count(`${where}.choices`, choices, DISCORD.commandChoices);
  choices.forEach((c, i) => {
    p.over(`${where}.choices[${i}].name`, c.name, DISCORD.choiceName);
  });
  options.forEach((o, i) => {
    p.found.push(...discordCommandProblems(o, `${where}.options[${i}]`));
  });
  return p.found;
}
