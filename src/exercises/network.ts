import { z } from 'zod';
import type { Reply } from '../core/types.js';
import { answerText, type Ctx, type FlowHandler, type Handlers, moveTo } from '../engine/flow.js';
import { SnapshotSchema } from '../engine/records.js';
import type { State } from '../engine/state.js';
import { mapMetrics } from '../network/metrics.js';
import { CONTACTS, DOMAINS, type Person, RINGS } from '../network/model.js';
import { cleanName, findByName, findExactName, looksLikeName, nameWithNote } from '../network/names.js';
import { detailsText } from './awareness/summary.js';
import { backToMenu, choiceStep, reask, unexpected, whileFound, yesNo } from './kit.js';
import {
  contactChoices,
  contactInSentence,
  domainChoices,
  domainFrom,
  domainInSentence,
  domainLabel,
  isOneOf,
  ringChoices,
  ringInSentence,
} from './labels.js';
import {
  addedReplies,
  addPeople,
  afterAdding,
  changeReply,
  MAX_PEOPLE,
  needsRating,
  noNames,
  snapshot,
} from './people.js';
import { mapPicture } from './picture.js';
import { rate } from './rate.js';
import { RATE_STAGES } from './rate-stages.js';

const EDIT_FIELDS = ['name', 'ring', 'contact', 'domain'] as const;
const person = { person: z.string() };

/** "My network": the numbers and the picture, adding, editing and removing people; and rating them. */
export const flows = [
  z.object({ at: z.literal('network.overview') }),
  z.object({ at: z.literal('network.revisit'), before: SnapshotSchema }),
  z.object({ at: z.literal('network.addDomain'), before: SnapshotSchema }),
  z.object({ at: z.literal('network.addNames'), domain: z.enum(DOMAINS), before: SnapshotSchema }),
  z.object({ at: z.literal('network.pick'), purpose: z.enum(['edit', 'remove']) }),
  z.object({ at: z.literal('network.edit'), ...person }),
  z.object({ at: z.literal('network.editValue'), ...person, field: z.enum(EDIT_FIELDS) }),
  z.object({ at: z.literal('network.remove'), ...person }),
  z.object({
    at: z.literal('rate'),
    queue: z.array(z.string()),
    next: z.enum(['resources', 'network']),
    before: SnapshotSchema.optional(),
    /**
     * The group question asked now (see rate-stages.ts): the stage, its people in order, the page.
     * Absent in flows saved before rating by groups; those begin at the first question with people.
     */
    stage: z.enum(RATE_STAGES).optional(),
    group: z.array(z.string()).max(MAX_PEOPLE).optional(),
    page: z.number().int().min(0).optional(),
  }),
] as const;

/** Lists people as choices only while the list stays readable; past that, typing the name works. */
const MAX_PEOPLE_CHOICES = 24;

const back = (ctx: Ctx) => ({ id: 'back', label: ctx.say('common.back') });

/** "My network": the numbers and the picture. */
export function networkView(state: State, ctx: Ctx): Reply[] {
  if (state.network.people.length === 0) return [{ text: ctx.say('network.empty') }];
  const m = mapMetrics(state.network);
  return [
    mapPicture(state, ctx),
    {
      text: ctx.say('network.numbers', { size: m.size, strong: m.strong, weak: m.weak, dormant: m.dormant }),
    },
  ];
}

const findPerson = (state: State, id: string) => state.network.people.find((p) => p.id === id);

function describe(p: Person, ctx: Ctx): string {
  const unknown = ctx.say('network.unknown');
  return ctx.say('network.person', {
    name: nameWithNote(p),
    domain: p.domain ? domainInSentence(p.domain, ctx) : unknown,
    ring: p.ring ? ringInSentence(p.ring, ctx) : unknown,
    contact: p.contact ? contactInSentence(p.contact, ctx) : unknown,
  });
}

function replacePerson(state: State, person: Person): State {
  const people = state.network.people.map((p) => (p.id === person.id ? person : p));
  return { ...state, network: { ...state.network, people } };
}

