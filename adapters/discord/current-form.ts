import type { Config } from '../../src/config.js';
import type { Engine } from '../../src/engine/engine.js';
import { askCurrent } from '../../src/engine/step.js';
import type { Form, MemberRef } from '../../src/engine/types.js';
import type { Texts } from '../../src/texts/texts.js';

/**
 * The form of the question the member is looking at now, read from their stored state, so a
 * modal opens with the right fields even after a restart; undefined when that form is no
 * longer asked (the button is stale).
 */
export async function currentForm(
  engine: Engine,
  texts: Texts,
  config: Pick<Config, 'revisitDays' | 'defaultLang'>,
  member: MemberRef,
  formId: string,
): Promise<Form | undefined> {
  const state = await engine.peek(member);
  if (!state) return undefined;
  const env = { texts, now: new Date(), revisitDays: config.revisitDays, defaultLang: config.defaultLang };
  return askCurrent(state, env).find((reply) => reply.form?.id === formId)?.form;
}
