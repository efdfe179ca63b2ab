import { z } from 'zod';
import { clip } from '../core/clip.js';
import type { Job, Reply } from '../core/types.js';
import {
  answerText,
  type Ctx,
  type DueHandler,
  type Effect,
  type FlowHandler,
  type Handlers,
  moveTo,
  type Outcome,
} from '../engine/flow.js';
import type { Commitment } from '../engine/records.js';
import type { Flow, State } from '../engine/state.js';
import { canMoveCloser, closerRing, contacted } from '../network/contact.js';
import type { Person } from '../network/model.js';
import { findByName, nameWithNote } from '../network/names.js';
import { askLines, calibration, calibrationLine, meaningLine } from './calibration.js';
import { backToMenu, choiceStep, option, reask, unexpected, whileFound } from './kit.js';
import { addPeople, noNames } from './people.js';
import { today } from './when.js';

const commitment = { commitment: z.string() };
export const flows = [
  z.object({ at: z.literal('followup.asked'), ...commitment }),
  z.object({ at: z.literal('followup.story'), ...commitment }),
  z.object({ at: z.literal('followup.closer'), ...commitment }),
  z.object({ at: z.literal('followup.step'), ...commitment }),
  z.object({ at: z.literal('debrief.hooks'), ...commitment }),
  z.object({ at: z.literal('debrief.people'), ...commitment }),
  z.object({ at: z.literal('commitments.list') }),
  z.object({ at: z.literal('commitments.item'), ...commitment }),
] as const;

const find = (state: State, id: string) => state.commitments.find((c) => c.id === id);

const update = (state: State, id: string, change: Partial<Commitment>): State => ({
  ...state,
  commitments: state.commitments.map((c) => (c.id === id ? { ...c, ...change } : c)),
});

/** Closes a commitment; its follow-up, when still planned, is no longer needed. */
function close(state: State, id: string, change: Partial<Commitment>): { state: State; effects: Effect[] } {
  const c = find(state, id);
  const next = update(state, id, change);
  if (!c || !next.jobs.includes(c.jobId)) return { state: next, effects: [] };
  return {
    state: { ...next, jobs: next.jobs.filter((j) => j !== c.jobId) },
    effects: [{ type: 'unschedule', jobId: c.jobId }],
  };
}

/** The question that reports on a commitment: did you ask, how was the event, did the next step happen. */
const REPORT = {
  ask: 'followup.asked',
  event: 'debrief.hooks',
  coffee: 'followup.step',
  reconnect: 'followup.step',
} as const;
const reportFlow = (c: Commitment): Flow => ({ at: REPORT[c.kind], commitment: c.id });

/** Where a due follow-up leads: the question for a commitment that is still open. */
function followUpFlow(state: State, job: Job): Flow | undefined {
  const commitment = job.commitment ? find(state, job.commitment) : undefined;
  return commitment?.status === 'open' ? reportFlow(commitment) : undefined;
}

/** The person on the map a commitment is with, found by name. */
const personOf = (state: State, c: Commitment | undefined): Person | undefined =>
  c?.person ? findByName(state.network.people, c.person) : undefined;

/** The map with one person changed. */
function withPerson(state: State, id: string, change: (p: Person) => Person): State {
  const people = state.network.people.map((p) => (p.id === id ? change(p) : p));
  return { ...state, network: { ...state.network, people } };
}

/** What happened is contact: the person of the commitment has their last contact set to its date. */
function inTouch(state: State, c: Commitment, ctx: Ctx): State {
  const person = personOf(state, c);
  const now = today(state, ctx);
  return person ? withPerson(state, person.id, (p) => contacted(p, c.date, now)) : state;
}

/** "My progress": facts, the exercises' own lines, and one line of meaning; no scores, no streaks. */
export function progressReply(state: State, ctx: Ctx, more: string[] = []): Reply {
  const c = calibration(state);
  const events = state.commitments.filter((x) => x.kind === 'event');
  const firstMap = state.completed.find((x) => x.exercise === 'awareness')?.at;
  const added = firstMap ? state.network.people.filter((p) => p.addedAt > firstMap).length : 0;
  const lines = [
    ...askLines(c, ctx),
    ctx.say('progress.events', {
      prepared: events.length,
      debriefed: events.filter((e) => e.status === 'done').length,
    }),
    firstMap ? ctx.say('progress.added', { count: added }) : ctx.say('progress.noMap'),
    ...more,
    meaningLine(c, ctx),
  ];
  return { text: lines.join('\n') };
}

