import type { Form } from '../core/types.js';
import { MAX_ANSWER_LENGTH } from './step.js';

/**
 * The most characters one field of a form may take so that the whole answer is one the engine
 * accepts (it refuses a form whose fields together pass MAX_ANSWER_LENGTH). The doors set it as
 * each text input's maximum, so the platform stops the typing instead of the engine refusing,
 * and losing, a long answer.
 */
export const fieldMaxLength = (form: Form): number =>
  Math.max(1, Math.floor(MAX_ANSWER_LENGTH / Math.max(1, form.fields.length)));
