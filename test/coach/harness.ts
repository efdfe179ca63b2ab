/** A real engine with the real coach (openai SDK) pointed at the local fake, recording replies and logs. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createCoach } from '../../src/coach/uses.js';
import type { CoachConfig } from '../../src/config.js';
import type { MemberRef, Reply } from '../../src/core/types.js';
import { createEngine } from '../../src/engine/engine.js';
import { createJobs } from '../../src/store/jobs.js';
import { createProcessLocks } from '../../src/store/locks.js';
import { createMemberRepo } from '../../src/store/members.js';
import { openStore } from '../../src/store/open.js';
import { texts } from '../helpers/engine.js';

export interface LogLine {
  level: number;
  msg: string;
  coach?: string;
  reason?: string;
  tokens?: { prompt: number; completion: number };
  [key: string]: unknown;
}

export async function coachedEngine(
  options: { baseUrl?: string; coach?: Partial<CoachConfig>; now?: () => Date; user?: string } = {},
) {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const log = pino({ level: 'info' }, sink);
  const store = await openStore('memory://', log);
  const members = createMemberRepo(store, log);
  const coach = options.baseUrl
    ? createCoach({
        config: {
          baseUrl: options.baseUrl,
          model: 'fake-mini',
          timeoutMs: 1500,
          dailyBudget: 40,
          ...options.coach,
        },
        texts,
        log,
      })
    : undefined;
  const sent: Reply[] = [];
  const engine = createEngine({
    members,
    jobs: createJobs(store, log),
    locks: createProcessLocks(),
    texts,
    outbox: {
      deliver: async (_member, replies) => {
        sent.push(...replies);
      },
    },
    log,
    revisitDays: 7,
    defaultLang: 'en',
    clock: options.now,
    coach,
  });
  const member: MemberRef = { platform: 'console', space: 'local', user: options.user ?? 'tester' };
  let n = 0;
  /** Sends one input and returns the replies it produced. */
  const send = async (input: { text: string } | { choice: string }): Promise<Reply[]> => {
    const from = sent.length;
    const id = `t${++n}`;
    await engine.handle(
      'text' in input
        ? { kind: 'text', id, member, text: input.text }
        : { kind: 'choice', id, member, value: input.choice },
    );
    return sent.slice(from);
  };
  return {
    engine,
    sent,
    logs,
    member,
    send,
    start: async (lang = 'en') => {
      const from = sent.length;
      await engine.handle({ kind: 'command', id: `t${++n}`, member, name: 'start', args: [lang] });
      return sent.slice(from);
    },
    state: async () => (await members.load(member, new Date())).state,
    close: () => store.close(),
  };
}

export type CoachedEngine = Awaited<ReturnType<typeof coachedEngine>>;

export const texts_ = (replies: Reply[]) => replies.map((r) => r.text);
