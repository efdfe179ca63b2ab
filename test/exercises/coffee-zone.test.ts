/**
 * The coffee time zone where the platform sends none: asked once after joining (after the name, when
 * that was asked too), read from a city, zone or country in the member's language, and copied to
 * the roster; a zone the coach already knows is used without asking.
 */
import { expect, it } from 'vitest';
import { clockAt } from '../../src/core/time.js';
import type { MemberRef } from '../../src/core/types.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

const COMMUNITY = { platform: 'discord', space: 'global' } as const;
const who = (user: string): MemberRef => ({ ...COMMUNITY, user });
const NOW = new Date('2026-12-07T09:00:00Z');

it('asks a Dutch member the zone after the name, reads "India", and copies it to the roster', async () => {
  const t = await testEngine({ now: () => NOW });
  const sanne = who('300');
  await t.command('start', ['nl'], sanne);
  await t.command('coffee', ['meedoen'], sanne);
  expect(t.lastText()).toBe(say('nl', 'coffee.name.prompt'));
  await t.text('Sanne', sanne);
  expect(t.question()?.text).toContain(say('nl', 'coffee.zone.prompt'));
  expect(t.question()?.choices?.map((c) => c.id)).toContain('skip');
  await t.text('Atlantis', sanne);
  expect(t.sent.map((s) => s.reply.text)).toContain(say('nl', 'coffee.zone.unknown'));
  await t.text('India', sanne);
  expect(t.sent.map((s) => s.reply.text)).toContain(
    say('nl', 'coffee.zone.saved', { city: 'Kolkata', clock: clockAt(NOW, 'Asia/Kolkata') }),
  );
  const roster = (await t.pairing.load(COMMUNITY)).roster;
  expect(roster['300']?.prefs).toMatchObject({ joined: true, name: 'Sanne', timezone: 'Asia/Kolkata' });
  // The coach's own follow-ups now count in that zone too.
  expect((await t.state(sanne))?.timezone).toBe('Asia/Kolkata');
});

it('uses the zone the coach already knows, without asking', async () => {
  const t = await testEngine({ now: () => NOW });
  const bram = who('301');
  await t.command('start', ['en'], bram);
  const state = await t.state(bram);
  if (!state) throw new Error('no state');
  await t.members.save({
    ...state,
    timezone: 'America/New_York',
    coffee: { ...state.coffee, prefs: { ...state.coffee.prefs, name: 'Bram' } },
  });
  await t.command('coffee', ['join'], bram);
  expect(t.sent.map((s) => s.reply.text).join('\n')).not.toContain(say('en', 'coffee.zone.prompt'));
  expect((await t.pairing.load(COMMUNITY)).roster['301']?.prefs.timezone).toBe('America/New_York');
});
