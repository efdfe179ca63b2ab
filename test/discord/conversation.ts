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

/** The rest of the exercise from part 1: names through the modal, all close and weekly, "none" for resources. */
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
  // Rating by groups: everyone close, typed as names; everyone in touch this week.
  const rating = await ada.press('none');
  expect(rating.question.content).toContain(say('en', 'rateGroup.inner'));
  const contact = await ada.type(names.join(', '));
  expect(contact.question.content).toContain(say('en', 'rateGroup.weekly'));
  const resources = await ada.type(names.join(', '));
  expect(resources.question.content).toContain(say('en', 'resourceTheme.career'));
  const expertise = await ada.press('none');
  expect(expertise.question.content).toContain(say('en', 'resourceTheme.expertise'));
  const end = await ada.press('none');
  expect(end.question.content).toBe(say('en', 'menu.prompt'));
  return end;
}
