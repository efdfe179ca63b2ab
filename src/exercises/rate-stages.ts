/**
 * Rating people by groups: one multi-select question fills one value for everyone ticked, and the
 * last question about an attribute leaves the rest with the remaining value, so closeness takes
 * two questions and last contact three, whatever the number of people. Pure: people in, people out.
 */
import { MAX_PICK_OPTIONS } from '../core/types.js';
import type { Person } from '../network/model.js';

/**
 * The questions of a rating round, in order:
 * - inner: "which of these are close to you?";
 * - middle: "which of the rest are in between?", the rest go to the outer ring;
 * - weekly, monthly: "in touch this week?", "…and of the rest, this month?";
 * - yearly: "…in the last three years?", the rest are dormant (no contact for three years or more);
 * - domain: "where do you know X from?", one person at a time, for those named only at the work
 *   questions (people from recall already have their part of life).
 */
export const RATE_STAGES = ['inner', 'middle', 'weekly', 'monthly', 'yearly', 'domain'] as const;
export type RateStage = (typeof RATE_STAGES)[number];

type Attribute = 'ring' | 'contact' | 'domain';

interface StageRule {
  attribute: Attribute;
  /** What a tick gives; the domain question gives the part of life chosen instead. */
  value?: string;
  /** What everyone still without a value gets once the stage's last page is answered. */
  rest?: string;
}

const RULES: Record<RateStage, StageRule> = {
  inner: { attribute: 'ring', value: 'inner' },
  middle: { attribute: 'ring', value: 'middle', rest: 'outer' },
  weekly: { attribute: 'contact', value: 'weekly' },
  monthly: { attribute: 'contact', value: 'monthly' },
  yearly: { attribute: 'contact', value: 'yearly', rest: 'dormant' },
  domain: { attribute: 'domain' },
};

/** Where a rating round is: the question, the people it is about (in order) and the page shown. */
export interface Position {
  stage: RateStage;
  group: string[];
  page: number;
}

export const stageAttribute = (stage: RateStage): Attribute => RULES[stage].attribute;

const lacks = (stage: RateStage) => (p: Person) => p[RULES[stage].attribute] === null;

/** The queue's people who still lack the stage's attribute, in queue order. */
function groupFor(stage: RateStage, queue: readonly string[], people: readonly Person[]): string[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return queue.filter((id) => {
    const person = byId.get(id);
    return person !== undefined && lacks(stage)(person);
  });
}

/** Page size: a pick holds at most MAX_PICK_OPTIONS, and pages are even ("15 and 15", not "25 and 5"). */
function pageSize(stage: RateStage, groupSize: number): number {
  if (stage === 'domain') return 1;
  const pages = Math.max(1, Math.ceil(groupSize / MAX_PICK_OPTIONS));
  return Math.ceil(groupSize / pages);
}

export function pageCount(pos: Position): number {
  return Math.max(1, Math.ceil(pos.group.length / pageSize(pos.stage, pos.group.length)));
}

/** The people on the position's page who still lack the stage's value, in the group's order. */
export function pageMembers(pos: Position, people: readonly Person[]): Person[] {
  const size = pageSize(pos.stage, pos.group.length);
  const ids = pos.group.slice(pos.page * size, (pos.page + 1) * size);
  const byId = new Map(people.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const person = byId.get(id);
    return person && lacks(pos.stage)(person) ? [person] : [];
  });
}

/** Gives each person in `ids` the value, when they are on the page and still lack it. */
export function setValue(
  pos: Position,
  people: readonly Person[],
  ids: readonly string[],
  value: string | undefined = RULES[pos.stage].value,
): Person[] {
  const attribute = RULES[pos.stage].attribute;
  const on = new Set(pageMembers(pos, people).map((p) => p.id));
  return people.map((p) =>
    value !== undefined && on.has(p.id) && ids.includes(p.id) ? { ...p, [attribute]: value } : p,
  );
}

/** The stage's rest value, for everyone in its group still without one. */
function closeStage(pos: Position, people: readonly Person[]): Person[] {
  const { attribute, rest } = RULES[pos.stage];
  if (rest === undefined) return [...people];
  const group = new Set(pos.group);
  return people.map((p) => (group.has(p.id) && p[attribute] === null ? { ...p, [attribute]: rest } : p));
}

/** The first page at or after `page` of the stage with someone on it. */
function firstPageFrom(pos: Position, people: readonly Person[]): Position | undefined {
  for (let page = pos.page; page < pageCount(pos); page++) {
    const at = { ...pos, page };
    if (pageMembers(at, people).length > 0) return at;
  }
  return undefined;
}

/** The first question with someone to ask about, from stage `from` on. */
function firstFrom(from: number, queue: readonly string[], people: readonly Person[]): Position | undefined {
  for (const stage of RATE_STAGES.slice(from)) {
    const group = groupFor(stage, queue, people);
    const at = group.length > 0 ? firstPageFrom({ stage, group, page: 0 }, people) : undefined;
    if (at) return at;
  }
  return undefined;
}

/** Where a round starts: the first question with people to ask about; undefined when all are rated. */
export const firstPosition = (queue: readonly string[], people: readonly Person[]): Position | undefined =>
  firstFrom(0, queue, people);

export interface Moved {
  people: Person[];
  /** The next question, or undefined when the round is over. */
  position?: Position;
  /** Stages whose last page was answered on the way, their rest values given. */
  closed: RateStage[];
}

/** After a page is answered: its next page, or the stage closed and the next question begun. */
export function nextPosition(pos: Position, queue: readonly string[], people: readonly Person[]): Moved {
  const samePage = firstPageFrom({ ...pos, page: pos.page + 1 }, people);
  if (samePage) return { people: [...people], position: samePage, closed: [] };
  const closed = closeStage(pos, people);
  const position = firstFrom(RATE_STAGES.indexOf(pos.stage) + 1, queue, closed);
  return { people: closed, closed: [pos.stage], ...(position ? { position } : {}) };
}
