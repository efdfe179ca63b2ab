import type OpenAI from 'openai';
import { APIError } from 'openai';
import type { z } from 'zod';
import type { CoachConfig } from '../config.js';
import type { State } from '../engine/state.js';
import type { Logger } from '../log.js';
import type { Texts } from '../texts/texts.js';
import { countCall, withinBudget } from './budget.js';
import { createOpenAiClient, describeCoach } from './client.js';
import { isPlainName, plainText } from './plain.js';
import { createPseudonymiser, type Pseudonymiser } from './pseudonymise.js';
import { CheckSchema, COACH_SCHEMAS, type CoachAnswer, type CoachAsk, type CoachResults } from './schemas.js';

/** A failed call, for the operator's log: never shown to the member. */
class CoachFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface CoachRun {
  /** The member's state with the call counted against the day's budget. */
  state: State;
  /** The validated answer with names mapped back, or undefined on any failure. */
  answer?: CoachAnswer;
}

export interface Coach {
  readonly label: string;
  run(ask: CoachAsk, state: State, now: Date): Promise<CoachRun>;
  /** One request for `weakties coach check`: the model's answer, or throws with the reason. */
  check(): Promise<{ ms: number; say: string; model: string }>;
}

/** Every name the coach must never send: the map, the member, other members known to the adapter. */
export function namesOf(
  state: State,
  exclude: readonly string[] = [],
  otherMembers: string[] = [],
): string[] {
  const people = state.network.people.filter((p) => !exclude.includes(p.id)).map((p) => p.name);
  const drafts = [state.drafts['ask-for-help']?.whom, ...state.commitments.map((c) => c.person)];
  // Coffee partners are members: their names (and ids) stay out too, as does the member's own.
  const partners = state.coffee.coffees.flatMap((c) => c.partners.flatMap((p) => [p.name, p.user]));
  const self = [state.member.user, state.coffee.prefs.name];
  return [...people, ...drafts, ...partners, ...self, ...otherMembers].filter(
    (n): n is string => typeof n === 'string' && /\p{L}{2,}/u.test(n),
  );
}

/** The member's words for one use, masked; sent as data in the user message, never as instructions. */
function dataFor(ask: CoachAsk, mask: Pseudonymiser['mask']): Record<string, unknown> {
  switch (ask.use) {
    case 'reflect':
      return {
        task: 'reflect',
        about: ask.input.field,
        topic: ask.input.topic === undefined ? undefined : mask(ask.input.topic),
        answer: mask(ask.input.text),
      };
    case 'people':
      return { task: 'people', asked: ask.input.domain, sentence: mask(ask.input.text) };
    case 'smart':
      return {
        task: 'smart',
        goal: ask.input.goal === undefined ? undefined : mask(ask.input.goal),
        request: mask(ask.input.request),
      };
    case 'openers':
      return {
        task: 'openers',
        event: ask.input.event === undefined ? undefined : mask(ask.input.event),
        topics: ask.input.topics.map((topic, i) => ({
          topic: mask(topic),
          hook: mask(ask.input.hooks[i] ?? ''),
        })),
      };
  }
}

/** Applies `fn` to every string of a validated answer. */
function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  return value;
}

/**
 * The model's answer as the member may see it: every placeholder one this call made (else the
 * answer is refused: a made-up or stale [P99] would show as is), names mapped back, then plain
 * text only; a "person" that is an address or markup is no person.
 */
function readAnswer<T>(value: T, use: CoachAsk['use'], pseudonyms: Pseudonymiser): T {
  const strings: string[] = [];
  mapStrings(value, (text) => {
    strings.push(text);
    return text;
  });
  const placeholders = strings.flatMap((text) => text.match(/\[[PETU]\d+\]/gu) ?? []);
  if (placeholders.some((p) => !pseudonyms.table.has(p))) throw new CoachFailure('unknown placeholder');
  const unmasked = mapStrings(value, pseudonyms.unmask);
  if (use === 'people') {
    const { people } = unmasked as CoachResults['people'];
    const kept = people.filter((p) => isPlainName(p.name));
    if (kept.length === 0) throw new CoachFailure('no plain name');
    return mapStrings({ ...unmasked, people: kept }, plainOrRefuse);
  }
  return mapStrings(unmasked, plainOrRefuse);
}

/** Plain text; an answer that was nothing but links or markup is no answer. */
function plainOrRefuse(text: string): string {
  const plain = plainText(text);
  if (plain === '') throw new CoachFailure('nothing but markup');
  return plain;
}

