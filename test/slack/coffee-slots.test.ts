/**
 * Times that fit everyone, through Slack: three members in Amsterdam, New York and Kolkata give
 * their working hours, a round puts them in one group, and each intro DM names the partners'
 * zones with their local time and proposes three times inside all three working days, each in
 * the reader's own zone.
 */
import ical, { type VEvent } from 'node-ical';
import { afterEach, expect, it } from 'vitest';
import { clockAt } from '../../src/core/time.js';
import { readAgreedTime } from '../../src/exercises/coffee/agreed.js';
import type { Round } from '../../src/pairing/community.js';
import { groupTimes } from '../../src/pairing/group-slots.js';
import { slotForGroup, slotIn, zoneCity } from '../../src/pairing/slot-text.js';
import { localClock, SLOT_MINUTES } from '../../src/pairing/slots.js';
import { TEAM } from './fixtures.js';
import { COFFEE_CHANNEL, coffeeWorkspace, en, type Harness, SlackMember } from './harness.js';

const COMMUNITY = { platform: 'slack', space: TEAM } as const;
const CHANNEL = COFFEE_CHANNEL;
const PEOPLE = {
  U1: { name: 'Anna', tz: 'Europe/Amsterdam', hours: '9-17', start: 9 * 60, end: 17 * 60 },
  U2: { name: 'Ben', tz: 'America/New_York', hours: '8-17', start: 8 * 60, end: 17 * 60 },
  U3: { name: 'Priya', tz: 'Asia/Kolkata', hours: '12:00-21:00', start: 12 * 60, end: 21 * 60 },
} as const;
type User = keyof typeof PEOPLE;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('proposes three times inside every working day of a group in three zones, each in the reader’s zone', async () => {
  const harness = await coffeeWorkspace({
    U1: { name: 'Anna', tz: PEOPLE.U1.tz },
    U2: { name: 'Ben', tz: PEOPLE.U2.tz },
    U3: { name: 'Priya', tz: PEOPLE.U3.tz },
  });
  h = harness;
  const users = Object.keys(PEOPLE) as User[];
  const members = users.map((u) => new SlackMember(harness, u));
  for (const [i, member] of members.entries()) {
    await member.say('hello');
    await member.command('coffee join');
    await member.command('coffee');
    await member.press('hours');
    await member.say(PEOPLE[users[i] as User].hours);
  }
  const anna = members[0] as SlackMember;
  await anna.command(`coffee set channel <#${CHANNEL}|coffee>`);
  await anna.command('coffee round now');
  const made = await harness.app.pairing.load(COMMUNITY);
  const round = made.rounds[0] as Round;
  const group = round.groups[0];
  if (!group) throw new Error('no group');
  expect([...group.users].sort()).toEqual(users);
  // The zones came from Slack and the hours from each member's own answer.
  for (const u of users) {
    expect(made.roster[u]?.prefs.timezone).toBe(PEOPLE[u].tz);
    expect(made.roster[u]?.prefs.hours).toEqual({ start: PEOPLE[u].start, end: PEOPLE[u].end });
  }

  const { slots } = groupTimes(made, round, [
    group.organiser,
    ...group.users.filter((u) => u !== group.organiser),
  ]);
  expect(slots).toHaveLength(3);
  const starts = (slots ?? []).map((s) => new Date(s));
  // Each time lies inside every member's working hours, on a weekday of theirs, after the round starts.
  for (const t of starts) {
    expect(t.getTime()).toBeGreaterThan(Date.parse(round.at));
    for (const u of users) {
      const { weekday, minute } = localClock(t, PEOPLE[u].tz);
      expect(weekday).toBeLessThanOrEqual(5);
      expect(minute).toBeGreaterThanOrEqual(PEOPLE[u].start);
      expect(minute + SLOT_MINUTES).toBeLessThanOrEqual(PEOPLE[u].end);
    }
  }

  // The group DM shows each time in all three zones, the organiser's first.
  const post = harness.fake.callsOf('chat.postMessage').find((c) => c.args.channel === group.conversation);
  const ordered = [group.organiser, ...group.users.filter((u) => u !== group.organiser)] as User[];
  const zones = ordered.map((u) => PEOPLE[u].tz);
  const groupLines = starts.map((t) => `• ${slotForGroup(t, zones, 'en', new Date(round.at))}`);
  expect(String(post?.args.text)).toContain(en('coffee.groupIntro.slots', { slots: groupLines.join('\n') }));
  for (const city of ['Amsterdam', 'New York', 'Kolkata']) expect(groupLines[0]).toContain(city);

  const now = new Date();
  await harness.app.engine.tick(now);
  for (const [i, member] of members.entries()) {
    const self = users[i] as User;
    const intro = member.texts().find((t) => t.startsWith('☕')) ?? '';
    for (const other of users.filter((u) => u !== self)) {
      const { name, tz } = PEOPLE[other];
      expect(intro).toContain(
        en('coffee.introDm.partnerZone', { name, city: zoneCity(tz), clock: clockAt(now, tz) }),
      );
    }
    const shown = starts.map((t) => `• ${slotIn(t, PEOPLE[self].tz, 'en', now)}`);
    expect(intro).toContain(`${en('coffee.introDm.slots')}\n${shown.join('\n')}`);
  }
  // The organiser adds a meeting link for the invites (Slack sends a typed link in angle brackets).
  const organiser = members[users.indexOf(group.organiser as User)] as SlackMember;
  await organiser.command('coffee link <https://meet.example.com/abc-defg>');
  expect(organiser.texts()).toContain(en('coffee.link.saved'));
  expect((await harness.app.pairing.load(COMMUNITY)).rounds[0]?.groups[0]?.link).toBe(
    'https://meet.example.com/abc-defg',
  );

  // Each member taps the times that work; the second is the one all three share.
  const [one, two, three] = slots as [string, string, string];
  const picks: Record<User, string[]> = { U1: [one, two], U2: [two, three], U3: [two] };
  for (const [i, member] of members.entries()) {
    const self = users[i] as User;
    expect(member.lastText()).toBe(en('coffee.times.prompt'));
    const labels = member
      .elements()
      .find((e) => e.type === 'multi_static_select')
      ?.options?.map((o) => o.text.text);
    expect(labels).toEqual(starts.map((t) => slotIn(t, PEOPLE[self].tz, 'en', now)));
    await member.pick(picks[self]);
  }
  const stored = (await harness.app.pairing.load(COMMUNITY)).rounds[0]?.groups[0];
  expect(stored?.setAt).toBe(two);

  // Every member gets the invite in their own DM, and it parses back with the shared time in UTC.
  const urls = harness.fake
    .callsOf('files.getUploadURLExternal')
    .filter((c) => c.args.filename === 'coffee-round-1.ics');
  expect(urls).toHaveLength(3);
  const completed = harness.fake.callsOf('files.completeUploadExternal').map((c) => c.args.channel_id);
  expect([...completed].sort()).toEqual(['DU1', 'DU2', 'DU3']);
  for (const url of urls) {
    const bytes =
      harness.fake.uploads.find((u) => u.fileId === url.result.file_id)?.bytes.toString('utf8') ?? '';
    const events = Object.values(ical.sync.parseICS(bytes)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    expect(events[0]?.start.toISOString()).toBe(new Date(two).toISOString());
    expect(events[0]?.end?.getTime()).toBe(Date.parse(two) + SLOT_MINUTES * 60_000);
    expect(String(events[0]?.location)).toBe('https://meet.example.com/abc-defg');
  }
  // The invite comes with the time in the member's own zone and the two calendar links.
  for (const self of users) {
    const set = harness.fake
      .callsOf('files.completeUploadExternal')
      .find((c) => c.args.channel_id === `D${self}`)?.args.initial_comment;
    expect(set).toContain(`is set: ${slotIn(new Date(two), PEOPLE[self].tz, 'en', now)} your time`);
    expect(set).toContain('https://calendar.google.com/calendar/render?action=TEMPLATE');
    expect(set).toContain('https://outlook.office.com/calendar/0/deeplink/compose?');
  }

  // An hour before, each member is reminded in their own time; not before.
  const reminder = (self: User) =>
    en('coffee.set.reminder', {
      names: new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(
        users.filter((u) => u !== self).map((u) => PEOPLE[u].name),
      ),
      slot: slotIn(new Date(two), PEOPLE[self].tz, 'en', now),
    });
  const hourBefore = Date.parse(two) - 60 * 60_000;
  await harness.app.engine.tick(new Date(hourBefore - 60_000));
  for (const [i, member] of members.entries())
    expect(member.texts()).not.toContain(reminder(users[i] as User));
  await harness.app.engine.tick(new Date(hourBefore));
  for (const [i, member] of members.entries()) expect(member.texts()).toContain(reminder(users[i] as User));

  // The organiser can always set the time in plain words; everyone gets the new invite.
  const agreed = readAgreedTime('Friday 16:00', PEOPLE[group.organiser as User].tz, 'en', new Date());
  const before = harness.fake.uploads.length;
  await organiser.command('coffee we have agreed Friday 16:00');
  const fresh = harness.fake.uploads.slice(before).map((u) => u.bytes.toString('utf8'));
  expect(fresh).toHaveLength(3);
  for (const text of fresh) {
    const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events[0]?.start.toISOString()).toBe(agreed?.toISOString());
  }
  expect((await harness.app.pairing.load(COMMUNITY)).rounds[0]?.groups[0]?.setAt).toBe(agreed?.toISOString());
  // Someone else cannot.
  const other = members.find((m) => m.user !== group.organiser) as SlackMember;
  await other.command('coffee agreed Friday 11:00');
  expect(other.texts()).toContain(en('coffee.agreed.notOrganiser'));

  // The same first time reads differently in each zone: 3 distinct local clocks.
  const first = starts[0] as Date;
  expect(new Set(users.map((u) => slotIn(first, PEOPLE[u].tz, 'en', now))).size).toBe(3);
});

