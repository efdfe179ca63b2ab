import type { Form } from '../../src/core/types.js';
import { LIMITS } from './limits.js';

/** How many modals a form takes: Discord shows at most five text inputs in one. */
export const modalCount = (form: Form): number =>
  Math.max(1, Math.ceil(form.fields.length / LIMITS.inputsPerModal));

/** The fields of one part of a form. */
export const partFields = (form: Form, part: number): Form['fields'] =>
  form.fields.slice(part * LIMITS.inputsPerModal, (part + 1) * LIMITS.inputsPerModal);

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
