import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness;
afterEach(async () => {
  await h?.store.close();
});

/** From first contact to the first recall question (current work), in the given language. */
async function toRecall(lang: 'en' | 'nl') {
  h = await testEngine();
  await h.command('start', [lang]);
  await h.choice('begin');
  await h.choice('begin');
  expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 0, probed: false });
}

/** What the coach said in answer to one message. */
async function answer(text: string): Promise<string[]> {
  const before = h.sent.length;
  await h.text(text);
  return h.sent.slice(before).map((s) => s.reply.text);
}

const people = async () =>
  ((await h.state())?.network.people ?? []).map((p) => (p.note ? [p.name, p.note] : [p.name]));

describe.each(['en', 'nl'] as const)('the recall question in %s', (lang) => {
  it.each(
    lang === 'en'
      ? ['no', 'none', 'nobody else', "that's all"]
      : ['nee', 'niemand', 'niemand meer', 'dat was het', 'geen'],
  )('%j ends the part and adds nobody', async (word) => {
    await toRecall(lang);
    const replies = await answer(word);
    expect(await people()).toEqual([]);
    expect(replies.join('\n')).not.toContain(say(lang, 'people.added', { names: word, total: 1 }));
    expect(replies.join('\n')).not.toContain(say(lang, 'people.noName'));
    // Past the "who else?" too: straight on to the next part of life.
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 1, probed: false });
  });

  it('"who else?" answered with a list ending moves on', async () => {
    await toRecall(lang);
    await answer('Anna');
    expect((await h.state())?.flow).toMatchObject({ probed: true });
    await answer(lang === 'en' ? 'nobody else' : 'niemand meer');
    expect(await people()).toEqual([['Anna']]);
    // A probe that brought nobody: the next two parts go without one.
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 1, probed: false, quiet: 2 });
  });

  it('names before "that\'s all" are added and the part ends', async () => {
    await toRecall(lang);
    await answer(lang === 'en' ? "Anna, Piet, that's all" : 'Anna, Piet, dat was het');
    expect(await people()).toEqual([['Anna'], ['Piet']]);
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 1, probed: false });
  });

  it('past the per-answer limit says how many it kept and asks for the rest', async () => {
    await toRecall(lang);
    const many = Array.from({ length: 80 }, (_, i) => `P${i}`).join(', ');
    const replies = await answer(many);
    expect(await people()).toHaveLength(50);
    expect(replies[0]).toContain(say(lang, 'people.over', { kept: 50, last: 'P49', left: 30 }));
    // The same question again, for the rest.
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 0, probed: false });
    expect(h.sent.at(-1)?.reply.text).toContain(say(lang, 'recall.work'));
    await answer(Array.from({ length: 30 }, (_, i) => `P${i + 50}`).join(', '));
    expect(await people()).toHaveLength(80);
  });
});

