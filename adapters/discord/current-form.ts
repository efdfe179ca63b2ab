import type { Form, MemberRef } from '../../src/core/types.js';
import type { Engine } from '../../src/engine/engine.js';

/**
 * The form of the question the member is looking at now, read from their stored state, so a
 * modal opens with the right fields even after a restart; undefined when that form is no
 * longer asked (the button is stale).
 */
export async function currentForm(
  engine: Engine,
  member: MemberRef,
  formId: string,
): Promise<Form | undefined> {
  return (await engine.currentQuestion(member)).find((reply) => reply.form?.id === formId)?.form;
}