/** The commitment a step is about is still there; a follow-up for one that is gone goes back to the menu. */
const commitmentFound = (flow: { commitment: string }, state: State) =>
  find(state, flow.commitment) !== undefined;

/** The commitment is still open: a follow-up of one reported or cancelled since asks nothing. */
const commitmentOpen = (flow: { commitment: string }, state: State) =>
  find(state, flow.commitment)?.status === 'open';

/** "Not yet" picks a new day; "drop" lets the commitment go. Other answers are not these. */
function putOffOrDrop(value: string, state: State, id: string, ctx: Ctx): Outcome | undefined {
  if (value === 'notyet')
    return moveTo(state, { at: 'when.move', commitment: id }, [{ text: ctx.say('followup.noRush') }]);
  if (value !== 'drop') return undefined;
  const closed = close(state, id, { status: 'cancelled' });
  return moveTo(closed.state, { at: 'menu' }, [{ text: ctx.say('followup.dropped') }], closed.effects);
}

const followupAsked = whileFound<'followup.asked'>(
  commitmentOpen,
  { at: 'menu' },
  choiceStep({
    ask(flow, state, ctx) {
      const c = find(state, flow.commitment);
      if (c?.status !== 'open') return [];
      return {
        text: ctx.say('followup.asked', { name: c.person ?? '', goal: c.title, date: ctx.day(c.date) }),
        choices: [
          option(ctx, 'yes', 'followup.saidYes'),
          option(ctx, 'no', 'followup.saidNo'),
          option(ctx, 'notyet', 'followup.notYet'),
          option(ctx, 'drop', 'followup.drop'),
        ],
      };
    },
    pick(value, flow, state, ctx) {
      switch (value) {
        case 'yes':
        case 'no': {
          const c = find(state, flow.commitment);
          const answered = update(state, flow.commitment, { outcome: value });
          return moveTo(c ? inTouch(answered, c, ctx) : answered, {
            at: 'followup.story',
            commitment: flow.commitment,
          });
        }
        default:
          return putOffOrDrop(value, state, flow.commitment, ctx);
      }
    },
  }),
);

/** The research finding beside what really happened: asked again once the member knows the answer. */
const finding = (c: Commitment | undefined, ctx: Ctx): Reply[] =>
  c?.outcome ? [{ text: ctx.say(`followup.finding.${c.outcome}`) }] : [];

const followupStory: FlowHandler<'followup.story'> = {
  ask: (_flow, _state, ctx) => [
    { text: ctx.say('followup.story'), choices: [{ id: 'skip', label: ctx.say('followup.skip') }] },
  ],
  answer(flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value !== 'skip') return reask(state, unexpected(ctx));
    const story = answer.kind === 'choice' ? undefined : (answerText(answer) ?? '').trim() || undefined;
    const { state: next, effects } = close(state, flow.commitment, { story, status: 'done' });
    const line = calibrationLine(calibration(next), ctx);
    const c = find(next, flow.commitment);
    const person = personOf(next, c);
    // After a yes, one tap: does the person feel a ring closer now?
    const closer = c?.outcome === 'yes' && person && canMoveCloser(person);
    return moveTo(
      next,
      closer ? { at: 'followup.closer', commitment: flow.commitment } : { at: 'menu' },
      [
        { text: ctx.say('followup.thanks') },
        ...(line ? [{ text: line }] : []),
        ...finding(find(next, flow.commitment), ctx),
        ...(person ? [{ text: ctx.say('followup.inTouch', { name: person.name }) }] : []),
      ],
      effects,
    );
  },
};