describe('a name with a note, in English', () => {
  it('is one person with the note, shown beside the name', async () => {
    await toRecall('en');
    const replies = await answer('Chris, a health-IT blogger I follow on LinkedIn');
    expect(await people()).toEqual([['Chris', 'a health-IT blogger I follow on LinkedIn']]);
    expect(replies[0]).toBe(
      say('en', 'people.added', { names: 'Chris (a health-IT blogger I follow on LinkedIn)', total: 1 }),
    );
  });

  it('reads the notes of the issue and keeps Lisa one person', async () => {
    await toRecall('en');
    await answer('Sanne, she moved into nursing informatics');
    await answer('Lisa who is our EHR key user');
    await answer('my cousin Rob who works at a hospital so');
    expect(await people()).toEqual([
      ['Sanne', 'moved into nursing informatics'],
      ['Lisa', 'who is our EHR key user'],
      ['Rob', 'my cousin who works at a hospital'],
    ]);
    const replies = await answer('Lisa');
    expect(await people()).toHaveLength(3);
    expect(replies[0]).toBe(say('en', 'people.duplicate', { names: 'Lisa (who is our EHR key user)' }));
  });

  it('asks whether a first name is someone already on the map: yes keeps one person', async () => {
    await toRecall('en');
    await answer('Anna de Vries, Mo');
    const replies = await answer('Anna, Kim');
    expect(replies).toEqual([
      say('en', 'people.added', { names: 'Kim', total: 3 }),
      say('en', 'people.same', { typed: 'Anna', name: 'Anna de Vries' }),
    ]);
    expect(h.question()?.choices?.map((c) => c.id)).toEqual(['yes', 'no']);
    const yes = await answer('yes');
    expect(yes[0]).toBe(say('en', 'people.sameYes', { name: 'Anna de Vries' }));
    expect(await people()).toEqual([['Anna de Vries'], ['Mo'], ['Kim']]);
    // On to where the answer was going: the next part of life.
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 1, probed: false });
  });

  it('no adds them as someone new, with their note; several first names are asked one by one', async () => {
    await toRecall('en');
    await answer('Anna de Vries, Rob Smit');
    await answer('Anna - from the gym, Rob');
    expect(h.lastText()).toBe(say('en', 'people.same', { typed: 'Anna', name: 'Anna de Vries' }));
    await h.choice('no');
    expect(h.sent.map((s) => s.reply.text)).toContain(
      say('en', 'people.added', { names: 'Anna (from the gym)', total: 3 }),
    );
    expect(h.lastText()).toBe(say('en', 'people.same', { typed: 'Rob', name: 'Rob Smit' }));
    await h.choice('yes');
    expect(await people()).toEqual([['Anna de Vries'], ['Rob Smit'], ['Anna', 'from the gym']]);
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 1, probed: false });
  });

  it('the question waits when the member leaves for the menu, and comes back with the exercise', async () => {
    await toRecall('en');
    await answer('Anna de Vries');
    await answer('Anna');
    await h.text('menu');
    await h.choice('awareness');
    expect(h.lastText()).toBe(say('en', 'people.same', { typed: 'Anna', name: 'Anna de Vries' }));
    await h.choice('yes');
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 1, probed: false });
  });

  it('after the last part of life, the question comes before the work questions', async () => {
    await toRecall('en');
    await answer('Anna de Vries');
    for (let i = 0; i < 9; i++) await h.choice('none');
    expect((await h.state())?.flow).toEqual({ at: 'awareness.recall', domain: 9, probed: false });
    await answer("Anna, that's all");
    expect(h.lastText()).toBe(say('en', 'people.same', { typed: 'Anna', name: 'Anna de Vries' }));
    const yes = await answer('yes');
    expect(yes.slice(0, 2)).toEqual([
      say('en', 'people.sameYes', { name: 'Anna de Vries' }),
      say('en', 'career.intro'),
    ]);
    expect((await h.state())?.flow).toEqual({ at: 'awareness.career', question: 0 });
  });

  it('a first name at a work question means the person on the map, and the coach says so', async () => {
    await toRecall('en');
    await answer('Anna de Vries');
    for (let i = 0; i < 10; i++) await h.choice('none');
    expect((await h.state())?.flow).toEqual({ at: 'awareness.career', question: 0 });
    const replies = await answer('Anna');
    expect(replies[0]).toBe(say('en', 'people.sameAs', { typed: 'Anna', name: 'Anna de Vries' }));
    expect((await h.state())?.network.people.map((p) => [p.name, p.named])).toEqual([
      ['Anna de Vries', ['discuss']],
    ]);
  });

  it('shows the note in "my network"', async () => {
    await toRecall('en');
    await answer('Dick - my old director');
    await h.command('network');
    await h.choice('edit');
    await h.text('Dick');
    expect(h.sent.at(-1)?.reply.text).toMatch(/^Dick \(my old director\): /);
  });
});

describe('een naam met een notitie, in het Nederlands', () => {
  it('is één persoon met de notitie erbij', async () => {
    await toRecall('nl');
    const replies = await answer(
      'Marjolein (buurvrouw), Dick - oud-directeur, Pieter die bij de gemeente werkt',
    );
    expect(await people()).toEqual([
      ['Marjolein', 'buurvrouw'],
      ['Dick', 'oud-directeur'],
      ['Pieter', 'die bij de gemeente werkt'],
    ]);
    expect(replies[0]).toBe(
      say('nl', 'people.added', {
        names: 'Marjolein (buurvrouw), Dick (oud-directeur), Pieter (die bij de gemeente werkt)',
        total: 3,
      }),
    );
  });

  it('laat twijfelwoorden weg en voegt Dick niet twee keer toe', async () => {
    await toRecall('nl');
    await answer('Marjolein denk ik, Dick (oud-directeur)');
    const replies = await answer('Dick, Ilse geloof ik');
    expect(await people()).toEqual([['Marjolein'], ['Dick', 'oud-directeur'], ['Ilse']]);
    expect(replies[0]).toContain(say('nl', 'people.duplicate', { names: 'Dick (oud-directeur)' }));
  });

  it('vraagt of een voornaam iemand is die al op de kaart staat', async () => {
    await toRecall('nl');
    await answer('Dick de Bruin (oud-directeur)');
    await answer('Dick, Ilse geloof ik');
    expect(h.lastText()).toBe(
      say('nl', 'people.same', { typed: 'Dick', name: 'Dick de Bruin (oud-directeur)' }),
    );
    const no = await answer('nee');
    expect(no[0]).toBe(say('nl', 'people.added', { names: 'Dick', total: 3 }));
    expect(await people()).toEqual([['Dick de Bruin', 'oud-directeur'], ['Ilse'], ['Dick']]);
  });

  it('toont de notitie in "mijn netwerk"', async () => {
    await toRecall('nl');
    await answer('Marjolein (buurvrouw)');
    await h.command('network');
    await h.choice('edit');
    await h.text('Marjolein');
    expect(h.sent.at(-1)?.reply.text).toMatch(/^Marjolein \(buurvrouw\): /);
  });
});
