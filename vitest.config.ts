import { defineConfig } from 'vitest/config';

/**
 * The Discord tests (a real discord.js client against a local fake) run each file in a fresh
 * module graph: discord.js keeps state between files, and three of their files time out without
 * it. Every other test file shares one module graph per worker (no isolation), which saves loading
 * the engine, zod schemas, texts and Bolt again for every file: about half the CPU of those files.
 */
const ISOLATED = ['test/discord/**/*.test.ts', 'test/hardening/fuzz-discord.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'discord', include: ISOLATED, isolate: true } },
      {
        extends: true,
        test: {
          name: 'core',
          include: ['test/**/*.test.ts', ...ISOLATED.map((p) => `!${p}`)],
          isolate: false,
        },
      },
    ],
  },
});