/** After a yes: one tap whether the person feels a ring closer now; yes moves them one ring in. */
const followupCloser = choiceStep<'followup.closer'>({
  ask(flow, state, ctx) {
    const person = personOf(state, find(state, flow.commitment));
    if (!person || !canMoveCloser(person)) return [];
    return {
      text: ctx.say('followup.closer', { name: person.name }),
      choices: [option(ctx, 'closer', 'followup.closerYes'), option(ctx, 'same', 'followup.closerNo')],
    };
  },
  pick(value, flow, state, ctx) {
    const person = personOf(state, find(state, flow.commitment));
    if (!person || (value !== 'closer' && value !== 'same')) return undefined;
    if (value === 'same')
      return moveTo(state, { at: 'menu' }, [{ text: ctx.say('followup.keptRing', { name: person.name }) }]);
    const ring = closerRing(person.ring);
    return moveTo(
      withPerson(state, person.id, (p) => ({ ...p, ring })),
      { at: 'menu' },
      [
        {
          text: ctx.say(ring === 'inner' ? 'followup.movedInner' : 'followup.movedMiddle', {
            name: person.name,
          }),
        },
      ],
    );
  },
});

/**
 * A coffee's next step or getting back in touch, when due: did it happen? Done is contact with the
 * person; not yet picks a new day.
 */
const followupStep = whileFound<'followup.step'>(
  commitmentOpen,
  { at: 'menu' },
  choiceStep({
    ask(flow, state, ctx) {
      const c = find(state, flow.commitment);
      if (c?.status !== 'open') return [];
      const params = { name: c.person ?? '', step: c.title, date: ctx.day(c.date) };
      return {
        text:
          c.kind === 'reconnect' ? ctx.say('followup.reconnect', params) : ctx.say('followup.step', params),
        choices: [
          option(ctx, 'done', 'followup.stepDone'),
          option(ctx, 'notyet', 'followup.notYet'),
          option(ctx, 'drop', 'followup.stepDrop'),
        ],
      };
    },
    pick(value, flow, state, ctx) {
      const c = find(state, flow.commitment);
      if (!c) return undefined;
      switch (value) {
        case 'done': {
          const closed = close(inTouch(state, c, ctx), c.id, { status: 'done' });
          const person = personOf(closed.state, c);
          return moveTo(
            closed.state,
            { at: 'menu' },
            [
              { text: ctx.say(c.kind === 'reconnect' ? 'followup.reconnectThanks' : 'followup.stepThanks') },
              ...(person ? [{ text: ctx.say('followup.inTouch', { name: person.name }) }] : []),
            ],
            closed.effects,
          );
        }
        default:
          return putOffOrDrop(value, state, c.id, ctx);
      }
    },
  }),
);

const debriefHooks: FlowHandler<'debrief.hooks'> = {
  ask(flow, state, ctx) {
    const c = find(state, flow.commitment);
    if (c?.status !== 'open') return [];
    return [
      {
        text: ctx.say('debrief.hooks', { event: c.title }),
        choices: [{ id: 'skip', label: ctx.say('followup.skip') }],
      },
    ];
  },
  answer(flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value !== 'skip') return reask(state, unexpected(ctx));
    const story = answer.kind === 'choice' ? undefined : (answerText(answer) ?? '').trim() || undefined;
    return moveTo(update(state, flow.commitment, { story }), {
      at: 'debrief.people',
      commitment: flow.commitment,
    });
  },
};

const debriefPeople: FlowHandler<'debrief.people'> = {
  ask: (_flow, _state, ctx) => [
    { text: ctx.say('debrief.people'), choices: [{ id: 'none', label: ctx.say('debrief.nobody') }] },
  ],
  answer(flow, state, answer, ctx) {
    const metNobody = () => {
      const closed = close(state, flow.commitment, { status: 'done', met: 0 });
      return moveTo(closed.state, { at: 'menu' }, [{ text: ctx.say('debrief.done') }], closed.effects);
    };
    if (answer.kind === 'choice')
      return answer.value === 'none' ? metNobody() : reask(state, unexpected(ctx));
    const result = addPeople(state, answerText(answer) ?? '', 'event', ctx);
    if (noNames(result)) return result.ended ? metNobody() : reask(state, { text: ctx.say('people.noName') });
    // New contacts from an event are weak ties, just met.
    const ids = new Set(result.added.map((p) => p.id));
    const people = result.state.network.people.map((p) =>
      ids.has(p.id) ? { ...p, ring: 'outer' as const, contact: 'weekly' as const } : p,
    );
    const { state: next, effects } = close(
      { ...result.state, network: { ...result.state.network, people } },
      flow.commitment,
      { status: 'done', met: result.added.length },
    );
    return moveTo(
      next,
      { at: 'menu' },
      [
        ...(result.added.length
          ? [{ text: ctx.say('debrief.added', { names: result.added.map(nameWithNote).join(', ') }) }]
          : []),
        { text: ctx.say('debrief.done') },
      ],
      effects,
    );
  },
};

