/**
 * Every text the coach shows as a title, a label, a button or an option, in both languages, held
 * to the tightest limit of the doors that show it (Slack and Discord, see platform-limits.ts).
 * The renderers cut what is too long ("Een evenement voorberei…"), so a text past its limit is a
 * text a member reads clipped. The texts are found in the source: where a `say(...)` fills a
 * choice's `label`, a form's `title`, `submit` or field label, a placeholder, or an `option(...)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/texts/catalog.js';
import { DISCORD, SLACK } from '../helpers/platform-limits.js';
import { variants } from '../helpers/texts.js';

type Role = 'choice' | 'formTitle' | 'submit' | 'fieldLabel' | 'placeholder';

/** The tightest limit of the two doors for each role. */
const LIMIT: Record<Role, number> = {
  // A choice is a button or a select option on either door.
  choice: Math.min(SLACK.buttonText, SLACK.optionText, DISCORD.buttonLabel, DISCORD.optionLabel),
  // A form is a Slack modal (title 24) or a Discord modal (title 45).
  formTitle: Math.min(SLACK.modalTitle, DISCORD.modalTitle),
  submit: SLACK.modalTitle,
  // A field is a Slack input label (2000) or a Discord text input's label (45).
  fieldLabel: Math.min(SLACK.inputLabel, DISCORD.inputLabel),
  placeholder: Math.min(SLACK.placeholder, DISCORD.selectPlaceholder),
};

/** The texts the adapters themselves show in those places. */
const ADAPTER_TEXTS: [Role, string][] = [
  ['choice', 'slack.form.open'],
  ['placeholder', 'slack.choose'],
  ['choice', 'slack.home.continue'],
  ['choice', 'slack.home.start'],
  ['choice', 'slack.home.sendMap'],
  ['choice', 'slack.home.coffeeOpen'],
  ['choice', 'slack.home.changeLanguage'],
  ['submit', 'slack.form.cancel'],
  ['choice', 'discord.formButton'],
  ['placeholder', 'discord.choose'],
  ['choice', 'discord.more'],
];

/**
 * Keys a template in the source matches although the code never fills that role with them:
 * `coffee.checkin.${id}` labels the check-in's choices, and its reply shares the prefix.
 */
const NOT_THERE = new Set(['coffee.checkin.missedReply']);

const KEYS = Object.keys(CATALOG).filter((k) => !NOT_THERE.has(k));

/** Catalog keys a literal or a template literal names (`when.in${n}` → every key it can be). */
function keysIn(args: string): string[] {
  const found: string[] = [];
  for (const m of args.matchAll(/'([a-zA-Z][\w.]*)'/g))
    if (KEYS.includes(m[1] as string)) found.push(m[1] as string);
  for (const m of args.matchAll(/`([^`]*)`/g)) {
    const pattern = new RegExp(
      `^${(m[1] as string).replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[\\w]+')}$`,
    );
    found.push(...KEYS.filter((k) => pattern.test(k)));
  }
  return found;
}

/** The say(...) arguments after `at`, up to the closing parenthesis. */
function sayArgs(source: string, at: number): string {
  let depth = 0;
  for (let i = source.indexOf('(', at); i < source.length; i += 1) {
    if (source[i] === '(') depth += 1;
    if (source[i] === ')' && --depth === 0) return source.slice(source.indexOf('(', at) + 1, i);
  }
  return '';
}

