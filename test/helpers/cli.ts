/**
 * End-to-end driver for the built CLI (`node bin/weakties.js ...`): a sandbox folder per test,
 * a session that writes input lines and waits for output lines, and a runner for scripted
 * conversations. The tests expect `npm run build` to have run first (`npm test` does).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'weakties.js');
export const BUILT_CLI = join(ROOT, 'dist', 'src', 'cli.js');

/** Fails with a clear message when the CLI was not built; the tests never build it themselves. */
export function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) {
    throw new Error(
      `${BUILT_CLI} is missing: the end-to-end tests run the built CLI. Run \`npm run build\` first (\`npm test\` does).`,
    );
  }
}

export interface Choice {
  id: string;
  label: string;
}

export interface ReplyLine {
  type: 'reply';
  text: string;
  choices?: Choice[];
  /** A multi-select: its options, numbered 1…n for typed answers such as `1, 4, 7`. */
  pick?: { options: Choice[]; placeholder: string };
  form?: { id: string; title: string; submit: string; fields: { id: string; label: string }[] };
  image?: { path: string; alt: string };
  file?: { path: string };
}

export interface EventLine {
  type: 'event';
  name: string;
  exercise: string;
  data: Record<string, unknown>;
}

export interface ErrorLine {
  type: 'error';
  error: string;
}

export type OutLine = ReplyLine | EventLine | ErrorLine;

export const isReply = (line: OutLine): line is ReplyLine => line.type === 'reply';
export const isQuestion = (line: OutLine): line is ReplyLine =>
  isReply(line) && (line.choices !== undefined || line.form !== undefined);

/** What came out for one input: every line up to and including the next question. */
export interface Turn {
  lines: OutLine[];
  question: ReplyLine;
  /** The replies before the question. */
  replies: ReplyLine[];
  events: EventLine[];
  errors: ErrorLine[];
}

