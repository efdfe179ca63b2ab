import type { Lang, Reply } from '../core/types.js';
import type { Say } from '../texts/texts.js';

/**
 * A note to one member (their coffee is set, a partner's own times, why they were not placed,
 * a nudge), written only when it is delivered: in the language the member chose, found in their
 * record under their lock. Group intros in a shared conversation are not notes; they keep the
 * community's language.
 */
export interface Note {
  /** The community's language: for a member the coach has no record of yet. */
  lang: Lang;
  /** The note's replies in one language, dates and lists formatted in it too. */
  write(say: Say, lang: Lang): Reply[];
}

/** A note of one text, written in whichever language it is delivered in. */
export const textNote = (lang: Lang, text: (say: Say, lang: Lang) => string): Note => ({
  lang,
  write: (say, to) => [{ text: text(say, to) }],
});
