import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found the same way from src/ (tests) and dist/src/ (the built bin). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('weakties: package.json not found above the code');
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
export const PROMPTS_DIR = join(PACKAGE_ROOT, 'prompts');
