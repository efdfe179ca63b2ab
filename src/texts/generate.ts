/**
 * Writes src/texts/catalog.ts from prompts/en: every key, with the placeholders its English
 * variants use. Run it with `npm run texts` after adding, removing or rewording a text;
 * test/texts/catalog.test.ts fails while the committed catalog is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT, PROMPTS_DIR } from '../paths.js';
import { placeholders, readFiles, TextsError } from './read.js';

export const CATALOG_FILE = join(PACKAGE_ROOT, 'src', 'texts', 'catalog.ts');

const LINE_WIDTH = 110; // biome.json's, so the file is written as Biome formats it
const KEY = /^[\w-]+(\.[\w-]+)+$/;

function entry(key: string, names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  const line = `  '${key}': [${quoted.join(', ')}],`;
  if (line.length <= LINE_WIDTH) return line;
  return [`  '${key}': [`, ...quoted.map((n) => `    ${n},`), '  ],'].join('\n');
}

/** The text of src/texts/catalog.ts for the English texts in promptsDir/en. */
export function renderCatalog(promptsDir: string = PROMPTS_DIR): string {
  const lines: string[] = [];
  for (const [file, table] of readFiles(join(promptsDir, 'en'))) {
    lines.push(`  // ${file}`);
    for (const [key, variants] of table) {
      if (!KEY.test(key))
        throw new TextsError(
          `prompts/en/${file}: "${key}" should be a group and a name, such as "menu.help"`,
        );
      lines.push(entry(key, [...new Set(variants.flatMap(placeholders))]));
    }
  }
  return `// Generated from prompts/en/*.json by \`npm run texts\` (src/texts/generate.ts). Do not edit:
// change the English texts and run it again.

/**
 * Every text key, with the placeholders the code fills in it: those its English variants use.
 * prompts/<lang>/*.json must define exactly these keys; a text may use these placeholders or
 * fewer, never others.
 */
export const CATALOG = {
${lines.join('\n')}
} as const satisfies Record<string, readonly string[]>;

export type TextKey = keyof typeof CATALOG;
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(CATALOG_FILE, renderCatalog());
  console.log(
    `Wrote ${relative(process.cwd(), CATALOG_FILE)} from ${relative(process.cwd(), PROMPTS_DIR)}/en.`,
  );
}
