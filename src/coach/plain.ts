/**
 * A model's answer read as plain text, whatever it tried: no links, mentions or markup a chat
 * platform would render, no control bytes. Only the words remain ("Click [here](http://…)" is
 * "Click here"), so a hostile or confused answer can neither point a member elsewhere nor ping a
 * channel.
 */
import { withoutControls } from '../core/controls.js';

const RULES: [RegExp, string][] = [
  // Markdown links and images: keep the words, drop the address.
  [/!?\[([^\]]*)\]\([^)]*\)/gu, '$1'],
  // Slack links <http://x|words> and <http://x>, mentions <@U1>, <!channel>, <#C1|name>; Discord
  // mentions <@1>, <@&1>, <#1>, commands </help:1>, custom emoji <:x:1>, timestamps <t:1>.
  [/<(?:https?:|mailto:)[^>|]*\|([^>]*)>/giu, '$1'],
  [/<(?:[@#!/:]|a:|t:|https?:|mailto:)[^>]*>/giu, ''],
  // Bare addresses.
  [/\b(?:https?:\/\/|www\.)\S+/giu, ''],
  // Mass mentions lose their @.
  [/@(everyone|here|channel)\b/giu, '$1'],
  // Emphasis, code and strike-through markers; heading and quote marks at a line's start.
  [/(\*\*|__|~~|`+)/gu, ''],
  [/^\s{0,3}(?:#{1,6}|>)\s*/gmu, ''],
];

export function plainText(text: string): string {
  let out = withoutControls(text);
  for (const [pattern, by] of RULES) out = out.replace(pattern, by);
  return out.replace(/[ \t]{2,}/gu, ' ').trim();
}

/** A name as a person's name can be: no address, mention or markup in it. */
export const isPlainName = (name: string): boolean =>
  !/[[\]()<>@/\\:*_`~#|{}]|https?|www\./iu.test(name) && plainText(name) === name.trim();
