import { weekdayName } from '../core/time.js';
import type { Lang } from '../core/types.js';
import { changeSetting } from '../pairing/admin.js';
import { CADENCES, type Community, type Settings } from '../pairing/community.js';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from '../pairing/groups.js';
import { PAIRING_MODES } from '../pairing/match.js';
import { planRound } from '../pairing/plan.js';
import type { Say } from '../texts/texts.js';
import { esc, richText } from './html.js';

/**
 * The Settings page: the coffee settings as a form. Each changed field becomes the `coffee set`
 * command an admin would type, and goes through the same checks (changeSetting), so the page and
 * the chat can never disagree about what a valid setting is.
 */
const FIELDS = [
  'active',
  'cadence',
  'weekday',
  'hour',
  'timezone',
  'group',
  'checkin',
  'size',
  'headsup',
  'mode',
  'language',
] as const;
type Field = (typeof FIELDS)[number];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** The field's current value, as the form shows and sends it. */
function shownValue(s: Settings, field: Field): string {
  switch (field) {
    case 'active':
      return s.active ? 'on' : 'off';
    case 'cadence':
      return s.cadence;
    case 'weekday':
      return String(s.weekday);
    case 'hour':
      return String(s.hour);
    case 'timezone':
      return s.timezone;
    case 'group':
      return s.groupBy;
    case 'checkin':
      return String(s.checkinWeekday);
    case 'size':
      return String(s.size);
    case 'headsup':
      return s.headsup === false ? 'off' : 'on';
    case 'mode':
      return s.mode ?? 'new';
    case 'language':
      return s.lang;
  }
}

/** The `coffee set` words for a field's new value. */
function commandOf(field: Field, value: string): string[] {
  switch (field) {
    case 'active':
      return [value === 'on' ? 'on' : value === 'off' ? 'off' : value];
    case 'weekday':
      return ['day', value];
    case 'hour':
      return ['time', value];
    case 'group':
      return ['group', ...value.trim().split(/\s+/)];
    default:
      return [field, value.trim()];
  }
}

/** Applies a submitted form: every changed field through changeSetting; any error saves nothing. */
export function applySettingsForm(
  community: Community,
  form: URLSearchParams,
  now: Date,
  say: Say,
  lang: Lang,
): { community?: Community; errors: string[] } {
  let current = community;
  const errors: string[] = [];
  for (const field of FIELDS) {
    const value = form.get(field);
    if (value === null || value.trim() === shownValue(current.settings, field)) continue;
    const result = changeSetting(current, commandOf(field, value), now, say, lang);
    if (result.community) current = result.community;
    else errors.push(result.text);
  }
  return errors.length > 0 ? { errors } : { community: current, errors };
}

type Option = { value: string; label: string };

function control(field: Field, s: Settings, say: Say, lang: Lang, submitted?: URLSearchParams): string {
  // After a form that was not saved, the page shows what the admin sent, so nothing typed is lost.
  const value = submitted?.get(field) ?? shownValue(s, field);
  const select = (options: Option[]) =>
    `<select name="${field}" id="f-${field}">${options
      .map(
        (o) =>
          `<option value="${esc(o.value)}"${o.value === value ? ' selected' : ''}>${esc(o.label)}</option>`,
      )
      .join('')}</select>`;
  const onOff = () =>
    select([
      { value: 'on', label: say('coffee.admin.on') },
      { value: 'off', label: say('coffee.admin.off') },
    ]);
  const days = () => select(range(1, 7).map((d) => ({ value: d, label: weekdayName(Number(d), lang) })));
  const text = (max: number) =>
    `<input type="text" name="${field}" id="f-${field}" value="${esc(value)}" maxlength="${max}">`;
  switch (field) {
    case 'active':
    case 'headsup':
      return onOff();
    case 'cadence':
      return select(CADENCES.map((c) => ({ value: c, label: say(`coffee.cadence.${c}`) })));
    case 'weekday':
    case 'checkin':
      return days();
    case 'hour':
      return `<input type="number" name="hour" id="f-hour" min="0" max="23" step="1" value="${esc(value)}">`;
    case 'timezone':
      return text(80);
    case 'group':
      return text(40);
    case 'size':
      return select(range(MIN_GROUP_SIZE, MAX_GROUP_SIZE).map((n) => ({ value: n, label: n })));
    case 'mode':
      return select(PAIRING_MODES.map((m) => ({ value: m, label: say(`coffee.admin.mode.${m}`) })));
    case 'language':
      return select([
        { value: 'en', label: 'English' },
        { value: 'nl', label: 'Nederlands' },
      ]);
  }
}