const networkOverview = choiceStep<'network.overview'>({
  ask: (_flow, state, ctx) => ({
    text: ctx.say('network.prompt'),
    choices: [
      { id: 'add', label: ctx.say('network.add') },
      ...(state.network.people.length > 0
        ? [
            { id: 'edit', label: ctx.say('network.edit') },
            { id: 'remove', label: ctx.say('network.remove') },
            { id: 'details', label: ctx.say('summary.details.choice') },
          ]
        : []),
      backToMenu(ctx),
    ],
  }),
  pick(value, _flow, state, ctx) {
    if (value === 'add') return moveTo(state, { at: 'network.addDomain', before: snapshot(state) });
    // For those who ask: the indices behind the sentences, one line each.
    if (value === 'details' && state.network.people.length > 0) {
      const text = detailsText(mapMetrics(state.network), ctx, state.lang);
      return moveTo(state, { at: 'network.overview' }, [{ text }]);
    }
    if (value === 'edit' || value === 'remove') return moveTo(state, { at: 'network.pick', purpose: value });
    return value === 'menu' ? moveTo(state, { at: 'menu' }) : undefined;
  },
});

const networkRevisit = choiceStep<'network.revisit'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('revisit.prompt'),
    choices: [
      { id: 'add', label: ctx.say('revisit.add') },
      { id: 'later', label: ctx.say('revisit.later') },
    ],
  }),
  pick(value, flow, state, ctx) {
    if (value === 'add') return moveTo(state, { at: 'network.addDomain', before: flow.before });
    return value === 'later'
      ? moveTo(state, { at: 'menu' }, [{ text: ctx.say('revisit.noProblem') }])
      : undefined;
  },
});

const networkAddDomain = choiceStep<'network.addDomain'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('add.domain'),
    choices: [...domainChoices(ctx), { id: 'done', label: ctx.say('add.done') }],
  }),
  pick(value, flow, state, ctx) {
    if (isOneOf(DOMAINS, value)) {
      return moveTo(state, { at: 'network.addNames', domain: value, before: flow.before });
    }
    if (value !== 'done') return undefined;
    const queue = state.network.people.filter(needsRating).map((p) => p.id);
    if (queue.length > 0) return moveTo(state, { at: 'rate', queue, next: 'network', before: flow.before });
    return moveTo(state, { at: 'network.overview' }, [changeReply(flow.before, state, ctx)]);
  },
});

const networkAddNames: FlowHandler<'network.addNames'> = {
  ask: (flow, _state, ctx) => [
    {
      text: ctx.say('add.names', { domain: domainFrom(flow.domain, ctx) }),
      choices: [back(ctx)],
      form: {
        id: 'names',
        title: domainLabel(flow.domain, ctx),
        submit: ctx.say('common.submit'),
        fields: [{ id: 'names', label: ctx.say('recall.formLabel'), multiline: true }],
      },
    },
  ],
  answer(flow, state, answer, ctx) {
    const addDomain = { at: 'network.addDomain' as const, before: flow.before };
    if (answer.kind === 'choice')
      return answer.value === 'back' ? moveTo(state, addDomain) : reask(state, unexpected(ctx));
    const result = addPeople(state, answerText(answer) ?? '', flow.domain, ctx);
    if (result.over > 0) return { state: result.state, replies: addedReplies(result, ctx) };
    if (noNames(result)) {
      return result.ended ? moveTo(state, addDomain) : reask(state, { text: ctx.say('people.noName') });
    }
    return afterAdding(result, flow.domain, ctx, (next, replies) => moveTo(next, addDomain, replies));
  },
};

const networkPick: FlowHandler<'network.pick'> = {
  ask(_flow, state, ctx) {
    const people = state.network.people;
    const listed =
      people.length <= MAX_PEOPLE_CHOICES ? people.map((p) => ({ id: p.id, label: p.name })) : [];
    return [{ text: ctx.say('network.pick'), choices: [...listed, back(ctx)] }];
  },
  answer(flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value === 'back') return moveTo(state, { at: 'network.overview' });
    const person =
      answer.kind === 'choice'
        ? findPerson(state, answer.value)
        : findByName(state.network.people, answerText(answer) ?? '');
    if (!person) return reask(state, { text: ctx.say('network.notFound') });
    if (flow.purpose === 'remove') return moveTo(state, { at: 'network.remove', person: person.id });
    return moveTo(state, { at: 'network.edit', person: person.id });
  },
};

/** The person a step is about is still on the map; once removed, any answer returns to the overview. */
const personFound = (flow: { person: string }, state: State) => findPerson(state, flow.person) !== undefined;

