import type { ChartPage, PageContent, PageContext, Table } from './content.js';

/**
 * The chart pages: overview, network growth and the web of coffees, read from the store.
 * (Placeholder until the data and charts land: one empty section per page.)
 */
export async function chartPage(page: ChartPage, ctx: PageContext): Promise<PageContent> {
  return { title: page, sections: [{ heading: page, lead: ctx.community.space }] };
}

/** Every table of every chart page, for the export page and /dashboard/export/{id}.csv. */
export async function allTables(ctx: PageContext): Promise<Table[]> {
  const pages = await Promise.all((['overview', 'growth', 'web'] as const).map((p) => chartPage(p, ctx)));
  return pages.flatMap((p) => p.sections.flatMap((s) => (s.table ? [s.table] : [])));
}
