import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupSizes } from '../../src/pairing/groups.js';
import { pairKey } from '../../src/pairing/match.js';
import { type Simulation, simulate, simulateCommand } from '../../src/pairing/simulate.js';
import { runCli, useCli } from '../helpers/cli.js';

/** Checks the JSON contract of `pairing simulate` and the rules in every round; returns it typed. */
function checkShape(
  json: unknown,
  members: number,
  rounds: number,
  groups: number,
  blocks: number,
  size = 2,
): Simulation {
  const sim = json as Simulation;
  expect(Object.keys(sim).slice(0, 3)).toEqual(['members', 'blocks', 'rounds']);
  expect(sim.members).toEqual(
    Array.from({ length: members }, (_, i) => ({ id: `m${i + 1}`, group: `g${(i % groups) + 1}` })),
  );
  const ids = new Set(sim.members.map((m) => m.id));
  expect(sim.blocks).toHaveLength(blocks);
  const blocked = new Set<string>();
  for (const pair of sim.blocks) {
    expect(pair).toHaveLength(2);
    expect(ids.has(pair[0]) && ids.has(pair[1]) && pair[0] !== pair[1]).toBe(true);
    blocked.add(pairKey(pair[0], pair[1]));
  }
  expect(blocked.size).toBe(blocks); // distinct pairs
  expect(sim.rounds.map((r) => r.round)).toEqual(Array.from({ length: rounds }, (_, i) => i + 1));
  for (const round of sim.rounds) {
    expect(typeof round.ms).toBe('number');
    expect(round.ms).toBeGreaterThanOrEqual(0);
    const everyone = [...round.absent, ...round.groups.flat(), ...round.unplaced];
    expect(everyone.sort()).toEqual([...ids].sort()); // each member exactly once
    if (size === 2) expect(round.groups.filter((g) => g.length === 3).length).toBeLessThanOrEqual(1);
    const placed = round.groups.flat().length;
    expect(round.groups.map((g) => g.length).sort((a, b) => b - a)).toEqual(groupSizes(placed, size));
    for (const group of round.groups) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const [k, a] of group.entries())
        for (const b of group.slice(k + 1)) expect(blocked.has(pairKey(a, b)), `${a}-${b}`).toBe(false);
    }
  }
  return sim;
}

/** The output without its timings, which are the only thing allowed to differ between runs. */
const withoutTimings = (sim: Simulation) => ({
  ...sim,
  rounds: sim.rounds.map(({ ms: _, ...rest }) => rest),
});

