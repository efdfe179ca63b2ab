import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MAX_INBOUND_TEXT, MAX_PICK_OPTIONS, type MemberRef } from '../../src/core/types.js';

/** One JSON line from a script: exactly one of text, choice, picks, form or command, within the engine's limits. */
const JsonLineSchema = z.union([
  z.strictObject({ text: z.string().max(MAX_INBOUND_TEXT) }),
  z.strictObject({ choice: z.string().max(200) }),
  /** The options of a multi-select question, by id; an empty list chooses none of them. */
  z.strictObject({ picks: z.array(z.string().max(200)).max(MAX_PICK_OPTIONS) }),
  z.strictObject({ form: z.record(z.string().max(100), z.string().max(MAX_INBOUND_TEXT)) }),
  z.strictObject({
    command: z.string().min(1).max(100),
    args: z.array(z.string().max(1000)).max(20).default([]),
  }),
]);

export type ParsedLine = { payload: Record<string, unknown> } | { error: string };

const EXPECTED =
  'expected {"text":...}, {"choice":ID}, {"picks":[ID,...]}, {"form":{...}} or {"command":NAME}';

/** What each kind of line holds, for the error that names a wrong type. */
const SHAPES: Record<string, string> = {
  text: 'a string',
  choice: "a string (the option's id)",
  picks: `a list of at most ${MAX_PICK_OPTIONS} option ids (strings)`,
  form: 'an object of field ids to strings',
  command: 'a command name (a string)',
};

/** Why a parsed JSON line is not one we take: too long, a known key with a wrong type, or unknown. */
function problemOf(value: unknown): string {
  const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const key = keys.find((k) => k in SHAPES);
  if (!key || keys.some((k) => !(k in SHAPES) && !(key === 'command' && k === 'args')))
    return `unknown message: ${EXPECTED}`;
  const field = (value as Record<string, unknown>)[key];
  if (key === 'text' && typeof field === 'string' && field.length > MAX_INBOUND_TEXT)
    return `too long: a text has at most ${MAX_INBOUND_TEXT} characters`;
  return `protocol error: "${key}" must be ${SHAPES[key]}`;
}

const newId = () => `console:${randomUUID()}`;

/** A JSON line's longest: the longest text it may carry, escaped, with room for its key. */
const MAX_LINE = 2 * MAX_INBOUND_TEXT + 1_000;

/** What the terminal knows about its member: the locale (LANG) and the time zone of the machine. */
export interface Profile {
  locale?: string;
  timezone?: string;
}

export function textPayload(member: MemberRef, text: string, profile: Profile = {}): Record<string, unknown> {
  return { kind: 'text', id: newId(), member, text: text.slice(0, MAX_INBOUND_TEXT), ...profile };
}

/** Turns one input line into an engine payload; in JSON mode a line starting with "{" must be valid. */
export function parseLine(line: string, member: MemberRef, json: boolean, profile: Profile = {}): ParsedLine {
  if (!json || !line.trimStart().startsWith('{')) return { payload: textPayload(member, line, profile) };
  if (line.length > MAX_LINE) return { error: `too long: a line has at most ${MAX_LINE} characters` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: `malformed JSON: ${EXPECTED}` };
  }
  const parsed = JsonLineSchema.safeParse(value);
  if (!parsed.success) return { error: problemOf(value) };
  const m = parsed.data;
  const id = newId();
  if ('text' in m) return { payload: textPayload(member, m.text, profile) };
  if ('choice' in m) return { payload: { kind: 'choice', id, member, value: m.choice, ...profile } };
  if ('picks' in m) return { payload: { kind: 'picks', id, member, values: m.picks, ...profile } };
  if ('form' in m) return { payload: { kind: 'form', id, member, fields: m.form, ...profile } };
  return { payload: { kind: 'command', id, member, name: m.command, args: m.args, ...profile } };
}
