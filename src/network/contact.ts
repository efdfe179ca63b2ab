/**
 * What a real contact does to the map: the last-contact bucket a date falls in, and one ring closer.
 * Pure; dates are local days (YYYY-MM-DD).
 */
import { CONTACTS, type Contact, type Person, type Ring } from './model.js';

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The bucket of a contact on `date`, seen from `today`: a date ahead counts as today. */
export function contactOn(date: string, today: string): Contact {
  const days = Math.max(0, daysFrom(date, today));
  if (days <= 7) return 'weekly';
  if (days <= 31) return 'monthly';
  // Dormant: three years or more, by the calendar.
  const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  return date <= threeYearsAgo ? 'dormant' : 'yearly';
}

/** The more recent of two last contacts; an unknown one gives way. */
export const moreRecent = (a: Contact | null, b: Contact): Contact =>
  a !== null && CONTACTS.indexOf(a) < CONTACTS.indexOf(b) ? a : b;

/** One ring in: outer to middle, middle to inner; inner stays; a person without a ring starts outer. */
export function closerRing(ring: Ring | null): Ring {
  if (ring === 'outer') return 'middle';
  if (ring === 'middle') return 'inner';
  return ring ?? 'outer';
}

/** A ring closer is something to offer: the person is in the middle or outer ring. */
export const canMoveCloser = (person: Pick<Person, 'ring'>): boolean =>
  person.ring === 'outer' || person.ring === 'middle';

/** The person as the map has them after a contact on `date`: last contact at least that recent. */
export const contacted = (person: Person, date: string, today: string): Person => ({
  ...person,
  contact: moreRecent(person.contact, contactOn(date, today)),
});