export const userMessage = (data: Record<string, unknown>) =>
  `<<<MEMBER_DATA\n${JSON.stringify(data)}\nMEMBER_DATA>>>`;

function reasonOf(error: unknown, signal: AbortSignal): string {
  if (error instanceof CoachFailure) return error.reason;
  if (signal.aborted) return 'timeout';
  if (error instanceof APIError && error.status !== undefined) return `http ${error.status}`;
  return (error as Error).name === 'APIConnectionTimeoutError' ? 'timeout' : 'connection';
}

/** Rejects when the signal fires: the end of the time a call may take. */
const deadline = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

export interface CoachDeps {
  config: CoachConfig;
  texts: Texts;
  log: Logger;
  /** Names of other members an adapter knows, masked too. */
  otherMembers?: () => string[];
  client?: OpenAI;
}

/** The language-model coach. Every use returns a validated result or undefined; never throws. */
export function createCoach(deps: CoachDeps): Coach {
  const { config, log } = deps;
  const client = deps.client ?? createOpenAiClient(config);
  const label = describeCoach(config);

  async function complete<S extends z.ZodType>(system: string, user: string, schema: S, use: string) {
    const signal = AbortSignal.timeout(config.timeoutMs);
    const started = performance.now();
    try {
      const request = client.chat.completions.create(
        {
          model: config.model,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
          response_format: { type: 'json_object' },
          temperature: 0.4,
          max_tokens: 700,
        },
        { signal, timeout: config.timeoutMs, maxRetries: 1 },
      );
      // The SDK sleeps a Retry-After between tries without watching the signal: the deadline holds
      // for the whole call, retries included, and a late answer is dropped.
      request.catch(() => {});
      const response = await Promise.race([request, deadline(signal)]);
      const ms = Math.round(performance.now() - started);
      const choice = response.choices[0];
      const usage = response.usage
        ? { prompt: response.usage.prompt_tokens, completion: response.usage.completion_tokens }
        : undefined;
      log.info({ coach: use, model: response.model, ms, tokens: usage }, 'coach call');
      if (!choice) throw new CoachFailure('no choice');
      if (choice.message.refusal) throw new CoachFailure('refusal');
      if (choice.finish_reason === 'content_filter') throw new CoachFailure('content filter');
      if (choice.finish_reason === 'length') throw new CoachFailure('cut off');
      let json: unknown;
      try {
        json = JSON.parse(choice.message.content ?? '');
      } catch {
        throw new CoachFailure('malformed json');
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new CoachFailure('schema');
      return { value: parsed.data as z.infer<S>, ms, model: response.model };
    } catch (error) {
      const reason = reasonOf(error, signal);
      log.warn({ coach: use, reason, ms: Math.round(performance.now() - started) }, 'coach call failed');
      throw error instanceof CoachFailure ? error : new CoachFailure(reason);
    }
  }

  return {
    label,
    async run(ask, state, now) {
      if (!withinBudget(state, now, config.dailyBudget)) {
        log.warn({ coach: ask.use, reason: 'budget' }, 'coach call skipped');
        return { state };
      }
      const counted = countCall(state, now);
      // The names just read from the sentence are on the map already, and masked like every other.
      const pseudonyms = createPseudonymiser(namesOf(state, [], deps.otherMembers?.() ?? []));
      const say = deps.texts.forLang(state.lang);
      const system = `${say('llm.system.rules')}\n\n${say(`llm.system.${ask.use}`)}`;
      let value: unknown;
      try {
        ({ value } = await complete(
          system,
          userMessage(dataFor(ask, pseudonyms.mask)),
          COACH_SCHEMAS[ask.use],
          ask.use,
        ));
      } catch {
        return { state: counted };
      }
      try {
        return {
          state: counted,
          answer: { ask, result: readAnswer(value, ask.use, pseudonyms) } as CoachAnswer,
        };
      } catch (error) {
        log.warn({ coach: ask.use, reason: (error as CoachFailure).reason }, 'coach answer refused');
        return { state: counted };
      }
    },
    async check() {
      const say = deps.texts.forLang('en');
      try {
        const { value, ms, model } = await complete(
          say('llm.system.check'),
          userMessage({ task: 'check' }),
          CheckSchema,
          'check',
        );
        return { ms, say: value.say, model };
      } catch (error) {
        throw new Error((error as Error).message);
      }
    },
  };
}