const networkEdit = whileFound<'network.edit'>(
  personFound,
  { at: 'network.overview' },
  choiceStep({
    ask(flow, state, ctx) {
      const person = findPerson(state, flow.person);
      if (!person) return [];
      return {
        text: `${describe(person, ctx)}\n${ctx.say('network.editWhat')}`,
        choices: [
          { id: 'name', label: ctx.say('edit.name') },
          { id: 'ring', label: ctx.say('edit.ring') },
          { id: 'contact', label: ctx.say('edit.contact') },
          { id: 'domain', label: ctx.say('edit.domain') },
          { id: 'remove', label: ctx.say('network.remove') },
          back(ctx),
        ],
      };
    },
    pick(value, flow, state) {
      if (value === 'back') return moveTo(state, { at: 'network.overview' });
      if (value === 'remove') return moveTo(state, { at: 'network.remove', person: flow.person });
      if (isOneOf(EDIT_FIELDS, value))
        return moveTo(state, { at: 'network.editValue', person: flow.person, field: value });
      return undefined;
    },
  }),
);

const networkEditValue: FlowHandler<'network.editValue'> = {
  ask(flow, state, ctx) {
    const person = findPerson(state, flow.person);
    if (!person) return [];
    const params = { name: person.name };
    switch (flow.field) {
      case 'name':
        return [
          {
            text: ctx.say('edit.newName', params),
            choices: [back(ctx)],
            form: {
              id: 'rename',
              title: ctx.say('edit.name'),
              submit: ctx.say('common.submit'),
              fields: [{ id: 'name', label: ctx.say('edit.nameLabel'), value: person.name }],
            },
          },
        ];
      case 'ring':
        return [
          { text: ctx.say('rate.ring', { ...params, left: 0 }), choices: [...ringChoices(ctx), back(ctx)] },
        ];
      case 'contact':
        return [
          {
            text: ctx.say('rate.contact', params),
            choices: [...contactChoices(ctx), back(ctx)],
          },
        ];
      case 'domain':
        return [
          {
            text: ctx.say('rate.domain', params),
            choices: [...domainChoices(ctx), back(ctx)],
          },
        ];
    }
  },
  answer(flow, state, answer, ctx) {
    const person = findPerson(state, flow.person);
    const edit = { at: 'network.edit' as const, person: flow.person };
    if (!person) return moveTo(state, { at: 'network.overview' });
    if (answer.kind === 'choice' && answer.value === 'back') return moveTo(state, edit);
    const saved = (next: Person) =>
      moveTo(replacePerson(state, next), edit, [{ text: ctx.say('edit.saved') }]);
    if (flow.field === 'name') {
      const name = cleanName(answerText(answer) ?? '');
      if (!looksLikeName(name)) return reask(state, { text: ctx.say('people.noName') });
      const other = findExactName(state.network.people, name);
      if (other && other.id !== person.id) {
        return reask(state, { text: ctx.say('people.duplicate', { names: other.name }) });
      }
      return saved({ ...person, name });
    }
    const values = { ring: RINGS, contact: CONTACTS, domain: DOMAINS }[flow.field];
    if (answer.kind !== 'choice' || !isOneOf(values, answer.value)) return reask(state, unexpected(ctx));
    return saved({ ...person, [flow.field]: answer.value });
  },
};

const networkRemove = whileFound<'network.remove'>(
  personFound,
  { at: 'network.overview' },
  choiceStep({
    ask(flow, state, ctx) {
      const person = findPerson(state, flow.person);
      if (!person) return [];
      return { text: ctx.say('remove.confirm', { name: person.name }), choices: yesNo(ctx) };
    },
    pick(value, flow, state, ctx) {
      const person = findPerson(state, flow.person);
      if (value === 'no') return moveTo(state, { at: 'network.edit', person: flow.person });
      if (value !== 'yes' || !person) return undefined;
      const people = state.network.people.filter((p) => p.id !== person.id);
      return moveTo({ ...state, network: { ...state.network, people } }, { at: 'network.overview' }, [
        { text: ctx.say('remove.done', { name: person.name }) },
      ]);
    },
  }),
);

export const handlers: Handlers<z.infer<(typeof flows)[number]>['at']> = {
  'network.overview': networkOverview,
  'network.revisit': networkRevisit,
  'network.addDomain': networkAddDomain,
  'network.addNames': networkAddNames,
  'network.pick': networkPick,
  'network.edit': networkEdit,
  'network.editValue': networkEditValue,
  'network.remove': networkRemove,
  rate,
};
