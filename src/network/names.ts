import { MAX_NAME_LENGTH, MAX_NOTE_LENGTH, type Person } from './model.js';

/**
 * Reads names as people type them, in English and Dutch: "Anna, Piet and Mo" is three people;
 * "Chris, a health-IT blogger I follow", "Marjolein (buurvrouw)", "Dick - oud-directeur" and
 * "my cousin Rob who works at a hospital" are one person each, with a note. Each comma-part is
 * either a name or a note about the person before it; hedges ("I think", "denk ik") are dropped
 * and list endings ("no", "nobody else", "niemand meer") are never people.
 */

// Control characters and bidi overrides would garble a label or a terminal line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const MAX_NAMES_PER_ANSWER = 50;

/** One person read from an answer: a short name, and what the member said about them. */
export interface NamedPerson {
  name: string;
  note?: string;
}

export interface NameReading {
  /** At most MAX_NAMES_PER_ANSWER people, in the order typed. */
  people: NamedPerson[];
  /** The answer says the list is complete ("no", "that's all", "niemand meer"). */
  ended: boolean;
  /** People past MAX_NAMES_PER_ANSWER, not kept. */
  over: number;
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Whole answers (or comma-parts) that end a list, after lower-casing and dropping punctuation. */
const ENDINGS = words(
  `no nope none nobody noone nothing nah
  nee neen niemand niks niets geen`,
);
const ENDING_PHRASES = new Set([
  'no one',
  'no one else',
  'nobody else',
  'nobody here',
  'no more',
  'none else',
  "that's all",
  'thats all',
  'that is all',
  "that's it",
  'thats it',
  "that's everyone",
  'no thanks',
  'niemand meer',
  'niemand anders',
  'verder niemand',
  'niemand hier',
  'nee hoor',
  'dat was het',
  'dat was het wel',
  'dat is het',
  'dat is alles',
  'dat waren ze',
  'dat zijn ze',
  'geen idee',
  'geen één',
  'geen een',
]);

/** Simple markup tags ("<b>"), which only wrap a name. */
const TAG = /<\/?[a-z]+>/giu;

/** Hedges carry doubt, not names. */
const HEDGES =
  /(?<![\p{L}'’])(?:i think|i guess|i believe|i suppose|i'm not sure|not sure|maybe|perhaps|probably|possibly|or so|or something|denk ik|ik denk|geloof ik|ik geloof|volgens mij|misschien|waarschijnlijk|of zo|ofzo|eh|uh|uhm|um|euh)(?![\p{L}'’])/giu;

/** Words that end a part without adding to it ("...works at a hospital so"). */
const TRAILING_FILLER = /\s+(?:so|dus|hoor|etc\.?|enz\.?|enzo|and so on)\s*[.!?…]*\s*$/iu;

/**
 * Words that never belong to a name: articles, pronouns, linking words, prepositions, common
 * verbs, and words for how people know each other. A part with one of them is a note.
 */
const NOT_NAME = words(
  `a an the i me my mine you your he she him her his hers we us our they them their it its
  who whom whose which that what where when and or but so also too
  at in on of from with for to by about into via as like near after before
  is are was were be been am has have had do does did can will would could
  works work worked working lives live lived moved moves knows know knew met meet follow follows
  runs leads manages teaches studied studies helped helps
  de het een 'n ik mij mijn jij jou jouw u uw hij zij ze haar hem wij ons onze jullie hun hen
  die dat wie wat waar wanneer welke en of maar dus ook
  bij uit met voor naar op aan over door om tot in
  werkt werkte woont woonde verhuisd kent kende volg volgt ken zit zat doet deed heeft had heb
  ben bent was waren geeft gaf leidt leerde studeert studeerde hielp helpt
  old former ex oud oude vroegere voormalige
  cousin neighbour neighbor colleague coworker friend boss manager sister brother
  aunt uncle niece nephew wife husband partner son daughter teacher mentor coach
  classmate blogger director doctor trainer
  neef nicht buurvrouw buurman buren collega vriend vriendin baas leidinggevende zus broer
  tante oom vrouw man zoon dochter docent leraar lerares juf meester klasgenoot
  directeur huisarts dokter
  recruiter consultant nurse engineer developer designer founder ceo cto cfo adviser advisor
  researcher professor student intern secretary chair treasurer member owner expert specialist
  analyst journalist writer author lawyer accountant neighbours colleagues friends
  verpleegkundige ontwikkelaar oprichter adviseur onderzoeker hoogleraar stagiair stagiaire
  secretaris voorzitter penningmeester lid eigenaar analist schrijver auteur advocaat
  collega's vrienden kennis`,
);
// "Dad", "Mama" and "Oma" on their own are how many people name a parent or grandparent: names.

/** Words for how the member knows someone; the name often follows ("my cousin Rob", "buurvrouw Marjolein"). */
const RELATIONS = words(
  `cousin neighbour neighbor colleague coworker friend boss manager sister brother mother father
  mum mom dad aunt uncle niece nephew wife husband partner son daughter teacher mentor coach
  classmate director doctor trainer
  neef nicht buurvrouw buurman collega vriend vriendin baas leidinggevende zus broer moeder vader
  tante oom zoon dochter docent leraar lerares juf meester klasgenoot directeur huisarts dokter`,
);

/** Lower-case parts of surnames, kept inside a name between capitalised words ("Jan van der Berg"). */
const PARTICLES = words(`van de der den ter ten te 't von da di la le du del dos`);

/** Pronouns that open a note about the person just named ("Sanne, she moved..."): the note drops them. */
const LEADING_PRONOUN = /^(?:she|he|they|ze|zij|hij)\s+/iu;

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return [...SEGMENTER.segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => ({
      text: s.segment,
      lower: s.segment.toLocaleLowerCase(),
      start: s.index,
      end: s.index + s.segment.length,
    }));
}

/** Cleans one typed name: no control characters, single spaces, at most MAX_NAME_LENGTH characters. */
export function cleanName(raw: string): string {
  return cut(raw, MAX_NAME_LENGTH);
}

function cut(raw: string, max: number): string {
  const flat = raw.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return [...flat].slice(0, max).join('').trim();
}

/** A name has at least one letter: "3" or "👋" is not a name, "A.B." is. */
export const looksLikeName = (text: string): boolean => /\p{L}/u.test(text);

/** Splits at commas, semicolons and new lines that are not inside brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth === 0 && /[,;\n،、]/.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** A piece of an answer: either read for a name, or (in brackets, after a dash) only a note. */
interface Piece {
  text: string;
  noteOnly: boolean;
}

const CONNECTOR = /\s+(?:and|en|&|\+)\s+/giu;
const DASH = /\s+[-–—:]\s+|\s*[–—]\s*/u;
const BRACKETED = /[([]([^)\]]*)[)\]]?/gu;

/** For each position of the text, how many brackets are open there. */
function depths(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    out.push(depth);
    const ch = text[i];
    if (ch === '(' || ch === '[') depth += 1;
    else if ((ch === ')' || ch === ']') && depth > 0) depth -= 1;
  }
  return out;
}

