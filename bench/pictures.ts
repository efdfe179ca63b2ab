/**
 * npm run pictures: the network map of a 30- and a 90-person sample network, drawn by the picture
 * as it was before issue 14 (commit 7f3cdc1) and as it is now, and the community dashboard of the
 * seeded community the browser tests use (test/dashboard/seed.ts) in headless Chromium, into
 * docs/pictures/ for the README.
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
import { launchBrowser, startDashboard } from '../test/dashboard/browser.js';
import { NOW, populatedCommunity, REF, seedInto } from '../test/dashboard/seed.js';
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

/**
 * The dashboard's overview (its charts; the table beneath each is left out of the picture) and
 * the web of coffees, as an admin signed in through a one-time link sees them at 1000 px wide.
 */
async function dashboardPictures(): Promise<void> {
  const h = await startDashboard(NOW.toISOString());
  const browser = await launchBrowser();
  try {
    const seed = populatedCommunity();
    await seedInto(h.app.store, seed.states, seed.community);
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(await h.link('en', REF));
    // Each picture ends below the part worth showing: the overview's second chart, the web's figures.
    const shots: [string, string, string, boolean][] = [
      ['dashboard-overview.png', '/dashboard', 'main section:nth-of-type(2)', true],
      ['dashboard-web.png', '/dashboard/web', '#table-web-figures', false],
    ];
    for (const [file, path, until, chartsOnly] of shots) {
      await page.goto(`${h.base}${path}`);
      // Devtools' own script, which the page's CSP leaves alone; the page itself runs none.
      if (chartsOnly)
        await page.evaluate("document.querySelectorAll('.table-box, p.csv').forEach((e) => e.remove())");
      const box = await page.locator(until).boundingBox();
      if (!box) throw new Error(`${path}: no ${until}`);
      const height = Math.ceil(box.y + box.height + 16);
      const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 1000, height } });
      writeFileSync(join(OUT, file), png);
      console.log(`${file}: ${png.length} bytes`);
    }
    await context.close();
  } finally {
    await browser.close();
    await h.close();
  }
}

await dashboardPictures();
