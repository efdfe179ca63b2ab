/**
 * `weakties pairing simulate`: virtual-coffee rounds on a synthetic community, as JSON, to see
 * what the matcher does over time (repeats, groups, trios, speed) without any real members.
 * The community, the absences and the matcher's seeds all come from --seed, so a run repeats
 * exactly; only the "ms" timings differ.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from './groups.js';
import {
  type Candidate,
  type MatchInput,
  type MatchResult,
  PAIRING_MODES,
  type PairingMode,
  pairKey,
  pairRound,
} from './match.js';
import { hash3, mulberry32, type Random, randomInt, shuffle } from './random.js';

export interface SimulateOptions {
  /** Community size: members m1..mN. */
  members: number;
  rounds: number;
  /** Groups g1..gG, assigned in turn (m1 → g1, m2 → g2, …). Default 1. */
  groups?: number;
  /** Chance that a member is absent in a round. Default 0. */
  snooze?: number;
  /** Random pairs of members who blocked each other. Default 0. */
  blocks?: number;
  /** Default 1. */
  seed?: number;
  /** People per group, 2..6. Default 2. */
  size?: number;
  /**
   * Tags t1..tT: each member looks for one and offers two others, drawn from their own seeded
   * stream (so the rest of the run is the same with or without tags). Default none (T ≥ 3).
   */
  tags?: number;
  /** Pairing mode given to the matcher. Default `gaps` when there are tags, else `new`. */
  mode?: PairingMode;
  /** The algorithm under test (the bench passes baselines). Default pairRound. */
  matcher?: (input: MatchInput) => MatchResult;
  /** Milliseconds now, for the per-round timing. Default performance.now. */
  clock?: () => number;
}

interface SimulatedRound {
  round: number;
  absent: string[];
  groups: string[][];
  ms: number;
  unplaced: string[];
  /** The seed the matcher got for this round. */
  seed: number;
}

/** A synthetic member; needs and offers only in a run with --tags. */
interface SimulatedMember {
  id: string;
  group: string;
  needs?: string[];
  offers?: string[];
}

export interface Simulation {
  members: SimulatedMember[];
  blocks: [string, string][];
  rounds: SimulatedRound[];
  seed: number;
}

/** Validates the options; the message names the flag, for the CLI. */
function checkOptions(options: SimulateOptions): string | undefined {
  const whole = (value: number | undefined, min: number) =>
    value === undefined || (Number.isSafeInteger(value) && value >= min);
  if (!whole(options.members, 2)) return '--members must be a whole number, at least 2';
  if (!whole(options.rounds, 1)) return '--rounds must be a whole number, at least 1';
  if (!whole(options.groups, 1)) return '--groups must be a whole number, at least 1';
  if (!whole(options.blocks, 0)) return '--blocks must be a whole number, 0 or more';
  if (!whole(options.seed, 0)) return '--seed must be a whole number, 0 or more';
  const size = options.size ?? MIN_GROUP_SIZE;
  if (!(Number.isSafeInteger(size) && size >= MIN_GROUP_SIZE && size <= MAX_GROUP_SIZE))
    return `--size must be a whole number from ${MIN_GROUP_SIZE} to ${MAX_GROUP_SIZE}`;
  if (!whole(options.tags, 3)) return '--tags must be a whole number, at least 3';
  if (options.mode !== undefined && !PAIRING_MODES.includes(options.mode))
    return `--mode must be one of ${PAIRING_MODES.join(', ')}`;
  const snooze = options.snooze ?? 0;
  if (!(snooze >= 0 && snooze <= 1)) return '--snooze must be a number from 0 to 1';
  const pairs = (options.members * (options.members - 1)) / 2;
  if ((options.blocks ?? 0) > pairs) return `--blocks can be at most ${pairs} for ${options.members} members`;
  return undefined;
}

/** `count` distinct random pairs of member numbers 0..n-1. */
function randomPairs(n: number, count: number, random: Random): [number, number][] {
  const all = (n * (n - 1)) / 2;
  if (count > all / 2) {
    // Dense: shuffle the list of every pair (only reached for small communities).
    const every: [number, number][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) every.push([a, b]);
    return shuffle(every, random).slice(0, count);
  }
  const chosen = new Set<number>();
  const pairs: [number, number][] = [];
  while (pairs.length < count) {
    const a = randomInt(random, n);
    const b = randomInt(random, n);
    if (a === b) continue;
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    if (chosen.has(low * n + high)) continue;
    chosen.add(low * n + high);
    pairs.push([low, high]);
  }
  return pairs;
}

