import type { Ctx, FlowHandler, Outcome } from '../engine/flow.js';
import { moveTo } from '../engine/flow.js';
import type { State } from '../engine/state.js';
import type { Reply } from '../engine/types.js';
import { networkView } from './network.js';

export const otherLang = (state: State) => (state.lang === 'en' ? 'nl' : 'en');

export const unexpected = (ctx: Ctx): Reply => ({ text: ctx.say('common.pickChoice') });

export const helpReply = (ctx: Ctx): Reply => ({ text: ctx.say('common.help') });

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

export const menu: FlowHandler<'menu'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('menu.prompt'),
      choices: [
        { id: 'awareness', label: ctx.say('menu.awareness') },
        { id: 'network', label: ctx.say('menu.network') },
        { id: 'language', label: ctx.say('menu.language') },
        { id: 'help', label: ctx.say('menu.help') },
      ],
    },
  ],
  answer(_flow, state, answer, ctx): Outcome {
    if (answer.kind !== 'choice') return { state, replies: [unexpected(ctx)] };
    switch (answer.value) {
      case 'awareness':
        return moveTo(state, { at: 'awareness.intro' });
      case 'network':
        return moveTo(state, { at: 'network.overview' }, networkView(state, ctx));
      case 'language':
        return { state: { ...state, overlay: 'language' }, replies: [] };
      default:
        return { state, replies: [helpReply(ctx)] };
    }
  },
};
