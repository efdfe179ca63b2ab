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
} from '../engine/flow.js';
import type { Commitment } from '../engine/records.js';
import type { Flow, State } from '../engine/state.js';
import { nameWithNote } from '../network/names.js';
import { askLines, calibration, calibrationLine, meaningLine } from './calibration.js';
import { backToMenu, choiceStep, option, reask, unexpected, whileFound } from './kit.js';
import { addPeople, noNames } from './people.js';

const commitment = { commitment: z.string() };
export const flows = [
  z.object({ at: z.literal('followup.asked'), ...commitment }),
  z.object({ at: z.literal('followup.story'), ...commitment }),
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

/** Where a due follow-up leads: the question for an ask or an event that is still open. */
function followUpFlow(state: State, job: Job): Flow | undefined {
  const commitment = job.commitment ? find(state, job.commitment) : undefined;
  if (commitment?.status !== 'open') return undefined;
  return commitment.kind === 'ask'
    ? { at: 'followup.asked', commitment: commitment.id }
    : { at: 'debrief.hooks', commitment: commitment.id };
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
        case 'no':
          return moveTo(update(state, flow.commitment, { outcome: value }), {
            at: 'followup.story',
            commitment: flow.commitment,
          });
        case 'notyet':
          return moveTo(state, { at: 'when.move', commitment: flow.commitment }, [
            { text: ctx.say('followup.noRush') },
          ]);
        case 'drop': {
          const closed = close(state, flow.commitment, { status: 'cancelled' });
          return moveTo(
            closed.state,
            { at: 'menu' },
            [{ text: ctx.say('followup.dropped') }],
            closed.effects,
          );
        }
        default:
          return undefined;
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
    return moveTo(
      next,
      { at: 'menu' },
      [
        { text: ctx.say('followup.thanks') },
        ...(line ? [{ text: line }] : []),
        ...finding(find(next, flow.commitment), ctx),
      ],
      effects,
    );
  },
};

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

const label = (c: Commitment, ctx: Ctx) =>
  ctx.say(c.kind === 'ask' ? 'commitments.ask' : 'commitments.event', {
    title: clip(c.title, 60),
    date: ctx.day(c.date),
    name: c.person ?? '',
  });

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
          { id: 'report', label: ctx.say(c.kind === 'ask' ? 'commitments.report' : 'commitments.debrief') },
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
          return moveTo(
            state,
            c.kind === 'ask'
              ? { at: 'followup.asked', commitment: c.id }
              : { at: 'debrief.hooks', commitment: c.id },
          );
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
  'debrief.hooks': debriefHooks,
  'debrief.people': debriefPeople,
  'commitments.list': commitmentsList,
  'commitments.item': commitmentsItem,
};

/** A follow-up the member planned (an ask or an event): its question. A job no longer in the record is spent. */
export const followUpDue: DueHandler = (state, job) => {
  if (!state.jobs.includes(job.id)) return { state, replies: [], effects: [] };
  const next = { ...state, jobs: state.jobs.filter((id) => id !== job.id) };
  const flow = followUpFlow(next, job);
  return flow ? { state: next, flow, replies: [], effects: [] } : { state: next, replies: [], effects: [] };
};
