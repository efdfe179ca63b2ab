/**
 * Reading a typed answer to a multi-select question: numbers as listed ("1, 4, 7", "2-5", "1 3"),
 * the options' names ("Anna and Piet"), or "all". Pure; the words for "all" come from the prompts.
 */
import type { Choice } from '../core/types.js';
import { sameName } from '../network/names.js';

export type PicksRead =
  /** Every part named an option: these, in the order listed. */
  | { kind: 'picks'; values: string[] }
  /** Some parts name no option (a number out of range, an unknown name), quoted as typed. */
  | { kind: 'unknown'; parts: string[] }
  /** Nothing in the text reads as a selection: the step gets the text itself. */
  | { kind: 'text' };

const SEPARATORS = /\s*(?:[,;\n/]|\s(?:and|en|&|\+)\s)\s*/iu;
const RANGE = /^(\d{1,3})\s*(?:-|–|to|tot)\s*(\d{1,3})$/iu;
const NUMBERS = /^\d{1,3}(?:\s+\d{1,3})*$/u;
const firstWord = (label: string) => label.split(/\s+/)[0] ?? label;

/** The option a name means: the whole label, or the first word when only one option starts so. */
function byName(part: string, options: readonly Choice[]): Choice | undefined {
  const whole = options.find((o) => sameName(o.label, part) || o.words?.some((w) => sameName(w, part)));
  if (whole) return whole;
  const first = options.filter((o) => sameName(firstWord(o.label), part));
  return first.length === 1 ? first[0] : undefined;
}

export function readPicks(text: string, options: readonly Choice[], allWords: readonly string[]): PicksRead {
  const trimmed = text.trim().replace(/[.!]+$/u, '');
  if (allWords.some((w) => sameName(w, trimmed))) return { kind: 'picks', values: options.map((o) => o.id) };
  const parts = trimmed.split(SEPARATORS).filter(Boolean);
  const chosen = new Set<string>();
  const unknown: string[] = [];
  let numbered = 0;
  const place = (n: number, said: string) => {
    const option = options[n - 1];
    if (option) chosen.add(option.id);
    else unknown.push(said);
  };
  for (const part of parts) {
    const range = RANGE.exec(part);
    if (range) {
      numbered++;
      const [from, to] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [number, number];
      for (let n = from; n <= to; n++) place(n, String(n));
    } else if (NUMBERS.test(part)) {
      numbered++;
      for (const n of part.split(/\s+/)) place(Number(n), n);
    } else {
      const option = byName(part, options);
      if (option) chosen.add(option.id);
      else unknown.push(part);
    }
  }
  // A sentence with no number and no option in it is not a selection ("I'm not sure what you mean").
  if (numbered === 0 && chosen.size === 0) return { kind: 'text' };
  if (unknown.length > 0) return { kind: 'unknown', parts: unknown };
  return { kind: 'picks', values: options.filter((o) => chosen.has(o.id)).map((o) => o.id) };
}
