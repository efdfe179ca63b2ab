import { clip } from '../core/clip.js';
import { withoutControls } from '../core/controls.js';
import { clockAt, formatDay, isTimeZone, localDate, weekdayName } from '../core/time.js';
import { guessLang, type Lang } from '../core/types.js';
import type { Say } from '../texts/texts.js';
import { CADENCES, type Community, type Settings } from './community.js';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from './groups.js';
import {
  INTRO_PLACEHOLDERS,
  MAX_INTRO_TEMPLATE,
  readIntroTemplate,
  type TemplateProblem,
  unquoted,
} from './intro-template.js';
import { PAIRING_MODES } from './match.js';
import { nextRoundAt } from './schedule.js';

/** What a value may be: a literal ("0-23"), or a text in the admin's language where it has words. */
type Expected =
  | string
  | { text: `coffee.admin.expected.${'channel' | 'role' | 'weekday' | 'timezone' | 'group'}` };
type Setter = { expected: Expected; read: (value: string, rest: string[]) => Partial<Settings> | undefined };

const day = (v: string) => (/^[1-7]$/.test(v) ? Number(v) : undefined);

/** The settings an admin can change with "coffee set KEY VALUE", and how each value is read. */
const SETTERS: Record<string, Setter> = {
  on: { expected: '', read: () => ({ active: true }) },
  off: { expected: '', read: () => ({ active: false }) },
  channel: {
    expected: { text: 'coffee.admin.expected.channel' },
    read: (v) => optionalId('channel', v, channelId(v)),
  },
  role: { expected: { text: 'coffee.admin.expected.role' }, read: (v) => optionalId('role', v, roleId(v)) },
  cadence: {
    expected: CADENCES.join(', '),
    read: (v) => {
      const cadence = CADENCES.find((c) => c === v);
      return cadence ? { cadence } : undefined;
    },
  },
  day: {
    expected: { text: 'coffee.admin.expected.weekday' },
    read: (v) => (day(v) ? { weekday: day(v) } : undefined),
  },
  time: {
    expected: '0-23',
    read: (v) => {
      const hour = Number(v.split(':')[0]);
      return /^\d{1,2}(:00)?$/.test(v) && hour <= 23 ? { hour } : undefined;
    },
  },
  timezone: {
    expected: { text: 'coffee.admin.expected.timezone' },
    read: (v) => (isTimeZone(v) ? { timezone: v } : undefined),
  },
  group: {
    expected: { text: 'coffee.admin.expected.group' },
    // A field name, shown in chat, terminal and dashboard: no control or bidi-override characters.
    read: (v, rest) => ({ groupBy: clip(withoutControls([v, ...rest].join(' ')).trim(), 40) }),
  },
  checkin: {
    expected: { text: 'coffee.admin.expected.weekday' },
    read: (v) => (day(v) ? { checkinWeekday: day(v) } : undefined),
  },
  size: {
    expected: `${MIN_GROUP_SIZE}-${MAX_GROUP_SIZE}`,
    read: (v) => {
      const size = /^\d$/.test(v) ? Number(v) : Number.NaN;
      return size >= MIN_GROUP_SIZE && size <= MAX_GROUP_SIZE ? { size } : undefined;
    },
  },
  headsup: {
    expected: 'on, off',
    read: (v) => (v === 'on' ? { headsup: true } : v === 'off' ? { headsup: false } : undefined),
  },
  mode: {
    expected: PAIRING_MODES.join(', '),
    read: (v) => {
      const mode = PAIRING_MODES.find((m) => m === v);
      return mode ? { mode } : undefined;
    },
  },
  language: {
    expected: 'en, nl',
    read: (v) => {
      const lang = guessLang(v);
      return lang && v.length === 2 ? { lang } : undefined;
    },
  },
};

const optionalId = (key: 'channel' | 'role', value: string, id: string | undefined) =>
  value === 'none' ? { [key]: undefined } : id ? { [key]: id } : undefined;

/** Slack <#C123|name>, Discord <#123>, or a bare id. */
const channelId = (v: string) =>
  v.match(/^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/)?.[1] ?? (/^[A-Za-z0-9_-]{1,80}$/.test(v) ? v : undefined);
const roleId = (v: string) => v.match(/^<@&(\d+)>$/)?.[1] ?? (/^\d{1,30}$/.test(v) ? v : undefined);

