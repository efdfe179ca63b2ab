import type { types } from '@slack/bolt';
import { clip } from '../../src/core/clip.js';
import { formatDay } from '../../src/core/time.js';
import type { Summary } from '../../src/engine/summary.js';
import type { Say } from '../../src/texts/texts.js';
import { ACTION, escapeMrkdwn } from './render.js';

const LANGUAGE_NAMES = { en: 'English', nl: 'Nederlands' } as const;

/** Slack shows this in the reader's own time zone and format; the fallback is for old clients. */
export const slackDate = (iso: string): string => {
  const seconds = Math.floor(new Date(iso).getTime() / 1000);
  return `<!date^${seconds}^{date_long}|${iso.slice(0, 10)}>`;
};

/** A member's local date as the coach says it ("Friday 4 December"); their day decides the year. */
const day = (summary: Summary | undefined, date: string) =>
  summary ? formatDay(date, summary.lang, summary.today) : date;

const section = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const header = (text: string): types.HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text, 150) },
});
const button = (actionId: string, label: string, style?: 'primary'): types.Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: clip(label, 75) },
  value: actionId,
  ...(style ? { style } : {}),
});

function mapBlocks(summary: Summary | undefined, say: Say): types.KnownBlock[] {
  if (!summary || summary.map.size === 0)
    return [header(say('slack.home.mapTitle')), section(say('slack.home.mapEmpty'))];
  const numbers = say('slack.home.mapNumbers', summary.map);
  return [
    header(say('slack.home.mapTitle')),
    section(escapeMrkdwn(numbers)),
    { type: 'actions', elements: [button(ACTION.homeMap, say('slack.home.sendMap'))] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: say('slack.home.mapNote') }] },
  ];
}

/** A commitment's line on the Home tab, by its kind. */
const DUE_TEXT = {
  ask: 'slack.home.askDue',
  event: 'slack.home.eventDue',
  coffee: 'slack.home.coffeeDue',
  reconnect: 'slack.home.reconnectDue',
} as const;

/** Slack's limits on a Home tab: its blocks, and one section's text. */
const VIEW_BLOCKS = 100;
const SECTION_TEXT = 3000;

/**
 * Lines as sections of at most SECTION_TEXT characters each, in at most `room` blocks; the lines
 * past what fits are counted in a last line ("and 12 more"), so no section or view is refused.
 */
export function lineSections(
  lines: string[],
  room: number,
  more: (count: number) => string,
): types.SectionBlock[] {
  const chunks: string[][] = [];
  let size = 0;
  for (const line of lines) {
    const current = chunks.at(-1);
    const length = line.length + 1;
    if (current && size + length <= SECTION_TEXT) {
      current.push(line);
      size += length;
    } else {
      chunks.push([line]);
      size = length;
    }
  }
  const fits = (chunk: string[]) => chunk.join('\n').length <= SECTION_TEXT;
  if (chunks.length > room) {
    const kept = chunks.slice(0, Math.max(1, room));
    const last = kept.at(-1) as string[];
    const shown = () => kept.reduce((n, chunk) => n + chunk.length, 0);
    // Room for the "and N more" line in the last section, dropping lines from its end.
    while (last.length > 0 && !fits([...last, more(lines.length - shown())])) last.pop();
    last.push(more(lines.length - shown()));
    return kept.map((chunk) => section(chunk.join('\n')));
  }
  return chunks.map((chunk) => section(chunk.join('\n')));
}

function followUpBlocks(summary: Summary | undefined, say: Say, room: number): types.KnownBlock[] {
  const lines = (summary?.followUps ?? [])
    .filter((j) => j.kind === 'awareness.revisit')
    .map((j) => `• ${say('slack.home.revisitDue', { date: slackDate(j.due) })}`);
  const commitments = (summary?.commitments ?? [])
    .map((c) =>
      say(DUE_TEXT[c.kind], {
        title: escapeMrkdwn(clip(c.title, 80)),
        name: escapeMrkdwn(clip(c.person ?? '', 80)),
        date: day(summary, c.date),
      }),
    )
    .map((line) => `• ${line}`);
  lines.push(...commitments);
  const done = summary?.completed;
  const completed = done?.lastAt
    ? [say('slack.home.completed', { count: done.count, date: slackDate(done.lastAt) })]
    : [];
  const body = [...completed, ...(lines.length > 0 ? lines : [say('slack.home.noFollowUps')])];
  const more = (count: number) => say('slack.home.more', { count });
  return [header(say('slack.home.followUpsTitle')), ...lineSections(body, room - 1, more)];
}

/** Virtual coffees: whether the member takes part, their coffees so far, and a way to the menu. */
function coffeeBlocks(summary: Summary | undefined, say: Say): types.KnownBlock[] {
  const coffee = summary?.coffee;
  const lines = [say(coffee?.joined ? 'slack.home.coffeeIn' : 'slack.home.coffeeOut')];
  if (coffee?.snoozedUntil)
    lines.push(say('coffee.status.snoozed', { date: day(summary, coffee.snoozedUntil) }));
  if (coffee?.everyOther) lines.push(say('coffee.status.everyOther'));
  if (coffee && coffee.count > 0)
    lines.push(say('slack.home.coffeeCount', { count: coffee.count, met: coffee.met }));
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
export function renderHome(summary: Summary | undefined, say: Say): types.HomeView {
  const where = summary
    ? say('slack.home.current', { exercise: say(`slack.home.exercise.${summary.at}`) })
    : say('slack.home.welcome');
  const lang = summary?.lang;
  const top: types.KnownBlock[] = [
    header(say('slack.home.title')),
    section(where),
    {
      type: 'actions',
      elements: [
        button(ACTION.homeContinue, say(summary ? 'slack.home.continue' : 'slack.home.start'), 'primary'),
      ],
    },
    { type: 'divider' },
    ...mapBlocks(summary, say),
    { type: 'divider' },
  ];
  const bottom: types.KnownBlock[] = [
    { type: 'divider' },
    ...coffeeBlocks(summary, say),
    { type: 'divider' },
    header(say('slack.home.languageTitle')),
    section(say('slack.home.language', { language: lang ? LANGUAGE_NAMES[lang] : '–' })),
    { type: 'actions', elements: [button(ACTION.homeLanguage, say('slack.home.changeLanguage'))] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: say('slack.home.commands') }] },
  ];
  // The follow-ups take the blocks the rest of the tab leaves.
  const room = VIEW_BLOCKS - top.length - bottom.length;
  return { type: 'home', blocks: [...top, ...followUpBlocks(summary, say, room), ...bottom] };
}