/** "my old colleague Piet": a word for how they are known, early on, with a name right after it. */
const introducesPerson = (words: Word[], isNameWord: (w: Word) => boolean): boolean =>
  words.slice(0, 4).some((w, i) => {
    const next = words[i + 1];
    return RELATIONS.has(w.lower) && next !== undefined && isNameWord(next);
  });

/**
 * "Piet and Mo" and "Anna and my old colleague Piet" are two people; "a blogger and writer" stays
 * one note: a bit joins the one before unless it starts with a name or introduces one.
 */
function splitAtConnectors(part: string, isNameWord: (w: Word) => boolean): string[] {
  const bits: string[] = [];
  const open = depths(part);
  let from = 0;
  for (const match of part.matchAll(CONNECTOR)) {
    const at = match.index ?? 0;
    // The word after the connector decides; a short stretch of text holds it.
    const rest = part.slice(at + match[0].length, at + match[0].length + 80);
    const words = wordsOf(rest.replace(BRACKETED, ' '));
    const first = words[0];
    if ((open[at] ?? 0) > 0 || !first || !(isNameWord(first) || introducesPerson(words, isNameWord)))
      continue;
    bits.push(part.slice(from, at));
    from = at + match[0].length;
  }
  return [...bits, part.slice(from)];
}

