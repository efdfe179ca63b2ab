import { addDays, clockAt } from '../../core/time.js';
import type { Job, Lang, Reply } from '../../core/types.js';
import {
  type Ctx,
  type DueHandler,
  type Effect,
  type FlowHandler,
  type Handlers,
  moveTo,
  type Outcome,
  typedText,
} from '../../engine/flow.js';
import { type Coffee, PURPOSES } from '../../engine/records.js';
import type { Flow, State } from '../../engine/state.js';
import { closerRing } from '../../network/contact.js';
import type { Person } from '../../network/model.js';
import { cleanName, findExactName } from '../../network/names.js';
import { asName, nameList } from '../../pairing/intro.js';
import { fillIntroTemplate, readIntroTemplate } from '../../pairing/intro-template.js';
import { coffeeJobId } from '../../pairing/roster.js';
import { slotIn, zoneCity } from '../../pairing/slot-text.js';
import { askForText, choiceStep, freeTextQuestion, option, reask, unexpected } from '../kit.js';
import { today } from '../when.js';
import { readAgreedTime } from './agreed.js';
import { withPrefs } from './choices.js';

type CoffeeJob = NonNullable<Job['coffee']>;

export const names = (coffee: Pick<Coffee, 'partners'>, lang: Lang) =>
  nameList(
    coffee.partners.map((p) => p.name),
    lang,
  );

export const coffeeOf = (state: State, round: number) => state.coffee.coffees.find((c) => c.round === round);

/** Replaces one coffee of the member's list. */
export function withCoffee(state: State, round: number, patch: Partial<Coffee>): State {
  const coffees = state.coffee.coffees.map((c) => (c.round === round ? { ...c, ...patch } : c));
  return { ...state, coffee: { ...state.coffee, coffees } };
}

/** A conversation starter: a topic a partner shared from their hooks, else a general opener. */
export function starter(job: CoffeeJob, ctx: Pick<Ctx, 'say'>): string {
  const shared = job.partners.find((p) => (p.topics ?? []).length > 0);
  const topic = shared?.topics?.[0];
  if (shared && topic) return ctx.say('coffee.starter.topic', { name: shared.name, topic });
  return ctx.say('coffee.starter.general', undefined, job.round);
}

/** Why the group was put together, to one of its members: "you" where it is them. */
function whyLines(job: CoffeeJob, self: string, partners: CoffeeJob['partners'], ctx: Ctx): string[] {
  const nameOf = (user: string) => partners.find((p) => p.user === user)?.name;
  return (job.why ?? []).flatMap(({ needer, offerer, tag }) => {
    if (needer === self) {
      const name = nameOf(offerer);
      return name ? [ctx.say('coffee.introDm.whyYouNeed', { offerer: name, tag })] : [];
    }
    const name = nameOf(needer);
    if (!name) return [];
    if (offerer === self) return [ctx.say('coffee.introDm.whyYouOffer', { needer: name, tag })];
    const other = nameOf(offerer);
    return other ? [ctx.say('coffee.groupIntro.why', { needer: name, offerer: other, tag })] : [];
  });
}

/**
 * The intro in the member's own chat: who, their lines, a starter, the organiser, 15-30 minutes.
 * In the terminal there is no group conversation to meet in: the intro says to agree a moment
 * and a video link or a place with the partner, who is named as they chose to be.
 */
