import type { Form, MemberRef } from '../../src/core/types.js';
import type { Engine } from '../../src/engine/engine.js';
import { modalCount } from './render.js';

export type FormStep = { next: number; fields: Record<string, string> } | { done: Record<string, string> };

/** After one part is submitted: the part to open next with what was answered so far, or the whole answer. */
export function afterPart(
  form: Form,
  part: number,
  earlier: Record<string, string>,
  submitted: Record<string, string>,
): FormStep {
  const fields = { ...earlier, ...submitted };
  return part + 1 < modalCount(form) ? { next: part + 1, fields } : { done: fields };
}

/**
 * The answers to the first parts of long forms, per member, until the last part is sent.
 * In memory: a restart in the middle of a long form asks its first part again.
 */
export function createPendingForms() {
  const pending = new Map<string, { form: string; question: string; fields: Record<string, string> }>();
  return {
    keep(user: string, form: string, question: string, fields: Record<string, string>): void {
      pending.set(user, { form, question, fields });
    },
    get(user: string, form: string) {
      const found = pending.get(user);
      return found?.form === form ? found : undefined;
    },
    drop(user: string): void {
      pending.delete(user);
    },
  };
}

export type PendingForms = ReturnType<typeof createPendingForms>;

/**
 * The form of the question the member is looking at now, read from their stored state, so a
 * modal opens with the right fields even after a restart; undefined when that form is no
 * longer asked (the button is stale).
 */
export async function currentForm(
  engine: Pick<Engine, 'currentQuestion'>,
  member: MemberRef,
  formId: string,
): Promise<Form | undefined> {
  return (await engine.currentQuestion(member)).find((reply) => reply.form?.id === formId)?.form;
}
