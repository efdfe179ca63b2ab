/**
 * Notes to one member speak that member's language, through Slack: in an English community Bram
 * chose Dutch. When his group's time is set, his note, its date, its calendar links and his
 * `.ics` are Dutch while Anna's are English; the group's shared intro stays in the community's
 * English. A member left over hears why in their own language, and a member the coach has no
 * record of yet hears it in the community's.
 */
import ical, { type VEvent } from 'node-ical';
import { afterEach, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { Round } from '../../src/pairing/community.js';
import { slotIn } from '../../src/pairing/slot-text.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { TEAM } from './fixtures.js';
import { COFFEE_CHANNEL, coffeeWorkspace, en, type Harness, nl, SlackMember } from './harness.js';

const COMMUNITY = { platform: 'slack', space: TEAM } as const;
const ZONE = 'Europe/Amsterdam';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Reads mrkdwn-escaped text back as the characters it stands for. */
const unescaped = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

it('writes each member’s “coffee is set” note, date and invite in the member’s own language', async () => {
  const harness = await coffeeWorkspace({ U1: { name: 'Anna', tz: ZONE }, U2: { name: 'Bram', tz: ZONE } });
  h = harness;
  const anna = new SlackMember(harness, 'U1');
  const bram = new SlackMember(harness, 'U2');
  for (const member of [anna, bram]) {
    await member.say('hello');
    await member.command('coffee join');
  }
  await bram.command('language nl');
  expect(bram.texts()).toContain(nl('language.set'));
  await anna.command(`coffee set channel <#${COFFEE_CHANNEL}|coffee>`);
  await anna.command('coffee round now');
  const community = await harness.app.pairing.load(COMMUNITY);
  expect(community.settings.lang).toBe('en');
  const group = (community.rounds[0] as Round).groups[0];
  if (!group) throw new Error('no group');
  // The shared intro stays in the community's language.
  const intro = harness.fake.callsOf('chat.postMessage').find((c) => c.args.channel === group.conversation);
  const mentions = group.users.map((u) => `<@${u}>`);
  expect(String(intro?.args.text)).toContain(
    say('en', 'coffee.groupIntro.heading', { round: 1, names: mentions.join(' and ') }),
  );

  const now = new Date();
  await harness.app.engine.tick(now);
  expect(bram.lastText()).toBe(nl('coffee.times.prompt'));
  expect(anna.lastText()).toBe(en('coffee.times.prompt'));
  // Bram picks first, so his note comes outside his turn; Anna's comes with her own pick.
  const first = bram.elements().find((e) => e.type === 'multi_static_select')?.options?.[0]?.value;
  if (!first) throw new Error('no times proposed');
  await bram.pick([first]);
  await anna.pick([first]);
  expect((await harness.app.pairing.load(COMMUNITY)).rounds[0]?.groups[0]?.setAt).toBe(first);

  const noteOf = (member: SlackMember) => {
    const upload = harness.fake
      .callsOf('files.completeUploadExternal')
      .find((c) => c.args.channel_id === member.channel);
    const url = harness.fake
      .callsOf('files.getUploadURLExternal')
      .find((c) => c.result.file_id === (upload?.args.files as { id: string }[] | undefined)?.[0]?.id);
    const ics =
      harness.fake.uploads.find((u) => u.fileId === url?.result.file_id)?.bytes.toString('utf8') ?? '';
    return { comment: String(upload?.args.initial_comment), ics };
  };
  const expectIn = (lang: Lang, member: SlackMember, partner: string) => {
    const { comment, ics } = noteOf(member);
    const [google = '', outlook = ''] = unescaped(comment).match(/https:\/\/[^\s)]+/g) ?? [];
    const slot = slotIn(new Date(first), ZONE, lang, now);
    expect(comment).toBe(
      (lang === 'nl' ? nl : en)('coffee.set.text', { names: partner, slot, google, outlook }),
    );
    const title = say(lang, 'coffee.set.title', { names: partner });
    expect(new URL(google).searchParams.get('text')).toBe(title);
    const events = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(String(events[0]?.summary)).toBe(title);
    expect(events[0]?.start.toISOString()).toBe(new Date(first).toISOString());
  };
  expectIn('nl', bram, 'Anna');
  expectIn('en', anna, 'Bram');
  // The date reads as Dutch: a Dutch weekday, lower-cased.
  const weekday = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: ZONE }).format(
    new Date(first),
  );
  expect(noteOf(bram).comment).toContain(weekday);
});

