import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { Commitment } from '../../src/engine/records.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

/** Asks as the member left them: answered ones (yes or no, with the predicted yeses of five) and planned ones. */
function asks(answered: [outcome: 'yes' | 'no', predicted: number][], planned = 0): Commitment[] {
  const ask = (i: number, more: Partial<Commitment>): Commitment => ({
    id: `c${i}`,
    kind: 'ask',
    title: 'advice on a move into health-care IT',
    person: 'Sanne',
    date: '2026-12-04',
    jobId: `j${i}`,
    status: 'open',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...more,
  });
  return [
    ...answered.map(([outcome, predicted], i) => ask(i, { outcome, predicted, status: 'done' })),
    ...Array.from({ length: planned }, (_, i) => ask(100 + i, { predicted: 3 })),
  ];
}

/** "my progress" for a member with these commitments, in their language. */
async function progress(lang: Lang, commitments: Commitment[]): Promise<string> {
  const t = await testEngine();
  await t.text('hello');
  const state = await t.state();
  if (!state) throw new Error('no state');
  await t.members.save({ ...state, lang, commitments });
  t.sent.length = 0;
  await t.command('progress');
  const reply = t.sent.find((s) =>
    s.reply.text.includes(say(lang, 'progress.events', { prepared: 0, debriefed: 0 })),
  );
  if (!reply) throw new Error(`no progress in ${JSON.stringify(t.sent)}`);
  return reply.reply.text;
}

describe('my progress counts asks, and gives rates only from enough of them', () => {
  it('0 asks: none yet, and where to start', async () => {
    const text = await progress('en', []);
    expect(text).toContain('No asks yet: “Ask for help” in the menu sets one up.');
    expect(text).not.toContain('%');
  });

  it('1 ask planned: counted, not "no asks"', async () => {
    const en = await progress('en', asks([], 1));
    expect(en).toContain('1 ask planned, none answered yet.');
    expect(en).not.toContain(say('en', 'progress.noAsksYet'));
    expect(await progress('nl', asks([], 2))).toContain('2 hulpvragen gepland, nog zonder antwoord.');
  });

  it('1 ask answered: "1 of 1 said yes so far", never "100%"', async () => {
    const en = await progress('en', asks([['yes', 2]], 1));
    expect(en).toContain('Asks made: 1, of which 1 got a yes. Still planned: 1.');
    expect(en).toContain('1 of 1 said yes so far; you expected 2 of five.');
    expect(en).not.toContain('%');
    expect(en).toContain(say('en', 'progress.meaning'));
    const nl = await progress('nl', asks([['yes', 2]]));
    expect(nl).toContain('1 van de 1 zei tot nu toe ja; je verwachtte 2 van de vijf.');
    expect(nl).not.toContain('%');
    expect(await progress('nl', asks([['no', 1]]))).toContain('Tot nu toe zei nog niemand ja: 0 van de 1.');
  });

  it('3 asks answered: still counts, the prediction as the average of five', async () => {
    const three = asks([
      ['yes', 2],
      ['yes', 3],
      ['no', 3],
    ]);
    const en = await progress('en', three);
    expect(en).toContain('2 of 3 said yes so far; you expected 2.7 of five.');
    expect(en).not.toContain('%');
    expect(await progress('nl', three)).toContain(
      '2 van de 3 zeiden tot nu toe ja; je verwachtte 2,7 van de vijf.',
    );
  });

  it('6 asks answered: a rate beside the predicted rate, and what it means', async () => {
    const six = asks([
      ['yes', 2],
      ['yes', 2],
      ['yes', 2],
      ['yes', 2],
      ['yes', 2],
      ['no', 2],
    ]);
    const en = await progress('en', six);
    expect(en).toContain('You expected 40% of people to say yes; so far 83% did.');
    expect(en).toContain(say('en', 'progress.meaningHigher'));
    expect(await progress('nl', six)).toContain(
      'Je verwachtte dat 40% van de mensen ja zou zeggen; tot nu toe is dat 83%.',
    );
  });
});
