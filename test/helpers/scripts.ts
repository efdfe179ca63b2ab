/** Scripted conversations shared by the end-to-end tests. */
import { readFileSync } from 'node:fs';
import { RECALL_DOMAINS } from '../../src/network/model.js';
import type { CliSession, ScriptStep, Turn } from './cli.js';
import { runScript } from './cli.js';
import { say, variants } from './texts.js';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const isPng = (path: string): boolean =>
  readFileSync(path).subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);

/** The parts of life the network map walks through, in order. */
export const DOMAIN_ORDER = RECALL_DOMAINS;

export const part = (n: number) => `Part ${n} of 10\n`;

/**
 * The shortest complete network-map exercise in English, from the welcome question: `names`
 * in current work (everyone else skipped), each rated `ring`/`contact`, every resource "nobody".
 * Ends with the menu question after the summary.
 */
export async function quickExercise(
  session: CliSession,
  names: string[],
  rating: { ring: string; contact: string } = { ring: 'inner', contact: 'weekly' },
): Promise<Turn[]> {
  const steps: ScriptStep[] = [
    { send: { choice: 'begin' }, expect: 'Your network is bigger than you think' },
    { send: { choice: 'begin' }, expect: part(1) },
    { send: { text: names.join(', ') }, expect: 'your current work' },
    { send: { choice: 'none' }, expect: part(2) },
  ];
  for (let n = 3; n <= 10; n++) steps.push({ send: { choice: 'none' }, expect: part(n) });
  steps.push({ send: { choice: 'none' }, expect: 'important matters in your work' });
  steps.push({ send: { choice: 'none' }, expect: 'changing jobs' });
  steps.push({ send: { choice: 'none' }, expect: 'mattered most for your career' });
  steps.push({ send: { choice: 'none' }, expect: `How close are you to ${names[0]}?` });
  for (const name of names) {
    steps.push({ send: { choice: rating.ring }, expect: `When were you last in touch with ${name}?` });
    steps.push({ send: { choice: rating.contact } });
  }
  for (let n = 2; n <= 10; n++) steps.push({ send: { choice: 'nobody' }, expect: `Question ${n} of 10` });
  steps.push({ send: { choice: 'nobody' }, expect: 'What would you like to do?' });
  return runScript(session, steps);
}

/** The "who else?" question of the part of life (its id) at this index (the variant turns with the index). */
export function probe(domain: string, index: number, lang = 'en'): string {
  const all = variants(lang, 'recall.probe', { domain: say(lang, `domainFrom.${domain}`) });
  return all[index % all.length] as string;
}
