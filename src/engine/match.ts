/**
 * Matching what a member typed to the options of a question, in their own words: a label, one of
 * the choice's `words`, its number (digits or written out: "two", "twee", "maybe two"), or a time
 * ("7pm", "19 uur", "19:00") where the options are times. Pure: the words come from the prompts.
 */
import type { Choice } from '../core/types.js';

/** The words that carry no choice of their own, in every language the coach speaks. */
export interface Vocabulary {
  /** Hedges around an answer ("I think", "maybe", "denk ik"): dropped before matching. */
  hedges: readonly string[];
  /** Little words ("a", "the", "een", "via"): dropped unless nothing else is left. */
  little: readonly string[];
  /** Words that turn the word after them around ("not sure" is no "sure"). */
  negations: readonly string[];
  /** Numbers written as words, by value. */
  numbers: ReadonlyMap<number, readonly string[]>;
}

export type Match =
  /** One option is meant. */
  | { kind: 'one'; id: string }
  /** More than one option is named ("an introduction and advice"). */
  | { kind: 'many'; ids: string[] }
  /** None is named; `time` is a time that was understood but is not offered. */
  | { kind: 'none'; time?: string }
  /** A number outside the options' range, as typed ("7", "seven"). */
  | { kind: 'range'; said: string; min: number; max: number }
  /** Not about the options: the step reads the text itself. */
  | { kind: 'text' };

type Tokens = string[];

/** Lower case, no accents, no apostrophes ("'s avonds" is "s avonds"), punctuation as spaces. */
export function tokens(text: string): Tokens {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Where `phrase` occurs in `text`, as whole words. */
function occurrences(text: Tokens, phrase: Tokens): number[] {
  const at: number[] = [];
  if (phrase.length === 0) return at;
  for (let i = 0; i + phrase.length <= text.length; i++)
    if (phrase.every((t, j) => text[i + j] === t)) at.push(i);
  return at;
}

/** The text without the given phrases, longest first; the text itself when nothing would be left. */
function without(text: Tokens, phrases: readonly Tokens[]): Tokens {
  let left = text;
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    for (let at = occurrences(left, phrase)[0]; at !== undefined; at = occurrences(left, phrase)[0])
      left = [...left.slice(0, at), ...left.slice(at + phrase.length)];
  }
  return left.length > 0 ? left : text;
}

const same = (a: Tokens, b: Tokens) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * A label's own number: "3", "5 (very much)", and the hour of "19:00"; not the 3 of "3+ years
 * ago", which is an option like any other.
 */
export function labelNumber(label: string): number | undefined {
  const own = /^\s*(\d{1,3})\s*(\([^)]*\))?\s*$/.exec(label) ?? /^\s*(\d{1,2}):00\s*$/.exec(label);
  return own?.[1] === undefined ? undefined : Number(own[1]);
}

const TIME_LABEL = /^\s*(\d{1,2}):(\d{2})\s*$/;
const timeOf = (label: string) => {
  const m = TIME_LABEL.exec(label);
  return m ? `${m[1]?.padStart(2, '0')}:${m[2]}` : undefined;
};

const LATER_IN_DAY = /\b(pm|p\.m\.?|evening|tonight|afternoon|s ?avonds|avond|vanavond|s ?middags|middag)\b/;

/**
 * The times in a message ("7pm", "19 uur", "19:00", "7 uur 's avonds"), as HH:MM; a bare number
 * counts only when `bare` (the number was not an option's).
 */
