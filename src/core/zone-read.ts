import { isTimeZone } from './time.js';

/**
 * A time zone as a member types it: "Asia/Kolkata", "Amsterdam", "new york", "India". Pure; the
 * other words for places ("india", "holland") come from the texts, per language.
 */

/**
 * Current names Node's list still spells the old way (it lists Asia/Calcutta), so a typed
 * "Kolkata" or "Kyiv" is found under the name people use today.
 */
const CURRENT_NAMES = [
  'Asia/Kolkata',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Europe/Kyiv',
  'America/Nuuk',
  'Atlantic/Faroe',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
];

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();

let known: readonly string[] | undefined;
/** Every zone this runtime knows, the current spellings first. */
function knownZones(): readonly string[] {
  known ??= [...CURRENT_NAMES.filter(isTimeZone), ...Intl.supportedValuesOf('timeZone').filter(isTimeZone)];
  return known;
}

/**
 * The IANA zone a member means, or undefined: a zone name in any case ("europe/amsterdam"), a
 * city the zone is named for ("New York", "kolkata"), or one of `places` (zone → other words).
 */
export function readZone(
  text: string,
  places: Readonly<Record<string, readonly string[]>> = {},
): string | undefined {
  const typed = plain(text).replace(/\s*\/\s*/g, '/');
  if (!typed) return undefined;
  const zones = knownZones();
  const byName = zones.find((z) => plain(z) === typed);
  if (byName) return byName;
  if (typed === 'utc' || typed === 'gmt') return 'UTC';
  const byCity = zones.find((z) => z.includes('/') && plain(z.split('/').at(-1) ?? '') === typed);
  if (byCity) return byCity;
  const byPlace = Object.entries(places).find(([, words]) => words.some((w) => plain(w) === typed))?.[0];
  return byPlace && isTimeZone(byPlace) ? byPlace : undefined;
}
