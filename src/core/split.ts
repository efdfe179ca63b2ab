/**
 * Cutting a long text into message-sized parts without breaking what a reader sees as one
 * character: parts end at a paragraph, line or word where one is near the limit, and otherwise
 * between grapheme clusters (an emoji with its modifiers, a letter with its accents), never inside
 * one, nor inside an HTML entity such as `&amp;` that an escaper wrote.
 */

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** The entities Slack's escaping writes; each is one unit that is never cut. */
const ENTITY = /&(?:amp|lt|gt);/g;

/** The text's units in order: entities (when asked) whole, everything else by grapheme cluster. */
function unitsOf(text: string, entities: boolean): string[] {
  const units: string[] = [];
  const graphemes = (piece: string) => {
    for (const { segment } of GRAPHEMES.segment(piece)) units.push(segment);
  };
  if (!entities) {
    graphemes(text);
    return units;
  }
  let from = 0;
  for (const match of text.matchAll(ENTITY)) {
    graphemes(text.slice(from, match.index));
    units.push(match[0]);
    from = match.index + match[0].length;
  }
  graphemes(text.slice(from));
  return units;
}

export interface SplitOptions {
  /** Keep `&amp;`, `&lt;` and `&gt;` whole (for text escaped for Slack's mrkdwn). */
  entities?: boolean;
}

/**
 * Parts of at most `max` UTF-16 code units (so they also fit a limit counted in code points),
 * cut at the last paragraph end, else line end, else space in the second half of the window, else
 * at the last whole unit that fits. Whitespace at a cut is dropped.
 */
export function splitText(text: string, max: number, options: SplitOptions = {}): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let end = 0;
    let paragraph = -1;
    let line = -1;
    let space = -1;
    let previous = '';
    for (const unit of unitsOf(rest.slice(0, max + 32), options.entities ?? false)) {
      if (end + unit.length > max) break;
      if (unit === '\n' && previous === '\n') paragraph = end - 1;
      if (unit.includes('\n')) line = end;
      else if (/^\s+$/.test(unit)) space = end;
      end += unit.length;
      previous = unit;
    }
    // A single unit longer than the limit (never in practice) is cut by code point.
    if (end === 0) end = Array.from(rest.slice(0, max)).join('').length || max;
    const at = [paragraph, line, space].find((i) => i > max / 2) ?? end;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\s+/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
