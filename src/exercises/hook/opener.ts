/**
 * The pieces of a scripted ARE opener (Anchor, Reveal, Encourage) made from the member's own words
 * so they read as one text: a topic and a hook set into a sentence (no pasted capital, no doubled
 * punctuation), and the open question that fits the topic. Pure; the words come from the prompts.
 */

/** The kinds of open question an opener can end with, and the follow-up questions that go with them. */
export const ENDINGS = ['brought', 'surprised', 'next', 'differently', 'practice'] as const;
export type Ending = (typeof ENDINGS)[number];

/**
 * Words that make a topic ask for a particular question, in English and Dutch. A word of four
 * letters or more matches the start of a word ("innovat" matches "innovation"), a shorter one the
 * whole word ("ai").
 */
const TOPIC_WORDS: Record<Exclude<Ending, 'brought'>, readonly string[]> = {
  next: [
    'future',
    'trend',
    'next',
    'tomorrow',
    'innovat',
    'ai',
    'artificial',
    'strateg',
    'vision',
    'emerging',
    'toekomst',
    'vernieuw',
    'visie',
    'morgen',
    'komende',
  ],
  surprised: [
    'research',
    'study',
    'studies',
    'data',
    'finding',
    'result',
    'numbers',
    'evidence',
    'survey',
    'statistic',
    'onderzoek',
    'studie',
    'cijfers',
    'bevinding',
    'resultat',
    'enquete',
    'statistiek',
  ],
  differently: [
    'lesson',
    'learned',
    'mistake',
    'fail',
    'case',
    'rollout',
    'implement',
    'redesign',
    'transition',
    'change',
    'migration',
    'switch',
    'reorgani',
    'lessen',
    'fout',
    'mislukt',
    'invoering',
    'herontwerp',
    'verander',
    'overstap',
    'transitie',
  ],
  practice: [
    'practice',
    'workflow',
    'team',
    'leader',
    'leading',
    'manag',
    'collaborat',
    'tool',
    'daily',
    'everyday',
    'hands',
    'praktijk',
    'werkvloer',
    'leiderschap',
    'samenwerk',
    'dagelijks',
    'leidinggev',
  ],
};

const plainWords = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const matches = (word: string, key: string) => (key.length >= 4 ? word.startsWith(key) : word === key);

/** The kind named by the first word of `text` that names one. */
function kindIn(text: string): Ending | undefined {
  for (const word of plainWords(text))
    for (const [kind, keys] of Object.entries(TOPIC_WORDS))
      if (keys.some((key) => matches(word, key))) return kind as Ending;
  return undefined;
}

/** A number from the text, the same every time: picks among the endings when no word decides. */
const spread = (text: string) =>
  [...plainWords(text).join(' ')].reduce((sum, c) => sum + (c.codePointAt(0) ?? 0), 0);

/** The question an opener ends with: fitted to the topic (or else the hook), else picked by its words. */
export function endingFor(topic: string, hook: string): Ending {
  return kindIn(topic) ?? kindIn(hook) ?? (ENDINGS[spread(topic) % ENDINGS.length] as Ending);
}

/**
 * Words that start a sentence with a capital only because they start it ("Our", "The", "Ik",
 * "Onze"), so are written small in the middle of one. Names, acronyms and "I" are not among them.
 */
const SMALL_WORDS = new Set(
  `the a an our my we it its this that these those there their they he she his her you your in on at
  as for with since because when while after before most many some all every each no not so and but
  or if how what why where which who now just also lately recently currently last next being working
  having from to of about one both more much almost people everyone nobody something someone
  everything nothing here too very really actually honestly lots
  de het een ons onze mijn we wij ik je jij jouw u uw hij zij ze zijn haar hun dit dat deze die er
  daar hier op bij als omdat want sinds met voor na zoals over van naar wat hoe waarom waar welke
  wie nu al ook juist vooral eigenlijk steeds elke iedere veel alle sommige mensen iedereen niemand
  niets iets zelf momenteel vorig vorige volgend volgende dagelijks toen dan eerlijk echt heel zeker
  misschien binnenkort straks afgelopen`.split(/\s+/),
);

/** Words that already say why, so no "because" or "want" goes before them. */
const OWN_CONNECTIVES = new Set(['because', 'since', 'cause', 'omdat', 'want', 'doordat', 'aangezien']);

const firstWord = (text: string) => /^[\p{L}]+/u.exec(text)?.[0] ?? '';

/**
 * The member's words set into a sentence: spaces and punctuation tidied, the ending punctuation
 * left to the sentence around it, and a first word that is capitalised only as a sentence start
 * written small. "Our ward's EHR screens are slow!!" is "our ward's EHR screens are slow".
 */
export function inSentence(text: string): string {
  const tidy = text
    .replace(/\s+/g, ' ')
    .replace(/([.!?])[.!?]+/g, '$1')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .replace(/[\s,.;:!?…]+$/u, '');
  const first = firstWord(tidy);
  const capitalisedOnly = /^\p{Lu}\p{Ll}*$/u.test(first);
  return capitalisedOnly && SMALL_WORDS.has(first.toLowerCase())
    ? `${first.toLowerCase()}${tidy.slice(first.length)}`
    : tidy;
}

/** The reveal's reason: the hook in a sentence, after "because" (`connective`) unless it says why itself. */
export function reasonFrom(hook: string, connective: string): string {
  const said = inSentence(hook);
  return OWN_CONNECTIVES.has(firstWord(said).toLowerCase()) ? said : `${connective} ${said}`;
}
