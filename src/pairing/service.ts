import { formatDay, localDate } from '../core/time.js';
import type { Inbound, Job, Lang, MemberRef } from '../core/types.js';
import type { Logger } from '../log.js';
import type { Jobs } from '../store/jobs.js';
import type { Locks } from '../store/locks.js';
import { readAll } from '../store/scan.js';
import type { Store } from '../store/store.js';
import type { Say, Texts } from '../texts/texts.js';
import { changeSetting, settingsText } from './admin.js';
import { setNotes } from './coffee-set.js';
import {
  type CoffeeChange,
  type Community,
  type CommunityRef,
  CommunitySchema,
  communityKey,
  communityMember,
  communityOf,
  defaultPrefs,
  type Group,
  newCommunity,
  type Round,
  type Settings,
} from './community.js';
import { commonPick, groupTimes, zoneOf } from './group-slots.js';
import { asName, type GroupIntro, groupIntroText, nameList } from './intro.js';
import { INTRO_PLACEHOLDERS, introTextOf } from './intro-template.js';
import { type Note, textNote } from './note.js';
import { expectedIn, type Plan, planRound, unplacedReason } from './plan.js';
import { applyChange, coffeeJobId, coffeeJobIds, memberExport, withoutMember } from './roster.js';
import { headsupAt, nextRoundAt } from './schedule.js';
import { slotIn } from './slot-text.js';
import { communityStats, statsText } from './stats.js';
import { type GapReason, gapReasons } from './why.js';

/** What a platform adapter does for virtual coffees; every part is optional. */
export interface CoffeeAdapter {
  /** User ids in the community's pool source (a channel's or a role's members). */
  pool?(community: CommunityRef, settings: Settings): Promise<string[] | undefined>;
  /** First names the platform knows, for members who never gave one. */
  names?(community: CommunityRef, users: string[]): Promise<Record<string, string>>;
  /** Opens the group's shared conversation and posts the intro; returns the conversation id. */
  introduce?(community: CommunityRef, intro: GroupIntro): Promise<string | undefined>;
  /** Whether a member wrote in the intro conversation. */
  wrote?(community: CommunityRef, conversation: string): Promise<boolean>;
}

export interface PairingDeps {
  store: Store;
  locks: Locks;
  jobs: Jobs;
  texts: Texts;
  log: Logger;
  /** The adapters' side of rounds (routed by platform when several adapters share a process). */
  adapter?: CoffeeAdapter;
  /** The language of a new community's group intros, until an admin sets one. */
  defaultLang: Lang;
  /** Sends a note to one member, written in their own language (kept for later when no adapter is open). */
  notify(member: MemberRef, note: Note): Promise<void>;
  /** The conversation starter of a group intro, in the community's language (the coffee exercise writes it). */
  starter(coffee: CoffeeJob, say: Say): string;
  /** A one-time sign-in link to the community's web dashboard (src/dashboard), for an admin. */
  dashboardLink?(community: CommunityRef, lang: Lang): Promise<string>;
}

type CoffeeJob = NonNullable<Job['coffee']>;

/** Conversation id of a group whose intro went only by direct messages. */
const BY_DM = 'dm';
/** A set coffee's reminder comes this long before it starts. */
const REMINDER_MINUTES = 60;
const ADMIN_WORDS = new Set(['settings', 'set', 'round', 'stats', 'admin']);

