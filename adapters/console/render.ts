import type { Reply } from '../../src/core/types.js';

/** Paths of the files a reply's picture or attachment were written to. */
export interface Written {
  image?: string;
  file?: string;
}

/**
 * A reply as terminal text: numbered choices, form fields, and where a picture or file was saved.
 * Under a multi-select the numbers belong to its options ("1, 4, 7" picks those); the buttons
 * beside it are then listed by label, to be typed as words.
 */
export function renderText(reply: Reply, written: Written): string {
  const lines = [reply.text];
  if (reply.pick) lines.push(...reply.pick.options.map((o, i) => `  ${i + 1}. ${o.label}`));
  if (reply.choices?.length) {
    lines.push(...reply.choices.map((c, i) => (reply.pick ? `  · ${c.label}` : `  ${i + 1}. ${c.label}`)));
  }
  if (reply.form && reply.form.fields.length > 1)
    lines.push(...reply.form.fields.map((f) => `  - ${f.label}`));
  if (written.image) lines.push(`  🖼  ${written.image}`);
  if (written.file) lines.push(`  📄 ${written.file}`);
  return `${lines.join('\n')}\n`;
}

/** A reply as one JSON line of the --json protocol. */
export function renderJson(reply: Reply, written: Written): string {
  return JSON.stringify({
    type: 'reply',
    text: reply.text,
    // A choice's words are the engine's, for reading typed answers: the protocol shows id and label.
    ...(reply.choices ? { choices: reply.choices.map(({ id, label }) => ({ id, label })) } : {}),
    ...(reply.pick
      ? {
          pick: {
            options: reply.pick.options.map(({ id, label }) => ({ id, label })),
            placeholder: reply.pick.placeholder,
          },
        }
      : {}),
    ...(reply.form ? { form: reply.form } : {}),
    ...(reply.image && written.image ? { image: { path: written.image, alt: reply.image.alt } } : {}),
    ...(reply.file && written.file ? { file: { path: written.file } } : {}),
  });
}
