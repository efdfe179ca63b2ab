/** Scripted DM conversations shared by the Discord tests. */
import { expect } from 'vitest';
import { DOMAIN_ORDER, part } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';
import type { Member } from './harness.js';

/** From "hello" to the first part of the network map: welcome, then the exercise intro. */
export async function openExercise(ada: Member) {
  const welcome = await ada.type('hello');
  expect(welcome.question.content).toBe(say('en', 'welcome.intro'));
  const intro = await ada.press('begin');
  expect(intro.question.content).toContain('Your network is bigger than you think');
  const first = await ada.press('begin');
  expect(first.question.content).toContain(part(1));
  return first;
}

/** The rest of the exercise from part 1: names through the modal, one rating each, "nobody" for resources. */
export async function finishExercise(ada: Member, names: string[]) {
  const probe = await ada.fill('names', { names: names.join(', ') });
  expect(probe.before.map((m) => m.content).join('\n')).toContain(names[0]);
  for (let n = 2; n <= DOMAIN_ORDER.length; n++) {
    const next = await ada.press('none');
    expect(next.question.content).toContain(part(n));
  }
  for (const topic of ['important matters in your work', 'changing jobs', 'mattered most for your career']) {
    const career = await ada.press('none');
    expect(career.question.content).toContain(topic);
  }
  const rating = await ada.press('none');
  expect(rating.question.content).toContain(`How close are you to ${names[0]}?`);
  for (const name of names) {
    const contact = await ada.press('inner');
    expect(contact.question.content).toContain(`When were you last in touch with ${name}?`);
    await ada.press('weekly');
  }
  for (let n = 2; n <= 10; n++) {
    const next = await ada.press('nobody');
    expect(next.question.content).toContain(`Question ${n} of 10`);
  }
  const end = await ada.press('nobody');
  expect(end.question.content).toBe(say('en', 'menu.prompt'));
  return end;
}
