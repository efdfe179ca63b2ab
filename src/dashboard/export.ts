import { toCsv } from '../core/csv.js';
import { communityStats, statsCsv } from '../pairing/stats.js';
import type { PageContext, Table } from './content.js';
import { esc } from './html.js';
import { allTables } from './pages.js';
import { loadCommunity } from './records.js';

/** The coffee rounds' statistics, one row per round, as `weakties pairing stats --csv` gives them. */
export const ROUNDS_CSV = 'coffee-rounds';

export const tableCsv = (table: Table): string => toCsv(table.columns, table.rows);

/** The CSV file `{id}.csv` of this community, or undefined when there is no such table. */
export async function csvFile(ctx: PageContext, file: string): Promise<string | undefined> {
  if (!file.endsWith('.csv')) return undefined;
  const id = file.slice(0, -'.csv'.length);
  if (id === ROUNDS_CSV)
    return statsCsv(communityStats(await loadCommunity(ctx.store, ctx.community, ctx.lang)));
  const table = (await allTables(ctx)).find((t) => t.id === id);
  return table ? tableCsv(table) : undefined;
}

export async function exportHtml(ctx: PageContext): Promise<string> {
  const { say } = ctx;
  const link = (id: string, label: string) =>
    `<li><a href="/dashboard/export/${encodeURIComponent(id)}.csv" download>${esc(label)}</a> <span class="file">${esc(id)}.csv</span></li>`;
  const tables = await allTables(ctx);
  return `<h1>${esc(say('dashboard.export.title'))}</h1>
<p class="intro">${esc(say('dashboard.export.intro'))}</p>
<section>
<ul class="exports">
${link(ROUNDS_CSV, say('dashboard.export.rounds'))}
${tables.map((t) => link(t.id, t.caption)).join('\n')}
</ul>
</section>`;
}