/** One comma-part → its pieces in order: each name-bit, then its bracketed notes and the note after a dash. */
function piecesOf(part: string, isNameWord: (w: Word) => boolean): Piece[] {
  return splitAtConnectors(part, isNameWord).flatMap((bit) => {
    const notes: Piece[] = [];
    const main = bit.replace(BRACKETED, (_all, inner: string) => {
      notes.push({ text: inner, noteOnly: true });
      return ' ';
    });
    const dash = main.search(DASH);
    if (dash < 0) return [{ text: main, noteOnly: false }, ...notes];
    const afterDash = { text: main.slice(dash).replace(DASH, ''), noteOnly: true };
    return [{ text: main.slice(0, dash), noteOnly: false }, ...notes, afterDash];
  });
}

const EDGE_PUNCTUATION = /^[\s,;:\-–—]+|[\s,;:\-–—]+$/gu;

/** A word that may be (part of) a name: it has a letter and is not a word of a sentence. */
const couldBeName = (w: Word) => /\p{L}/u.test(w.text) && !NOT_NAME.has(w.lower);

const trimNote = (text: string) =>
  !/\p{L}/u.test(text)
    ? ''
    : cut(
        text
          .replace(/\s+/g, ' ')
          .replace(/^[\s,;:.\-–—]+|[\s,;:.!\-–—]+$/gu, '')
          .replace(LEADING_PRONOUN, ''),
        MAX_NOTE_LENGTH,
      );

const isEnding = (text: string) => {
  const plain = text
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}'’\s]/gu, ' ')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return ENDINGS.has(plain) || ENDING_PHRASES.has(plain);
};

