/**
 * Whether a goal says that the member wants a change but not yet which one ("I want something
 * else but don't know what", "iets anders maar ik weet niet wat"). Such a goal makes a job ask
 * hard to send; an exploration ask (one conversation to learn about a field) fits it better.
 */

/** Not knowing yet: "don't know what", "not sure which", "weet nog niet wat", "geen idee". */
const UNSURE = [
  /\b(?:dont|do not|didnt) (?:\w+ )?know (?:what|which|where|how|yet)\b/,
  /\bnot (?:\w+ )?sure (?:what|which|where|yet)\b/,
  /\bno idea\b/,
  /\bunsure\b/,
  /\b(?:figure|find|work) out what\b/,
  /\bweet (?:\w+ ){0,3}niet (?:goed |precies )?(?:wat|welke|waar|hoe)\b/,
  /\bweet (?:het |ik )?nog niet\b/,
  /\bgeen idee\b/,
  /\b(?:twijfel|zoekende)\b/,
  /\b(?:uitzoeken|ontdekken|uitvinden) wat\b/,
];

/** A change without a field: "something else", "something new", "iets anders", "een andere richting". */
const NO_FIELD = [
  /\bsomething (?:else|new|different)\b/,
  /\b(?:a )?(?:new|different) (?:direction|path)\b/,
  /\biets (?:anders|nieuws)\b/,
  /\b(?:een )?(?:nieuwe|andere) (?:richting|weg)\b/,
  /\bander werk\b/,
];

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The goal wants a change but names no field to change to. */
export function isVagueGoal(goal: string): boolean {
  const text = plain(goal);
  return [...UNSURE, ...NO_FIELD].some((re) => re.test(text));
}
