/**
 * npm run pictures: the network map of a 30- and a 90-person sample network, drawn by the picture
 * as it was before issue 14 (commit 7f3cdc1) and as it is now, into docs/pictures/ for the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderAsync } from '@resvg/resvg-js';
import { SANS_BOLD_FILE, SANS_FILE } from '../src/network/font.js';
import { mapMetrics, partsOfLife } from '../src/network/metrics.js';
import type { Person } from '../src/network/model.js';
import { type MapLabels, renderMapPng } from '../src/network/picture.js';
import { palettePng } from '../src/network/png.js';
import { sampleNetwork } from './sample-network.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'pictures');
const BEFORE = '7f3cdc1';
const MONO_FILE = SANS_FILE.replace('DejaVuSans.ttf', 'DejaVuSansMono.ttf');

/** An SVG drawn at its own size with the fonts both versions use and no others, in 256 colours to stay small. */
async function small(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    font: {
      fontFiles: [SANS_FILE, SANS_BOLD_FILE, MONO_FILE],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
    fitTo: { mode: 'original' },
  });
  return palettePng(image.pixels, image.width, image.height);
}

const DOMAIN_NAMES: MapLabels['domains'] = {
  work: 'Current work',
  former: 'Former work',
  study: 'Studies',
  school: 'School',
  family: 'Family',
  friends: 'Friends',
  neighbourhood: 'Neighbourhood & clubs',
  volunteering: 'Boards & volunteering',
  associations: 'Associations',
  online: 'Online',
  event: 'Events',
};

function labels(people: Person[]): MapLabels {
  const m = mapMetrics({ people, resources: {} });
  return {
    me: 'Me',
    title: "Anna's network",
    subtitle: [
      '1 December 2026',
      `${m.domainsUsed} of ${partsOfLife(m)} parts of life`,
      `${m.weak} acquaintances`,
      `${m.dormant} dormant ties`,
    ].join('  ·  '),
    domains: DOMAIN_NAMES,
    rings: { inner: 'Inner ring', middle: 'Middle ring', outer: 'Outer ring' },
    partsOfLife: 'Parts of life',
    noDomain: 'No part of life yet',
    closeness: 'How close',
    listedNote: 'Names listed under parts of life',
    unrated: 'Not yet on a ring',
    dormant: 'Dormant: no contact for 3+ years',
  };
}

/** The old picture module, taken from git and pointed at this checkout's imports. */
async function oldRenderer(): Promise<(people: Person[], labels: object) => Promise<{ svg: string }>> {
  const source = execFileSync('git', ['show', `${BEFORE}:src/network/picture.ts`], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .replaceAll("'../core/clip.js'", `'${pathToFileURL(join(ROOT, 'src/core/clip.ts')).href}'`)
    .replaceAll("'./model.js'", `'${pathToFileURL(join(ROOT, 'src/network/model.ts')).href}'`);
  // Inside the checkout, so the module finds the same node_modules.
  const dir = mkdtempSync(join(ROOT, 'bench', '.before-'));
  const file = join(dir, 'picture.ts');
  writeFileSync(file, source);
  try {
    const mod = (await import(pathToFileURL(file).href)) as {
      renderMapPng: (people: Person[], labels: object) => Promise<{ svg: string }>;
    };
    return mod.renderMapPng;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
const before = await oldRenderer();
for (const size of [30, 90]) {
  const people = sampleNetwork(size);
  const now = labels(people);
  const old = await before(people, { ...now, title: `My network: ${size} people` });
  const fresh = await renderMapPng(people, now);
  const [oldPng, freshPng] = [await small(old.svg), fresh.png];
  writeFileSync(join(OUT, `map-${size}-before.png`), oldPng);
  writeFileSync(join(OUT, `map-${size}-after.png`), freshPng);
  console.log(`${size} people: before ${oldPng.length} bytes, after ${freshPng.length} bytes`);
}
