import { defineConfig } from 'vitest/config';

/**
 * The platform doors (real Bolt and discord.js clients against local fakes) run each file in a
 * fresh module graph: discord.js keeps state between files, and its tests time out without it.
 * Everything else shares one module graph per worker (no isolation), which saves loading the
 * engine, zod schemas and texts again for every file: about half the time of the in-process tests.
 */
const DOORS = [
  'test/slack/**/*.test.ts',
  'test/discord/**/*.test.ts',
  'test/hardening/fuzz-slack.test.ts',
  'test/hardening/fuzz-discord.test.ts',
  'test/scale/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'doors', include: DOORS, isolate: true } },
      {
        extends: true,
        test: { name: 'core', include: ['test/**/*.test.ts', ...DOORS.map((p) => `!${p}`)], isolate: false },
      },
    ],
  },
});