export function introReply(job: CoffeeJob, self: string, ctx: Ctx, lang: Lang, terminal = false): string {
  const partners = job.partners.map((p) => ({ ...p, name: asName(p.name) }));
  const all = names({ partners }, lang);
  const organiser = partners.find((p) => p.user === job.organiser)?.name ?? all;
  const opener = starter({ ...job, partners }, ctx);
  const own = job.template ? readIntroTemplate(job.template.text) : undefined;
  const lines: string[] = [];
  if (own && 'parts' in own) {
    // The community's own words, filled in for this member.
    const values = {
      partners: all,
      organiser: asName(job.template?.organiser ?? organiser),
      starter: opener,
      slots: timesLines(job, partners, ctx, lang).join('\n') || ctx.say('coffee.groupIntro.slotsLater'),
    };
    lines.push(fillIntroTemplate(own.parts, values, (text) => text));
    for (const p of partners)
      if (p.intro) lines.push(ctx.say('coffee.introDm.line', { name: p.name, intro: p.intro }));
    lines.push(...whyLines(job, self, partners, ctx));
  } else {
    const intro = terminal ? 'coffee.introDm.terminal' : 'coffee.introDm';
    lines.push(ctx.say(`${intro}.heading`, { round: job.round, names: all }));
    for (const p of partners)
      if (p.intro) lines.push(ctx.say('coffee.introDm.line', { name: p.name, intro: p.intro }));
    lines.push(...whyLines(job, self, partners, ctx));
    lines.push(ctx.say('coffee.introDm.starter', { starter: opener }));
    lines.push(...timesLines(job, partners, ctx, lang));
  }
  if (terminal)
    lines.push(
      job.organiser === self
        ? ctx.say('coffee.introDm.terminal.youOrganise', { names: all })
        : ctx.say('coffee.introDm.terminal.theyOrganise', { name: organiser }),
    );
  else
    lines.push(
      job.organiser === self
        ? ctx.say('coffee.introDm.youOrganise')
        : ctx.say('coffee.introDm.theyOrganise', { name: organiser }),
    );
  return lines.join('\n');
}

/** An hour before a set coffee: a line saying it starts soon, with the partners and the time in the member's zone. */
export const reminderDue: DueHandler = (state, job, ctx) => {
  const coffee = job.coffee;
  const nothing = { state, replies: [], effects: [] };
  if (!coffee?.setAt) return nothing;
  const partners = coffee.partners.map((p) => ({ ...p, name: asName(p.name) }));
  const slot = slotIn(new Date(coffee.setAt), coffee.zone ?? state.timezone ?? 'UTC', state.lang, ctx.now);
  return {
    ...nothing,
    replies: [{ text: ctx.say('coffee.set.reminder', { names: names({ partners }, state.lang), slot }) }],
  };
};

/**
 * Each partner's zone and local time now, then the group's proposed times in the reader's own
 * zone (or, when the group's hours never meet, the closest one). Nothing for an old job.
 */
function timesLines(job: CoffeeJob, partners: CoffeeJob['partners'], ctx: Ctx, lang: Lang): string[] {
  const zone = job.zone;
  if (!zone) return [];
  const lines = partners.flatMap((p) =>
    p.timezone
      ? [
          ctx.say('coffee.introDm.partnerZone', {
            name: p.name,
            city: zoneCity(p.timezone),
            clock: clockAt(ctx.now, p.timezone),
          }),
        ]
      : [],
  );
  if (job.slots?.length) {
    lines.push(ctx.say('coffee.introDm.slots'));
    for (const t of job.slots) lines.push(`• ${slotIn(new Date(t), zone, lang, ctx.now)}`);
  } else if (job.closest)
    lines.push(
      ctx.say('coffee.introDm.noCommonTime', { slot: slotIn(new Date(job.closest), zone, lang, ctx.now) }),
    );
  return lines;
}

/**
 * A coffee job arrived: the intro (said at once) with its offer to prepare, the check-in, or the
 * stay question. The engine asks each question in its turn, so none swallows another's answer.
 */
export const coffeeDue: DueHandler = (state, job, ctx) => {
  const coffee = job.coffee;
  const nothing = { state, replies: [], effects: [] };
  if (job.kind === 'coffee.stay') return { ...nothing, flow: { at: 'coffee.stay' } };
  if (!coffee) return nothing;
  if (job.kind === 'coffee.intro') {
    // A job scheduled twice (a round resumed after a restart) introduces once.
    if (coffeeOf(state, coffee.round)) return nothing;
    const record: Coffee = {
      round: coffee.round,
      at: ctx.now.toISOString(),
      partners: coffee.partners.map((p) => ({ user: p.user, name: p.name })),
      organiser: coffee.organiser === state.member.user,
      ...(coffee.slots?.length && coffee.zone ? { slots: coffee.slots, zone: coffee.zone } : {}),
    };
    let next: State = {
      ...state,
      coffee: { ...state.coffee, coffees: [...state.coffee.coffees, record].slice(-200) },
    };
    let effects: Effect[] = [];
    // A member of a channel pool who never chose is in; record it so their menu says so.
    if (next.coffee.prefs.joined === undefined)
      ({ state: next, effects } = withPrefs(next, { joined: true }));
    return {
      state: next,
      // With proposed times the member first taps the ones that work; then the offer to prepare.
      flow: record.slots
        ? { at: 'coffee.times', round: coffee.round }
        : { at: 'coffee.prepare', round: coffee.round, step: 'purpose' },
      replies: [
        { text: introReply(coffee, state.member.user, ctx, state.lang, state.member.platform === 'console') },
      ],
      effects,
    };
  }
  return checkinWanted(state, coffee.round, job.id)
    ? { ...nothing, flow: { at: 'coffee.checkin', round: coffee.round } }
    : nothing;
};