describe('simulate', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const options = { members: 25, rounds: 6, groups: 3, snooze: 0.2, blocks: 10 };
    const first = simulate({ ...options, seed: 4 });
    checkShape(first, 25, 6, 3, 10);
    expect(withoutTimings(simulate({ ...options, seed: 4 }))).toEqual(withoutTimings(first));
    expect(withoutTimings(simulate({ ...options, seed: 5 }))).not.toEqual(withoutTimings(first));
  });

  it('keeps its history: 30 members over 29 rounds meet with at most 0.5% repeats', () => {
    const sim = simulate({ members: 30, rounds: 29 });
    const met = new Set<string>();
    let pairs = 0;
    let repeats = 0;
    for (const round of sim.rounds) {
      const now: string[] = [];
      for (const group of round.groups)
        for (const [k, a] of group.entries())
          for (const b of group.slice(k + 1)) {
            pairs++;
            if (met.has(pairKey(a, b))) repeats++;
            now.push(pairKey(a, b));
          }
      for (const key of now) met.add(key);
    }
    expect(pairs).toBe(435);
    expect(repeats / pairs).toBeLessThanOrEqual(0.005);
  });

  it('spreads trios: 101 members over 60 rounds differ by at most one trio', () => {
    const sim = simulate({ members: 101, rounds: 60 });
    const trios = new Map(sim.members.map((m) => [m.id, 0]));
    for (const round of sim.rounds)
      for (const group of round.groups)
        if (group.length === 3) for (const id of group) trios.set(id, (trios.get(id) ?? 0) + 1);
    const counts = [...trios.values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(180);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('crosses groups: 100 members in 5 groups, 20% absent, 20 blocks', () => {
    const sim = simulate({ members: 100, rounds: 20, groups: 5, snooze: 0.2, blocks: 20, seed: 1 });
    checkShape(sim, 100, 20, 5, 20);
    const group = new Map(sim.members.map((m) => [m.id, m.group]));
    let pairs = 0;
    let across = 0;
    for (const round of sim.rounds)
      for (const g of round.groups)
        for (const [k, a] of g.entries())
          for (const b of g.slice(k + 1)) {
            pairs++;
            if (group.get(a) !== group.get(b)) across++;
          }
    expect(across / pairs).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects options out of range', () => {
    expect(() => simulate({ members: 1, rounds: 1 })).toThrow(/--members/);
    expect(() => simulate({ members: 4, rounds: 1, blocks: 7 })).toThrow(/--blocks can be at most 6/);
    expect(() => simulate({ members: 4, rounds: 1, snooze: -0.1 })).toThrow(/--snooze/);
  });
});

describe('weakties pairing simulate (built CLI)', () => {
  const cli = useCli();

  it('prints the simulation as JSON on stdout', async () => {
    const sandbox = cli.sandbox();
    const args = ['pairing', 'simulate', '--members', '12', '--rounds', '4', '--groups', '3'];
    const run = await runCli(sandbox, [...args, '--snooze', '0.25', '--blocks', '5', '--seed', '7']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const sim = checkShape(JSON.parse(run.stdout), 12, 4, 3, 5);
    expect(sim.seed).toBe(7);
    expect(sim.rounds.some((r) => r.absent.length > 0)).toBe(true);
  });

  it('makes groups of the --size given, in the same JSON shape', async () => {
    const args = ['pairing', 'simulate', '--members', '23', '--rounds', '3', '--groups', '4'];
    const run = await runCli(cli.sandbox(), [...args, '--snooze', '0.2', '--blocks', '6', '--size', '4']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['members', 'blocks', 'rounds', 'seed']);
    expect(Object.keys(json.rounds[0])).toEqual(['round', 'absent', 'groups', 'ms', 'unplaced', 'seed']);
    const sim = checkShape(json, 23, 3, 4, 6, 4);
    expect(sim.rounds.flatMap((r) => r.groups).every((g) => g.length === 4 || g.length === 5)).toBe(true);
  });

  it('gives each member one need and two offers out of --tags, seeded, and meets needs in gaps mode', async () => {
    const args = ['pairing', 'simulate', '--members', '40', '--rounds', '5', '--groups', '2', '--tags', '8'];
    const run = await runCli(cli.sandbox(), [...args, '--seed', '3']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Simulation;
    for (const member of json.members) {
      expect(Object.keys(member)).toEqual(['id', 'group', 'needs', 'offers']);
      expect(member.needs).toHaveLength(1);
      expect(member.offers).toHaveLength(2);
      const tags = [...(member.needs ?? []), ...(member.offers ?? [])];
      expect(new Set(tags).size).toBe(3); // nobody offers what they look for
      for (const tag of tags) expect(tag).toMatch(/^t[1-8]$/);
    }
    // Seeded: the same seed draws the same tags, another seed others.
    const again = await runCli(cli.sandbox(), [...args, '--seed', '3']);
    expect((JSON.parse(again.stdout) as Simulation).members).toEqual(json.members);
    const other = await runCli(cli.sandbox(), [...args, '--seed', '4']);
    expect((JSON.parse(other.stdout) as Simulation).members).not.toEqual(json.members);

    const byId = new Map(json.members.map((m) => [m.id, m]));
    const fills = (a: string, b: string) =>
      (byId.get(a)?.needs ?? []).some((need) => (byId.get(b)?.offers ?? []).includes(need));
    const share = (sim: Simulation) => {
      const pairs = sim.rounds
        .flatMap((r) => r.groups)
        .flatMap((g) => g.flatMap((a, k) => g.slice(k + 1).map((b) => [a, b])));
      return (
        pairs.filter(([a, b]) => fills(a as string, b as string) || fills(b as string, a as string)).length /
        pairs.length
      );
    };
    const plain = await runCli(cli.sandbox(), [...args, '--seed', '3', '--mode', 'new']);
    const inNewMode = JSON.parse(plain.stdout) as Simulation;
    expect(inNewMode.members).toEqual(json.members);
    expect(share(json)).toBeGreaterThan(0.6);
    expect(share(json)).toBeGreaterThan(2 * share(inNewMode));
  });

  it('uses the defaults: one group, nobody absent, no blocks, seed 1', async () => {
    const run = await runCli(cli.sandbox(), ['pairing', 'simulate', '--members', '9', '--rounds', '2']);
    expect(run.code).toBe(0);
    const sim = checkShape(JSON.parse(run.stdout), 9, 2, 1, 0);
    expect(sim.seed).toBe(1);
    expect(sim.rounds.every((r) => r.absent.length === 0 && r.unplaced.length === 0)).toBe(true);
  });

  it('writes the file given with --out and a summary on stderr', async () => {
    const sandbox = cli.sandbox();
    const out = join(sandbox.dir, 'sim.json');
    const run = await runCli(sandbox, [
      'pairing',
      'simulate',
      '--members',
      '6',
      '--rounds',
      '3',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('sim.json');
    expect(existsSync(out)).toBe(true);
    checkShape(JSON.parse(readFileSync(out, 'utf8')), 6, 3, 1, 0);
  });

  it.each([
    [['--members', 'ten', '--rounds', '3'], /--members must be a whole number/],
    [['--members', '10', '--rounds', '3', '--colour', 'red'], /colour/],
  ])('exits 2 with a message for %j', async (args, message) => {
    const run = await runCli(cli.sandbox(), ['pairing', 'simulate', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('usage: weakties pairing simulate');
  });
});

describe('simulateCommand arguments (in process)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs the command with stdout and stderr captured. */
  async function command(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const code = await simulateCommand(args);
    vi.restoreAllMocks();
    return { code, stdout, stderr };
  }

  it.each([
    [['--members', '1', '--rounds', '3'], /--members/],
    [['--members', '', '--rounds', '3'], /--members/],
    [['--members', '1e', '--rounds', '3'], /--members/],
    [['--members', '10', '--rounds', '-2'], /--rounds/],
    [['--members', '10', '--rounds', '2.5'], /--rounds/],
    [['--members', '10', '--rounds', '3', '--snooze', '1.5'], /--snooze/],
    [['--members', '10', '--rounds', '3', '--snooze', '-0.5'], /--snooze/],
    [['--members', '10', '--rounds', '3', '--snooze', 'half'], /--snooze/],
    [['--members', '10', '--rounds', '3', '--groups', '0'], /--groups/],
    [['--members', '10', '--rounds', '3', '--blocks', '-1'], /--blocks/],
    [['--members', '10', '--rounds', '3', '--blocks', '46'], /--blocks can be at most 45/],
    [['--members', '10', '--rounds', '3', '--seed', '-4'], /--seed/],
    [['--members', '10', '--rounds', '3', '--size', '1'], /--size must be a whole number from 2 to 6/],
    [['--members', '10', '--rounds', '3', '--size', '7'], /--size/],
    [['--members', '10', '--rounds', '3', '--size', '3.5'], /--size/],
    [['--members', '10', '--rounds', '3', '--tags', '2'], /--tags must be a whole number, at least 3/],
    [['--members', '10', '--rounds', '3', '--tags', 'many'], /--tags/],
    [
      ['--members', '10', '--rounds', '3', '--tags', '5', '--mode', 'best'],
      /--mode must be one of new, gaps/,
    ],
    [['--members', '10'], /--rounds/],
    [['--rounds', '3'], /--members/],
    [['--members', '10', '--rounds', '3', 'extra'], /extra/],
    [['--members', '10', '--rounds', '3', '--out'], /--out/],
  ])('exits 2 with a message for %j', async (args, message) => {
    const run = await command(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('accepts the edges of the ranges', async () => {
    const run = await command([
      '--members',
      '2',
      '--rounds',
      '1',
      '--snooze',
      '1',
      '--blocks',
      '1',
      '--seed',
      '0',
    ]);
    expect(run.code).toBe(0);
    const sim = checkShape(JSON.parse(run.stdout), 2, 1, 1, 1);
    expect(sim.rounds[0]?.absent).toEqual(['m1', 'm2']); // everyone absent at P = 1
  });
});
