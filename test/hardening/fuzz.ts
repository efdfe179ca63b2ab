/**
 * A deterministic generator of random and hostile inputs for the fuzz tests: a seeded PRNG
 * (mulberry32) and builders for texts, choice ids, command names and garbage values.
 */
import { afterAll, beforeAll, expect } from 'vitest';

/** How the 10,000 fuzz inputs are split over the four ways in. */
export const FUZZ_COUNTS = { engine: 6_000, console: 2_000, slack: 1_500, discord: 500 } as const;

/** JSON text of any value; undefined (which JSON has no text for) as the word. */
export const json = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

export class Gen {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  codePoints(n: number, from: number, to: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String.fromCodePoint(from + this.int(to - from));
    return out;
  }

  /** Text of one hostile kind. */
  piece(): string {
    switch (this.int(14)) {
      case 0:
        return this.huge();
      case 1: // binary and control characters
        return Array.from({ length: 1 + this.int(60) }, () =>
          String.fromCharCode(this.pick([0, 1, 7, 8, 9, 10, 13, 27, 127, 0x85, 0xfeff, 0xfffe, 0xffff])),
        ).join('');
      case 2: // lone and reversed surrogates
        return this.pick(['\ud800', '\udfff', '\udc00\ud800', 'a\ud83d', '\ude00b', '\ud83d\ud83d']);
      case 3: // direction overrides and invisible characters
        return this.pick([
          '\u202eevil.exe\u202c',
          '\u2066\u2067\u2068\u2069',
          '\u200f\u200e\u061c',
          'Anna\u200b\u200c\u200d\u2060',
          '\u00ad\u034f',
        ]);
      case 4: // emoji and ZWJ sequences
        return this.pick([
          '👨‍👩‍👧‍👦',
          '🏳️‍🌈',
          '👩🏽‍💻',
          '🧑‍🤝‍🧑',
          '❤️‍🔥',
          '🇳🇱🇬🇧',
          '👍🏿'.repeat(1 + this.int(30)),
          '\u{1F600}\u{FE0F}\u{20E3}',
        ]);
      case 5: // JSON-ish
        return this.pick([
          json(this.garbage(3)),
          '{"text":',
          '[[[[[[[[',
          '{"__proto__":{"polluted":true}}',
          '{"constructor":{"prototype":{"x":1}}}',
          '{"choice":1e309}',
          'null',
          '"\\u0000"',
        ]);
      case 6: // markup and mention tricks
        return this.pick([
          '<!channel>',
          '<!here>',
          '<!everyone>',
          '@everyone',
          '@here',
          '<@U123>',
          '<@U123|admin>',
          '<@&123456789012345678>',
          '<@123456789012345678>',
          '<#C123|general>',
          '<!subteam^S1>',
          '<script>alert(1)</script>',
          '<img src=x onerror=alert(1)>',
          '*bold* _it_ ~gone~ `code` ```block```',
          '&lt;&amp;&gt;&amp;amp;',
          '[click](javascript:alert(1))',
          '||spoiler|| > quote\n>>> all',
          '<https://evil.example|https://good.example>',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder is the point here
          '{name} {max} {{word}} %s %d ${x}',
        ]);
      case 7: // command words, typed or slashed
        return this.pick([
          'start',
          '/start',
          'menu',
          'help',
          '?',
          'my network',
          'language',
          'taal',
          'export',
          'forget',
          'vergeet mij',
          'pause',
          'continue',
          'progress',
          'commitments',
          `/${this.word()}`,
          `/start ${this.word()} ${this.word()}`,
        ]);
      case 8: // numbers
        return this.pick([
          '0',
          '1',
          '2',
          '-1',
          '7',
          '99',
          '1e308',
          'NaN',
          'Infinity',
          '0x10',
          '99999999999999999999999',
          '3.5',
          '١٢٣',
          '½',
        ]);
      case 9: // names and lists
        return this.pick([
          'Anna, Piet; Mo',
          'Anna\nPiet\nMo',
          ',,,;;;',
          'x'.repeat(150),
          'Ada Lovelace & co',
        ]);
      case 10: // whitespace
        return this.pick(['', ' ', '\n\n\n', '\t', '\u3000', '\u00a0\u2003']);
      case 11: // combining marks (zalgo)
        return `Z${this.codePoints(1 + this.int(80), 0x300, 0x370)}`;
      case 12: // random unicode, astral planes included
        return this.codePoints(1 + this.int(40), 0x20, 0x2ffff).replace(/[\ud800-\udfff]/g, '?');
      default:
        return this.word();
    }
  }

