/**
 * Text without the bytes that steer a terminal or reorder what a reader sees: escape sequences
 * (CSI such as colours, OSC such as window titles and links, and the rest), C0 and C1 control
 * characters other than newline and tab, and bidirectional overrides. Sequences go whole, so no
 * fragment such as "[31m" is left to be read as a name.
 */

const ESC = '\\u001b';
const SEQUENCES = new RegExp(
  [
    // OSC, DCS, SOS, PM and APC strings, up to their terminator (BEL or ST) or the end of the text.
    `(?:${ESC}[\\]PX^_]|[\\u0090\\u0098\\u009d-\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|${ESC}\\\\|\\u009c)?`,
    // CSI: parameters, intermediates and a final byte.
    `(?:${ESC}\\[|\\u009b)[0-?]*[ -/]*[@-~]?`,
    // Any other escape: intermediates and one final byte.
    `${ESC}[ -/]*[0-~]?`,
  ].join('|'),
  'gu',
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
/** Embeddings, overrides and isolates (and the marks that steer them), which can make text read backwards. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function withoutControls(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '').replace(BIDI, '');
}
