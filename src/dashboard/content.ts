import type { Lang } from '../core/types.js';
import type { CommunityRef } from '../pairing/community.js';
import type { Store } from '../store/open.js';
import type { Say } from '../texts/texts.js';

/**
 * What a dashboard page shows, apart from how it is served: the server (src/dashboard/server.ts)
 * renders it inside the layout; each section's table is also offered as CSV.
 * Only counts, shares and anonymous ids: never a member's name or a name from a map.
 */

/** A cell: a number, a text, or nothing to show (null renders as "–", empty in CSV). */
export type Cell = string | number | null;

export interface Table {
  /** Stable, URL-safe id: the CSV is served at /dashboard/export/{id}.csv. */
  id: string;
  caption: string;
  columns: string[];
  rows: Cell[][];
  /** Columns holding a day (YYYY-MM-DD): ISO in the CSV, in the admin's language on the page. */
  dates?: number[];
}

export interface Section {
  heading: string;
  /** A short sentence under the heading: what the chart says, or why it is empty. */
  lead?: string;
  /** A complete, server-rendered <svg> (role="img" with an aria-label), or none. */
  svg?: string;
  /** The same numbers as the chart, shown beneath it. */
  table?: Table;
}

export interface PageContent {
  title: string;
  intro?: string;
  sections: Section[];
}

/** Everything a page needs to read its community's data. */
export interface PageContext {
  store: Store;
  community: CommunityRef;
  lang: Lang;
  say: Say;
  now: Date;
}

export const CHART_PAGES = ['overview', 'growth', 'web'] as const;
export type ChartPage = (typeof CHART_PAGES)[number];
