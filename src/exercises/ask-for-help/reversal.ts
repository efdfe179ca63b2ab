/**
 * Reading the answer to the reversal question ("what do you do when someone asks you for help?")
 * as "I help", "it depends", "I often say no", or unclear, in English and Dutch. Pure word lists,
 * read clause by clause and aware of negation: "I rarely say no" helps, "ik help niet snel" does not.
 */

export const REVERSAL_KINDS = ['help', 'depends', 'no', 'unclear'] as const;
export type ReversalKind = (typeof REVERSAL_KINDS)[number];

/** Words that help. "for help" and "om hulp" are the question's own words, not an answer. */
const HELP = [
  /(?<!\bfor )(?<!\bom )\bhelp(?:s|ing|en|t)?\b/,
  /\bof course\b/,
  /\bgladly\b/,
  /\b(?:happy|glad|willing) to\b/,
  /\bsay(?:s|ing)? yes\b/,
  /\bdo (?:my best|what i can)\b/,
  /\blend a hand\b/,
  /\bpitch in\b/,
  /\bmake (?:the )?time\b/,
  /\bnatuurlijk\b/,
  /\buiteraard\b/,
  /\btuurlijk\b/,
  /\bgraag\b/,
  /\bzeg(?:t|gen)?(?: \w+){0,3} ja\b/,
  /\bja (?:te )?zeggen\b/,
  /\bmijn best\b/,
  /\bspring\w* (?:\w+ ){0,2}bij\b/,
  /\bsta (?:\w+ ){0,2}klaar\b/,
  /\bmaak (?:\w+ ){0,2}tijd\b/,
];

const NO = [
  /\bsa(?:y|ys|ying|id) no\b/,
  /\bturn(?:s|ing)? (?:\w+ ){0,3}down\b/,
  /\bdeclin/,
  /\brefus/,
  /\b(?:too|so|very|really) busy\b/,
  /\bno time\b/,
  /\bdont have (?:the |much )?time\b/,
  /\b(?:would )?rather not\b/,
  /\bavoid/,
  /\bzeg(?:t|gen)?(?: \w+){0,3} nee\b/,
  /\bnee (?:te )?zeggen\b/,
  /\b(?:te|zo|erg|heel) druk\b/,
  /\bhet (?:al )?druk\b/,
  /\bgeen tijd\b/,
  /\bweiger/,
  /\bafsla|\bsla (?:\w+ ){0,3}af\b/,
  /\bwimpel|\bhoud (?:\w+ ){0,3}af\b/,
  /\bliever niet\b/,
  /\bvermijd/,
];

const DEPENDS = [
  /\bdepend/,
  /\bvar(?:y|ies)\b/,
  /\bsometimes\b/,
  /\bcase by case\b/,
  /\bif (?:i|im|its|it|they|the|there|time)\b/,
  /\bwhen i (?:can|have|am able)\b/,
  /\bwho(?:s| is)? ask/,
  /\bwhat (?:they|it is|its)\b/,
  /\bnot always\b/,
  /\bunless\b/,
  /\bwithin (?:reason|limits)\b/,
  /\bhangt\b/,
  /\bafhankelijk\b/,
  /\bligt (?:er )?(?:maar )?aan\b|\bligt eraan\b/,
  /\bsoms\b/,
  /\b(?:als|wanneer) (?:ik|het) (?:er )?(?:\w+ )?(?:kan|tijd|uitkomt|past|lukt|zin|ruimte)\b/,
  /\bwie het (?:is|vraagt)\b/,
  /\bniet altijd\b/,
  /\bwisselend\b|\bverschilt\b|\bper geval\b/,
  /\bmits\b|\btenzij\b/,
];

/** Words that turn a signal around; two of them cancel out ("I don't hesitate to help"). */
const NEGATORS = new Set([
  'not',
  'dont',
  'never',
  'rarely',
  'seldom',
  'hardly',
  'barely',
  'cant',
  'cannot',
  'wont',
  'doesnt',
  'hard',
  'difficult',
  'struggle',
  'bad',
  'hesitate',
  'mind',
  'niet',
  'nooit',
  'zelden',
  'nauwelijks',
  'amper',
  'geen',
  'moeilijk',
  'lastig',
  'moeite',
  'slecht',
  'aarzel',
  'erg',
]);

/** A whole clause that is just yes or no, perhaps with how often: "meestal ja", "mostly no". */
const BARE = /^(?:(?:mostly|usually|often|always|generally|meestal|vaak|altijd|doorgaans) )?(yes|ja|no|nee)$/;

/** Lower case, no accents, no apostrophes ("don't" is "dont"), cut into clauses. */
function clauses(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[.,;:!?()\n]+|\b(?:but|maar|though|although|alhoewel|hoewel)\b/)
    .map((c) => c.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    .filter(Boolean);
}

const words = (text: string) => text.split(' ').filter(Boolean);

/**
 * Whether the words around a signal (four before, two after, and those inside it: "zeg bijna
 * nooit nee") turn it around. A signal's own first and last words ("rather not") do not count.
 */
function negated(clause: string, index: number, length: number): boolean {
  const around = [
    ...words(clause.slice(0, index)).slice(-4),
    ...words(clause.slice(index, index + length)).slice(1, -1),
    ...words(clause.slice(index + length)).slice(0, 2),
  ];
  return around.filter((w) => NEGATORS.has(w)).length % 2 === 1;
}

/** The signals a clause gives: a negated help is a no, a negated no is help. */
function signals(clause: string): Set<ReversalKind> {
  const found = new Set<ReversalKind>();
  const bare = BARE.exec(clause);
  if (bare) found.add(bare[1] === 'yes' || bare[1] === 'ja' ? 'help' : 'no');
  if (DEPENDS.some((re) => re.test(clause))) found.add('depends');
  for (const [kind, turned, patterns] of [
    ['help', 'no', HELP],
    ['no', 'help', NO],
  ] as const) {
    for (const re of patterns) {
      const m = re.exec(clause);
      if (m) found.add(negated(clause, m.index, m[0].length) ? turned : kind);
    }
  }
  return found;
}

/** What the member does when asked for help, as their answer says it. */
export function readReversal(answer: string): ReversalKind {
  const found = new Set(clauses(answer).flatMap((c) => [...signals(c)]));
  if (found.has('depends') || (found.has('help') && found.has('no'))) return 'depends';
  if (found.has('help')) return 'help';
  if (found.has('no')) return 'no';
  return 'unclear';
}
