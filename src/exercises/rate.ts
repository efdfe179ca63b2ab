import { moveTo } from '../engine/flow.js';
import { CONTACTS, DOMAINS, type Person, RINGS } from '../network/model.js';
import { choiceStep } from './kit.js';
import { contactChoices, domainChoices, isOneOf, ringChoices } from './labels.js';
import { changeReply, needsRating } from './people.js';

/** The first unanswered attribute of a person: closeness, then last contact, then domain. */
const missing = (p: Person) => (p.ring === null ? 'ring' : p.contact === null ? 'contact' : 'domain');

/** Rates the people in the queue one tap at a time, then continues where the flow said. */
export const rate = choiceStep<'rate'>({
  ask(flow, state, ctx) {
    const person = state.network.people.find((p) => p.id === flow.queue[0]);
    if (!person) return [];
    const params = { name: person.name, left: flow.queue.length - 1 };
    const skip = { id: 'skip', label: ctx.say('rate.skipRest') };
    const attribute = missing(person);
    if (attribute === 'ring')
      return { text: ctx.say('rate.ring', params), choices: [...ringChoices(ctx), skip] };
    if (attribute === 'contact')
      return { text: ctx.say('rate.contact', params), choices: [...contactChoices(ctx), skip] };
    return { text: ctx.say('rate.domain', params), choices: [...domainChoices(ctx), skip] };
  },
  pick(value, flow, state, ctx) {
    const people = state.network.people;
    let queue = flow.queue.filter((id) => people.some((p) => p.id === id && needsRating(p)));
    const person = people.find((p) => p.id === queue[0]);
    let next = state;
    if (value === 'skip') {
      queue = [];
    } else if (person) {
      const attribute = missing(person);
      const values = { ring: RINGS, contact: CONTACTS, domain: DOMAINS }[attribute];
      if (!isOneOf(values, value)) return undefined;
      const rated = { ...person, [attribute]: value };
      next = {
        ...state,
        network: { ...state.network, people: people.map((p) => (p.id === rated.id ? rated : p)) },
      };
      if (!needsRating(rated)) queue = queue.slice(1);
    }
    if (queue.length > 0) return moveTo(next, { ...flow, queue });
    if (flow.next === 'resources') return moveTo(next, { at: 'awareness.resources', item: 0 });
    return moveTo(next, { at: 'network.overview' }, flow.before ? [changeReply(flow.before, next, ctx)] : []);
  },
});
