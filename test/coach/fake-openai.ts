/**
 * A local fake of the remote side of OpenAI's POST /v1/chat/completions, for the real `openai`
 * SDK: it records every request body and answers in the mode the test sets.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMode = 'valid' | 'malformed' | 'schema' | '429' | '429-minute' | '500' | 'refusal' | 'hang';

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
}

/** The member data of a request: the JSON between the markers of the user message. */
export function memberData(body: ChatBody): Record<string, unknown> {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const inner = user.replace(/^<<<MEMBER_DATA\n/, '').replace(/\nMEMBER_DATA>>>$/, '');
  return JSON.parse(inner) as Record<string, unknown>;
}

/** A valid answer per task, built from the (masked) data the coach sent. */
export function validAnswer(body: ChatBody): unknown {
  const data = memberData(body);
  switch (data.task) {
    case 'reflect':
      return {
        reflection: `MODEL REFLECTION: you care about this (${String(data.about)}).`,
        question: data.about === 'goal' ? 'MODEL QUESTION: what would a first small step be?' : null,
      };
    case 'people': {
      const placeholders = String(data.sentence).match(/\[P\d+\]/g) ?? [];
      return {
        people: [
          ...placeholders.map((p) => ({ name: p, domain: 'neighbourhood' })),
          { name: 'colleague at the hospital', domain: 'former' },
        ],
      };
    }
    case 'smart':
      return {
        feedback: 'MODEL FEEDBACK: clear and kind; a time frame would help.',
        draft: `${String(data.request)} Could we talk for 20 minutes next week? No problem if it doesn't suit you.`,
      };
    case 'openers':
      return {
        openers: (data.topics as { topic: string; hook: string }[]).map((t) => ({
          anchor: `MODEL OPENER on ${t.topic}.`,
          reveal: `I care because ${t.hook}.`,
          encourage: 'What brought you here?',
        })),
      };
    case 'check':
      return { ok: true, say: 'MODEL SAYS: ready to help.' };
    default:
      return {};
  }
}

export interface FakeOpenAi {
  url: string;
  bodies: ChatBody[];
  /** Raw request texts, to search for anything that must never be sent. */
  raw: string[];
  mode: FakeMode;
  /** Overrides the valid answer (a test of prompt injection, a schema-breaking answer). */
  answer?: (body: ChatBody) => unknown;
  requests(task?: string): ChatBody[];
  close(): Promise<void>;
}

const completion = (body: ChatBody, content: string | null, refusal: string | null = null) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion',
  created: Math.floor(Date.now() / 1000),
  model: body.model,
  choices: [{ index: 0, message: { role: 'assistant', content, refusal }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
});

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const hanging = new Set<import('node:http').ServerResponse>();
  const fake: FakeOpenAi = {
    url: '',
    bodies: [],
    raw: [],
    mode: 'valid',
    requests: (task) => (task ? fake.bodies.filter((b) => memberData(b).task === task) : fake.bodies),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(text) as ChatBody;
      fake.raw.push(text);
      fake.bodies.push(body);
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
      switch (fake.mode) {
        case 'valid':
          return json(200, completion(body, JSON.stringify((fake.answer ?? validAnswer)(body))));
        case 'malformed':
          return json(200, completion(body, '{"reflection": "cut off'));
        case 'schema':
          return json(200, completion(body, JSON.stringify({ verdict: 'grade: B-', score: 7 })));
        case 'refusal':
          return json(200, completion(body, null, "I'm sorry, I can't help with that."));
        case '429':
          return json(
            429,
            { error: { message: 'rate limited', type: 'rate_limit' } },
            { 'retry-after-ms': '5' },
          );
        case '429-minute':
          return json(
            429,
            { error: { message: 'rate limited', type: 'rate_limit' } },
            { 'retry-after': '60' },
          );
        case '500':
          return json(500, { error: { message: 'boom', type: 'server_error' } }, { 'retry-after-ms': '5' });
        case 'hang':
          hanging.add(res);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
