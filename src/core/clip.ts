/** Cutting a text for display: at a word, with an ellipsis. */

const SPACE = /\s/;
/** Punctuation that would dangle before the ellipsis ("this,…"). */
const DANGLING = /[\s,;:.!?–—-]+$/u;

/**
 * A text of at most `max` characters (code points, so emoji stay whole): unchanged when it fits,
 * else cut after the last whole word that fits and marked with "…". Only a first word longer than
 * the limit is cut inside, as ids and long words must be.
 */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, Math.max(0, max - 1));
  // Where the cut falls between words, all of head is whole words; else up to its last space.
  const end = SPACE.test(chars[head.length] ?? '') ? head.length : head.findLastIndex((c) => SPACE.test(c));
  const words = head.slice(0, Math.max(0, end)).join('').replace(DANGLING, '');
  return `${words || head.join('')}…`;
}
