import type { SmartLetter } from './index.js';

/**
 * A scripted SMART check of a help request, in English and Dutch, with no language model:
 * each letter is a pattern that a request meeting it almost always contains, in the member's own
 * words ("half uurtje", "20 min", "a quick call", "omdat", "so that", "volgende week").
 */
const has = (pattern: string) => {
  const re = new RegExp(`(?<![\\p{L}\\d])(?:${pattern})(?![\\p{L}])`, 'iu');
  return (t: string) => re.test(t);
};

const DAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
const MONTHS =
  'january|february|march|april|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober';
const NUMBERS = 'ten|fifteen|twenty|thirty|forty-five|tien|vijftien|twintig|dertig|a few|een paar';
const PERIODS = 'week|weeks|month|months|weekend|weken|maand|maanden|weekend|zomer|summer|holidays|vakantie';

const CHECKS: Record<SmartLetter, (text: string) => boolean> = {
  // Specific: long enough to say what exactly is asked.
  S: (t) => t.split(/\s+/).filter(Boolean).length >= 8,
  // Meaningful: a reason is given.
  M: has(
    [
      "because|since|so that|so i can|so i could|as i(?:\\s|’|')|in order to|which would|that would|to help me|it would help",
      "i'm trying to|i am trying to|i want to|i'd like to|i would like to|i hope to|i'm hoping to|my goal|i'm looking to|i'm thinking of",
      'omdat|zodat|want|om te|aangezien|ik wil|ik zou graag|ik probeer|ik hoop|mijn doel|helpt me|zou me helpen|ik overweeg|ik denk erover',
    ].join('|'),
  ),
  // Action-oriented: a concrete thing to do.
  A: has(
    [
      'call|phone|look|coffee|chat|meet|meeting|introduc\\p{L}*|review|feedback|look at|look over|read|advice|advise|talk|connect|share|tell me|show me|explain|lunch|walk|video|zoom|teams|mentor',
      'bel\\p{L}*|kijk\\p{L}*|telefo\\p{L}*|koffie|afspr\\p{L}*|introdu\\p{L}*|bekijk\\p{L}*|lezen|meelezen|advies|adviseren|praten|spreken|gesprek\\p{L}*|kennismak\\p{L}*|voorstellen|meekijken|vertellen|vertel|delen|uitleggen|laten zien|sparren|lunchen|wandelen|videobellen|in contact brengen',
    ].join('|'),
  ),
  // Realistic for them: the size of the ask is bounded.
  R: has(
    [
      `(?:\\d+|${NUMBERS})\\s?-?\\s?(?:min|mins|minute|minutes|minuten|minuutjes|minuutje|uur|hour|hours|pages?|pagina'?s)`,
      'quick|short|brief|half an hour|an hour|one hour|one page|a few minutes|a moment|a few questions|one question',
      'kort\\p{L}*|even|half uur|half uurtje|uurtje|een uur|kwartier|kwartiertje|één pagina|een pagina|paar minuten|paar vragen|één vraag|eventjes|momentje',
    ].join('|'),
  ),
  // Time-bound: a day, a date or a period.
  T: (t) =>
    TIME(
      t.replace(LOOSE, (word, at: number) => (PERIOD_AFTER.test(t.slice(at + word.length)) ? 'soon' : ' ')),
    ),
};

/** Words that say a time only before a period or a day: "next week", "deze maand", "half maart". */
const LOOSE = /(?<![\p{L}])(?:this|next|coming|early|late|deze|volgende|komende|half|begin)(?![\p{L}])/giu;
const PERIOD_AFTER = new RegExp(
  `^\\s*(?:${PERIODS}|${DAYS}|${MONTHS}|year|jaar|morning|afternoon|ochtend|middag|days|dagen|few|paar|two|twee)(?![\\p{L}])`,
  'iu',
);
const TIME = has(
  [
    `today|tomorrow|tonight|soon|within|before (?:the|${DAYS}|${MONTHS}|\\d|next|the end)|by (?:${DAYS}|${MONTHS}|\\d|next|the end)|end of|start of|sometime in|over the next|in the next|in (?:a|one|two|three|four|\\d+) (?:${PERIODS})|(?:in|by|before|early|end of) may|may \\d`,
    `vandaag|morgen|overmorgen|vanavond|binnenkort|binnen|eind|over (?:een|één|twee|drie|vier|\\d+) (?:${PERIODS})`,
    `voor (?:${DAYS}|${MONTHS}|\\d|het eind|eind|de zomer|de vakantie|volgende|het weekend)`,
    DAYS,
    MONTHS,
    '\\d{1,2}[/-]\\d{1,2}',
  ].join('|'),
);

/** The SMART letters a request does not meet yet, in order. */
export function missingSmart(request: string): SmartLetter[] {
  return (Object.keys(CHECKS) as SmartLetter[]).filter((letter) => !CHECKS[letter](request));
}

/** Whether the request already leaves the other person an easy way out. */
export const hasEasyOut = has(
  [
    "no problem|no worries|no pressure|if it doesn't suit|if it does not suit|if you can't|if you're busy|feel free to say no|totally fine if not|no is fine",
    'geen probleem|geen punt|geen bezwaar|als het (?:je )?niet uitkomt|komt het (?:je )?niet uit|als het niet past|als je geen tijd|nee is ook (?:goed|prima)|nee mag ook|helemaal (?:goed|prima) als|dan is dat helemaal (?:goed|prima)',
  ].join('|'),
);
