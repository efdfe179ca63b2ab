import type { types } from '@slack/bolt';
import type { Job } from '../../src/core/types.js';
import type { State } from '../../src/engine/state.js';
import { exerciseOf } from '../../src/engine/step.js';
import { mapMetrics } from '../../src/network/metrics.js';
import type { Say } from '../../src/texts/texts.js';
import { ACTION, escapeMrkdwn } from './render.js';

const LANGUAGE_NAMES = { en: 'English', nl: 'Nederlands' } as const;

type Exercise = 'none' | 'awareness' | 'ask-for-help' | 'hook' | 'coffee' | 'network' | 'paused' | 'other';

/** Which exercise the member is in the middle of, as the dashboard names it. */
export function currentExercise(state: State): Exercise {
  if (state.overlay === 'paused') return 'paused';
  const exercise = exerciseOf(state.flow);
  if (exercise) return exercise;
  const at = state.flow.at;
  if (at === 'rate' || at.startsWith('network.')) return 'network';
  return at === 'menu' || at === 'welcome' ? 'none' : 'other';
}

/** Slack shows this in the reader's own time zone and format; the fallback is for old clients. */
export const slackDate = (iso: string): string => {
  const seconds = Math.floor(new Date(iso).getTime() / 1000);
  return `<!date^${seconds}^{date_long}|${iso.slice(0, 10)}>`;
};

const section = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const header = (text: string): types.HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: text.slice(0, 150) },
});
const button = (actionId: string, label: string, style?: 'primary'): types.Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: label.slice(0, 75) },
  value: actionId,
  ...(style ? { style } : {}),
});

function mapBlocks(state: State | undefined, say: Say): types.KnownBlock[] {
  if (!state || state.network.people.length === 0)
    return [header(say('slack.home.mapTitle')), section(say('slack.home.mapEmpty'))];
  const m = mapMetrics(state.network);
  const numbers = say('slack.home.mapNumbers', {
    size: m.size,
    strong: m.strong,
    middle: m.middle,
    weak: m.weak,
    dormant: m.dormant,
    domains: m.domainsUsed,
  });
  return [
    header(say('slack.home.mapTitle')),
    section(escapeMrkdwn(numbers)),
    { type: 'actions', elements: [button(ACTION.homeMap, say('slack.home.sendMap'))] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: say('slack.home.mapNote') }] },
  ];
}

function followUpBlocks(state: State | undefined, jobs: Job[], say: Say): types.KnownBlock[] {
  const lines = jobs
    .filter((j) => j.kind === 'awareness.revisit')
    .sort((a, b) => a.due.localeCompare(b.due))
    .map((j) => `• ${say('slack.home.revisitDue', { date: slackDate(j.due) })}`);
  const commitments = (state?.commitments ?? [])
    .filter((c) => c.status === 'open')
    .map((c) =>
      say(c.kind === 'ask' ? 'slack.home.askDue' : 'slack.home.eventDue', {
        title: escapeMrkdwn(c.title.slice(0, 80)),
        name: escapeMrkdwn(c.person ?? ''),
        date: c.date,
      }),
    )
    .map((line) => `• ${line}`);
  lines.push(...commitments);
  const done = state?.completed.at(-1);
  const completed = done
    ? [say('slack.home.completed', { count: state?.completed.length ?? 0, date: slackDate(done.at) })]
    : [];
  const body = [...completed, ...(lines.length > 0 ? lines : [say('slack.home.noFollowUps')])].join('\n');
  return [header(say('slack.home.followUpsTitle')), section(body)];
}

/** Virtual coffees: whether the member takes part, their coffees so far, and a way to the menu. */
function coffeeBlocks(state: State | undefined, say: Say, now: Date): types.KnownBlock[] {
  const prefs = state?.coffee.prefs;
  const coffees = state?.coffee.coffees ?? [];
  const lines = [say(prefs?.joined ? 'slack.home.coffeeIn' : 'slack.home.coffeeOut')];
  if (prefs?.joined && prefs.snoozeUntil && prefs.snoozeUntil > now.toISOString().slice(0, 10))
    lines.push(say('coffee.status.snoozed', { date: prefs.snoozeUntil }));
  if (prefs?.joined && prefs.every === 2) lines.push(say('coffee.status.everyOther'));
  if (coffees.length > 0)
    lines.push(
      say('slack.home.coffeeCount', {
        count: coffees.length,
        met: coffees.filter((c) => c.outcome === 'met').length,
      }),
    );
  return [
    header(say('slack.home.coffeeTitle')),
    section(lines.join('\n')),
    { type: 'actions', elements: [button(ACTION.homeCoffee, say('slack.home.coffeeOpen'))] },
  ];
}

/**
 * The member's dashboard in the App Home tab: where they are, their map in numbers (a Home tab
 * cannot show an uploaded picture, so a button sends it to the DM), follow-ups, virtual coffees
 * and language.
 */
export function renderHome(
  state: State | undefined,
  jobs: Job[],
  say: Say,
  now: Date = new Date(),
): types.HomeView {
  const exercise = state ? currentExercise(state) : 'none';
  const where = state
    ? say('slack.home.current', { exercise: say(`slack.home.exercise.${exercise}`) })
    : say('slack.home.welcome');
  const lang = state?.lang;
  const blocks: types.KnownBlock[] = [
    header(say('slack.home.title')),
    section(where),
    {
      type: 'actions',
      elements: [
        button(ACTION.homeContinue, say(state ? 'slack.home.continue' : 'slack.home.start'), 'primary'),
      ],
    },
    { type: 'divider' },
    ...mapBlocks(state, say),
    { type: 'divider' },
    ...followUpBlocks(state, jobs, say),
    { type: 'divider' },
    ...coffeeBlocks(state, say, now),
    { type: 'divider' },
    header(say('slack.home.languageTitle')),
    section(say('slack.home.language', { language: lang ? LANGUAGE_NAMES[lang] : '–' })),
    { type: 'actions', elements: [button(ACTION.homeLanguage, say('slack.home.changeLanguage'))] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: say('slack.home.commands') }] },
  ];
  return { type: 'home', blocks };
}
