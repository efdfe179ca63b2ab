import type { Reply } from '../../src/core/types.js';
import type { Say } from '../../src/texts/texts.js';

/** Paths of the files a reply's picture or attachment were written to. */
export interface Written {
  image?: string;
  file?: string;
}

/** The words the terminal adds around a multi-select question, in the member's language. */
export interface RenderWords {
  /** "Or: {options}": the buttons beside a numbered list, which are not numbered themselves. */
  or(options: string): string;
  /** How to answer a numbered list. */
  pickHint: string;
}

export const wordsOf = (say: Say): RenderWords => ({
  or: (options) => say('console.pick.or', { options }),
  pickHint: say('console.pick.hint'),
});

/**
 * The lines of a question: numbered choices; or, for a multi-select, its options numbered (the
 * numbers typed are read as a selection), its buttons on one line without numbers, and a hint.
 */
function questionLines(reply: Reply, words: RenderWords): string[] {
  const choices = reply.choices ?? [];
  const options = reply.pick?.options ?? [];
  if (options.length === 0) return choices.map((c, i) => `  ${i + 1}. ${c.label}`);
  const lines = options.map((o, i) => `  ${i + 1}. ${o.label}`);
  if (choices.length > 0) lines.push(`  ${words.or(choices.map((c) => c.label).join(' · '))}`);
  lines.push(`  ${words.pickHint}`);
  return lines;
}

/** A reply as terminal text: its question, form fields, and where a picture or file was saved. */
export function renderText(reply: Reply, written: Written, words: RenderWords): string {
  const lines = [reply.text, ...questionLines(reply, words)];
  if (reply.form && reply.form.fields.length > 1)
    lines.push(...reply.form.fields.map((f) => `  - ${f.label}`));
  if (written.image) lines.push(`  🖼  ${written.image}`);
  if (written.file) lines.push(`  📄 ${written.file}`);
  return `${lines.join('\n')}\n`;
}

/** A reply as one JSON line of the --json protocol. */
export function renderJson(reply: Reply, written: Written): string {
  // An option's words are the engine's, for reading typed answers: the protocol shows id and label.
  const shown = (options: Reply['choices']) => options?.map(({ id, label }) => ({ id, label }));
  return JSON.stringify({
    type: 'reply',
    text: reply.text,
    ...(reply.choices ? { choices: shown(reply.choices) } : {}),
    ...(reply.pick
      ? { pick: { options: shown(reply.pick.options), placeholder: reply.pick.placeholder } }
      : {}),
    ...(reply.form ? { form: reply.form } : {}),
    ...(reply.image && written.image ? { image: { path: written.image, alt: reply.image.alt } } : {}),
    ...(reply.file && written.file ? { file: { path: written.file } } : {}),
  });
}
