import type { Reply } from '../core/types.js';
import type { Ctx, FlowHandler, Outcome } from '../engine/flow.js';
import { moveTo } from '../engine/flow.js';
import type { Exercise, Flow, State } from '../engine/state.js';
import { progressReply } from './followup.js';
import { networkView } from './network.js';

export const otherLang = (state: State) => (state.lang === 'en' ? 'nl' : 'en');

export const unexpected = (ctx: Ctx): Reply => ({ text: ctx.say('common.pickChoice') });

export const helpReply = (ctx: Ctx): Reply => ({ text: ctx.say('common.help') });

/** The answer to a free-text step was empty or a button: ask for words. */
export const askForText = (ctx: Ctx): Reply => ({ text: ctx.say('common.typeAnswer') });

/** A question answered in free text, with a one-field form for the doors that show forms. */
export const freeTextQuestion = (
  text: string,
  title: string,
  ctx: Ctx,
  options: { multiline?: boolean; choices?: Reply['choices'] } = {},
): Reply => ({
  text,
  ...(options.choices ? { choices: options.choices } : {}),
  form: {
    id: 'answer',
    title,
    submit: ctx.say('common.submit'),
    fields: [{ id: 'answer', label: ctx.say('help.answerLabel'), multiline: options.multiline ?? false }],
  },
});

export const welcome: FlowHandler<'welcome'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('welcome.intro'),
      choices: [
        { id: 'begin', label: ctx.say('welcome.begin') },
        { id: 'menu', label: ctx.say('welcome.menu') },
        { id: 'switch', label: ctx.say('welcome.otherLanguage') },
      ],
    },
  ],
  answer(flow, state, answer, ctx): Outcome {
    if (answer.kind !== 'choice') return { state, replies: [unexpected(ctx)] };
    if (answer.value === 'begin') return moveTo(state, { at: 'awareness.intro' });
    if (answer.value === 'menu') return moveTo(state, { at: 'menu' });
    return { state: { ...state, lang: otherLang(state), flow }, replies: [] };
  },
};

const START: Record<Exercise, Flow> = {
  awareness: { at: 'awareness.intro' },
  'ask-for-help': { at: 'help.intro' },
  hook: { at: 'hook.event' },
  coffee: { at: 'coffee.menu' },
};

/** Opens an exercise where the member left it, or at its start. */
function resume(state: State, exercise: Exercise): Outcome {
  const { [exercise]: parkedFlow, ...parked } = state.parked;
  return moveTo({ ...state, parked }, parkedFlow ?? START[exercise]);
}

export const menu: FlowHandler<'menu'> = {
  ask: (_flow, state, ctx) => [
    {
      text: ctx.say('menu.prompt'),
      choices: [
        {
          id: 'awareness',
          label: ctx.say(state.parked.awareness ? 'menu.resumeAwareness' : 'menu.awareness'),
        },
        {
          id: 'ask-for-help',
          label: ctx.say(state.parked['ask-for-help'] ? 'menu.resumeHelp' : 'menu.askForHelp'),
        },
        { id: 'hook', label: ctx.say(state.parked.hook ? 'menu.resumeHook' : 'menu.hook') },
        { id: 'network', label: ctx.say('menu.network') },
        { id: 'progress', label: ctx.say('menu.progress') },
        { id: 'commitments', label: ctx.say('menu.commitments') },
        { id: 'coffee', label: ctx.say(state.parked.coffee ? 'coffee.menu.resume' : 'coffee.menu.title') },
        { id: 'language', label: ctx.say('menu.language') },
        { id: 'help', label: ctx.say('menu.help') },
      ],
    },
  ],
  answer(_flow, state, answer, ctx): Outcome {
    if (answer.kind !== 'choice') return { state, replies: [unexpected(ctx)] };
    switch (answer.value) {
      case 'awareness':
      case 'ask-for-help':
      case 'hook':
      case 'coffee':
        return resume(state, answer.value);
      case 'progress':
        return { state, replies: [progressReply(state, ctx)] };
      case 'commitments':
        return moveTo(state, { at: 'commitments.list' });
      case 'network':
        return moveTo(state, { at: 'network.overview' }, networkView(state, ctx));
      case 'language':
        return { state: { ...state, overlay: 'language' }, replies: [] };
      default:
        return { state, replies: [helpReply(ctx)] };
    }
  },
};
