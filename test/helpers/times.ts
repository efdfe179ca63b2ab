/** The proposed times a group intro shows, as the tests expect them in its {slots} or built-in text. */
import type { Lang } from '../../src/core/types.js';
import type { Community, Group, Round } from '../../src/pairing/community.js';
import { groupTimes, zoneOf } from '../../src/pairing/group-slots.js';
import { slotForGroup } from '../../src/pairing/slot-text.js';
import { say } from './texts.js';

export function groupTimesText(c: Community, round: Round, group: Group, lang: Lang): string {
  const ordered = [group.organiser, ...group.users.filter((u) => u !== group.organiser)];
  const zones = ordered.map((u) => zoneOf(c, u));
  const { slots = [] } = groupTimes(c, round, ordered);
  const lines = slots.map((t) => `• ${slotForGroup(new Date(t), zones, lang, new Date(round.at))}`);
  return say(lang, 'coffee.groupIntro.slots', { slots: lines.join('\n') });
}
