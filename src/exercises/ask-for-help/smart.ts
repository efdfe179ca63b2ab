import type { SmartLetter } from './index.js';

/**
 * A scripted SMART check of a help request, in English and Dutch, with no language model:
 * each letter is a pattern that a request meeting it almost always contains.
 */
const CHECKS: Record<SmartLetter, (text: string) => boolean> = {
  // Specific: long enough to say what exactly is asked.
  S: (t) => t.split(/\s+/).filter(Boolean).length >= 8,
  // Meaningful: a reason is given.
  M: (t) =>
    /\b(because|so that|since|as i|in order to|which would|that would|to help me|omdat|zodat|want|om te|zou me|helpt me)\b/i.test(
      t,
    ),
  // Action-oriented: a concrete thing to do.
  A: (t) =>
    /\b(call|coffee|chat|meet|meeting|introduc\w*|review|feedback|look at|read|advice|advise|talk|connect|bel\w*|koffie|afspreken|introdu\w*|bekijk\w*|lezen|advies|praten|spreken|gesprek\w*|kennismak\w*|voorstellen|meekijken)\b/i.test(
      t,
    ),
  // Realistic for them: the size of the ask is bounded.
  R: (t) =>
    /\b\d+[\s-]?(min|mins|minute|minutes|minuten|minuutjes)\b|\b(quick|short|brief|half an hour|one page|kort\w*|even|half uur|kwartier|één pagina)\b/i.test(
      t,
    ),
  // Time-bound: a date or a period.
  T: (t) =>
    /\b(today|tomorrow|this week|next week|this month|next month|before|by|within|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|vandaag|morgen|deze week|volgende week|deze maand|volgende maand|voor|binnen|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|mei|juni|juli|augustus|oktober)\b|\b\d{1,2}[/-]\d{1,2}\b/i.test(
      t,
    ),
};

/** The SMART letters a request does not meet yet, in order. */
export function missingSmart(request: string): SmartLetter[] {
  return (Object.keys(CHECKS) as SmartLetter[]).filter((letter) => !CHECKS[letter](request));
}

/** Whether the request already leaves the other person an easy way out. */
export const hasEasyOut = (request: string): boolean =>
  /\b(no problem|no worries|no pressure|if it doesn't suit|if you can't|if you're busy|feel free to say no|geen probleem|geen punt|geen bezwaar|als het niet uitkomt|als het niet past|als je geen tijd)\b/i.test(
    request,
  );
