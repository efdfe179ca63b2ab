import { escapeMarkup } from '../core/markup.js';
import type { Lang } from '../core/types.js';
import type { Say } from '../texts/texts.js';
import type { Cell, PageContent, Section, Table } from './content.js';

/** Text made safe for HTML content and attribute values. */
export const esc = escapeMarkup;

/**
 * A text with commands marked as `code` (as in the chat), made safe for HTML: each `…` becomes
 * <code>…</code> after escaping, so a command or placeholder reads as something to type.
 */
export const richText = (value: string): string => esc(value).replace(/`([^`]+)`/g, '<code>$1</code>');

export const NAV = ['overview', 'growth', 'web', 'settings', 'export'] as const;
export type NavPage = (typeof NAV)[number];

export const pagePath = (page: NavPage): string =>
  page === 'overview' ? '/dashboard' : `/dashboard/${page}`;

const locale = (lang: Lang) => (lang === 'nl' ? 'nl-NL' : 'en-GB');

/** A day (YYYY-MM-DD) as the admin reads it: "16 Nov 2026", "16 nov 2026". */
const longDay = (date: string, lang: Lang): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? new Intl.DateTimeFormat(locale(lang), {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      })
        .format(new Date(`${date}T00:00:00Z`))
        .replace('.', '')
    : date;

/** A table cell as the page shows it: numbers per language (0,5 in Dutch), nothing as a dash. */
export const cellText = (cell: Cell, lang: Lang, say: Say): string =>
  cell === null
    ? say('dashboard.noData')
    : typeof cell === 'number'
      ? cell.toLocaleString(locale(lang))
      : cell;

/** A cell as the page shows it: dates of the table's date columns in the admin's language. */
export const shownCell = (table: Table, column: number, cell: Cell, lang: Lang, say: Say): string =>
  typeof cell === 'string' && table.dates?.includes(column) ? longDay(cell, lang) : cellText(cell, lang, say);

export function tableHtml(table: Table, lang: Lang, say: Say): string {
  const head = table.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td>${esc(shownCell(table, i, cell, lang, say))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-box"><table id="table-${esc(table.id)}">
<caption>${esc(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p class="csv"><a href="/dashboard/export/${encodeURIComponent(table.id)}.csv">${esc(say('dashboard.csv'))}</a></p>`;
}

/** A chart page's section: heading, lead, the server-made SVG as given, its table beneath. */
export function sectionHtml(section: Section, lang: Lang, say: Say): string {
  return `<section>
<h2>${esc(section.heading)}</h2>
${section.lead ? `<p class="lead">${richText(section.lead)}</p>` : ''}
${section.svg ? `<figure class="chart">${section.svg}</figure>` : ''}
${section.table && section.table.rows.length > 0 ? tableHtml(section.table, lang, say) : ''}
</section>`;
}

export const pageContentHtml = (content: PageContent, lang: Lang, say: Say): string =>
  `<h1>${esc(content.title)}</h1>
${content.intro ? `<p class="intro">${richText(content.intro)}</p>` : ''}
${content.sections.map((s) => sectionHtml(s, lang, say)).join('\n')}`;

export interface Frame {
  lang: Lang;
  say: Say;
  title: string;
  /** Signed in: the nav, the language switch and the sign-out form. */
  signedIn?: { current: NavPage | undefined; community: string; csrf: string; path: string };
}

/** The whole document around a page's main part; no script, no inline style (the CSP forbids both). */
export function layout(frame: Frame, main: string): string {
  const { say, lang, signedIn } = frame;
  const other: Lang = lang === 'en' ? 'nl' : 'en';
  const header = signedIn
    ? `<header>
<p class="brand">${esc(say('dashboard.title'))}</p>
<p class="community">${esc(say('dashboard.community', { community: signedIn.community }))}</p>
<nav aria-label="${esc(say('dashboard.nav.label'))}"><ul>
${NAV.map(
  (page) =>
    `<li><a href="${pagePath(page)}"${page === signedIn.current ? ' aria-current="page"' : ''}>${esc(say(`dashboard.nav.${page}`))}</a></li>`,
).join('\n')}
</ul></nav>
<div class="tools">
<a class="lang" href="${esc(signedIn.path)}?lang=${other}" hreflang="${other}" lang="${other}">${esc(say('dashboard.otherLang'))}</a>
<form method="post" action="/dashboard/signout"><input type="hidden" name="csrf" value="${esc(signedIn.csrf)}"><button type="submit">${esc(say('dashboard.signOut'))}</button></form>
</div>
</header>`
    : `<header><p class="brand">${esc(say('dashboard.title'))}</p></header>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(frame.title)} · ${esc(say('dashboard.title'))}</title>
<link rel="stylesheet" href="/dashboard/style.css">
</head>
<body>
${header}
<main>
${main}
</main>
</body>
</html>
`;
}

/**
 * A page that only says something: refused links, no session, a stale form, not found. With
 * `back`, a link of that label leads to the overview (which asks to sign in when needed).
 */
export const messagePage = (frame: Frame, heading: string, paragraphs: string[], back?: string): string =>
  layout(
    frame,
    [
      `<h1>${esc(heading)}</h1>`,
      ...paragraphs.map((p) => `<p>${richText(p)}</p>`),
      ...(back ? [`<p class="back"><a href="/dashboard">${esc(back)}</a></p>`] : []),
    ].join('\n'),
  );
