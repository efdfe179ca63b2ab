import type { ChartPage, PageContent, PageContext, Table } from './content.js';
import { type CommunityData, type Reads, readCommunityData } from './data/read.js';
import { type Formats, formatsFor } from './format.js';
import { growth } from './pages/growth.js';
import { overview } from './pages/overview.js';
import { web } from './pages/web.js';

/**
 * The chart pages: overview, network growth and the web of coffees, read from the store. Each
 * chart has a table of the same numbers beneath it; only counts, shares and anonymous dots.
 */
export async function chartPage(page: ChartPage, ctx: PageContext): Promise<PageContent> {
  const data = await readCommunityData(ctx.store, ctx.community, READS[page]);
  return RENDER[page](data, ctx, formatsFor(ctx.lang), true);
}

/**
 * Every table of every chart page, for the export page and /dashboard/export/{id}.csv. Charts
 * are not drawn: the web's force layout alone takes seconds at 5,000 members.
 */
export async function allTables(ctx: PageContext): Promise<Table[]> {
  const data = await readCommunityData(ctx.store, ctx.community);
  const f = formatsFor(ctx.lang);
  return (['overview', 'growth', 'web'] as const)
    .map((p) => RENDER[p](data, ctx, f, false))
    .flatMap((p) => p.sections.flatMap((s) => (s.table ? [s.table] : [])));
}

/** What each page reads: growth needs only the members' records, the web only the coffee record. */
const READS: Record<ChartPage, Reads> = {
  overview: { members: true, community: true },
  growth: { members: true, community: false },
  web: { members: false, community: true },
};

/** A page's content; with `draw` false, sections keep their tables but draw no costly chart. */
type Render = (data: CommunityData, ctx: PageContext, f: Formats, draw: boolean) => PageContent;

const RENDER: Record<ChartPage, Render> = { overview, growth, web };
