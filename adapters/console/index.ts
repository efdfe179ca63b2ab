import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { withoutControls } from '../../src/core/controls.js';
import type { Lang, MemberRef, Outbox, Reply } from '../../src/core/types.js';
import type { Logger } from '../../src/log.js';
import type { Texts } from '../../src/texts/texts.js';
import { parseLine } from './inbound.js';
import { renderJson, renderText, type Written, wordsOf } from './render.js';

export interface ConsoleOptions {
  config: Config;
  log: Logger;
  user: string;
  lang?: Lang;
  /** The terminal's locale (LANG), used to guess the language on first contact. */
  locale?: string;
  json: boolean;
  input: Readable;
  output: Writable;
}

/** A file-name prefix per member: readable, and distinct even for ids that clean to the same text. */
const filePrefix = (user: string) =>
  `${user.replace(/[^\w-]/g, '_').slice(0, 40)}.${createHash('sha256').update(user).digest('hex').slice(0, 8)}.`;

/** Deletes the pictures and exports the terminal wrote for a member. */
export function removeMemberFiles(outputDir: string, user: string): void {
  const dir = resolve(outputDir);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return;
  }
  for (const file of files) if (file.startsWith(filePrefix(user))) rmSync(join(dir, file), { force: true });
}

/** The direct-coaching adapter: one member, the terminal, plain text or JSON lines. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { config, json, output } = options;
  const member: MemberRef = { platform: 'console', space: 'local', user: options.user };
  const outDir = resolve(config.outputDir);
  let written = 0;

  const save = (name: string, content: Uint8Array | string): string => {
    mkdirSync(outDir, { recursive: true });
    const path = join(outDir, `${filePrefix(options.user)}${Date.now()}-${++written}-${name}`);
    writeFileSync(path, content);
    return path;
  };
  /** The app's texts, for the terminal's own words; the engine delivers nothing before they exist. */
  let texts: Texts | undefined;
  const wordsFor = (lang: Lang) => {
    if (!texts) throw new Error('the console delivered a reply before its texts were loaded');
    return wordsOf(texts.forLang(lang));
  };
  const write = (reply: Reply, lang: Lang) => {
    const paths: Written = {
      image: reply.image ? save('map.png', reply.image.png) : undefined,
      file: reply.file ? save(reply.file.name, reply.file.content) : undefined,
    };
    // Whatever a reply carries (a member's own words, a model's), nothing in it steers the terminal.
    const text = json ? renderJson(reply, paths) : renderText(reply, paths, wordsFor(lang));
    output.write(`${withoutControls(text)}\n`);
  };
  const outbox: Outbox = {
    // The terminal is one member's: a note for another (their coffee is set) waits for their own session.
    reachable: (to) =>
      to.user === member.user && to.space === member.space && to.platform === member.platform,
    async deliver(_member, replies, delivery) {
      for (const reply of replies) write(reply, delivery.lang);
    },
    async emit(_member, event) {
      if (json) output.write(`${JSON.stringify({ type: 'event', ...event })}\n`);
    },
    async forgotten() {
      removeMemberFiles(config.outputDir, options.user);
    },
  };

  const app = await createApp(config, options.log, outbox);
  texts = app.texts;
  const interactive = !json && 'isTTY' in options.input && options.input.isTTY === true;
  const prompt = () => interactive && output.write('> ');
  let lines: ReturnType<typeof createInterface> | undefined;
  let stopSignals = () => {};
  try {
    const profile = {
      locale: options.lang ?? options.locale,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    const start = {
      kind: 'command',
      id: `console:${randomUUID()}`,
      member,
      name: 'start',
      args: options.lang ? [options.lang] : [],
      ...profile,
    };
    await app.engine.handle(start);
    // Reading starts only now: readline drops lines that arrive before its iterator exists.
    lines = createInterface({
      input: options.input,
      output: interactive ? output : undefined,
      terminal: interactive,
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    prompt();
    // SIGTERM or SIGINT: read no further line; the turn in flight finishes and saves, then the store closes.
    const reader = lines;
    const stopReading = () => reader.close();
    process.once('SIGTERM', stopReading);
    process.once('SIGINT', stopReading);
    stopSignals = () => {
      process.off('SIGTERM', stopReading);
      process.off('SIGINT', stopReading);
    };
    for await (const line of lines) {
      const parsed = parseLine(line, member, json, profile);
      if ('error' in parsed) {
        output.write(
          json ? `${JSON.stringify({ type: 'error', error: parsed.error })}\n` : `${parsed.error}\n`,
        );
      } else {
        await app.engine.handle(parsed.payload);
      }
      prompt();
    }
  } finally {
    stopSignals();
    lines?.close();
    await app.close();
  }
}
