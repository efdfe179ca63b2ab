import type { Reply } from '../core/types.js';
import type { Ctx } from '../engine/flow.js';
import type { Snapshot } from '../engine/records.js';
import type { State } from '../engine/state.js';
import { mapMetrics } from '../network/metrics.js';
import type { CareerQuestion, Domain, Person } from '../network/model.js';
import { findByName, parseNames } from '../network/names.js';

/** A map holds at most this many people; enough for any real recall, small enough to draw. */
export const MAX_PEOPLE = 500;

export interface Added {
  state: State;
  added: Person[];
  known: Person[];
  full: boolean;
}

/**
 * Adds the names typed in one answer. A name already on the map is not added twice; when a
 * career question names them, the existing person is marked instead.
 */
export function addPeople(
  state: State,
  text: string,
  domain: Domain | null,
  ctx: Ctx,
  named?: CareerQuestion,
): Added {
  const people = [...state.network.people];
  const added: Person[] = [];
  const known: Person[] = [];
  let nextPersonId = state.nextPersonId;
  let full = false;
  for (const name of parseNames(text)) {
    const existing = findByName(people, name);
    if (existing) {
      const marked =
        named && !existing.named.includes(named)
          ? { ...existing, named: [...existing.named, named] }
          : existing;
      people[people.indexOf(existing)] = marked;
      known.push(marked);
      continue;
    }
    if (people.length >= MAX_PEOPLE) {
      full = true;
      break;
    }
    const person: Person = {
      id: `p${nextPersonId++}`,
      name,
      domain,
      ring: null,
      contact: null,
      named: named ? [named] : [],
      addedAt: ctx.now.toISOString(),
    };
    people.push(person);
    added.push(person);
  }
  return { state: { ...state, nextPersonId, network: { ...state.network, people } }, added, known, full };
}

/** Acknowledges an answer with names: who was added, who was already there, and a full map. */
export function addedReplies(result: Added, ctx: Ctx, knownIsFine = false): Reply[] {
  const lines: string[] = [];
  const list = (people: Person[]) => people.map((p) => p.name).join(', ');
  if (result.added.length > 0) {
    lines.push(
      ctx.say('people.added', { names: list(result.added), total: result.state.network.people.length }),
    );
  }
  if (result.known.length > 0) {
    lines.push(ctx.say(knownIsFine ? 'people.noted' : 'people.duplicate', { names: list(result.known) }));
  }
  if (result.full) lines.push(ctx.say('people.full', { max: MAX_PEOPLE }));
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
