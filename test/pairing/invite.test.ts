/** The invite of a set coffee: an .ics a calendar parser reads back, and Google and Outlook links. */
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { googleCalendarLink, type Invite, inviteIcs, outlookLink } from '../../src/pairing/invite.js';

const INVITE: Invite = {
  uid: 'console-local-r3-g1@weakties',
  start: new Date('2026-12-09T14:00:00Z'),
  title: 'Coffee with Bob and Priya',
  description: 'A virtual coffee of your community. Anna organises it.',
  organiser: 'Anna',
  partners: ['Bob', 'Priya'],
  link: 'https://meet.example.com/abc-defg',
};

function eventOf(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  const [event] = events;
  if (!event) throw new Error('no event');
  return event;
}

/** A parameter value as node-ical gives it: plain, or with its parameters beside `val`. */
const cn = (p: unknown) => (p as { params?: { CN?: string } }).params?.CN;

describe('inviteIcs', () => {
  it('parses back with the right UTC start and end, title, organiser, partners and link', () => {
    const text = inviteIcs(INVITE);
    expect(text).toContain('DTSTART:20261209T140000Z');
    const event = eventOf(text);
    expect(event.start.toISOString()).toBe('2026-12-09T14:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-12-09T14:30:00.000Z');
    expect(event.uid).toBe(INVITE.uid);
    expect(String(event.summary)).toBe(INVITE.title);
    expect(String(event.location)).toBe(INVITE.link);
    expect(cn(event.organizer)).toBe('Anna');
    const attendees = [event.attendee ?? []].flat();
    expect(attendees.map(cn)).toEqual(['Bob', 'Priya']);
  });

  it('reminds an hour before, and leaves the link out when the organiser added none', () => {
    const text = inviteIcs({ ...INVITE, link: undefined });
    expect(text).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT1H[\s\S]*END:VALARM/);
    expect(text).not.toContain('meet.example.com');
    expect(eventOf(text).location).toBeUndefined();
  });

  it('never gives a real address to a name calendars might mail to', () => {
    const text = inviteIcs({ ...INVITE, partners: ['Zoë van Dijk', '李'] });
    const unfolded = text.replace(/\r?\n[ \t]/g, ''); // iCalendar folds long lines
    const addresses = unfolded.match(/MAILTO:[^\r\n]+/gi) ?? [];
    expect(addresses).toHaveLength(3);
    for (const a of addresses) expect(a).toMatch(/@weakties\.invalid$/);
    expect(unfolded).toContain('CN="Zoë van Dijk"');
  });
});

describe('calendar links', () => {
  it('Google Calendar gets the start and end in compact UTC', () => {
    const url = new URL(googleCalendarLink(INVITE));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe(INVITE.title);
    expect(url.searchParams.get('dates')).toBe('20261209T140000Z/20261209T143000Z');
    expect(url.searchParams.get('details')).toContain(INVITE.link);
    expect(url.searchParams.get('location')).toBe(INVITE.link);
  });

  it('Outlook gets the start and end in ISO UTC', () => {
    const url = new URL(outlookLink(INVITE));
    expect(url.origin + url.pathname).toBe('https://outlook.office.com/calendar/0/deeplink/compose');
    expect(url.searchParams.get('rru')).toBe('addevent');
    expect(url.searchParams.get('subject')).toBe(INVITE.title);
    expect(url.searchParams.get('startdt')).toBe('2026-12-09T14:00:00.000Z');
    expect(url.searchParams.get('enddt')).toBe('2026-12-09T14:30:00.000Z');
  });
});
