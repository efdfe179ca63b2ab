import type { Lang, MemberRef } from '../../src/core/types.js';
import { guessLang } from '../../src/core/types.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Say, Texts } from '../../src/texts/texts.js';
import type { Profiles } from './profile.js';

/** The door's own words in each member's language. */
export interface Translators {
  /** Their stored language, else their Slack locale (users.info), else the default. */
  sayFor(member: MemberRef): Promise<Say>;
  /** The same without asking Slack, for answers that must leave within three seconds. */
  sayNow(member: MemberRef): Promise<Say>;
}

export function createTranslators(
  engine: Pick<Engine, 'language'>,
  profiles: Profiles,
  texts: Texts,
  defaultLang: Lang,
): Translators {
  return {
    sayNow: async (member) => texts.forLang((await engine.language(member)) ?? defaultLang),
    sayFor: async (member) =>
      texts.forLang(
        (await engine.language(member)) ?? guessLang((await profiles.of(member)).locale) ?? defaultLang,
      ),
  };
}