/** A call's arguments, split at the commas outside brackets and quotes. */
function topLevel(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < args.length; i += 1) {
    const c = args[i] as string;
    if (quote) {
      if (c === quote && args[i - 1] !== '\\') quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) depth -= 1;
    else if (c === ',' && depth === 0) {
      parts.push(args.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(args.slice(from).trim());
  return parts;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Where the engine puts a text, found in src/. */
function textsInSource(): [Role, string][] {
  const found: [Role, string][] = [];
  const helpers: Record<string, string> = {
    domainLabel: 'domain.',
    ringLabel: 'ring.',
    contactLabel: 'contact.',
  };
  const helperKeys = (name: string) => KEYS.filter((k) => k.startsWith(helpers[name] ?? '\u0000'));
  // The dashboard is a web page: its labels never pass through a chat door's limits.
  for (const file of sourceFiles('src').filter((f) => !f.startsWith(join('src', 'dashboard')))) {
    const source = readFileSync(file, 'utf8');
    const add = (role: Role, keys: string[]) => {
      for (const key of keys) found.push([role, key]);
    };
    for (const m of source.matchAll(/\b(label|title|submit|placeholder)\s*:\s*(?:ctx\.)?say\(/g)) {
      const field = m[1] as string;
      const before = source.slice(Math.max(0, (m.index ?? 0) - 60), m.index);
      // A title is a form's only where a form is being built (a picture has a title too).
      if (
        field === 'title' &&
        !/form|submit|fields|id: '/.test(source.slice(Math.max(0, (m.index ?? 0) - 120), m.index))
      )
        continue;
      const role: Role =
        field === 'title'
          ? 'formTitle'
          : field === 'submit'
            ? 'submit'
            : field === 'placeholder'
              ? 'placeholder'
              : /fields:\s*\[\s*\{[^}]*$/.test(before)
                ? 'fieldLabel'
                : 'choice';
      add(role, keysIn(sayArgs(source, m.index ?? 0)));
    }
    for (const m of source.matchAll(/\blabel\s*:\s*(domainLabel|ringLabel|contactLabel)\(/g))
      add('choice', helperKeys(m[1] as string));
    for (const m of source.matchAll(/\boption\(\s*ctx\s*,[^,]+,\s*('[^']+'|`[^`]+`)/g))
      add('choice', keysIn(m[1] as string));
    // A free-text question's form title is its second argument; the names form's is its first.
    for (const m of source.matchAll(/freeTextQuestion\(/g)) {
      const second = topLevel(sayArgs(source, m.index ?? 0))[1] ?? '';
      if (/^ctx\.say\(/.test(second)) add('formTitle', keysIn(second));
    }
    for (const m of source.matchAll(/\bconst title\s*=\s*ctx\.say\(([^)]*)\)/g))
      add('formTitle', keysIn(m[1] as string));
    for (const m of source.matchAll(/namesForm\(\s*ctx\.say\(([^)]*)\)/g))
      add('formTitle', keysIn(m[1] as string));
    if (/namesForm\(label, ctx\)/.test(source)) add('formTitle', helperKeys('domainLabel'));
  }
  return found;
}

const ALL = [
  ...new Map([...textsInSource(), ...ADAPTER_TEXTS].map(([r, k]) => [`${r} ${k}`, [r, k] as const])).values(),
];

/** Placeholders filled with something as long as a real one is. */
const params = (key: string) =>
  Object.fromEntries(
    (CATALOG[key as keyof typeof CATALOG] as readonly string[]).map((p) => [p, 'Alexandra']),
  );

describe('titles, labels, buttons and options fit the doors (issue 15.12)', () => {
  it('finds the texts in the source', () => {
    const found = ALL.map(([r, k]) => `${r} ${k}`);
    for (const known of [
      'formTitle coffee.menu.block',
      'formTitle coffee.reflect.title',
      'formTitle help.title',
      'formTitle hook.title',
      'fieldLabel recall.formLabel',
      'choice common.back',
      'submit common.submit',
      'formTitle domain.work',
      'choice when.in3',
    ])
      expect(found).toContain(known);
    expect(ALL.length).toBeGreaterThan(80);
  });

  it.each(['en', 'nl'])('every one fits in %s', (lang) => {
    const over = ALL.flatMap(([role, key]) =>
      variants(lang, key, params(key))
        .filter((text) => Array.from(text).length > LIMIT[role])
        .map((text) => `${role} ${key} (${Array.from(text).length} > ${LIMIT[role]}): ${text}`),
    );
    expect(over).toEqual([]);
  });
});
