/**
 * A community's own group intro: the admin's text with placeholders such as {partners}, read once
 * when it is set (so a mistake is told at once) and filled in for every group.
 */

export const INTRO_PLACEHOLDERS = ['partners', 'organiser', 'starter', 'slots'] as const;
type Placeholder = (typeof INTRO_PLACEHOLDERS)[number];

/** Long enough for a few warm sentences, short enough to read in one glance in a group DM. */
export const MAX_INTRO_TEMPLATE = 800;

type Part = { text: string } | { placeholder: Placeholder };

/** What is wrong with a text: a name we do not fill, or a brace without its other half. */
export type TemplateProblem =
  | { kind: 'unknown'; name: string }
  | { kind: 'unbalanced'; near: string }
  | { kind: 'tooLong'; length: number }
  | { kind: 'empty' };

const isPlaceholder = (name: string): name is Placeholder =>
  (INTRO_PLACEHOLDERS as readonly string[]).includes(name);

/** A few characters around a stray brace, so the admin can find it. */
const around = (text: string, at: number) => text.slice(Math.max(0, at - 15), at + 15).trim();

/** The text cut into literal parts and placeholders, or the first problem in it. */
export function readIntroTemplate(text: string): { parts: Part[] } | { problem: TemplateProblem } {
  if (text.trim() === '') return { problem: { kind: 'empty' } };
  if (text.length > MAX_INTRO_TEMPLATE) return { problem: { kind: 'tooLong', length: text.length } };
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '}') return { problem: { kind: 'unbalanced', near: around(text, i) } };
    if (c !== '{') {
      literal += c;
      i += 1;
      continue;
    }
    const close = text.indexOf('}', i + 1);
    const reopen = text.indexOf('{', i + 1);
    if (close === -1 || (reopen !== -1 && reopen < close))
      return { problem: { kind: 'unbalanced', near: around(text, i) } };
    const name = text
      .slice(i + 1, close)
      .trim()
      .toLowerCase();
    if (!isPlaceholder(name)) return { problem: { kind: 'unknown', name: text.slice(i, close + 1) } };
    if (literal) parts.push({ text: literal });
    literal = '';
    parts.push({ placeholder: name });
    i = close + 1;
  }
  if (literal) parts.push({ text: literal });
  return { parts };
}

/**
 * The parts filled in. The admin's words are escaped like members' words (text, never markup);
 * the values are already in the adapter's form (mentions), so they go in as they are.
 */
export function fillIntroTemplate(
  parts: readonly Part[],
  values: Record<Placeholder, string>,
  escapeText: (text: string) => string,
): string {
  return parts.map((p) => ('placeholder' in p ? values[p.placeholder] : escapeText(p.text))).join('');
}

/** "coffee set intro "…"": the words after "intro", without the quotes around them. */
export const unquoted = (text: string) => text.trim().replace(/^["“”„'](.*)["“”']$/s, '$1');

/** The raw words after "set intro" in a command's text, kept whole (case, line breaks), if it is one. */
export function introTextOf(commandText: string): string | undefined {
  return commandText.match(/^\s*set\s+intro(?:\s+([\s\S]*))?$/i)?.[1] ?? undefined;
}