export function settingsText(community: Community, say: Say, lang: Lang, now: Date): string {
  const s = community.settings;
  // On Discord a channel says where threads open; the pool is a role's members, or who joined.
  const threadsOnly = community.ref.platform === 'discord';
  const pool = s.role
    ? say('coffee.admin.poolRole', { role: s.role })
    : s.channel
      ? say(threadsOnly ? 'coffee.admin.poolThreads' : 'coffee.admin.poolChannel', { channel: s.channel })
      : say('coffee.admin.poolJoined');
  const settings = say('coffee.admin.settings', {
    active: say(s.active ? 'coffee.admin.on' : 'coffee.admin.off'),
    pool,
    cadence: say(`coffee.cadence.${s.cadence}`),
    weekday: weekdayName(s.weekday, lang),
    hour: s.hour,
    timezone: s.timezone,
    groupBy: s.groupBy,
    checkin: weekdayName(s.checkinWeekday, lang),
    lang: s.lang,
    members: Object.values(community.roster).filter((e) => e.prefs.joined !== false).length,
    next: nextText(community, say, lang, now),
  });
  const intro = say('coffee.admin.settingsIntro', {
    intro: s.intro ? say('coffee.admin.introOwn') : say('coffee.admin.introBuiltIn'),
  });
  const headsup = say(s.headsup === false ? 'coffee.admin.off' : 'coffee.admin.on');
  return [
    settings,
    say('coffee.admin.settingsSize', { size: s.size }),
    say('coffee.admin.settingsHeadsup', { state: headsup }),
    say('coffee.admin.settingsMode', { mode: say(`coffee.admin.mode.${s.mode ?? 'new'}`) }),
    intro,
  ].join('\n');
}

/** An instant of the community as an admin hears it: "Monday 7 December, 9:00 (Europe/Amsterdam)". */
export function momentText(iso: string, zone: string, lang: Lang, now: Date): string {
  const t = new Date(iso);
  return `${formatDay(localDate(t, zone), lang, localDate(now, zone))}, ${clockAt(t, zone)} (${zone})`;
}

const nextText = (c: Community, say: Say, lang: Lang, now: Date) =>
  c.settings.active && c.nextRoundAt
    ? momentText(c.nextRoundAt, c.settings.timezone, lang, now)
    : say('coffee.admin.notPlanned');

/** "coffee set KEY VALUE": the changed community (next round re-planned), or why not. */
export function changeSetting(
  community: Community,
  args: string[],
  now: Date,
  say: Say,
  lang: Lang,
): { community?: Community; text: string } {
  const [rawKey = '', value = '', ...rest] = args;
  const key = rawKey.toLowerCase();
  if (key === 'intro') return changeIntro(community, [value, ...rest].join(' '), now, say, lang);
  const setter = SETTERS[key];
  if (!setter) return { text: say('coffee.admin.unknownKey', { key: clip(rawKey, 40) }) };
  // Ids keep their case; words such as "weekly" or "EN" do not matter.
  const keepCase = key === 'channel' || key === 'role' || key === 'timezone' || key === 'group';
  const patch = setter.read(
    key === 'on' || key === 'off' ? key : keepCase ? value : value.toLowerCase(),
    rest,
  );
  if (!patch)
    return {
      text: say('coffee.admin.invalid', {
        key,
        value: clip(value, 60),
        expected: typeof setter.expected === 'string' ? setter.expected : say(setter.expected.text),
      }),
    };
  const settings = { ...community.settings, ...patch };
  const last = community.rounds.findLast((r) => !r.dryRun);
  const next = settings.active
    ? nextRoundAt(settings, now, last ? new Date(last.at) : undefined).toISOString()
    : undefined;
  const changed = { ...community, settings, nextRoundAt: next };
  const saved = say('coffee.admin.saved', { next: nextText(changed, say, lang, now) });
  const note =
    patch.size !== undefined
      ? say('coffee.admin.sizeSaved', { size: patch.size })
      : patch.mode !== undefined
        ? say(`coffee.admin.modeSaved.${patch.mode}`)
        : undefined;
  const text = note === undefined ? saved : `${note}\n${saved}`;
  return { community: changed, text };
}

/** The built-in intro back: "coffee set intro default" (or off, or the Dutch words for them). */
const BUILT_IN = new Set(['default', 'off', 'standaard', 'uit']);

const known = () => INTRO_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

function problemText(problem: TemplateProblem, say: Say): string {
  switch (problem.kind) {
    case 'unknown':
      return say('coffee.admin.introUnknown', { placeholder: clip(problem.name, 40), known: known() });
    case 'unbalanced':
      return say('coffee.admin.introUnbalanced', { near: problem.near, known: known() });
    case 'tooLong':
      return say('coffee.admin.introTooLong', { length: problem.length, max: MAX_INTRO_TEMPLATE });
    case 'empty':
      return say('coffee.admin.introEmpty', { known: known() });
  }
}

/** "coffee set intro "…"": the community's own group intro, read now so a mistake is told now. */
function changeIntro(
  community: Community,
  raw: string,
  now: Date,
  say: Say,
  lang: Lang,
): { community?: Community; text: string } {
  const text = unquoted(raw);
  const builtIn = BUILT_IN.has(text.toLowerCase());
  if (!builtIn) {
    const read = readIntroTemplate(text);
    if ('problem' in read) return { text: problemText(read.problem, say) };
  }
  const { intro: _old, ...settings } = community.settings;
  const changed = { ...community, settings: builtIn ? settings : { ...settings, intro: text } };
  const saved = say('coffee.admin.saved', { next: nextText(changed, say, lang, now) });
  return {
    community: changed,
    text: `${say(builtIn ? 'coffee.admin.introDefault' : 'coffee.admin.introSaved')}
${saved}`,
  };
}
