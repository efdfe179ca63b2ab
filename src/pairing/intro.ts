import type { Lang } from '../core/types.js';
import type { Say } from '../texts/texts.js';
import { fillIntroTemplate, readIntroTemplate } from './intro-template.js';
import { slotForGroup } from './slot-text.js';
import type { GapReason } from './why.js';

/** A name as a person reads it: one typed in lower case ("ana") still starts with a capital. */
export const asName = (name: string) => name.charAt(0).toLocaleUpperCase() + name.slice(1);

/**
 * Names as one list in the language's own way: "Ana and Bram", "Ana, Bram and Chris",
 * "Ana, Bram en Chris". Groups run up to seven people, so "A and B and C" will not do.
 */
export const nameList = (names: readonly string[], lang: Lang): string =>
  new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { style: 'long', type: 'conjunction' }).format(names);

/** What an adapter needs to introduce one coffee group in its shared conversation. */
export interface GroupIntro {
  round: number;
  lang: Lang;
  members: { user: string; name: string; intro?: string }[];
  organiser: string;
  starter: string;
  /** The community's coffee channel, where an adapter that threads intros opens them. */
  channel?: string;
  /** The community's own intro text with placeholders ("coffee set intro"); the built-in one without. */
  template?: string;
  /** In `gaps` mode: whose need a partner offers, told only with both members' consent. */
  why?: GapReason[];
  /** Proposed times (src/pairing/group-slots.ts), shown in every member's zone; absent in old rounds. */
  times?: { slots?: string[]; closest?: string; zones: string[]; roundAt: string };
}

/** The group's proposed times as the group intro says them; the old "agree a time" without any. */
function timesText(intro: GroupIntro, say: Say): string {
  const times = intro.times;
  if (!times) return say('coffee.groupIntro.slotsLater');
  const at = (t: string) => slotForGroup(new Date(t), times.zones, intro.lang, new Date(times.roundAt));
  if (times.slots?.length)
    return say('coffee.groupIntro.slots', { slots: times.slots.map((t) => `• ${at(t)}`).join('\n') });
  if (times.closest) return say('coffee.groupIntro.noCommonTime', { slot: at(times.closest) });
  return say('coffee.groupIntro.slotsLater');
}

/**
 * The group intro as text. Each adapter passes how it mentions a member and how it escapes member
 * text (an intro line is the member's own words and may hold markup).
 */
export function groupIntroText(
  intro: GroupIntro,
  say: Say,
  mention: (user: string) => string,
  escapeText: (text: string) => string,
): string {
  const names = nameList(
    intro.members.map((m) => mention(m.user)),
    intro.lang,
  );
  const memberLines = intro.members.flatMap((m) =>
    m.intro ? [say('coffee.groupIntro.line', { name: mention(m.user), intro: escapeText(m.intro) })] : [],
  );
  // Why this group: the members' own words, escaped like their intro lines.
  memberLines.push(
    ...(intro.why ?? []).map((r) =>
      say('coffee.groupIntro.why', {
        needer: mention(r.needer),
        offerer: mention(r.offerer),
        tag: escapeText(r.tag),
      }),
    ),
  );
  const read = intro.template ? readIntroTemplate(intro.template) : undefined;
  // A stored text was read when it was set; one that no longer reads falls back to the built-in intro.
  if (read && 'parts' in read) {
    const own = fillIntroTemplate(
      read.parts,
      {
        partners: names,
        organiser: mention(intro.organiser),
        starter: escapeText(intro.starter),
        slots: timesText(intro, say),
      },
      escapeText,
    );
    return [own, ...memberLines].join('\n');
  }
  const lines = [say('coffee.groupIntro.heading', { round: intro.round, names }), ...memberLines];
  lines.push(say('coffee.groupIntro.starter', { starter: escapeText(intro.starter) }));
  if (intro.times) lines.push(timesText(intro, say));
  lines.push(say('coffee.groupIntro.organiser', { name: mention(intro.organiser) }));
  return lines.join('\n');
}