const openCommitments = (state: State) => state.commitments.filter((c) => c.status === 'open');

const LABEL = {
  ask: 'commitments.ask',
  event: 'commitments.event',
  coffee: 'commitments.coffee',
  reconnect: 'commitments.reconnect',
} as const;

const label = (c: Commitment, ctx: Ctx) =>
  ctx.say(LABEL[c.kind], { title: clip(c.title, 60), date: ctx.day(c.date), name: c.person ?? '' });

const commitmentsList = choiceStep<'commitments.list'>({
  ask(_flow, state, ctx) {
    const open = openCommitments(state);
    const back = backToMenu(ctx);
    if (open.length === 0) return { text: ctx.say('commitments.none'), choices: [back] };
    return {
      text: ctx.say('commitments.prompt'),
      choices: [...open.map((c) => ({ id: c.id, label: label(c, ctx) })), back],
    };
  },
  pick(value, _flow, state) {
    if (value === 'menu') return moveTo(state, { at: 'menu' });
    const c = find(state, value);
    return c ? moveTo(state, { at: 'commitments.item', commitment: c.id }) : undefined;
  },
});

const commitmentsItem = whileFound<'commitments.item'>(
  commitmentFound,
  { at: 'commitments.list' },
  choiceStep({
    ask(flow, state, ctx) {
      const c = find(state, flow.commitment);
      if (!c) return [];
      return {
        text: label(c, ctx),
        choices: [
          { id: 'report', label: ctx.say(c.kind === 'event' ? 'commitments.debrief' : 'commitments.report') },
          { id: 'move', label: ctx.say('commitments.move') },
          { id: 'cancel', label: ctx.say('commitments.cancel') },
          { id: 'back', label: ctx.say('common.back') },
        ],
      };
    },
    pick(value, flow, state, ctx) {
      const c = find(state, flow.commitment);
      if (!c) return undefined;
      switch (value) {
        case 'report':
          return moveTo(state, reportFlow(c));
        case 'move':
          return moveTo(state, { at: 'when.move', commitment: c.id });
        case 'cancel': {
          const closed = close(state, c.id, { status: 'cancelled' });
          return moveTo(
            closed.state,
            { at: 'commitments.list' },
            [{ text: ctx.say('commitments.cancelled') }],
            closed.effects,
          );
        }
        case 'back':
          return moveTo(state, { at: 'commitments.list' });
        default:
          return undefined;
      }
    },
  }),
);

export const handlers: Handlers<z.infer<(typeof flows)[number]>['at']> = {
  'followup.asked': followupAsked,
  'followup.story': followupStory,
  'followup.closer': followupCloser,
  'followup.step': followupStep,
  'debrief.hooks': debriefHooks,
  'debrief.people': debriefPeople,
  'commitments.list': commitmentsList,
  'commitments.item': commitmentsItem,
};

/** A follow-up the member planned (an ask, an event, a coffee's next step): its question. A job no longer in the record is spent. */
export const followUpDue: DueHandler = (state, job) => {
  if (!state.jobs.includes(job.id)) return { state, replies: [], effects: [] };
  const next = { ...state, jobs: state.jobs.filter((id) => id !== job.id) };
  const flow = followUpFlow(next, job);
  return flow ? { state: next, flow, replies: [], effects: [] } : { state: next, replies: [], effects: [] };
};
