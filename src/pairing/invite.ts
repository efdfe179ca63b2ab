import { createEvent } from 'ics';
import { SLOT_MINUTES } from './slots.js';

/**
 * The invite a set coffee sends each member: an `.ics` file made with the `ics` package, and
 * "add to Google Calendar" and "add to Outlook" links for people who never open files. Pure:
 * text in, text out; who receives it and in which language is the caller's part.
 */

export interface Invite {
  /** Stable per coffee (community, round, group), so a calendar updates rather than duplicates. */
  uid: string;
  start: Date;
  title: string;
  description: string;
  /** Chosen names as partners see them. */
  organiser: string;
  partners: readonly string[];
  /** The meeting link, when the organiser added one. */
  link?: string;
}

const MINUTE = 60_000;
const endOf = (invite: Invite) => new Date(invite.start.getTime() + SLOT_MINUTES * MINUTE);

/**
 * iCalendar wants an address behind every organiser and attendee; the coach knows none, so each
 * name gets one under the reserved `.invalid` domain (RFC 2606), which no calendar can mail to.
 * METHOD:PUBLISH (the default) also tells calendars not to send invitations of their own.
 */
const placeholderAddress = (name: string, i: number) =>
  `${
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '')
      .toLowerCase() || 'member'
  }.${i}@weakties.invalid`;

/** The `.ics` text of the coffee: 30 minutes from its start in UTC, a reminder an hour before. */
export function inviteIcs(invite: Invite): string {
  const { error, value } = createEvent({
    uid: invite.uid,
    productId: 'weakties',
    start: invite.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: SLOT_MINUTES },
    title: invite.title,
    description: invite.description,
    ...(invite.link ? { url: invite.link, location: invite.link } : {}),
    organizer: { name: invite.organiser, email: placeholderAddress(invite.organiser, 0) },
    attendees: invite.partners.map((name, i) => ({
      name,
      email: placeholderAddress(name, i + 1),
      role: 'REQ-PARTICIPANT',
    })),
    alarms: [{ action: 'display', description: invite.title, trigger: { hours: 1, before: true } }],
  });
  if (error || !value) throw new Error(`could not write the invite: ${error?.message ?? 'empty'}`);
  return value;
}

/** 20261207T140000Z: the compact UTC form Google Calendar's `dates` takes. */
const compactUtc = (t: Date) =>
  t
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const detailsOf = (invite: Invite) =>
  invite.link ? `${invite.description}\n\n${invite.link}` : invite.description;

/**
 * Google Calendar's event template link (calendar.google.com/calendar/render?action=TEMPLATE):
 * `text`, `dates` as start/end in UTC, `details`, `location`.
 */
export function googleCalendarLink(invite: Invite): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: invite.title,
    dates: `${compactUtc(invite.start)}/${compactUtc(endOf(invite))}`,
    details: detailsOf(invite),
    ...(invite.link ? { location: invite.link } : {}),
  }).toString();
  return url.toString();
}

/**
 * Outlook on the web's compose deep link (work and school accounts, outlook.office.com):
 * `subject`, `startdt` and `enddt` in ISO 8601 UTC, `body`, `location`.
 */
export function outlookLink(invite: Invite): string {
  const url = new URL('https://outlook.office.com/calendar/0/deeplink/compose');
  url.search = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: invite.title,
    startdt: invite.start.toISOString(),
    enddt: endOf(invite).toISOString(),
    body: detailsOf(invite),
    ...(invite.link ? { location: invite.link } : {}),
  }).toString();
  return url.toString();
}
