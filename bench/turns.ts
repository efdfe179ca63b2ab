/** The scripted turns the benchmark plays, and the loop that plays them against one engine. */
import { parseLine } from '../adapters/console/inbound.js';
import { renderText } from '../adapters/console/render.js';
import type { App } from '../src/app.js';
import { type MemberRef, memberKey } from '../src/core/types.js';

/** The typed lines of a network map, up to the resource check; every line is one turn. */
export const SCRIPT = [
  '1',
  '1',
  'Anna, Piet, Mo',
  'Kees',
  'Lot, Sam',
  'No one else',
  '1',
  'Fatima, Joost',
  '1',
  'Ruth',
  'Ruth',
  '1',
  '1',
  '1',
  '1',
  '1',
  'Piet',
  'Nobody',
  '1',
  ...Array.from({ length: 9 }, () => ['2', '3']).flat(),
];

/** The terminal's own words, as fixed text: the benchmark measures turns, not the texts. */
const words = { or: (options: string) => `Or: ${options}`, pickHint: 'Type the numbers.' };

export const renderToNothing = {
  deliver: async (_member: MemberRef, replies: { text: string }[]) => {
    for (const reply of replies) renderText(reply, {}, words);
  },
};

export interface Samples {
  turns: number[];
  bare: number[];
  wallMs: number;
}

/**
 * Plays the script for members [first, first + count) through the console path. With `bare`,
 * each turn is followed by a bare get+set of the same member record, so both meet the same
 * garbage collections and store housekeeping.
 */
export async function playTurns(app: App, first: number, count: number, bare: boolean): Promise<Samples> {
  const members = app.store.spaces.member;
  const samples: Samples = { turns: [], bare: [], wallMs: 0 };
  const started = performance.now();
  for (let m = first; m < first + count; m++) {
    const member: MemberRef = { platform: 'console', space: 'local', user: `bench-${m}` };
    const key = memberKey(member);
    for (const line of SCRIPT) {
      const parsed = parseLine(line, member, false);
      if ('error' in parsed) throw new Error(parsed.error);
      const t0 = performance.now();
      await app.engine.handle(parsed.payload);
      samples.turns.push(performance.now() - t0);
      if (!bare) continue;
      const t1 = performance.now();
      await members.set(key, await members.get(key));
      samples.bare.push(performance.now() - t1);
    }
  }
  samples.wallMs = performance.now() - started;
  return samples;
}
