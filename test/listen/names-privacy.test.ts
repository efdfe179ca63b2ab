import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAi, memberData, startFakeOpenAi } from '../coach/fake-openai.js';
import { type CoachedEngine, coachedEngine } from '../coach/harness.js';

let fake: FakeOpenAi;
let e: CoachedEngine | undefined;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
afterEach(async () => {
  fake.bodies.length = 0;
  await e?.close();
});

const NOTE = 'a health-IT blogger I follow on LinkedIn';

describe.each(['en', 'nl'] as const)('names and notes stay with the member (%s)', (lang) => {
  it('the model gets the sentence masked, and the stored note never', async () => {
    e = await coachedEngine({ baseUrl: fake.url });
    await e.start(lang);
    await e.send({ choice: 'begin' });
    await e.send({ choice: 'begin' });
    await e.send({ text: `Chris, ${NOTE}` });
    // The sentence goes to the model with the name and the capitalised words masked.
    const [people] = fake.requests('people');
    expect(memberData(people as never).sentence).toBe('[P1], a health-IT blogger I follow on [P2]');
    // The model's reading replaces the scripted one; the note stays with the person it belongs to.
    const chris = (await e.state())?.network.people.find((p) => p.name === 'Chris');
    expect(chris?.note).toBe(NOTE);

    // Later uses of the model never see the map's names or notes.
    fake.bodies.length = 0;
    await e.send({ text: 'menu' });
    await e.send({ choice: 'ask-for-help' });
    await e.send({ choice: 'begin' });
    await e.send({ text: 'Learn how people move from nursing into health IT' });
    expect(fake.bodies.length).toBeGreaterThan(0);
    const sent = JSON.stringify(fake.bodies);
    expect(sent).not.toContain('Chris');
    expect(sent).not.toContain('blogger');
  });
});