it('passes a member’s own times on to a Dutch partner in Dutch, dates and “or” included', async () => {
  const harness = await coffeeWorkspace({ U1: { name: 'Anna', tz: ZONE }, U2: { name: 'Bram', tz: ZONE } });
  h = harness;
  const anna = new SlackMember(harness, 'U1');
  const bram = new SlackMember(harness, 'U2');
  for (const member of [anna, bram]) {
    await member.say('hello');
    await member.command('coffee join');
  }
  await bram.command('language nl');
  await anna.command(`coffee set channel <#${COFFEE_CHANNEL}|coffee>`);
  await anna.command('coffee round now');
  const now = new Date();
  await harness.app.engine.tick(now);
  await anna.press('none');
  expect(anna.lastText()).toBe(en('coffee.times.ownPrompt'));
  await anna.say('Thursday 10:00 or Friday 15:30');
  const own = (await storedState(harness.app, anna.member))?.coffee.coffees[0]?.own ?? [];
  expect(own).toHaveLength(2);
  const times = new Intl.ListFormat('nl', { type: 'disjunction' }).format(
    own.map((t) => slotIn(new Date(t), ZONE, 'nl', now)),
  );
  expect(times).toContain(' of ');
  expect(bram.texts()).toContain(nl('coffee.times.ownNote', { name: 'Anna', times }));
});

it('tells the member left over why in their own language', async () => {
  const harness = await coffeeWorkspace({ U1: { name: 'Anna' }, U3: { name: 'Cas' }, U4: { name: 'Dirk' } });
  h = harness;
  const [anna, cas, dirk] = ['U1', 'U3', 'U4'].map((u) => new SlackMember(harness, u)) as SlackMember[] as [
    SlackMember,
    SlackMember,
    SlackMember,
  ];
  for (const member of [anna, cas, dirk]) {
    await member.say('hello');
    await member.command('coffee join');
  }
  await cas.command('language nl');
  // Anna and Dirk will not meet Cas: Cas is the one left over, without learning of the blocks.
  for (const member of [anna, dirk]) {
    await member.command('coffee');
    await member.press('block');
    await member.say('<@U3>');
    expect(member.texts()).toContain(en('coffee.block.saved'));
  }
  await anna.command(`coffee set channel <#${COFFEE_CHANNEL}|coffee>`);
  await anna.command('coffee round now');
  const round = (await harness.app.pairing.load(COMMUNITY)).rounds[0] as Round;
  expect(round.unplaced).toEqual(['U3']);
  expect(cas.texts()).toContain(nl('coffee.unplacedOdd'));
  expect(cas.texts()).not.toContain(en('coffee.unplacedOdd'));
  for (const member of [anna, dirk]) expect(member.texts()).not.toContain(en('coffee.unplacedOdd'));
});

it('tells a member with no record yet in the community’s language', async () => {
  const harness = await coffeeWorkspace({ U1: { name: 'Anna' }, U2: { name: 'Ben' }, U4: { name: 'Dirk' } });
  h = harness;
  const [anna, ben, dirk] = ['U1', 'U2', 'U4'].map((u) => new SlackMember(harness, u)) as [
    SlackMember,
    SlackMember,
    SlackMember,
  ];
  // Dirk is in the coffee channel but never talked to the coach; Anna and Ben speak English.
  for (const member of [anna, ben]) {
    await member.say('hello');
    await member.command('coffee join');
    await member.command('coffee');
    await member.press('block');
    await member.say('<@U4>');
  }
  await anna.command(`coffee set channel <#${COFFEE_CHANNEL}|coffee>`);
  await anna.command('coffee set language nl');
  expect((await harness.app.pairing.load(COMMUNITY)).settings.lang).toBe('nl');
  await anna.command('coffee round now');
  const round = (await harness.app.pairing.load(COMMUNITY)).rounds[0] as Round;
  expect(round.unplaced).toEqual(['U4']);
  expect(dirk.texts()).toContain(nl('coffee.unplacedOdd'));
});

it('introduces a member of the pool who never spoke in the community’s language', async () => {
  const harness = await coffeeWorkspace({ U1: { name: 'Anna' }, U4: { name: 'Dirk' } });
  h = harness;
  const anna = new SlackMember(harness, 'U1');
  const dirk = new SlackMember(harness, 'U4');
  await anna.say('hello');
  await anna.command('coffee join');
  await anna.command(`coffee set channel <#${COFFEE_CHANNEL}|coffee>`);
  await anna.command('coffee set language nl');
  await anna.command('coffee round now');
  await harness.app.engine.tick(new Date());
  expect(dirk.texts().some((t) => t.startsWith('☕'))).toBe(true);
  expect(dirk.lastText()).toBe(nl('coffee.times.prompt'));
  expect((await storedState(harness.app, dirk.member))?.lang).toBe('nl');
  // Anna chose English: her intro stays English.
  expect(anna.lastText()).toBe(en('coffee.times.prompt'));
});