/** A check-in is wanted for a coffee with no answer yet, or once more for one answered "not yet". */
function checkinWanted(state: State, round: number, jobId: string): boolean {
  const coffee = coffeeOf(state, round);
  if (!coffee) return false;
  return coffee.outcome === undefined || (coffee.outcome === 'later' && jobId.endsWith(':again'));
}

/**
 * The proposed times as a multi-select in the member's own zone, with "none of these" beside it.
 * The picks go to the community, which sets the coffee once the whole group shares one.
 */
const coffeeTimes: FlowHandler<'coffee.times'> = {
  onlyOptions: () => true,
  ask(flow, state, ctx) {
    const coffee = coffeeOf(state, flow.round);
    if (!coffee?.slots?.length || !coffee.zone || coffee.picked !== undefined) return [];
    const zone = coffee.zone;
    return [
      {
        text: ctx.say('coffee.times.prompt'),
        pick: {
          options: coffee.slots.map((t) => ({
            id: t,
            label: slotIn(new Date(t), zone, state.lang, ctx.now),
          })),
          placeholder: ctx.say('coffee.times.placeholder'),
        },
        choices: [{ id: 'none', label: ctx.say('coffee.times.none') }],
      },
    ];
  },
  answer(flow, state, answer, ctx) {
    const coffee = coffeeOf(state, flow.round);
    if (!coffee?.slots) return moveTo(state, { at: 'menu' });
    let picked: string[];
    if (answer.kind === 'picks') picked = coffee.slots.filter((t) => answer.values.includes(t));
    else if (answer.kind === 'choice' && answer.value === 'none') picked = [];
    else return reask(state, unexpected(ctx));
    const told: Effect = { type: 'coffee', times: { round: flow.round, picks: picked } };
    const marked = withCoffee(state, flow.round, { picked });
    if (picked.length === 0) return continueDue(marked, { at: 'coffee.own', round: flow.round }, [], [told]);
    return toPrepare(marked, flow.round, [{ text: ctx.say('coffee.times.saved') }], [told]);
  },
};

/** Moves on inside the intro's due question, so that left unanswered it still gives way to the check-in. */
function continueDue(state: State, flow: Flow, replies: Reply[], effects: Effect[]): Outcome {
  const next = state.lastDue ? { ...state, lastDue: { ...state.lastDue, flow } } : state;
  return moveTo(next, flow, replies, effects);
}

const toPrepare = (state: State, round: number, replies: Reply[], effects: Effect[] = []) =>
  continueDue(state, { at: 'coffee.prepare', round, step: 'purpose' }, replies, effects);

/** Two of the member's own times, in plain words ("Tuesday 10:00 or Thursday 15:30"). */
export function readOwnTimes(text: string, zone: string, state: State, now: Date): Date[] {
  return text
    .split(/\s+(?:or|of|and|en)\s+|[,;\n]/i)
    .map((part) => readAgreedTime(part, zone, state.lang, now, state.locale))
    .filter((t): t is Date => t !== undefined && t.getTime() > now.getTime())
    .slice(0, 2);
}

/** None of the proposed times worked: the member offers two of their own, passed on to the partners. */
const coffeeOwn: FlowHandler<'coffee.own'> = {
  ask(flow, state, ctx) {
    const coffee = coffeeOf(state, flow.round);
    if (!coffee || coffee.own !== undefined || coffee.outcome !== undefined) return [];
    return [{ text: ctx.say('coffee.times.ownPrompt'), choices: skipChoice(ctx) }];
  },
  answer(flow, state, answer, ctx) {
    const coffee = coffeeOf(state, flow.round);
    if (!coffee) return moveTo(state, { at: 'menu' });
    if (answer.kind === 'choice' && answer.value === 'skip')
      return toPrepare(withCoffee(state, flow.round, { own: [] }), flow.round, []);
    const text = typedText(answer);
    if (text === undefined) return reask(state, unexpected(ctx));
    const zone = coffee.zone ?? state.timezone ?? 'UTC';
    const times = readOwnTimes(text, zone, state, ctx.now);
    if (times.length < 2) return reask(state, { text: ctx.say('coffee.times.ownInvalid') });
    const own = times.map((t) => t.toISOString());
    const told: Effect = { type: 'coffee', own: { round: flow.round, times: own } };
    return toPrepare(
      withCoffee(state, flow.round, { own }),
      flow.round,
      [{ text: ctx.say('coffee.times.ownSaved') }],
      [told],
    );
  },
};

