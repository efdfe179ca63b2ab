import { describe, expect, it } from 'vitest';
import { renderHome, slackDate } from '../../adapters/slack/home.js';
import { ACTION } from '../../adapters/slack/render.js';
import type { Job } from '../../src/core/types.js';
import type { State } from '../../src/engine/state.js';
import { newState } from '../../src/engine/step.js';
import { summarize } from '../../src/engine/summary.js';
import type { Person } from '../../src/network/model.js';
import { openEvents } from '../helpers/commitments.js';
import { texts } from '../helpers/engine.js';
import { slackProblems } from '../helpers/platform-limits.js';

const member = { platform: 'slack' as const, space: 'T0001', user: 'U1' };
const now = new Date('2026-11-27T10:00:00Z');
const person = (id: string, name: string, ring: Person['ring'], contact: Person['contact']): Person => ({
  id,
  name,
  domain: 'work',
  ring,
  contact,
  named: [],
  addedAt: now.toISOString(),
});

function stateWithMap(overrides: Partial<State> = {}): State {
  const base = newState(member, 'en', now);
  return {
    ...base,
    flow: { at: 'awareness.recall', domain: 2, probed: false },
    network: {
      people: [person('p1', 'Anna', 'inner', 'weekly'), person('p2', 'Piet', 'outer', 'dormant')],
      resources: {},
    },
    ...overrides,
  };
}

/** The Home tab of a stored member, rendered from the engine's summary of them as the adapter does. */
const homeOf = (state: State, jobs: Job[] = [], say = texts.forLang(state.lang)) =>
  renderHome(summarize(state, jobs, now), say);

const textOf = (view: ReturnType<typeof renderHome>) => JSON.stringify(view.blocks);
const actionIds = (view: ReturnType<typeof renderHome>) =>
  view.blocks.flatMap((b) =>
    b.type === 'actions' ? (b as { elements: { action_id: string }[] }).elements.map((e) => e.action_id) : [],
  );