/** Virtual-coffee rounds for every community: settings, the roster, rounds, nudges, stats. */
export function createPairing(deps: PairingDeps) {
  const space = deps.store.spaces.community;
  const { log } = deps;

  async function load(ref: CommunityRef): Promise<Community> {
    const raw = await space.get(communityKey(ref));
    if (raw === undefined) return newCommunity(ref, deps.defaultLang);
    return CommunitySchema.parse(raw);
  }
  const save = (c: Community) => space.set(communityKey(c.ref), c);
  const locked = <T>(ref: CommunityRef, fn: () => Promise<T>) =>
    deps.locks.withLock(`community:${communityKey(ref)}`, fn);
  const sayFor = (c: Community): Say => deps.texts.forLang(c.settings.lang);
  /** A round's instant as its day in the community's zone: "Monday 7 December". */
  const roundDay = (c: Community, lang: Lang, now: Date) => (instant: string) =>
    formatDay(localDate(new Date(instant), c.settings.timezone), lang, localDate(now, c.settings.timezone));

  /** What partners see of a member: first name, intro line, and event topics if shared. */
  function shownOf(c: Community, user: string) {
    const prefs = c.roster[user]?.prefs ?? defaultPrefs();
    return {
      user,
      name: prefs.name ?? user,
      ...(prefs.intro ? { intro: prefs.intro } : {}),
      ...(prefs.shareHooks && prefs.topics.length ? { topics: prefs.topics } : {}),
    };
  }

  /** In `gaps` mode, the reasons the group's members agreed may be told (none otherwise). */
  function whyOf(c: Community, group: Group): { why?: GapReason[] } {
    if (c.settings.mode !== 'gaps') return {};
    const why = gapReasons(
      group.users.map((user) => ({ user, prefs: c.roster[user]?.prefs ?? defaultPrefs() })),
    );
    return why.length > 0 ? { why } : {};
  }

  /** The job that brings one member their intro, check-in, or the question whether to stay. */
  function memberJob(c: Community, round: Round, user: string, kind: Job['kind'], due: string): Job {
    const group = round.groups.find((g) => g.users.includes(user));
    const partners = (group?.users ?? [])
      .filter((u) => u !== user)
      .map((u) => ({ ...shownOf(c, u), timezone: zoneOf(c, u) }));
    const member = communityMember(c.ref, user);
    // Days are counted in the organiser's zone, so every member of a group gets the same times.
    const times =
      group && kind === 'coffee.intro'
        ? {
            zone: zoneOf(c, user),
            ...groupTimes(c, round, [group.organiser, ...group.users.filter((u) => u !== group.organiser)]),
          }
        : {};
    return {
      id: coffeeJobId(c.ref, user, round.n, kind),
      kind,
      member,
      due,
      coffee: {
        round: round.n,
        partners,
        organiser: group?.organiser ?? user,
        lang: c.settings.lang,
        ...times,
        ...(group && kind === 'coffee.intro' ? whyOf(c, group) : {}),
        // The terminal has no group conversation: its members' own intros carry the community's words.
        ...(group && kind === 'coffee.intro' && c.ref.platform === 'console' && c.settings.intro
          ? { template: { text: c.settings.intro, organiser: shownOf(c, group.organiser).name } }
          : {}),
      },
    };
  }

  /** Fills in first names the platform knows for members who never gave one. */
  async function withNames(c: Community, users: string[]): Promise<Community> {
    const missing = users.filter((u) => !c.roster[u]?.prefs.name);
    const adapter = deps.adapter;
    if (missing.length === 0 || !adapter?.names) return c;
    const found = await adapter.names(c.ref, missing).catch((err: unknown) => {
      log.warn({ err }, 'could not look up member names');
      return {} as Record<string, string>;
    });
    const roster = { ...c.roster };
    for (const [user, name] of Object.entries(found)) {
      const entry = roster[user];
      const first = name.trim().split(/\s+/)[0]?.slice(0, 60);
      if (entry && first) roster[user] = { ...entry, prefs: { ...entry.prefs, name: first } };
    }
    return { ...c, roster };
  }

  async function poolOf(c: Community): Promise<string[] | undefined> {
    const adapter = deps.adapter;
    if (!(c.settings.channel || c.settings.role) || !adapter?.pool) return undefined;
    try {
      return await adapter.pool(c.ref, c.settings);
    } catch (err) {
      log.warn({ err, community: communityKey(c.ref) }, 'could not list the pool; using members who joined');
      return undefined;
    }
  }

  /** What an adapter posts for one group: names, intro lines, a starter, the organiser. */
  function groupIntro(c: Community, round: Round, group: Group): GroupIntro {
    const shown = group.users.map((user) => shownOf(c, user));
    const ordered = [group.organiser, ...group.users.filter((u) => u !== group.organiser)];
    const times = {
      ...groupTimes(c, round, ordered),
      zones: ordered.map((u) => zoneOf(c, u)),
      roundAt: round.at,
    };
    return {
      times,
      round: round.n,
      lang: c.settings.lang,
      members: shown.map(({ topics: _topics, ...member }) => member),
      organiser: group.organiser,
      ...(c.settings.channel ? { channel: c.settings.channel } : {}),
      ...(c.settings.intro ? { template: c.settings.intro } : {}),
      ...whyOf(c, group),
      starter: deps.starter({ round: round.n, partners: shown, organiser: group.organiser }, sayFor(c)),
    };
  }

  /** Posts the intros not yet posted; a restart in the middle picks up where it stopped. */
  async function introduce(c: Community): Promise<Community> {
    const round = c.rounds.at(-1);
    if (!round || round.dryRun) return c;
    const adapter = deps.adapter;
    let current = c;
    let groups = round.groups;
    for (const [i, group] of round.groups.entries()) {
      if (group.conversation || group.users.length < 2) continue;
      let conversation = BY_DM;
      if (adapter?.introduce) {
        const intro = groupIntro(current, round, group);
        try {
          conversation = (await adapter.introduce(c.ref, intro)) ?? BY_DM;
        } catch (err) {
          log.warn({ err, round: round.n }, 'group intro failed; members still get theirs directly');
        }
      }
      groups = groups.map((g, j) => (j === i ? { ...g, conversation } : g));
      current = { ...current, rounds: [...current.rounds.slice(0, -1), { ...round, groups }] };
      // Saved after each group, so a restart never introduces a group twice.
      await save(current);
    }
    return current;
  }

  /**
   * Notes for members, sent once the community's lock is given back: a member's own turn takes
   * their lock, then the community's, so a note never waits for a member lock while holding it.
   */
  type Notes = { member: MemberRef; note: Note }[];
  async function send(notes: Notes): Promise<void> {
    for (const { member, note } of notes) await deps.notify(member, note);
  }
  async function lockedWithNotes<T>(ref: CommunityRef, fn: (notes: Notes) => Promise<T>): Promise<T> {
    const notes: Notes = [];
    const result = await locked(ref, () => fn(notes));
    await send(notes);
    return result;
  }

  /** Sets the member's group's coffee once everyone picked one same time: invites go out as notes. */
  function setWhenShared(c: Community, n: number, user: string, notes: Notes): Community {
    const round = c.rounds.find((r) => r.n === n);
    const group = round?.groups.find((g) => g.users.includes(user));
    if (!round || !group || group.setAt) return c;
    const at = commonPick(group.users, group.picks);
    if (!at) return c;
    const set = { ...group, setAt: at };
    for (const { user: u, note } of setNotes(c, n, set, new Date(at), new Date()))
      notes.push({ member: communityMember(c.ref, u), note });
    log.info({ community: communityKey(c.ref), round: n }, 'coffee time set');
    const groups = round.groups.map((g) => (g === group ? set : g));
    return { ...c, rounds: c.rounds.map((r) => (r === round ? { ...r, groups } : r)) };
  }

  /** The organiser wrote the time they agreed: it is set (again) and everyone gets the invite. */
  function setByOrganiser(
    c: Community,
    agreed: { round: number; at: string },
    user: string,
    notes: Notes,
  ): Community {
    const round = c.rounds.find((r) => r.n === agreed.round);
    const group = round?.groups.find((g) => g.users.includes(user));
    if (!round || !group || group.organiser !== user) return c;
    const set = { ...group, setAt: agreed.at };
    for (const { user: u, note } of setNotes(c, round.n, set, new Date(agreed.at), new Date()))
      notes.push({ member: communityMember(c.ref, u), note });
    const groups = round.groups.map((g) => (g === group ? set : g));
    return { ...c, rounds: c.rounds.map((r) => (r === round ? { ...r, groups } : r)) };
  }

  /** The organiser's meeting link: kept for the invites, which go out again when the time is set already. */
  function withLink(
    c: Community,
    link: { round: number; url: string },
    user: string,
    notes: Notes,
  ): Community {
    const round = c.rounds.find((r) => r.n === link.round);
    const group = round?.groups.find((g) => g.users.includes(user));
    if (!round || !group || group.organiser !== user) return c;
    const linked = { ...group, link: link.url };
    if (linked.setAt)
      for (const { user: u, note } of setNotes(c, round.n, linked, new Date(linked.setAt), new Date()))
        notes.push({ member: communityMember(c.ref, u), note });
    const groups = round.groups.map((g) => (g === group ? linked : g));
    return { ...c, rounds: c.rounds.map((r) => (r === round ? { ...r, groups } : r)) };
  }

  /** A member's own two times, passed on to each partner in the partner's zone. */
  function ownTimesNotes(c: Community, own: { round: number; times: string[] }, user: string): Notes {
    const group = c.rounds.find((r) => r.n === own.round)?.groups.find((g) => g.users.includes(user));
    if (!group) return [];
    const name = asName(c.roster[user]?.prefs.name ?? user);
    const now = new Date();
    return group.users
      .filter((u) => u !== user)
      .map((u) => ({
        member: communityMember(c.ref, u),
        note: textNote(c.settings.lang, (say, lang) => {
          const or = new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'disjunction' });
          const times = or.format(own.times.map((t) => slotIn(new Date(t), zoneOf(c, u), lang, now)));
          return say('coffee.times.ownNote', { name, times });
        }),
      }));
  }

  /** An hour before a set coffee, each member of the group is reminded in their own zone. */
  async function scheduleReminders(c: Community, n: number, user: string): Promise<void> {
    const round = c.rounds.find((r) => r.n === n);
    const group = round?.groups.find((g) => g.users.includes(user));
    if (!round || !group?.setAt) return;
    const due = new Date(Date.parse(group.setAt) - REMINDER_MINUTES * 60_000).toISOString();
    for (const u of group.users) {
      const job = memberJob(c, round, u, 'coffee.reminder', due);
      if (job.coffee) job.coffee = { ...job.coffee, setAt: group.setAt, zone: zoneOf(c, u) };
      await deps.jobs.schedule(job);
    }
  }

  /** Saves a new round, schedules every member's intro and check-in, then posts the group intros. */
  async function start(plan: Plan, now: Date, notes: Notes): Promise<Community> {
    const { round } = plan;
    const members = round.groups.flatMap((g) => g.users);
    let c = await withNames(plan.community, members);
    await save(c);
    log.info(
      { community: communityKey(c.ref), round: round.n, seed: round.seed, groups: round.groups.length },
      'coffee round made',
    );
    for (const user of members) {
      await deps.jobs.schedule(memberJob(c, round, user, 'coffee.intro', now.toISOString()));
      await deps.jobs.schedule(memberJob(c, round, user, 'coffee.checkin', round.checkinAt));
    }
    for (const user of plan.ask)
      await deps.jobs.schedule(memberJob(c, round, user, 'coffee.stay', now.toISOString()));
    for (const user of round.unplaced) {
      const why =
        unplacedReason(round, c.roster[user]?.prefs.blocks ?? []) === 'blocks'
          ? 'coffee.unplacedBlocks'
          : 'coffee.unplacedOdd';
      notes.push({
        member: communityMember(c.ref, user),
        note: textNote(c.settings.lang, (say) => say(why)),
      });
    }
    c = await introduce(c);
    return c;
  }

  /** Makes a round now (or previews it): the admin command and the scheduler both come here. */
  async function runRound(
    ref: CommunityRef,
    now: Date,
    preview: boolean,
  ): Promise<{ text: string; community: Community }> {
    return lockedWithNotes(ref, async (notes) => {
      const c = await load(ref);
      const say = sayFor(c);
      const plan = planRound(c, now, await poolOf(c));
      const { round } = plan;
      const counts = {
        round: round.n,
        seed: round.seed,
        groups: round.groups.length,
        absent: round.absent.length,
        unplaced: round.unplaced.length,
      };
      if (round.participants < 2) return { text: say('coffee.admin.tooFew'), community: c };
      if (preview) {
        const names = (u: string) => c.roster[u]?.prefs.name ?? u;
        const lines = round.groups.map((g) =>
          say('coffee.admin.previewGroup', { names: g.users.map(names).join(', ') }),
        );
        const first = round.groups.find((g) => g.users.length > 1);
        // The community's own intro, filled in for the first group as the group would read it.
        const own =
          c.settings.intro && first
            ? [
                say('coffee.admin.previewIntro'),
                groupIntroText(
                  groupIntro(c, round, first),
                  say,
                  (u) => asName(names(u)),
                  (t) => t,
                ),
              ]
            : [];
        return {
          text: [say('coffee.admin.preview', counts), ...lines, ...own].join('\n'),
          community: c,
        };
      }
      return { text: say('coffee.admin.ran', counts), community: await start(plan, now, notes) };
    });
  }

  /** A scheduled round, a group intro left half done, or a quiet intro's nudge, per community. */
  async function tickOne(ref: CommunityRef, now: Date): Promise<number> {
    return lockedWithNotes(ref, async (notes) => {
      let c = await load(ref);
      let fired = 0;
      if (c.settings.active && c.nextRoundAt && Date.parse(c.nextRoundAt) <= now.getTime()) {
        const due = new Date(c.nextRoundAt);
        const plan = planRound(c, due, await poolOf(c));
        const after = { ...plan.community, nextRoundAt: nextRoundAt(c.settings, now, due).toISOString() };
        if (plan.round.participants >= 2) c = await start({ ...plan, community: after }, now, notes);
        else {
          c = { ...c, nextRoundAt: after.nextRoundAt };
          await save(c);
        }
        fired += 1;
      }
      fired += await headsup(c, now);
      const round = c.rounds.at(-1);
      if (round && !round.dryRun && round.groups.some((g) => !g.conversation && g.users.length > 1))
        c = await introduce(c);
      if (round && Date.parse(round.nudgeAt) <= now.getTime() && Date.parse(round.checkinAt) > now.getTime())
        fired += await nudge(c, round, notes);
      return fired;
    });
  }

  /**
   * From the day before the next round, at its hour, each member the round counts on gets the
   * heads-up question (I'm in, skip this one, snooze), once per round.
   */
  async function headsup(c: Community, now: Date): Promise<number> {
    const { settings, nextRoundAt: next } = c;
    if (!settings.active || settings.headsup === false || !next || c.headsupFor === next) return 0;
    const roundAt = new Date(next);
    if (now < headsupAt(settings, roundAt) || now >= roundAt) return 0;
    const n = (c.rounds.at(-1)?.n ?? 0) + 1;
    const users = expectedIn(c, roundAt, await poolOf(c));
    for (const user of users)
      await deps.jobs.schedule({
        id: coffeeJobId(c.ref, user, n, 'coffee.headsup'),
        kind: 'coffee.headsup',
        member: communityMember(c.ref, user),
        due: now.toISOString(),
        coffee: { round: n, partners: [], organiser: user, startsAt: next },
      });
    await save({ ...c, headsupFor: next });
    log.info({ community: communityKey(c.ref), round: n, members: users.length }, 'coffee heads-up sent');
    return users.length;
  }

  async function nudge(c: Community, round: Round, notes: Notes): Promise<number> {
    const adapter = deps.adapter;
    let sent = 0;
    const groups = [];
    for (const group of round.groups) {
      if (group.nudged || !group.conversation || group.conversation === BY_DM || !adapter?.wrote) {
        groups.push(group);
        continue;
      }
      const wrote = await adapter.wrote(c.ref, group.conversation).catch((err: unknown) => {
        // When the adapter cannot tell, the group counts as having written: no nudge on a guess.
        log.warn(
          { err, community: communityKey(c.ref), round: round.n },
          'could not tell whether the group wrote; no nudge',
        );
        return true;
      });
      if (!wrote) {
        const partners = group.users
          .filter((u) => u !== group.organiser)
          .map((u) => c.roster[u]?.prefs.name ?? u);
        const note = textNote(c.settings.lang, (say, lang) =>
          say('coffee.nudge', { names: nameList(partners, lang) }),
        );
        notes.push({ member: communityMember(c.ref, group.organiser), note });
        sent += 1;
      }
      groups.push({ ...group, nudged: true });
    }
    if (groups.some((g, i) => g !== round.groups[i]))
      await save({ ...c, rounds: [...c.rounds.slice(0, -1), { ...round, groups }] });
    return sent;
  }

  return {
    /**
     * The admin command in an inbound, if it is one: "coffee settings", "coffee set …",
     * "coffee round …" or "stats", given as a command or typed with a slash (case kept for ids).
     */
    adminCommand(inbound: Inbound): Extract<Inbound, { kind: 'command' }> | undefined {
      let command: Extract<Inbound, { kind: 'command' }>;
      if (inbound.kind === 'command') command = inbound;
      else if (inbound.kind === 'text' && inbound.text.trim().startsWith('/')) {
        const typed = inbound.text.trim().slice(1);
        const [name = '', ...args] = typed.split(/\s+/).slice(0, 21);
        // An intro text is kept whole (case, line breaks, more than twenty words) as one argument.
        const introText = introTextOf(typed.slice(name.length));
        const { text: _text, ...rest } = inbound;
        command = {
          ...rest,
          kind: 'command',
          name,
          args:
            introText === undefined
              ? args.map((a) => a.slice(0, 1000))
              : ['set', 'intro', introText.slice(0, 1000)],
        };
      } else if (inbound.kind === 'text' && inbound.text.trim().toLowerCase() === 'dashboard') {
        // The terminal's member types the bare word, as the other commands there.
        const { text: _text, ...rest } = inbound;
        command = { ...rest, kind: 'command', name: 'dashboard', args: [] };
      } else return undefined;
      const name = command.name.trim().toLowerCase();
      const word = command.args[0]?.toLowerCase() ?? '';
      const isAdmin =
        name === 'stats' ||
        name === 'dashboard' ||
        ((name === 'coffee' || name === 'koffie') && ADMIN_WORDS.has(word));
      return isAdmin ? command : undefined;
    },

    /** Runs an admin command for the member's community; the reply is in the member's language. */
    async admin(
      inbound: Extract<Inbound, { kind: 'command' }>,
      say: Say,
      now: Date,
      lang: Lang,
    ): Promise<string> {
      const ref = communityOf(inbound.member);
      const isAdmin = inbound.member.platform === 'console' || inbound.admin === true;
      const dashboard = inbound.name.trim().toLowerCase() === 'dashboard';
      if (!isAdmin) return say(dashboard ? 'dashboard.chat.only' : 'coffee.admin.only');
      // The link goes only to this admin, for their own community, in the language they speak.
      if (dashboard && deps.dashboardLink)
        return say('dashboard.chat.link', { url: await deps.dashboardLink(ref, lang) });
      if (dashboard) return say('dashboard.chat.only');
      const [word = 'stats', ...rest] =
        inbound.name.toLowerCase() === 'stats' ? ['stats'] : inbound.args.map((a) => a.trim());
      switch (word.toLowerCase()) {
        case 'stats': {
          const c = await load(ref);
          return statsText(communityStats(c), say, roundDay(c, lang, now));
        }
        case 'settings':
          return settingsText(await load(ref), say, lang, now);
        case 'set':
          return locked(ref, async () => {
            const result = changeSetting(await load(ref), rest, now, say, lang);
            if (result.community) await save(result.community);
            return result.text;
          });
        case 'round': {
          const preview = (rest[0] ?? 'preview').toLowerCase() !== 'now';
          return (await runRound(ref, now, preview)).text;
        }
        default:
          return [
            say('coffee.admin.usage'),
            say('coffee.admin.usageSize'),
            say('coffee.admin.usageIntro', { known: INTRO_PLACEHOLDERS.map((p) => `{${p}}`).join(', ') }),
            say('coffee.admin.usageHeadsup'),
            say('coffee.admin.usageMode'),
            say('dashboard.chat.usage'),
          ].join('\n');
      }
    },

    runRound,
    /** The group intros of the community's latest round (the terminal prints them). */
    intros: (c: Community): GroupIntro[] => {
      const round = c.rounds.at(-1);
      return round ? round.groups.filter((g) => g.users.length > 1).map((g) => groupIntro(c, round, g)) : [];
    },
    statsText: async (ref: CommunityRef, now: Date) => {
      const c = await load(ref);
      return statsText(communityStats(c), sayFor(c), roundDay(c, c.settings.lang, now));
    },
    stats: async (ref: CommunityRef) => communityStats(await load(ref)),
    load,

    /**
     * Applies what a member's turn told the community: new choices, a check-in answer, "I'll stay".
     * Returns the notes for the member themselves, for the engine to write in the turn's language.
     */
    async apply(member: MemberRef, change: CoffeeChange): Promise<Note[]> {
      const ref = communityOf(member);
      const own: Note[] = [];
      await lockedWithNotes(ref, async (notes) => {
        let c = applyChange(await load(ref), member.user, change);
        if (change.times) c = setWhenShared(c, change.times.round, member.user, notes);
        if (change.agreed) c = setByOrganiser(c, change.agreed, member.user, notes);
        if (change.own) notes.push(...ownTimesNotes(c, change.own, member.user));
        if (change.link) c = withLink(c, change.link, member.user, notes);
        await save(c);
        const round = change.times?.round ?? change.agreed?.round;
        if (round !== undefined) await scheduleReminders(c, round, member.user);
        // The member whose turn this is holds their own lock: their note comes back with the turn.
        for (const [i, note] of [...notes.entries()].reverse())
          if (note.member.user === member.user) {
            own.unshift(note.note);
            notes.splice(i, 1);
          }
      });
      return own;
    },

    /** Every community due at `now`: scheduled rounds, intros left half done, nudges. Each fires once. */
    async tick(now: Date, platforms?: readonly CommunityRef['platform'][]): Promise<number> {
      let fired = 0;
      const refs: CommunityRef[] = [];
      for (const [, value] of await readAll(space)) {
        const parsed = CommunitySchema.safeParse(value);
        if (parsed.success && (!platforms || platforms.includes(parsed.data.ref.platform)))
          refs.push(parsed.data.ref);
      }
      for (const ref of refs) {
        try {
          fired += await tickOne(ref, now);
        } catch (err) {
          log.error({ err, community: communityKey(ref) }, 'coffee round tick failed');
        }
      }
      return fired;
    },

    /** What the community keeps of one member, for their export. */
    exportOf: async (member: MemberRef) => memberExport(await load(communityOf(member)), member.user),

    /** Removes a member from the community, and their coffee jobs still waiting. */
    async forget(member: MemberRef): Promise<void> {
      const ref = communityOf(member);
      await locked(ref, async () => {
        const c = await load(ref);
        await deps.jobs.remove(coffeeJobIds(c, member.user));
        await save(withoutMember(c, member.user));
      });
    },
  };
}

export type Pairing = ReturnType<typeof createPairing>;
