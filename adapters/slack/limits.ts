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
  /** Blocks of one view (modal or App Home). */
  viewBlocks: 100,
} as const;

/** Shortens a text to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
