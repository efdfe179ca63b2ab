import type { DueHandler, Handlers } from '../../engine/flow.js';
import { moveTo } from '../../engine/flow.js';
import { choiceStep, option } from '../kit.js';
import { withPrefs } from './choices.js';

/**
 * The heads-up a day before a coffee round (scheduled by src/pairing): "I'm in", "skip this one",
 * or "snooze until…", which opens the coffee choices' own snooze question. Each answer is a change
 * of the member's coffee choices, so the round reads it as it reads the menu's skip and snooze.
 */
export const headsupDue: DueHandler = (state, job) => {
  const coffee = job.coffee;
  const nothing = { state, replies: [], effects: [] };
  if (!coffee?.startsAt) return nothing;
  return { ...nothing, flow: { at: 'coffee.headsup', round: coffee.round, startsAt: coffee.startsAt } };
};

const coffeeHeadsup = choiceStep<'coffee.headsup'>({
  ask(flow, state, ctx) {
    // Once the round has started, or the member left or paused since, there is nothing to ask.
    const { prefs } = state.coffee;
    if (ctx.now.getTime() >= Date.parse(flow.startsAt) || prefs.joined === false) return [];
    return {
      text: ctx.say('coffee.headsup.prompt'),
      choices: [
        option(ctx, 'in', 'coffee.headsup.in'),
        option(ctx, 'skip', 'coffee.headsup.skip'),
        option(ctx, 'snooze', 'coffee.headsup.snooze'),
      ],
    };
  },
  pick(value, _flow, state, ctx) {
    if (value === 'in') {
      // In, whatever an earlier "skip the next round" said; a member of a channel pool is recorded in.
      const next = withPrefs(state, { joined: true, skipFrom: undefined });
      return moveTo(next.state, { at: 'menu' }, [{ text: ctx.say('coffee.headsup.inReply') }], next.effects);
    }
    if (value === 'skip') {
      const next = withPrefs(state, { joined: true, skipFrom: ctx.now.toISOString() });
      return moveTo(
        next.state,
        { at: 'menu' },
        [{ text: ctx.say('coffee.headsup.skipReply') }],
        next.effects,
      );
    }
    if (value === 'snooze') return moveTo(state, { at: 'coffee.snooze' });
    return undefined;
  },
});

export const handlers: Handlers<'coffee.headsup'> = { 'coffee.headsup': coffeeHeadsup };
