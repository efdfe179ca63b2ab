import type { Reply } from '../core/types.js';
import type { Ctx } from '../engine/flow.js';
import type { Snapshot } from '../engine/records.js';
import type { State } from '../engine/state.js';
import { mapMetrics } from '../network/metrics.js';
import type { CareerQuestion, Domain, Person } from '../network/model.js';
import { findByName, MAX_NAMES_PER_ANSWER, nameWithNote, readNames, sameName } from '../network/names.js';

/** A map holds at most this many people; enough for any real recall, small enough to draw. */
export const MAX_PEOPLE = 500;

export interface Added {
  state: State;
  added: Person[];
  /** People typed with exactly the name of someone on the map. */
  known: Person[];
  /** Typed first names taken to mean someone on the map ("Lisa" for "Lisa", who has a note). */
  matched: { typed: string; person: Person }[];
  full: boolean;
  /** The answer said the list is complete ("no", "that's all", "niemand meer"). */
  ended: boolean;
  /** Names past the per-answer limit, not added. */
  over: number;
}

/** Nothing in the answer was a person, and it did not end the list either. */
export const noNames = (result: Added): boolean =>
  result.added.length === 0 && result.known.length === 0 && result.matched.length === 0 && !result.full;

/**
 * Adds the people typed in one answer, with what the member said about them. Someone already on
 * the map is not added twice (a note they lacked is kept); when a career question names them, the
 * existing person is marked instead.
 */
export function addPeople(
  state: State,
  text: string,
  domain: Domain | null,
  ctx: Ctx,
  named?: CareerQuestion,
): Added {
  const people = [...state.network.people];
  const result: Omit<Added, 'state'> = {
    added: [],
    known: [],
    matched: [],
    full: false,
    ended: false,
    over: 0,
  };
  const reading = readNames(text);
  result.ended = reading.ended;
  result.over = reading.over;
  let nextPersonId = state.nextPersonId;
  for (const typed of reading.people) {
    const existing = findByName(people, typed.name);
    if (existing) {
      const marked: Person = {
        ...existing,
        ...(named && !existing.named.includes(named) ? { named: [...existing.named, named] } : {}),
        ...(typed.note && !existing.note ? { note: typed.note } : {}),
      };
      people[people.indexOf(existing)] = marked;
      if (sameName(existing.name, typed.name)) result.known.push(marked);
      else result.matched.push({ typed: typed.name, person: marked });
      continue;
    }
    if (people.length >= MAX_PEOPLE) {
      result.full = true;
      break;
    }
    const person: Person = {
      id: `p${nextPersonId++}`,
      name: typed.name,
      ...(typed.note ? { note: typed.note } : {}),
      domain,
      ring: null,
      contact: null,
      named: named ? [named] : [],
      addedAt: ctx.now.toISOString(),
    };
    people.push(person);
    result.added.push(person);
  }
  return { ...result, state: { ...state, nextPersonId, network: { ...state.network, people } } };
}

/**
 * Acknowledges an answer with names: who was added (with their notes), who was already there,
 * which first names were taken for someone on the map, a full map, and names past the limit.
 */
export function addedReplies(result: Added, ctx: Ctx, knownIsFine = false): Reply[] {
  const lines: string[] = [];
  const list = (people: Person[]) => people.map(nameWithNote).join(', ');
  if (result.added.length > 0) {
    lines.push(
      ctx.say('people.added', { names: list(result.added), total: result.state.network.people.length }),
    );
  }
  if (result.known.length > 0) {
    lines.push(ctx.say(knownIsFine ? 'people.noted' : 'people.duplicate', { names: list(result.known) }));
  }
  for (const { typed, person } of result.matched) {
    lines.push(ctx.say('people.sameAs', { typed, name: nameWithNote(person) }));
  }
  if (result.full) lines.push(ctx.say('people.full', { max: MAX_PEOPLE }));
  const last = result.added.at(-1) ?? result.known.at(-1) ?? result.matched.at(-1)?.person;
  if (result.over > 0 && last) {
    lines.push(ctx.say('people.over', { kept: MAX_NAMES_PER_ANSWER, last: last.name, left: result.over }));
  }
  return lines.length > 0 ? [{ text: lines.join('\n') }] : [];
}

export const needsRating = (p: Person): boolean => p.ring === null || p.contact === null || p.domain === null;

export function snapshot(state: State): Snapshot {
  const m = mapMetrics(state.network);
  return { size: m.size, weak: m.weak, strong: m.strong, domainsUsed: m.domainsUsed };
}

/** What changed since a snapshot, as facts. */
export function changeReply(before: Snapshot, state: State, ctx: Ctx): Reply {
  const after = snapshot(state);
  if (after.size === before.size) return { text: ctx.say('people.unchanged', { size: after.size }) };
  return {
    text: ctx.say('people.changed', {
      before: before.size,
      after: after.size,
      weakBefore: before.weak,
      weakAfter: after.weak,
      domainsBefore: before.domainsUsed,
      domainsAfter: after.domainsUsed,
    }),
  };
}

/** Words that mark a description rather than a list of names, in English and Dutch. */
const SENTENCE_WORDS =
  /(?<![\p{L}])(my|mijn|our|onze|ons|the|het|at|bij|from|uit|who|die|with|met|old|oude|former|vroegere|colleague|collega|neighbour|neighbor|buurvrouw|buurman|friend|vriend|vriendin|sister|brother|zus|broer|from)(?![\p{L}])/iu;

/** True for an answer written as a sentence rather than a list of names. */
export function looksLikeSentence(text: string): boolean {
  return text
    .split(/[,;\n]+/)
    .some((part) => SENTENCE_WORDS.test(part) || part.trim().split(/\s+/).length >= 5);
}