/** A folder of its own for one test: the SQLite file and the output folder live in it. */
export interface Sandbox {
  dir: string;
  dbPath: string;
  outDir: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

const CONFIG_VARS = [
  'STORE_URL',
  'LOG_LEVEL',
  'DEFAULT_LANG',
  'OUTPUT_DIR',
  'REVISIT_DAYS',
  'LC_ALL',
  'LANG',
];

export function makeSandbox(extraEnv: NodeJS.ProcessEnv = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'weakties-e2e-'));
  const dbPath = join(dir, 'db.sqlite');
  const outDir = join(dir, 'out');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CONFIG_VARS) delete env[name];
  Object.assign(env, {
    STORE_URL: `sqlite://${dbPath}`,
    OUTPUT_DIR: outDir,
    LOG_LEVEL: 'silent',
    ...extraEnv,
  });
  return { dir, dbPath, outDir, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs one CLI command to its end (tick, export, forget, or a console fed all at once). */
export function runCli(
  sandbox: Sandbox,
  args: string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  assertBuilt();
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: sandbox.dir, env: sandbox.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`weakties ${args.join(' ')} timed out after ${timeoutMs} ms\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** A CLI input: a raw line, or an object sent as one JSON line. */
export type Input = string | Record<string, unknown>;

const toLine = (input: Input) => (typeof input === 'string' ? input : JSON.stringify(input));

const DEFAULT_WAIT_MS = 10_000;

/** How to start `weakties console`: the member, the language, JSON mode (the default) and more arguments. */
export interface StartOptions {
  user: string;
  lang?: string;
  json?: boolean;
  extraArgs?: string[];
}

/** One running `weakties console` process. */
export class CliSession {
  /** Every stdout line parsed as JSON (JSON mode only). */
  readonly lines: OutLine[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  private exit: Exit | undefined;
  private cursor = 0;
  private partial = '';
  private parseFailure: string | undefined;
  private wake: (() => void)[] = [];
  private readonly child: ChildProcessWithoutNullStreams;

  private constructor(
    readonly sandbox: Sandbox,
    readonly args: string[],
    readonly json: boolean,
  ) {
    assertBuilt();
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: sandbox.dir, env: sandbox.env });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.onStdout(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    // Writing to a killed process must not crash the test run; the waits report the exit instead.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.stderr += `spawn failed: ${error.message}\n`;
        this.exit ??= { code: null, signal: null };
        this.notify();
        resolve(this.exit);
      });
      this.child.on('close', (code, signal) => {
        this.exit = { code, signal };
        this.notify();
        resolve(this.exit);
      });
    });
  }

  /** Starts `weakties console --user USER --lang LANG [--json]` in the sandbox. */
  static start(sandbox: Sandbox, options: StartOptions): CliSession {
    const json = options.json ?? true;
    const args = ['console', '--user', options.user];
    if (options.lang) args.push('--lang', options.lang);
    if (json) args.push('--json');
    args.push(...(options.extraArgs ?? []));
    return new CliSession(sandbox, args, json);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private onStdout(chunk: string): void {
    this.stdout += chunk;
    if (this.json) {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      for (const part of parts) {
        if (part === '') continue;
        try {
          this.lines.push(JSON.parse(part) as OutLine);
        } catch {
          this.parseFailure ??= `stdout line is not JSON: ${part.slice(0, 300)}`;
        }
      }
    }
    this.notify();
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const wake of waiting) wake();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.wake.push(resolve));
  }

  /** Writes one line (a string as is, an object as JSON). */
  send(input: Input): void {
    this.child.stdin.write(`${toLine(input)}\n`);
  }

  /** Writes several lines in a single write, without waiting for any answer. */
  burst(inputs: Input[]): void {
    this.child.stdin.write(inputs.map((i) => `${toLine(i)}\n`).join(''));
  }

  private describe(): string {
    const recent = this.lines
      .slice(-6)
      .map((l) => JSON.stringify(l).slice(0, 300))
      .join('\n  ');
    return `last lines:\n  ${recent || '(none)'}\nstderr: ${this.stderr.slice(-2000) || '(empty)'}\nexit: ${JSON.stringify(this.exit ?? null)}`;
  }

  /** Lines received but not yet consumed by a wait. */
  pending(): OutLine[] {
    return this.lines.slice(this.cursor);
  }

  /** Waits for the first unconsumed line matching `match`; returns (and consumes) the lines up to it. */
  async until(
    match: (line: OutLine) => boolean,
    what: string,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<OutLine[]> {
    if (!this.json) throw new Error('until() reads JSON lines; start the session with json: true');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.parseFailure) throw new Error(`${this.parseFailure}\n${this.describe()}`);
      const found = this.lines.findIndex((line, i) => i >= this.cursor && match(line));
      if (found >= 0) {
        const taken = this.lines.slice(this.cursor, found + 1);
        this.cursor = found + 1;
        return taken;
      }
      if (this.exit) throw new Error(`the CLI exited while waiting for ${what}\n${this.describe()}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.describe()}`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.changed(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, left);
        }),
      ]);
      clearTimeout(timer);
    }
  }

  /** Waits for the next question: a reply with choices or a form. */
  async question(timeoutMs = DEFAULT_WAIT_MS): Promise<Turn> {
    const lines = await this.until(isQuestion, 'a question (a reply with choices or a form)', timeoutMs);
    const question = lines.at(-1) as ReplyLine;
    return {
      lines,
      question,
      replies: lines.slice(0, -1).filter(isReply),
      events: lines.filter((l): l is EventLine => l.type === 'event'),
      errors: lines.filter((l): l is ErrorLine => l.type === 'error'),
    };
  }

  /** Sends one input and waits for the question that follows it. */
  async ask(input: Input, timeoutMs = DEFAULT_WAIT_MS): Promise<Turn> {
    this.send(input);
    return this.question(timeoutMs);
  }

  /** Closes stdin and waits for the process to end. */
  async end(timeoutMs = DEFAULT_WAIT_MS): Promise<Exit> {
    this.child.stdin.end();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`the CLI did not exit within ${timeoutMs} ms of end of input\n${this.describe()}`),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills the process (SIGKILL unless told otherwise) and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
    if (!this.exit) this.child.kill(signal);
    return this.exited;
  }
}

/** Sandboxes and console sessions that the test file's `afterEach` cleans up. */
export interface Cli {
  /** A new sandbox, removed after the test. */
  sandbox(extraEnv?: NodeJS.ProcessEnv): Sandbox;
  /** A new console session in the sandbox, killed after the test. */
  start(sandbox: Sandbox, options: StartOptions): CliSession;
}

/**
 * The lifecycle of an end-to-end test file, to call once at its top level: checks that the CLI
 * is built, and after each test kills every session and removes every sandbox made through it.
 */
export function useCli(): Cli {
  const sandboxes: Sandbox[] = [];
  const sessions: CliSession[] = [];
  beforeAll(assertBuilt);
  afterEach(async () => {
    try {
      for (const session of sessions.splice(0)) await session.kill();
    } finally {
      for (const sandbox of sandboxes.splice(0)) sandbox.cleanup();
    }
  });
  return {
    sandbox(extraEnv) {
      const sandbox = makeSandbox(extraEnv);
      sandboxes.push(sandbox);
      return sandbox;
    },
    start(sandbox, options) {
      const session = CliSession.start(sandbox, options);
      sessions.push(session);
      return session;
    },
  };
}

/** One scripted step: what to send, and optionally what the question after it must say. */
export interface ScriptStep {
  send: Input;
  /** The next question's text must contain this string or match this pattern. */
  expect?: string | RegExp;
}

/**
 * Plays a scripted conversation, one input at a time, waiting for the question after each.
 * A step with `expect` fails fast, naming the step, when the conversation went elsewhere.
 */
export async function runScript(
  session: CliSession,
  steps: (ScriptStep | Input)[],
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const [i, raw] of steps.entries()) {
    const step: ScriptStep =
      typeof raw === 'object' && raw !== null && 'send' in raw ? (raw as ScriptStep) : { send: raw as Input };
    const turn = await session.ask(step.send, timeoutMs);
    const text = turn.question.text;
    const ok =
      step.expect === undefined ||
      (typeof step.expect === 'string' ? text.includes(step.expect) : step.expect.test(text));
    if (!ok) {
      throw new Error(
        `script step ${i} (${toLine(step.send).slice(0, 80)}): expected the question to match ${String(step.expect)}, got:\n${text}`,
      );
    }
    turns.push(turn);
  }
  return turns;
}