export function timesIn(text: string, bare = false): string[] {
  const flat = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '');
  const later = LATER_IN_DAY.test(flat);
  const found: string[] = [];
  const pattern = /(?<![\d:.])(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|uur|u|h)?(?![\d\p{L}])/gu;
  for (const m of flat.matchAll(pattern)) {
    const [, h, min, mark] = m;
    if (min === undefined && mark === undefined && !bare && !later) continue;
    let hour = Number(h);
    const minutes = Number(min ?? 0);
    if (hour > 24 || minutes > 59) continue;
    if (mark?.startsWith('a') && hour === 12) hour = 0;
    else if ((mark?.startsWith('p') || later) && hour < 12) hour += 12;
    found.push(`${String(hour % 24).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
  }
  return [...new Set(found)];
}

/** Numbers written as words, each as the matcher reads it. */
type Numbers = Map<number, Tokens[]>;

function numberOf(word: Tokens, numbers: Numbers): number | undefined {
  const only = word.length === 1 ? word[0] : undefined;
  if (only && /^\d+$/.test(only)) return Number(only);
  for (const [value, words] of numbers) if (words.some((w) => same(w, word))) return value;
  return undefined;
}

interface Found {
  id: string;
  start: number;
  end: number;
}

/** Every option named somewhere in the text; a name inside a longer one of another option does not count. */
function named(
  text: Tokens,
  choices: readonly Choice[],
  terms: Map<string, Tokens[]>,
  numbers: Numbers,
  negations: readonly string[],
): string[] {
  const negated = new Set(negations.map((n) => tokens(n).join(' ')));
  const found: Found[] = [];
  for (const choice of choices) {
    const number = labelNumber(choice.label);
    const numberWords = number === undefined ? [] : (numbers.get(number) ?? []);
    for (const term of [
      ...(terms.get(choice.id) ?? []),
      ...numberWords,
      ...(number === undefined ? [] : [[String(number)]]),
    ])
      for (const start of occurrences(text, term))
        if (!negated.has(text[start - 1] ?? ''))
          found.push({ id: choice.id, start, end: start + term.length });
  }
  const kept = found.filter(
    (f) =>
      !found.some(
        (g) => g.id !== f.id && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start,
      ),
  );
  return choices.map((c) => c.id).filter((id) => kept.some((f) => f.id === id));
}

/**
 * What a typed message means among `choices`. `loose` when the question takes nothing but its
 * options: options named inside a sentence count, and a miss is answered by the engine. Otherwise
 * only the whole message counts (a label, a word, a number in range), so that a sentence that
 * happens to contain "skip" stays the member's text.
 */
export function matchChoice(
  text: string,
  choices: readonly Choice[],
  vocabulary: Vocabulary,
  loose: boolean,
): Match {
  if (choices.length === 0) return { kind: 'text' };
  const little = vocabulary.little.map(tokens);
  const clean = (t: Tokens) => without(t, little);
  const raw = clean(tokens(text));
  const whole = clean(without(tokens(text), vocabulary.hedges.map(tokens)));
  const numbers: Numbers = new Map(
    [...vocabulary.numbers].map(([n, words]) => [n, words.map((w) => clean(tokens(w)))]),
  );
  const terms = new Map(
    choices.map((c) => [
      c.id,
      [c.label, ...(c.words ?? [])].map((w) => clean(tokens(w))).filter((t) => t.length),
    ]),
  );
  const exact = choices.filter(
    (c) =>
      terms.get(c.id)?.some((t) => same(t, whole) || same(t, raw)) ||
      c.id.toLowerCase() === text.trim().toLowerCase(),
  );
  // "Yes" to "did you ask?" may be either "yes, and they said yes" or "yes, they said no".
  if (exact.length > 1 && loose) return { kind: 'many', ids: exact.map((c) => c.id) };
  if (exact[0]) return { kind: 'one', id: exact[0].id };

  const times = choices.map((c) => timeOf(c.label));
  const number = numberOf(whole, numbers);
  if (number !== undefined && (loose || /^\d+$/.test(whole.join('')))) {
    const byLabel = choices.find((c) => labelNumber(c.label) === number);
    if (byLabel) return { kind: 'one', id: byLabel.id };
    // Where every label is a number ("0" to "5"), those are the numbers there are; else the places.
    const labelled = choices.map((c, i) => (times[i] ? undefined : labelNumber(c.label)));
    const own = labelled.every((n) => n !== undefined) ? (labelled as number[]) : [];
    const byPlace = own.length > 0 ? undefined : choices[number - 1];
    if (byPlace && number >= 1) return { kind: 'one', id: byPlace.id };
    if (!loose) return { kind: 'text' };
    if (times.every(Boolean)) return { kind: 'none', time: timesIn(String(number), true)[0] };
    const said = whole.join(' ');
    return own.length > 0
      ? { kind: 'range', said, min: Math.min(...own), max: Math.max(...own) }
      : { kind: 'range', said, min: 1, max: choices.length };
  }
  if (!loose) return { kind: 'text' };

  if (times.some(Boolean)) {
    const said = timesIn(text);
    if (said.length > 0) {
      const ids = choices
        .filter((_c, i) => times[i] !== undefined && said.includes(times[i] as string))
        .map((c) => c.id);
      if (ids.length === 1) return { kind: 'one', id: ids[0] as string };
      if (ids.length > 1) return { kind: 'many', ids };
      return { kind: 'none', time: said[0] };
    }
  }
  const ids = named(raw, choices, terms, numbers, vocabulary.negations);
  if (ids.length === 1) return { kind: 'one', id: ids[0] as string };
  if (ids.length > 1) return { kind: 'many', ids };
  return { kind: 'none' };
}

/** The vocabulary of every language at once: a Dutch member may well type "maybe two". */
export function vocabulary(words: readonly ((key: string) => readonly string[])[]): Vocabulary {
  const all = (key: string) => words.flatMap((w) => w(key));
  return {
    hedges: all('hedge'),
    little: all('little'),
    negations: all('negation'),
    numbers: new Map(Array.from({ length: 11 }, (_, n) => [n, all(`number.${n}`)])),
  };
}

/** The words of a message, safe to quote back: letters and digits only, at most about forty characters. */
export function quotable(text: string): string {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean);
  let kept = '';
  for (const word of words) {
    const next = kept ? `${kept} ${word}` : word;
    if (next.length > 40) return kept ? `${kept}…` : `${[...word].slice(0, 40).join('')}…`;
    kept = next;
  }
  return kept;
}