export const skipChoice = (ctx: Ctx) => [{ id: 'skip', label: ctx.say('coffee.skipStep') }];

const coffeePrepare: FlowHandler<'coffee.prepare'> = {
  onlyOptions: (flow) => flow.step === 'purpose',
  ask(flow, state, ctx) {
    // Once the coffee has an answer (or is gone), there is nothing left to prepare.
    const coffee = coffeeOf(state, flow.round);
    if (!coffee || coffee.outcome !== undefined) return [];
    if (flow.step === 'purpose')
      return [
        {
          text: ctx.say('coffee.prepare.purpose'),
          choices: [
            ...PURPOSES.map((p) => ({ id: p, label: ctx.say(`coffee.purpose.${p}`) })),
            { id: 'later', label: ctx.say('coffee.prepare.later') },
          ],
        },
      ];
    const key = flow.step === 'questions' ? 'coffee.prepare.questions' : 'coffee.prepare.offer';
    return [
      freeTextQuestion(ctx.say(key), ctx.say('coffee.prepare.title'), ctx, {
        multiline: true,
        choices: skipChoice(ctx),
      }),
    ];
  },
  answer(flow, state, answer, ctx): Outcome {
    if (flow.step === 'purpose') {
      if (answer.kind !== 'choice') return reask(state, unexpected(ctx));
      if (answer.value === 'later')
        return moveTo(state, { at: 'menu' }, [{ text: ctx.say('coffee.prepare.skipped') }]);
      const purpose = PURPOSES.find((p) => p === answer.value);
      if (!purpose) return reask(state, unexpected(ctx));
      return moveTo(withCoffee(state, flow.round, { purpose }), { ...flow, step: 'questions' }, [
        { text: ctx.say(`coffee.purposeTip.${purpose}`) },
      ]);
    }
    const skipped = answer.kind === 'choice' && answer.value === 'skip';
    const text = skipped ? undefined : typedText(answer);
    if (!skipped && !text) return reask(state, askForText(ctx));
    if (flow.step === 'questions')
      return moveTo(withCoffee(state, flow.round, { questions: text }), { ...flow, step: 'offer' });
    return moveTo(withCoffee(state, flow.round, { offer: text }), { at: 'menu' }, [
      { text: ctx.say('coffee.prepare.done') },
    ]);
  },
};

export const CHECKIN_CHOICES = ['met', 'later', 'missed'] as const;

/** The partner joins the map as a weak tie, or an existing person moves a ring closer and is no longer dormant. */
export function addPartners(state: State, coffee: Coffee, ctx: Ctx): { state: State; text: string } {
  const people = [...state.network.people];
  let nextPersonId = state.nextPersonId;
  const added: string[] = [];
  const closer: string[] = [];
  for (const partner of coffee.partners) {
    const name = cleanName(partner.name.split(' ')[0] ?? '');
    if (!name) continue;
    const existing = findExactName(people, name);
    if (existing) {
      const contact = existing.contact === 'weekly' ? 'weekly' : 'monthly';
      people[people.indexOf(existing)] = { ...existing, ring: closerRing(existing.ring), contact };
      closer.push(name);
      continue;
    }
    const person: Person = {
      id: `p${nextPersonId++}`,
      name,
      domain: 'associations',
      ring: 'outer',
      contact: 'monthly',
      named: [],
      addedAt: ctx.now.toISOString(),
    };
    people.push(person);
    added.push(name);
  }
  const lines = [
    ...(added.length
      ? [ctx.say('coffee.map.added', { names: nameList(added, state.lang), count: added.length })]
      : []),
    ...(closer.length
      ? [ctx.say('coffee.map.closer', { names: nameList(closer, state.lang), count: closer.length })]
      : []),
  ];
  return { state: { ...state, nextPersonId, network: { ...state.network, people } }, text: lines.join('\n') };
}

