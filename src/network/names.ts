import { MAX_NAME_LENGTH, type Person } from './model.js';

// Control characters and bidi overrides would garble a label or a terminal line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SEPARATORS = /[,;\n،、]+|\s+(?:and|en|&|\+)\s+/i;

export const MAX_NAMES_PER_ANSWER = 50;

/** Cleans one typed name: no control characters, single spaces, at most MAX_NAME_LENGTH characters. */
export function cleanName(raw: string): string {
  const flat = raw.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return [...flat].slice(0, MAX_NAME_LENGTH).join('').trim();
}

/** A name has at least one letter: "3" or "👋" is not a name, "A.B." is. */
export const looksLikeName = (text: string): boolean => /\p{L}/u.test(text);

/** Splits "Anna, Piet and Mo" into names; drops empties and repeats within the answer. */
export function parseNames(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const name = cleanName(part);
    if (looksLikeName(name) && !names.some((n) => sameName(n, name))) names.push(name);
  }
  return names.slice(0, MAX_NAMES_PER_ANSWER);
}

// One collator for all comparisons: localeCompare with options builds a new one per call.
const baseLetters = new Intl.Collator(undefined, { sensitivity: 'base' });

export const sameName = (a: string, b: string): boolean => baseLetters.compare(a, b) === 0;

export const findByName = (people: Person[], name: string): Person | undefined =>
  people.find((p) => sameName(p.name, cleanName(name)));
