/**
 * Times that fit everyone, through Discord: Discord sends no time zone, so each member gives theirs
 * in plain words on joining (a city, a zone, a country), then their working hours. A round puts
 * the three of Amsterdam, New York and Kolkata in one group: the private thread shows three times
 * inside all three working days in every zone, each DM shows them in the reader's own zone, each
 * member picks from a select in their DM, and once all share one each gets the .ics attached.
 */
import { type APIMessage, Locale } from 'discord-api-types/v10';
import ical, { type VEvent } from 'node-ical';
import { afterEach, expect, it } from 'vitest';
import { clockAt } from '../../src/core/time.js';
import type { Round } from '../../src/pairing/community.js';
import { groupTimes } from '../../src/pairing/group-slots.js';
import { slotForGroup, slotIn, zoneCity } from '../../src/pairing/slot-text.js';
import { localClock, SLOT_MINUTES } from '../../src/pairing/slots.js';
import { say } from '../helpers/texts.js';
import { APPLICATION_ID } from './fake-discord.js';
import { GUILD_ID, guildCommand, interactionCreate, MANAGE_GUILD, selectPick } from './fixtures.js';
import { type Harness, Member, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const TIMEOUT = 30_000;
const COFFEE_CHANNEL = '700000000000000010';
const COMMUNITY = { platform: 'discord', space: 'global' } as const;
const en = (key: string, params: Record<string, string | number> = {}) => say('en', key, params);

/** Three members, each typing their zone as people do: a city, a city, a country. */
const PEOPLE = [
  { id: '200000000000000301', name: 'Anna', typed: 'Amsterdam', tz: 'Europe/Amsterdam', hours: '9-17' },
  { id: '200000000000000302', name: 'Ben', typed: 'New York', tz: 'America/New_York', hours: '8-17' },
  { id: '200000000000000303', name: 'Priya', typed: 'India', tz: 'Asia/Kolkata', hours: '12:00-21:00' },
] as const;
type Person = (typeof PEOPLE)[number];
const minutes = (hours: string) =>
  hours.split('-').map((t) => {
    const [hour = '0', minute = '0'] = t.split(':');
    return Number(hour) * 60 + Number(minute);
  }) as [number, number];

/** `/coach <sub> action:<action>` in the server by an admin; resolves with the private answer's text. */
async function asAdmin(harness: Harness, admin: Member, action: string, sub = 'coffee') {
  const command = guildCommand(admin.user, sub, Locale.EnglishUS, undefined, {
    options: action ? { action } : {},
    permissions: MANAGE_GUILD,
  });
  harness.fake.dispatch(interactionCreate(command));
  const path = `/webhooks/${APPLICATION_ID}/${command.token}/messages/@original`;
  const answer = await harness.fake.waitFor(() =>
    harness.fake.calls.find((c) => c.method === 'PATCH' && c.path === path),
  );
  return String((answer.body as { content?: string }).content);
}

/** The local clock at the start and at the end of a step: a minute may turn while the engine works. */
const clocksBetween = (from: Date, to: Date, zone: string) => [
  ...new Set([clockAt(from, zone), clockAt(to, zone)]),
];

/** Joins, answers the zone question in plain words (one wrong try first when asked), gives working hours. */
async function joinWithZone(member: Member, person: Person, hours: string, wrongFirst = false) {
  const { question } = await member.type('/coffee join');
  expect(question.content).toContain(en('coffee.zone.prompt'));
  if (wrongFirst) {
    const { before } = await member.type('Atlantis');
    expect(before.map((m) => m.content)).toContain(en('coffee.zone.unknown'));
  }
  const from = new Date();
  const { before } = await member.type(person.typed);
  const saved = clocksBetween(from, new Date(), person.tz).map((clock) =>
    en('coffee.zone.saved', { city: zoneCity(person.tz), clock }),
  );
  expect(before.map((m) => m.content).filter((text) => saved.includes(text))).toHaveLength(1);
  await member.press('hours');
  await member.type(hours);
}

async function roundOfThree(harness: Harness, hours: (p: Person) => string) {
  harness.fake.guild(GUILD_ID).channels.add(COFFEE_CHANNEL);
  const members = PEOPLE.map((p) => new Member(harness, p.id, p.name));
  for (const [i, member] of members.entries())
    await joinWithZone(member, PEOPLE[i] as Person, hours(PEOPLE[i] as Person), i === 2);
  const eva = new Member(harness, '200000000000000399', 'Eva');
  await asAdmin(harness, eva, `set channel ${COFFEE_CHANNEL}`);
  await asAdmin(harness, eva, 'round now');
  const made = await harness.app.pairing.load(COMMUNITY);
  const round = must(made.rounds[0], 'round 1') as Round;
  const group = must(round.groups[0], 'the group');
  expect([...group.users].sort()).toEqual(PEOPLE.map((p) => p.id));
  // The zones each member typed reached the roster, beside their hours.
  for (const p of PEOPLE) {
    expect(made.roster[p.id]?.prefs.timezone).toBe(p.tz);
    const [start, end] = minutes(hours(p));
    expect(made.roster[p.id]?.prefs.hours).toEqual({ start, end });
  }
  const ordered = [group.organiser, ...group.users.filter((u) => u !== group.organiser)];
  return { members, eva, made, round, group, ordered, times: groupTimes(made, round, ordered) };
}

const personOf = (id: string) => must(PEOPLE.find((p) => p.id === id) as Person | undefined, id);

/** The member's intro DM, once the tick has sent it. */
const introOf = (harness: Harness, member: Member) =>
  harness.fake.waitFor(() =>
    harness.fake.messages.find((m) => m.channel_id === member.channel && m.content.startsWith('☕')),
  );

it(
  'proposes three times inside every working day of a group in three zones, and each member gets the .ics',
  async () => {
    h = await startHarness();
    const harness = h;
    const { members, eva, round, group, ordered, times } = await roundOfThree(harness, (p) => p.hours);
    const slots = must(times.slots, 'three times');
    expect(slots).toHaveLength(3);
    const starts = slots.map((s) => new Date(s));
    for (const t of starts) {
      expect(t.getTime()).toBeGreaterThan(Date.parse(round.at));
      for (const p of PEOPLE) {
        const { weekday, minute } = localClock(t, p.tz);
        const [start, end] = minutes(p.hours);
        expect(weekday).toBeLessThanOrEqual(5);
        expect(minute).toBeGreaterThanOrEqual(start);
        expect(minute + SLOT_MINUTES).toBeLessThanOrEqual(end);
      }
    }

    // The private thread shows each time in all three zones, the organiser's first.
    const thread = must(harness.fake.threads.get(group.conversation ?? ''), 'the private thread');
    const post = harness.fake.messages.find((m) => m.channel_id === thread.thread.id);
    const zones = ordered.map((u) => personOf(u).tz);
    const groupLines = starts.map((t) => `• ${slotForGroup(t, zones, 'en', new Date(round.at))}`);
    expect(post?.content).toContain(en('coffee.groupIntro.slots', { slots: groupLines.join('\n') }));
    for (const city of ['Amsterdam', 'New York', 'Kolkata']) expect(groupLines[0]).toContain(city);

    // Each DM names the partners' zones and shows the times in the reader's own zone.
    const now = new Date();
    await harness.app.engine.tick(now);
    for (const [i, member] of members.entries()) {
      const self = PEOPLE[i] as Person;
      const intro = (await introOf(harness, member)).content;
      for (const other of PEOPLE.filter((p) => p !== self)) {
        const lines = clocksBetween(now, new Date(), other.tz).map((clock) =>
          en('coffee.introDm.partnerZone', { name: other.name, city: zoneCity(other.tz), clock }),
        );
        expect(lines.filter((line) => intro.includes(line))).toHaveLength(1);
      }
      const shown = starts.map((t) => `• ${slotIn(t, self.tz, 'en', now)}`);
      expect(intro).toContain(`${en('coffee.introDm.slots')}\n${shown.join('\n')}`);
    }

    // Each member picks from the select in their DM; the second time is the one all three share.
    const [one, two, three] = slots as [string, string, string];
    const picks = [[one, two], [two, three], [two]];
    for (const [i, member] of members.entries()) {
      const self = PEOPLE[i] as Person;
      const question: APIMessage = await member.questionWith(en('coffee.times.prompt'));
      const row = question.components?.[0] as unknown as {
        components: { custom_id: string; options: { label: string; value: string }[] }[];
      };
      const menu = must(row.components[0], 'the select of times');
      expect(menu.options.map((o) => o.label)).toEqual(starts.map((t) => slotIn(t, self.tz, 'en', now)));
      expect(menu.options.map((o) => o.value)).toEqual(slots);
      const from = harness.fake.messages.length;
      harness.fake.dispatch(
        interactionCreate(selectPick(member.user, question, menu.custom_id, picks[i] ?? [])),
      );
      await harness.fake.waitFor(() =>
        harness.fake.messages
          .slice(from)
          .find((m) => m.channel_id === member.channel && m.content === en('coffee.times.saved')),
      );
    }

    // Every member gets the invite attached in their own DM; it parses back with the shared time in UTC.
    for (const [i, member] of members.entries()) {
      const self = PEOPLE[i] as Person;
      const sent = await harness.fake.waitFor(() =>
        harness.fake.calls.find(
          (c) =>
            c.method === 'POST' &&
            c.path === `/channels/${member.channel}/messages` &&
            c.files.some((f) => f.name === 'coffee-round-1.ics'),
        ),
      );
      const content = String((sent.body as { content?: string }).content);
      expect(content).toContain(`is set: ${slotIn(new Date(two), self.tz, 'en', now)} your time`);
      expect(content).toContain('https://calendar.google.com/calendar/render?action=TEMPLATE');
      const file = must(
        sent.files.find((f) => f.name === 'coffee-round-1.ics'),
        'the .ics',
      );
      const events = Object.values(ical.sync.parseICS(file.bytes.toString('utf8'))).filter(
        (c): c is VEvent => c?.type === 'VEVENT',
      );
      expect(events).toHaveLength(1);
      expect(events[0]?.start.toISOString()).toBe(new Date(two).toISOString());
      expect(events[0]?.end?.getTime()).toBe(Date.parse(two) + SLOT_MINUTES * 60_000);
    }
    expect((await harness.app.pairing.load(COMMUNITY)).rounds[0]?.groups[0]?.setAt).toBe(two);
    // An hour before, each member is reminded in their own DM, in their own time.
    await harness.app.engine.tick(new Date(Date.parse(two) - 60 * 60_000));
    for (const [i, member] of members.entries()) {
      const self = PEOPLE[i] as Person;
      const partners = new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(
        PEOPLE.filter((p) => p !== self).map((p) => p.name),
      );
      const reminder = en('coffee.set.reminder', {
        names: partners,
        slot: slotIn(new Date(two), self.tz, 'en', now),
      });
      await harness.fake.waitFor(() =>
        harness.fake.messages.find((m) => m.channel_id === member.channel && m.content === reminder),
      );
    }
    // The admin's stats count the group as one that set a time, in the round and overall.
    const stats = (await asAdmin(harness, eva, '', 'stats')).split('\n');
    const timeSet = en('coffee.stats.groupsTimeSet', { share: '100%' });
    expect(stats.filter((line) => line.includes(timeSet))).toHaveLength(2);
  },
  TIMEOUT,
);

it(
  'says honestly when the working hours never meet, and gives the closest time in each zone',
  async () => {
    h = await startHarness();
    const harness = h;
    // Nine to five everywhere: New York starts after Kolkata has gone home.
    const { members, times } = await roundOfThree(harness, () => '9-17');
    expect(times.slots).toBeUndefined();
    const closest = must(times.closest, 'the closest time');
    const now = new Date();
    await harness.app.engine.tick(now);
    for (const [i, member] of members.entries()) {
      const self = PEOPLE[i] as Person;
      const intro = (await introOf(harness, member)).content;
      expect(intro).toContain(
        en('coffee.introDm.noCommonTime', { slot: slotIn(new Date(closest), self.tz, 'en', now) }),
      );
      expect(intro).not.toContain(en('coffee.introDm.slots'));
    }
  },
  TIMEOUT,
);

it(
  'keeps the community’s zone for a member who skips the question, and asks it only once',
  async () => {
    h = await startHarness();
    const harness = h;
    const cleo = new Member(harness, '200000000000000311', 'Cleo');
    const { question } = await cleo.type('/coffee join');
    expect(question.content).toContain(en('coffee.zone.prompt'));
    const { before } = await cleo.press('skip');
    expect(before.map((m) => m.content)).toContain(en('coffee.zone.skipped'));
    const community = await harness.app.pairing.load(COMMUNITY);
    expect(community.roster[cleo.user.id]?.prefs.joined).toBe(true);
    expect(community.roster[cleo.user.id]?.prefs.timezone).toBeUndefined();
    // Joining again does not ask again; the choices still offer it.
    const again = await cleo.type('/coffee join');
    expect(again.question.content).not.toContain(en('coffee.zone.prompt'));
    const asked = await cleo.press('zone');
    expect(asked.question.content).toContain(en('coffee.zone.prompt'));
    await cleo.type('asia/kolkata');
    expect((await harness.app.pairing.load(COMMUNITY)).roster[cleo.user.id]?.prefs.timezone).toBe(
      'Asia/Kolkata',
    );
  },
  TIMEOUT,
);
