import type { Lang } from '../core/types.js';
import type { Say } from '../texts/texts.js';
import { type Community, communityKey, defaultPrefs, type Group } from './community.js';
import { zoneOf } from './group-slots.js';
import { asName, nameList } from './intro.js';
import { googleCalendarLink, type Invite, inviteIcs, outlookLink } from './invite.js';
import type { Note } from './note.js';
import { slotIn } from './slot-text.js';

/**
 * A coffee is set once every member picked one same time: each member then gets the invite file
 * and calendar links, the time in their own zone and language. Pure: the service sends what this returns.
 */

const nameOf = (c: Community, user: string) => asName((c.roster[user]?.prefs ?? defaultPrefs()).name ?? user);

/**
 * The invite one member receives: the others are their partners; the organiser is named as chosen.
 * Its title and description are in the member's language: the file is theirs alone (its partners
 * differ per member), lands in their own calendar, and matches the links in the note beside it.
 */
export function inviteFor(
  c: Community,
  round: number,
  group: Group,
  user: string,
  start: Date,
  say: Say,
  lang: Lang,
): Invite {
  const partners = group.users.filter((u) => u !== user).map((u) => nameOf(c, u));
  const names = nameList(partners, lang);
  return {
    uid: `${communityKey(c.ref)}:${round}:${[...group.users].sort().join('+')}@weakties`,
    start,
    title: say('coffee.set.title', { names }),
    description: say('coffee.set.description', { names, organiser: nameOf(c, group.organiser) }),
    organiser: nameOf(c, group.organiser),
    partners: group.users.filter((u) => u !== group.organiser).map((u) => nameOf(c, u)),
    ...(group.link ? { link: group.link } : {}),
  };
}

/** What each member of a set group hears: the time in their zone, the links, and the `.ics` file. */
export function setNotes(
  c: Community,
  round: number,
  group: Group,
  start: Date,
  now: Date,
): { user: string; note: Note }[] {
  return group.users.map((user) => ({
    user,
    note: {
      lang: c.settings.lang,
      write: (say, lang) => {
        const invite = inviteFor(c, round, group, user, start, say, lang);
        const names = nameList(
          group.users.filter((u) => u !== user).map((u) => nameOf(c, u)),
          lang,
        );
        const text = say('coffee.set.text', {
          names,
          slot: slotIn(start, zoneOf(c, user), lang, now),
          google: googleCalendarLink(invite),
          outlook: outlookLink(invite),
        });
        return [{ text, file: { name: `coffee-round-${round}.ics`, content: inviteIcs(invite) } }];
      },
    },
  }));
}