const coffeeCheckin = choiceStep<'coffee.checkin'>({
  ask(flow, state, ctx) {
    const coffee = coffeeOf(state, flow.round);
    // A coffee met or missed since has been checked in on.
    if (!coffee || (coffee.outcome !== undefined && coffee.outcome !== 'later')) return [];
    return {
      text: ctx.say('coffee.checkin.prompt', { names: names(coffee, state.lang) }),
      choices: CHECKIN_CHOICES.map((id) => option(ctx, id, `coffee.checkin.${id}`)),
    };
  },
  pick(value, flow, state, ctx) {
    const coffee = coffeeOf(state, flow.round);
    const outcome = CHECKIN_CHOICES.find((c) => c === value);
    if (!outcome || !coffee) return undefined;
    const told: Effect = { type: 'coffee', outcome: { round: flow.round, outcome } };
    const marked = withCoffee(state, flow.round, { outcome });
    if (outcome === 'met') {
      const { state: mapped, text } = addPartners(marked, coffee, ctx);
      return moveTo(
        mapped,
        { at: 'coffee.reflect', round: flow.round, step: 'story' },
        text ? [{ text }] : [],
        [told],
      );
    }
    if (outcome === 'missed')
      return moveTo(marked, { at: 'menu' }, [{ text: ctx.say('coffee.checkin.missedReply') }], [told]);
    // Not yet: once, the coach asks again three days later.
    const job: Job = {
      id: coffeeJobId(state.member, state.member.user, flow.round, 'again'),
      kind: 'coffee.checkin',
      member: state.member,
      due: new Date(ctx.now.getTime() + 3 * 86_400_000).toISOString(),
      coffee: { round: flow.round, partners: coffee.partners, organiser: state.member.user },
    };
    const again = coffee.outcome === 'later' ? [] : [{ type: 'schedule' as const, job }];
    return moveTo(
      marked,
      { at: 'menu' },
      [{ text: ctx.say(again.length ? 'coffee.checkin.laterReply' : 'coffee.checkin.laterAgain') }],
      [told, ...again],
    );
  },
});

const coffeeStay = choiceStep<'coffee.stay'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('coffee.stay.prompt'),
    choices: [
      { id: 'stay', label: ctx.say('coffee.stay.stay') },
      { id: 'pause', label: ctx.say('coffee.stay.pause') },
      { id: 'leave', label: ctx.say('coffee.stay.leave') },
    ],
  }),
  pick(value, _flow, state, ctx) {
    if (value === 'stay')
      return moveTo(
        state,
        { at: 'menu' },
        [{ text: ctx.say('coffee.stay.stayed') }],
        [{ type: 'coffee', stayed: true }],
      );
    if (value === 'pause' || value === 'leave') {
      const patch = value === 'pause' ? { snoozeUntil: addDays(today(state, ctx), 30) } : { joined: false };
      const next = withPrefs(state, patch);
      const text =
        value === 'pause'
          ? ctx.say('coffee.snooze.set', { date: ctx.day(patch.snoozeUntil ?? '') })
          : ctx.say('coffee.left');
      return moveTo(
        next.state,
        { at: 'menu' },
        [{ text }],
        [...next.effects, { type: 'coffee', stayed: true }],
      );
    }
    return undefined;
  },
});

/** "My progress": coffees had, met, and the liking gap in the member's own answers. */
export function coffeeProgress(state: State, ctx: Ctx): string | undefined {
  const coffees = state.coffee.coffees;
  if (coffees.length === 0) return undefined;
  const met = coffees.filter((c) => c.outcome === 'met');
  const lines = [ctx.say('coffee.progress', { total: coffees.length, met: met.length })];
  const rated = met.filter((c) => c.enjoyedSelf !== undefined && c.enjoyedThem !== undefined);
  const under = rated.filter((c) => (c.enjoyedThem ?? 0) < (c.enjoyedSelf ?? 0)).length;
  if (rated.length > 0) lines.push(ctx.say('coffee.progressGap', { under, rated: rated.length }));
  return lines.join('\n');
}

export const handlers: Handlers<
  'coffee.prepare' | 'coffee.checkin' | 'coffee.stay' | 'coffee.times' | 'coffee.own'
> = {
  'coffee.prepare': coffeePrepare,
  'coffee.checkin': coffeeCheckin,
  'coffee.times': coffeeTimes,
  'coffee.own': coffeeOwn,
  'coffee.stay': coffeeStay,
};
