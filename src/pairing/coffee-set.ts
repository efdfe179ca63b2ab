import type { Reply } from '../core/types.js';
import type { Say } from '../texts/texts.js';
import { type Community, communityKey, defaultPrefs, type Group } from './community.js';
import { zoneOf } from './group-slots.js';
import { asName, nameList } from './intro.js';
import { googleCalendarLink, type Invite, inviteIcs, outlookLink } from './invite.js';
import { slotIn } from './slot-text.js';

/**
 * A coffee is set once every member picked one same time: each member then gets the invite file
 * and calendar links, the time in their own zone. Pure: the service sends what this returns.
 */

const nameOf = (c: Community, user: string) => asName((c.roster[user]?.prefs ?? defaultPrefs()).name ?? user);

/** The invite one member receives: the others are their partners; the organiser is named as chosen. */
export function inviteFor(
  c: Community,
  round: number,
  group: Group,
  user: string,
  start: Date,
  say: Say,
): Invite {
  const partners = group.users.filter((u) => u !== user).map((u) => nameOf(c, u));
  const names = nameList(partners, c.settings.lang);
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
  say: Say,
  now: Date,
): { user: string; replies: Reply[] }[] {
  return group.users.map((user) => {
    const invite = inviteFor(c, round, group, user, start, say);
    const names = nameList(
      group.users.filter((u) => u !== user).map((u) => nameOf(c, u)),
      c.settings.lang,
    );
    const text = say('coffee.set.text', {
      names,
      slot: slotIn(start, zoneOf(c, user), c.settings.lang, now),
      google: googleCalendarLink(invite),
      outlook: outlookLink(invite),
    });
    return {
      user,
      replies: [{ text, file: { name: `coffee-round-${round}.ics`, content: inviteIcs(invite) } }],
    };
  });
}