it('says honestly when the working hours never meet, and gives the closest time', async () => {
  const harness = await coffeeWorkspace({
    U1: { name: 'Anna', tz: PEOPLE.U1.tz },
    U2: { name: 'Ben', tz: PEOPLE.U2.tz },
    U3: { name: 'Priya', tz: PEOPLE.U3.tz },
  });
  h = harness;
  const users = Object.keys(PEOPLE) as User[];
  const members = users.map((u) => new SlackMember(harness, u));
  // Nine to five everywhere: New York starts after Kolkata has gone home.
  for (const member of members) {
    await member.say('hello');
    await member.command('coffee join');
    await member.command('coffee');
    await member.press('hours');
    await member.say('9-17');
  }
  const anna = members[0] as SlackMember;
  await anna.command(`coffee set channel <#${CHANNEL}|coffee>`);
  await anna.command('coffee round now');
  const made = await harness.app.pairing.load(COMMUNITY);
  const round = made.rounds[0] as Round;
  const group = round.groups[0];
  if (!group) throw new Error('no group');
  const { slots, closest } = groupTimes(made, round, [
    group.organiser,
    ...group.users.filter((u) => u !== group.organiser),
  ]);
  expect(slots).toBeUndefined();
  if (!closest) throw new Error('expected the closest time');
  const now = new Date();
  await harness.app.engine.tick(now);
  for (const [i, member] of members.entries()) {
    const self = users[i] as User;
    const intro = member.texts().find((t) => t.startsWith('☕')) ?? '';
    expect(intro).toContain(
      en('coffee.introDm.noCommonTime', { slot: slotIn(new Date(closest), PEOPLE[self].tz, 'en', now) }),
    );
    expect(intro).not.toContain(en('coffee.introDm.slots'));
  }
});
