import { describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import type { State } from '../../src/engine/state.js';
import { newState, type StepEnv, step } from '../../src/engine/step.js';
import { mapMetrics } from '../../src/network/metrics.js';
import { DOMAINS } from '../../src/network/model.js';
import { texts } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';
import { crowd } from './map-fixtures.js';

const member: MemberRef = { platform: 'console', space: 'local', user: 'u' };
// Late on 30 November in UTC is already 1 December in Amsterdam.
const env: StepEnv = { texts, now: new Date('2026-11-30T23:30:00Z'), revisitDays: 7, defaultLang: 'en' };

function drawingFor(lang: 'en' | 'nl', name?: string) {
  const base = newState(member, lang, env.now);
  const state: State = {
    ...base,
    timezone: 'Europe/Amsterdam',
    network: { people: crowd(40), resources: {} },
    coffee: { ...base.coffee, prefs: { ...base.coffee.prefs, ...(name ? { name } : {}) } },
  };
  const result = step(state, { kind: 'command', id: 'e', member, name: 'map', args: [] }, env);
  const draw = result.replies.find((r) => r.draw)?.draw;
  if (!draw) throw new Error('no map drawn');
  return { draw, metrics: mapMetrics(state.network) };
}

describe('the map title', () => {
  it('carries the coffee name, the date in the member’s language and the figures of the metrics', () => {
    const { draw, metrics } = drawingFor('en', 'Anna');
    expect(draw.labels.title).toBe(say('en', 'map.picture.titleNamed', { name: 'Anna' }));
    expect(draw.labels.title).toBe("Anna's network");
    expect(draw.labels.subtitle).toContain('1 December 2026');
    expect(metrics.weak).toBeGreaterThan(1);
    expect(metrics.dormant).toBeGreaterThan(1);
    expect(draw.labels.subtitle).toContain(`${metrics.domainsUsed} of ${DOMAINS.length} parts of life`);
    expect(draw.labels.subtitle).toContain(`${metrics.weak} acquaintances`);
    expect(draw.labels.subtitle).toContain(`${metrics.dormant} dormant ties`);
    expect(JSON.stringify(draw.labels)).not.toContain('SECRET');
  });

  it('says "Mijn netwerk" and the Dutch date when no name was given', () => {
    const { draw, metrics } = drawingFor('nl');
    expect(draw.labels.title).toBe('Mijn netwerk');
    expect(draw.labels.subtitle).toContain('1 december 2026');
    expect(draw.labels.subtitle).toContain(`${metrics.weak} kennissen`);
    expect(draw.labels.subtitle).toContain(`${metrics.dormant} slapende banden`);
    expect(draw.labels.partsOfLife).toBe(say('nl', 'map.picture.partsOfLife'));
  });

  it('falls back to "My network" in English', () => {
    expect(drawingFor('en').draw.labels.title).toBe('My network');
  });
});
