import { z } from 'zod';
import type { Reply } from '../core/types.js';
import { type Ctx, type FlowHandler, type Handlers, moveTo, type Outcome } from '../engine/flow.js';
import { type Snapshot, SnapshotSchema } from '../engine/records.js';
import type { State } from '../engine/state.js';
import { mapMetrics } from '../network/metrics.js';
import {
  type CareerQuestion,
  DOMAINS,
  type Domain,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  type Person,
} from '../network/model.js';
import {
  findByName,
  MAX_NAMES_PER_ANSWER,
  type NamedPerson,
  nameWithNote,
  readNames,
  sameName,
} from '../network/names.js';
import { choiceStep, yesNo } from './kit.js';

/** A map holds at most this many people; enough for any real recall, small enough to draw. */
export const MAX_PEOPLE = 500;

const index = z.number().int().min(0);

/** Where the answer with names was going: the steps that ask about a matching first name. */
const ResumeSchema = z.discriminatedUnion('at', [
  z.object({
    at: z.literal('awareness.recall'),
    domain: index,
    probed: z.boolean(),
    quiet: index.optional(),
  }),
  z.object({ at: z.literal('awareness.career'), question: index }),
  z.object({ at: z.literal('network.addDomain'), before: SnapshotSchema }),
]);

const MatchSchema = z.object({
  typed: z.string().min(1).max(MAX_NAME_LENGTH),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  person: z.string(),
});

/** "Is Anna the same person as Anna de Vries (buurvrouw)?", one first name at a time. */
export const flows = [
  z.object({
    at: z.literal('people.same'),
    matches: z.array(MatchSchema).min(1).max(50),
    domain: z.enum(DOMAINS).nullable(),
    resume: ResumeSchema,
    /** What the answer with names said on its way on ("now three questions about..."), said after. */
    afterwards: z.array(z.string().max(2000)).max(3),
  }),
] as const;

export interface Added {
  state: State;
  added: Person[];
  /** People typed with exactly the name of someone on the map. */
  known: Person[];
  /** Typed first names that match one longer name on the map ("Anna" for "Anna de Vries"). */
  matched: { typed: NamedPerson; person: Person }[];
  full: boolean;
  /** The answer said the list is complete ("no", "that's all", "niemand meer"). */
  ended: boolean;
  /** Names past the per-answer limit, not added. */
  over: number;
}

/** What the member said about someone, kept when the person had no note yet. */
const withNote = (person: Person, note: string | undefined) => (note && !person.note ? { note } : {});

function newPerson(
  id: string,
  typed: NamedPerson,
  domain: Domain | null,
  ctx: Ctx,
  named?: CareerQuestion,
): Person {
  return {
    id,
    name: typed.name,
    ...(typed.note ? { note: typed.note } : {}),
    domain,
    ring: null,
    contact: null,
    named: named ? [named] : [],
    addedAt: ctx.now.toISOString(),
  };
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
      const exact = sameName(existing.name, typed.name);
      const marked: Person = {
        ...existing,
        ...(named && !existing.named.includes(named) ? { named: [...existing.named, named] } : {}),
        // A first name may yet turn out to be someone else: their note waits for the answer.
        ...(exact ? withNote(existing, typed.note) : {}),
      };
      people[people.indexOf(existing)] = marked;
      if (exact) result.known.push(marked);
      else result.matched.push({ typed, person: marked });
      continue;
    }
    if (people.length >= MAX_PEOPLE) {
      result.full = true;
      break;
    }
    const person = newPerson(`p${nextPersonId++}`, typed, domain, ctx, named);
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
    lines.push(ctx.say('people.sameAs', { typed: typed.name, name: nameWithNote(person) }));
  }
  if (result.full) lines.push(ctx.say('people.full', { max: MAX_PEOPLE }));
  const last = result.added.at(-1) ?? result.known.at(-1) ?? result.matched.at(-1)?.person;
  if (result.over > 0 && last) {
    lines.push(ctx.say('people.over', { kept: MAX_NAMES_PER_ANSWER, last: last.name, left: result.over }));
  }
  return lines.length > 0 ? [{ text: lines.join('\n') }] : [];
}

/**
 * Where an answer with names leads. A first name that matches someone on the map ("Anna" beside
 * "Anna de Vries") is asked about first, one at a time; then the answer goes on to `next`. After
 * steps not listed in ResumeSchema the match is taken for the same person, and the coach says so.
 */
export function afterAdding(
  result: Added,
  domain: Domain | null,
  ctx: Ctx,
  next: (state: State, replies: Reply[]) => Outcome,
): Outcome {
  if (result.matched.length === 0) return next(result.state, addedReplies(result, ctx));
  const later = next(result.state, []);
  const resume = ResumeSchema.safeParse(later.state.flow);
  if (!resume.success) return next(result.state, addedReplies(result, ctx));
  const matches = result.matched.map(({ typed, person }) => ({
    typed: typed.name,
    ...(typed.note ? { note: typed.note } : {}),
    person: person.id,
  }));
  const flow = {
    at: 'people.same' as const,
    matches,
    domain,
    resume: resume.data,
    afterwards: later.replies.flatMap((r) => (r.text ? [r.text] : [])),
  };
  return moveTo(later.state, flow, addedReplies({ ...result, matched: [] }, ctx), later.effects);
}

const peopleSame: FlowHandler<'people.same'> = choiceStep<'people.same'>({
  ask(flow, state, ctx) {
    const [match] = flow.matches;
    const person = state.network.people.find((p) => p.id === match?.person);
    if (!match || !person) return [];
    return {
      text: ctx.say('people.same', { typed: match.typed, name: nameWithNote(person) }),
      choices: yesNo(ctx),
    };
  },
  pick(value, flow, state, ctx) {
    if (value !== 'yes' && value !== 'no') return undefined;
    const [match, ...rest] = flow.matches;
    if (!match) return moveTo(state, flow.resume);
    const people = [...state.network.people];
    const at = people.findIndex((p) => p.id === match.person);
    const existing = people[at];
    let next: State = state;
    let reply: Reply | undefined;
    if (value === 'yes' && existing) {
      people[at] = { ...existing, ...withNote(existing, match.note) };
      next = { ...state, network: { ...state.network, people } };
      reply = { text: ctx.say('people.sameYes', { name: existing.name }) };
    } else if (people.length < MAX_PEOPLE) {
      const typed = { name: match.typed, ...(match.note ? { note: match.note } : {}) };
      const person = newPerson(`p${state.nextPersonId}`, typed, flow.domain, ctx);
      next = {
        ...state,
        nextPersonId: state.nextPersonId + 1,
        network: { ...state.network, people: [...people, person] },
      };
      reply = {
        text: ctx.say('people.added', { names: nameWithNote(person), total: next.network.people.length }),
      };
    } else reply = { text: ctx.say('people.full', { max: MAX_PEOPLE }) };
    if (rest.length > 0) return moveTo(next, { ...flow, matches: rest }, [reply]);
    return moveTo(next, flow.resume, [reply, ...flow.afterwards.map((text) => ({ text }))]);
  },
});

export const handlers: Handlers<'people.same'> = { 'people.same': peopleSame };

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