describe('renderHome', () => {
  const say = texts.forLang('en');

  it('welcomes someone new with a start button and an empty map', () => {
    const view = renderHome(undefined, say);
    expect(view.type).toBe('home');
    expect(textOf(view)).toContain(say('slack.home.welcome'));
    expect(textOf(view)).toContain(say('slack.home.mapEmpty'));
    expect(actionIds(view)).toEqual([ACTION.homeContinue, ACTION.homeCoffee, ACTION.homeLanguage]);
    expect(textOf(view)).toContain(say('slack.home.coffeeOut'));
  });

  it('shows the current exercise, the map numbers, a map button, follow-ups and the language', () => {
    const state = stateWithMap({
      completed: [{ exercise: 'awareness', at: '2026-11-20T10:00:00.000Z', metrics: {} }],
    });
    const job = { id: 'j1', kind: 'awareness.revisit' as const, member, due: '2026-12-04T10:00:00.000Z' };
    const view = homeOf(state, [job], say);
    const text = textOf(view);
    expect(text).toContain(say('slack.home.current', { exercise: say('slack.home.exercise.awareness') }));
    expect(text).toContain(
      say('slack.home.mapNumbers', { size: 2, strong: 1, middle: 0, weak: 1, dormant: 1, domains: 1 }),
    );
    expect(text).toContain(say('slack.home.revisitDue', { date: slackDate(job.due) }));
    expect(text).toContain(say('slack.home.language', { language: 'English' }));
    expect(actionIds(view)).toEqual([
      ACTION.homeContinue,
      ACTION.homeMap,
      ACTION.homeCoffee,
      ACTION.homeLanguage,
    ]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('speaks the member language', () => {
    const view = homeOf(stateWithMap({ lang: 'nl' }));
    expect(textOf(view)).toContain('Je netwerkcoach');
  });
});

it('lists open commitments, escaped, and not the finished ones', () => {
  const say = texts.forLang('en');
  const base = { kind: 'ask' as const, jobId: 'j', createdAt: '', date: '2026-12-04', person: 'Dirk' };
  const state = stateWithMap({
    commitments: [
      { ...base, id: 'c1', title: 'a job <!channel>', status: 'open' },
      { ...base, id: 'c2', title: 'old ask', status: 'done' },
    ],
  });
  const text = textOf(homeOf(state, [], say));
  expect(text).toContain('Ask Dirk about');
  expect(text).toContain('Friday 4 December');
  expect(text).not.toContain('2026-12-04');
  expect(text).toContain('a job &lt;!channel&gt;');
  expect(text).not.toContain('old ask');
});

it('shows whether the member takes part in the virtual coffees, and how many took place', () => {
  const say = texts.forLang('en');
  const coffee = (round: number, outcome?: 'met' | 'missed') => ({
    round,
    at: now.toISOString(),
    partners: [{ user: 'U2', name: 'Ben' }],
    organiser: false,
    ...(outcome ? { outcome } : {}),
  });
  const base = stateWithMap();
  const state = stateWithMap({
    coffee: {
      prefs: { ...base.coffee.prefs, joined: true, every: 2, snoozeUntil: '2999-01-01' },
      coffees: [coffee(1, 'met'), coffee(2, 'missed'), coffee(3, 'met')],
    },
  });
  const text = textOf(homeOf(state, [], say));
  expect(text).toContain(say('slack.home.coffeeTitle'));
  expect(text).toContain(say('slack.home.coffeeIn'));
  expect(text).not.toContain(say('slack.home.coffeeOut'));
  expect(text).toContain(say('slack.home.coffeeCount', { count: 3, met: 2 }));
  expect(text).toContain(say('coffee.status.snoozed', { date: 'Tuesday 1 January 2999' }));
  expect(text).toContain(say('coffee.status.everyOther'));
  const left = stateWithMap({ coffee: { prefs: { ...base.coffee.prefs, joined: false }, coffees: [] } });
  const leftText = textOf(homeOf(left, [], say));
  expect(leftText).toContain(say('slack.home.coffeeOut'));
  expect(leftText).not.toContain(say('slack.home.coffeeCount', { count: 0, met: 0 }));
  expect(texts.forLang('nl')('slack.home.coffeeTitle')).toBe('Virtuele koffie');
});

it('slackDate formats in the reader time zone with a plain fallback', () => {
  expect(slackDate('2026-12-04T10:00:00.000Z')).toBe('<!date^1796378400^{date_long}|2026-12-04>');
});

describe('many open commitments (issue 15.8)', () => {
  const commitments = (count: number) =>
    openEvents(count, (n) => `the regional meetup of product designers and researchers, evening ${n - 1}`);

  it.each(['en', 'nl'] as const)('splits them across sections Slack accepts (%s)', (lang) => {
    const say = texts.forLang(lang);
    const view = homeOf(stateWithMap({ lang, commitments: commitments(40) }), [], say);
    expect(slackProblems('views.publish', { view })).toEqual([]);
    const text = textOf(view);
    expect(text).toContain('evening 0');
    expect(text).toContain('evening 39');
    expect(text).not.toContain(say('slack.home.more', { count: 1 }).slice(0, 5));
  });

  it.each(['en', 'nl'] as const)('stays within 100 blocks and counts what does not fit (%s)', (lang) => {
    const say = texts.forLang(lang);
    const view = homeOf(stateWithMap({ lang, commitments: commitments(5000) }), [], say);
    expect(slackProblems('views.publish', { view })).toEqual([]);
    expect(view.blocks.length).toBe(100);
    const text = textOf(view);
    const shown = text.match(/evening \d+/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(1000);
    expect(text).toContain(say('slack.home.more', { count: 5000 - shown }));
    // The rest of the tab is still there after the follow-ups.
    expect(text).toContain(say('slack.home.coffeeTitle'));
    expect(actionIds(view)).toContain(ACTION.homeLanguage);
  });
});