/** One need and two offers per member, three distinct tags out of t1..tT, seeded apart from the rest. */
function drawTags(members: SimulatedMember[], tags: number, seed: number): void {
  const random = mulberry32(hash3(seed, tags, 0x7a65));
  for (const member of members) {
    const [need, ...offers] = shuffle(
      Array.from({ length: tags }, (_, i) => i + 1),
      random,
    ).slice(0, 3);
    member.needs = [`t${need}`];
    member.offers = offers.map((t) => `t${t}`);
  }
}

/** Runs the rounds, keeping the history (last meetings, larger groups) as a real community would. */
export function simulate(options: SimulateOptions): Simulation {
  const problem = checkOptions(options);
  if (problem) throw new RangeError(problem);
  const groupCount = options.groups ?? 1;
  const snooze = options.snooze ?? 0;
  const seed = options.seed ?? 1;
  const size = options.size ?? MIN_GROUP_SIZE;
  const matcher = options.matcher ?? pairRound;
  const clock = options.clock ?? (() => performance.now());
  const random = mulberry32(seed);

  const members: SimulatedMember[] = Array.from({ length: options.members }, (_, i) => ({
    id: `m${i + 1}`,
    group: `g${(i % groupCount) + 1}`,
  }));
  if (options.tags !== undefined) drawTags(members, options.tags, seed);
  const mode = options.mode ?? (options.tags === undefined ? 'new' : 'gaps');
  const blockPairs = randomPairs(options.members, options.blocks ?? 0, random);
  const blocksOf = new Map<string, string[]>();
  const blocks = blockPairs.map(([a, b]): [string, string] => {
    const from = (members[a] as { id: string }).id;
    const to = (members[b] as { id: string }).id;
    blocksOf.set(from, [...(blocksOf.get(from) ?? []), to]); // one side blocks; it applies both ways
    return [from, to];
  });

  const lastMet = new Map<string, number>();
  const trios = new Map<string, number>();
  const rounds: SimulatedRound[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const absent: string[] = [];
    const present: Candidate[] = [];
    for (const member of members) {
      if (snooze > 0 && random() < snooze) absent.push(member.id);
      else
        present.push({
          id: member.id,
          group: member.group,
          trios: trios.get(member.id) ?? 0,
          blocks: blocksOf.get(member.id) ?? [],
          ...(member.needs ? { needs: member.needs, offers: member.offers } : {}),
        });
    }
    const roundSeed = hash3(seed, round, 0x5eed);
    const started = clock();
    const result = matcher({ members: present, lastMet, round, seed: roundSeed, size, mode });
    const ms = clock() - started;
    for (const group of result.groups) {
      for (const [k, a] of group.entries())
        for (const b of group.slice(k + 1)) lastMet.set(pairKey(a, b), round);
      if (group.length > size) for (const id of group) trios.set(id, (trios.get(id) ?? 0) + 1);
    }
    rounds.push({
      round,
      absent,
      groups: result.groups,
      ms: Math.round(ms * 1000) / 1000,
      unplaced: result.unplaced,
      seed: roundSeed,
    });
  }
  return { members, blocks, rounds, seed };
}

/** A flag's value as a number, or NaN when it is not one (empty, "12abc", "1e"). */
function numberFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value.trim() === '' ? Number.NaN : Number(value);
}

const USAGE =
  'usage: weakties pairing simulate --members N --rounds R [--groups G] [--snooze P] [--blocks B] [--seed S] [--size K] [--tags T] [--mode new|gaps] [--out FILE]';

/** The CLI command: returns the exit code (2 for bad arguments). */
export async function simulateCommand(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        members: { type: 'string' },
        rounds: { type: 'string' },
        groups: { type: 'string' },
        snooze: { type: 'string' },
        blocks: { type: 'string' },
        seed: { type: 'string' },
        size: { type: 'string' },
        tags: { type: 'string' },
        mode: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`weakties pairing simulate: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.members === undefined || values.rounds === undefined) {
    process.stderr.write(`weakties pairing simulate: --members and --rounds are required\n${USAGE}\n`);
    return 2;
  }
  const options: SimulateOptions = {
    members: numberFlag(values.members) as number,
    rounds: numberFlag(values.rounds) as number,
    groups: numberFlag(values.groups),
    snooze: numberFlag(values.snooze),
    blocks: numberFlag(values.blocks),
    seed: numberFlag(values.seed),
    size: numberFlag(values.size),
    tags: numberFlag(values.tags),
    mode: values.mode as PairingMode | undefined,
  };
  const problem = checkOptions(options);
  if (problem) {
    process.stderr.write(`weakties pairing simulate: ${problem}\n${USAGE}\n`);
    return 2;
  }
  const json = `${JSON.stringify(simulate(options))}\n`;
  if (values.out === undefined) {
    process.stdout.write(json);
  } else {
    writeFileSync(values.out, json);
    process.stderr.write(
      `weakties pairing simulate: ${options.members} members, ${options.rounds} rounds → ${values.out}\n`,
    );
  }
  return 0;
}
