import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BOT_SCOPES, EVENT_SCOPES } from '../../adapters/slack/scopes.js';
import { ROOT } from '../helpers/cli.js';

const manifest = readFileSync(join(ROOT, 'adapters', 'slack', 'manifest.yml'), 'utf8');

/** The items of the YAML list under `key:` (a plain block list, as the manifest writes them). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = line.match(/^\s*- (\S+)\s*$/);
    if (!item) break;
    items.push(item[1] as string);
  }
  return items;
}

it('grants exactly the bot scopes the adapter uses', () => {
  expect(listUnder('bot').sort()).toEqual(BOT_SCOPES);
});

it('subscribes to exactly the events the adapter handles', () => {
  expect(listUnder('bot_events').sort()).toEqual(Object.keys(EVENT_SCOPES).sort());
});

it('declares the slash command, the Home tab and a writable Messages tab', () => {
  expect(manifest).toContain('- command: /weakties');
  expect(manifest).toMatch(/home_tab_enabled: true/);
  expect(manifest).toMatch(/messages_tab_enabled: true/);
  expect(manifest).toMatch(/messages_tab_read_only_enabled: false/);
  expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
});
