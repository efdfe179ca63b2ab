/**
 * Keeps names and contact details away from the language model: every known name (the member's
 * map, the member's own name, other members' names) and every capitalised word that could be a
 * name becomes a stable placeholder such as [P1]; emails, phone numbers and URLs become [E1],
 * [T1], [U1]. The model's answer is mapped back before anyone sees it.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const PHONE = /(?:\+|\b)\d[\d\s().-]{6,}\d\b/gu;
/** A date is no phone number: 2027-03-01, 1-3-2027, 01/03/27 stay as they are. */
const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/u;
/** An address spelled out to dodge filters: "zeb at example dot org", "zeb (at) example (dot) org". */
const SPELLED_EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:\(at\)|\[at\]|\sat\s|\sapenstaartje\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\(dot\)|\[dot\]|\sdot\s|\spunt\s)\s*[\p{L}\p{N}-]+)+/giu;
/**
 * Words that say the next word is a person ("my neighbour marmaduke", "mijn buurman kees"): that
 * word is masked even in lower case.
 */
const MARKERS = new Set(
  `neighbour neighbor colleague friend cousin brother sister aunt uncle mother father mum mom dad son
  daughter boss manager mentor coach teacher named called buurman buurvrouw collega vriend vriendin neef
  nicht broer zus zuster tante oom moeder vader zoon dochter baas leidinggevende mentor docent juf meester
  genaamd heet`.split(/\s+/),
);
const WORD = /(?<![\p{L}\p{N}[])\p{L}[\p{L}'’-]*/gu;
/**
 * A capitalised word: the shape of most names, also with capitals inside ("McKenzie", "DeShawn",
 * "LinkedIn"). Sentence starters below are left alone; all-capital abbreviations ("EHR") too.
 */
const CAPITALISED = /(?<![\p{L}\p{N}[])\p{Lu}[\p{L}'’-]*\p{Ll}(?![\p{L}\p{N}\]])/gu;
const PLACEHOLDER = /\[([PETU])(\d+)\]/g;

/** Words that start sentences in English and Dutch; they are not names and may stay. */
const COMMON = new Set(
  `i i'm i'd i've my me mine we our us you your he she it they their them the a an and or but so if
  when what why how who which where this that these those there here is are was were be been do does did
  can could would should will may might must please thanks thank hi hello dear yes no not also just then
  because since as at on in of for with from to by about after before during into over under again still
  ik mijn mij me wij we ons onze jij je jouw u uw hij zij ze het de een en of maar dus als wanneer wat
  waarom hoe wie welke waar dit dat deze die er hier is zijn was waren ben bent kan kun kunt kunnen zou
  zal wil graag dank bedankt hoi hallo beste ja nee niet ook gewoon dan omdat sinds bij op in van voor met
  naar adapter over na tijdens onder nog weer misschien der den ter ten te von van`.split(/\s+/),
);

export interface Pseudonymiser {
  mask(text: string): string;
  unmask(text: string): string;
  /** Placeholder → original, for tests and for reading names the model returned. */
  readonly table: ReadonlyMap<string, string>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createPseudonymiser(names: Iterable<string>): Pseudonymiser {
  const table = new Map<string, string>();
  const byValue = new Map<string, string>();
  const counters: Record<string, number> = { P: 0, E: 0, T: 0, U: 0 };
  const placeholder = (kind: 'P' | 'E' | 'T' | 'U', value: string) => {
    const key = kind === 'P' ? value.toLocaleLowerCase() : value;
    const known = byValue.get(`${kind}:${key}`);
    if (known) return known;
    counters[kind] = (counters[kind] ?? 0) + 1;
    const made = `[${kind}${counters[kind]}]`;
    table.set(made, value);
    byValue.set(`${kind}:${key}`, made);
    return made;
  };
  // Longest first, so "Anna de Vries" is one person and not "Anna" plus a stray "de Vries".
  const known = [...new Set([...names].map((n) => n.trim()).filter((n) => n.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  // Each part of a known name counts too, in any case: "ZEBULON" and "quixote" of "Zebulon Quixote".
  const parts = known.flatMap((name) =>
    name.split(/[\s-]+/u).filter((part) => /\p{L}{2,}/u.test(part) && !COMMON.has(part.toLocaleLowerCase())),
  );
  const knownPatterns = [...known, ...new Set(parts)].map(
    (name) =>
      [name, new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu')] as const,
  );
  /** The word after a marker ("my neighbour marmaduke"), whatever its case. */
  const afterMarkers = (text: string) => {
    let marked = false;
    return text.replace(WORD, (word) => {
      const lower = word.toLocaleLowerCase();
      const masked = marked && !COMMON.has(lower) && !MARKERS.has(lower);
      marked = MARKERS.has(lower);
      return masked ? placeholder('P', word) : word;
    });
  };
  return {
    table,
    mask(text) {
      let out = text
        .replace(EMAIL, (m) => placeholder('E', m))
        .replace(SPELLED_EMAIL, (m) => placeholder('E', m))
        .replace(URL, (m) => placeholder('U', m))
        .replace(PHONE, (m) => (DATE.test(m.trim()) ? m : placeholder('T', m)));
      for (const [name, pattern] of knownPatterns) out = out.replace(pattern, () => placeholder('P', name));
      out = afterMarkers(out);
      return out.replace(CAPITALISED, (word) =>
        COMMON.has(word.toLocaleLowerCase()) ? word : placeholder('P', word),
      );
    },
    unmask(text) {
      return text.replace(PLACEHOLDER, (all) => table.get(all) ?? all);
    },
  };
}