/** "3 × 2, 1 × 3": how many groups of each size. */
function sizesText(sizes: number[]): string {
  const counts = new Map<number, number>();
  for (const size of sizes) counts.set(size, (counts.get(size) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([size, n]) => `${n} × ${size}`)
    .join(', ');
}

/** The next round as the planner would make it now, told without a single name. */
export function previewHtml(community: Community, now: Date, say: Say): string {
  const { round } = planRound(community, now);
  const body =
    round.participants < 2
      ? say('dashboard.settings.previewNone')
      : say('dashboard.settings.previewGroups', {
          groups: round.groups.length,
          sizes: sizesText(round.groups.map((g) => g.users.length)),
          groupBy: community.settings.groupBy,
          cross: round.crossGroup,
          pairs: round.pairs,
          absent: round.absent.length,
          unplaced: round.unplaced.length,
        });
  return `<section id="preview">
<h2>${esc(say('dashboard.settings.previewHeading'))}</h2>
<p>${esc(body)}</p>
<p class="lead">${esc(say('dashboard.settings.previewNote'))}</p>
</section>`;
}

export interface SettingsView {
  community: Community;
  say: Say;
  lang: Lang;
  now: Date;
  csrf: string;
  errors?: string[];
  saved?: boolean;
  /** The form that was not saved: its values are shown again. */
  submitted?: URLSearchParams;
}

export function settingsHtml(view: SettingsView): string {
  const { community, say, lang, now } = view;
  const s = community.settings;
  const notes = view.errors?.length
    ? `<div class="errors" role="alert"><p>${esc(say('dashboard.settings.notSaved'))}</p><ul>${view.errors
        .map((e) => `<li>${esc(e)}</li>`)
        .join('')}</ul></div>`
    : view.saved
      ? `<p class="saved" role="status">${esc(say('dashboard.settings.saved'))}</p>`
      : '';
  const labels: Record<Field, Parameters<Say>[0]> = {
    active: 'dashboard.settings.active',
    cadence: 'dashboard.settings.cadence',
    weekday: 'dashboard.settings.weekday',
    hour: 'dashboard.settings.hour',
    timezone: 'dashboard.settings.timezone',
    group: 'dashboard.settings.group',
    checkin: 'dashboard.settings.checkin',
    size: 'dashboard.settings.size',
    headsup: 'dashboard.settings.headsup',
    mode: 'dashboard.settings.mode',
    language: 'dashboard.settings.language',
  };
  const fields = FIELDS.map(
    (f) =>
      `<label for="f-${f}">${esc(say(labels[f] as 'dashboard.settings.active'))}${control(f, s, say, lang, view.errors?.length ? view.submitted : undefined)}</label>`,
  ).join('\n');
  return `<h1>${esc(say('dashboard.settings.title'))}</h1>
<p class="intro">${richText(say('dashboard.settings.intro'))}</p>
${notes}
<section>
<form class="settings" method="post" action="/dashboard/settings">
<input type="hidden" name="csrf" value="${esc(view.csrf)}">
${fields}
<button type="submit">${esc(say('dashboard.settings.save'))}</button>
</form>
</section>
${previewHtml(community, now, say)}`;
}
