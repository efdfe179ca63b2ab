/** Discord's limits on what one message, component or modal may hold (API v10). */
export const LIMITS = {
  content: 2000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  selectOptions: 25,
  customId: 100,
  buttonLabel: 80,
  optionLabel: 100,
  optionValue: 100,
  modalTitle: 45,
  inputLabel: 45,
  inputsPerModal: 5,
  inputValue: 4000,
} as const;

/** Cuts a text to a limit, marking the cut with an ellipsis. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