  /** 50,000 characters or more, now and then past every limit. */
  huge(): string {
    const unit = this.pick(['A', 'é', '👍', '\u0000', '<!here>', 'Anna, ', '\u202e']);
    const length = 50_000 + this.int(this.chance(0.2) ? 80_000 : 40_000);
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  }

  /** Hostile text; huge pieces only now and then, to keep the run short. */
  text(): string {
    const n = 1 + this.int(3);
    let out = '';
    for (let i = 0; i < n; i++) {
      const p = this.piece();
      if (p.length > 10_000 && !this.chance(0.15)) continue;
      out += p;
    }
    return out;
  }

  word(): string {
    return this.codePoints(1 + this.int(12), 0x61, 0x7b);
  }

  /** A choice id: one the coach offers, a number, or nonsense. */
  choiceId(): string {
    if (this.chance(0.3)) return this.text().slice(0, 200);
    return this.pick([
      'begin',
      'menu',
      'none',
      'work',
      'former',
      'study',
      'add',
      'edit',
      'remove',
      'back',
      'done',
      'yes',
      'no',
      'en',
      'nl',
      'awareness',
      'ask-for-help',
      'hook',
      'network',
      'later',
      'continue',
      'skip',
      '1',
      '0',
      '-1',
      String(this.int(1000)),
      'p1',
      'p999',
      '__proto__',
      'constructor',
    ]);
  }

  commandName(): string {
    if (this.chance(0.3)) return this.text().slice(0, 100);
    return this.pick([
      'start',
      'help',
      'menu',
      'pause',
      'continue',
      'language',
      'network',
      'export',
      'forget',
      'progress',
      'commitments',
      'hulp',
      'taal',
      '',
      this.word(),
    ]);
  }

  /** Random JSON-like values: nested objects and arrays of odd things. */
  garbage(depth = 2): unknown {
    const leaf = () =>
      this.pick<() => unknown>([
        () => null,
        () => undefined,
        () => true,
        () => this.int(2 ** 31) - 2 ** 30,
        () => Number.NaN,
        () => -0,
        () => 1e308,
        () => this.text().slice(0, 300),
        () => '',
        () => [],
        () => ({}),
      ])();
    if (depth <= 0 || this.chance(0.4)) return leaf();
    if (this.chance(0.5)) return Array.from({ length: this.int(5) }, () => this.garbage(depth - 1));
    const out: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--)
      out[this.pick(['text', 'kind', 'id', 'user', '__proto__', 'constructor', this.word()])] = this.garbage(
        depth - 1,
      );
    return out;
  }

  /** A copy of a payload with one field removed, retyped or replaced by garbage, at any depth. */
  mangle(value: unknown, depth = 0): unknown {
    if (typeof value !== 'object' || value === null || depth > 4) return this.garbage(1);
    const copy: Record<string, unknown> = Array.isArray(value)
      ? ([...value] as unknown as Record<string, unknown>)
      : { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length === 0) return this.garbage(2);
    const key = this.pick(keys);
    switch (this.int(4)) {
      case 0:
        delete copy[key];
        break;
      case 1:
        copy[key] = this.garbage(2);
        break;
      case 2:
        copy[key] = this.mangle(copy[key], depth + 1);
        break;
      default:
        copy[key] = this.pick([null, 42, 'x', [], {}, true]);
    }
    return copy;
  }
}

/** Registers process listeners for the whole file; fails it when anything escaped. */
export function watchProcess() {
  const escaped: { kind: string; error: unknown }[] = [];
  const onRejection = (error: unknown) => escaped.push({ kind: 'unhandledRejection', error });
  const onException = (error: unknown) => escaped.push({ kind: 'uncaughtException', error });
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    expect(escaped.map((e) => `${e.kind}: ${String((e.error as Error)?.stack ?? e.error)}`)).toEqual([]);
  });
  return escaped;
}

/** A logger that keeps what is logged at warn and above, to check that no listener or turn failed. */
export function recordingLogger() {
  const records: { level: number; msg: string; err?: { message?: string; stack?: string } }[] = [];
  return {
    records,
    stream: {
      write(line: string) {
        records.push(JSON.parse(line));
      },
    },
    /** Records at error level (pino 50) or worse. */
    errors: () => records.filter((r) => r.level >= 50),
  };
}