/** A piece read for a name: the name (if any) and what is left as a note. */
function readPiece(text: string, isNameWord: (w: Word) => boolean): { name?: string; note?: string } {
  const list = wordsOf(text);
  if (list.length === 0) return {};
  // "Piet." and "Marjolein?" end a sentence; "A.B." keeps its dots.
  const whole = cleanName(text.replace(EDGE_PUNCTUATION, '').replace(/(?<=\p{L}{2})[.!?…]+$/u, ''));
  // One word on its own is a name in any case ("anna"), unless it says how they're known ("buurvrouw").
  if (list.length === 1 && couldBeName(list[0] as Word)) return { name: whole };
  // A few words that are all name-like are one name, as typed ("<!channel> @everyone", "Anna B").
  const chunks = text.trim().split(/\s+/u).length;
  if (chunks <= 3 && isNameWord(list[0] as Word) && list.every(couldBeName)) return { name: whole };
  const adjacent = (a: Word, b: Word) => /^[\s.'’-]*$/u.test(text.slice(a.end, b.start));
  // The name runs over name words (at most three), with surname particles between capitalised ones.
  const grow = (from: number): number => {
    let last = from;
    let count = 1;
    while (last + 1 < list.length && count < 3) {
      const next = list[last + 1] as Word;
      if (!adjacent(list[last] as Word, next)) break;
      if (isNameWord(next)) {
        last += 1;
        count += 1;
      } else {
        // "van der Berg": one or more particles, then a capitalised word.
        let skip = last + 1;
        while (list[skip] && PARTICLES.has((list[skip] as Word).lower)) skip += 1;
        const after = list[skip];
        if (skip === last + 1 || !after || !isNameWord(after) || !/^\p{Lu}/u.test(after.text)) break;
        last = skip;
        count += 1;
      }
    }
    return last;
  };
  const nameAt = (i: number) => {
    const w = list[i];
    return w !== undefined && isNameWord(w);
  };
  const relation = list.findIndex((w, i) => RELATIONS.has(w.lower) && nameAt(i + 1));
  const from = relation >= 0 ? relation + 1 : nameAt(0) ? 0 : -1;
  if (from < 0) return { note: trimNote(text) || undefined };
  const to = grow(from);
  const start = (list[from] as Word).start;
  const end = (list[to] as Word).end;
  const note = trimNote(`${text.slice(0, start)} ${text.slice(end)}`);
  if (!note) return { name: whole };
  return { name: cleanName(text.slice(start, end)), note };
}

const joinNotes = (a: string | undefined, b: string | undefined) =>
  a && b ? cut(`${a}, ${b}`, MAX_NOTE_LENGTH) : (a ?? b);

/** Reads one answer into people with notes; see the top of this file. */
export function readNames(text: string): NameReading {
  const flat = text.replace(/\r?\n/g, ';').replace(UNSAFE, ' ').replace(TAG, ' ').replace(HEDGES, ' ');
  const capitalised = /\p{Lu}/u.test(flat);
  // In an answer with capitals, a name within a longer part is capitalised too.
  const isNameWord = (w: Word) => couldBeName(w) && (!capitalised || /^\p{Lu}/u.test(w.text));
  const people: NamedPerson[] = [];
  let pending: string | undefined;
  let ended = false;
  const attach = (note: string | undefined) => {
    const last = people.at(-1);
    if (!note) return;
    if (last) last.note = joinNotes(last.note, note);
    else pending = joinNotes(pending, note);
  };
  for (const part of splitTopLevel(flat)) {
    let trimmed = part.replace(TRAILING_FILLER, '').trim();
    if (isEnding(trimmed)) {
      ended = true;
      continue;
    }
    // "Anna. That's all": an ending after a full stop.
    const last = trimmed.match(/[.!?]\s+([^.!?]+)[.!?]*$/u);
    if (last?.[1] && isEnding(last[1])) {
      ended = true;
      trimmed = trimmed.slice(0, last.index);
    }
    for (const piece of piecesOf(trimmed, isNameWord)) {
      if (piece.noteOnly) {
        attach(trimNote(piece.text) || undefined);
        continue;
      }
      const { name, note } = readPiece(piece.text, isNameWord);
      if (!name || !looksLikeName(name)) {
        attach(note);
        continue;
      }
      const same = people.find((p) => sameName(p.name, name));
      if (same) {
        same.note = joinNotes(same.note, note);
        continue;
      }
      const merged = joinNotes(pending, note);
      pending = undefined;
      people.push(merged ? { name, note: merged } : { name });
    }
  }
  return {
    people: people.slice(0, MAX_NAMES_PER_ANSWER),
    ended,
    over: Math.max(0, people.length - MAX_NAMES_PER_ANSWER),
  };
}

/** Just the names of an answer, for callers that need no notes. */
export const parseNames = (text: string): string[] => readNames(text).people.map((p) => p.name);

// One collator for all comparisons: localeCompare with options builds a new one per call.
const baseLetters = new Intl.Collator(undefined, { sensitivity: 'base' });

export const sameName = (a: string, b: string): boolean => baseLetters.compare(a, b) === 0;

/** The name in what was typed, without a note ("Dick" in "Dick - oud-directeur"). */
const shortName = (typed: string) => readNames(typed).people[0]?.name ?? typed;
/** The first word of a stored name; also of one stored with its note before notes existed ("Dick (oud-directeur)"). */
const firstWord = (name: string) => name.trim().split(/[\s,;:()[\]–—]+/u)[0] ?? name;

/** The person with exactly this name. */
export const findExactName = (people: Person[], name: string): Person | undefined =>
  people.find((p) => sameName(p.name, cleanName(name)));

/**
 * The person a typed name means: the same name ("Lisa" for Lisa, who has a note), or else the one
 * person whose first name it is ("Anna" for "Anna de Vries"; "Dick" for a "Dick (oud-directeur)"
 * stored with its note before notes existed).
 */
export function findByName(people: Person[], name: string): Person | undefined {
  const exact = findExactName(people, name);
  if (exact) return exact;
  const typed = shortName(cleanName(name));
  if (wordsOf(typed).length !== 1) return undefined;
  const byFirst = people.filter((p) => sameName(firstWord(p.name), typed));
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

/** A person as lists show them: the name, and the note in brackets. */
export const nameWithNote = (p: { name: string; note?: string | undefined }): string =>
  p.note ? `${p.name} (${p.note})` : p.name;
