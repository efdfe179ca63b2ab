/** Commands that work anywhere, with the words that call them in either language. */
export const COMMAND_WORDS = {
  start: ['start'],
  help: ['help', 'hulp', '?'],
  menu: ['menu'],
  pause: ['pause', 'pauze'],
  continue: ['continue', 'verder', 'resume', 'hervat'],
  language: ['language', 'taal', 'lang'],
  network: ['my network', 'mijn netwerk', 'network', 'netwerk'],
  map: ['map', 'my map', 'kaart', 'mijn kaart', 'netwerkkaart'],
  export: ['export', 'exporteer', 'exporteren'],
  forget: ['forget', 'vergeet', 'forget me', 'vergeet mij'],
  progress: ['progress', 'my progress', 'voortgang', 'mijn voortgang'],
  commitments: ['commitments', 'my commitments', 'plans', 'afspraken', 'mijn afspraken', 'plannen'],
  coffee: ['coffee', 'koffie', 'virtual coffee', 'virtuele koffie'],
  stats: ['stats', 'statistieken'],
  /** An admin's one-time link to the community's web dashboard (src/dashboard). */
  dashboard: ['dashboard'],
} as const;

export type CommandName = keyof typeof COMMAND_WORDS;

export type ParsedCommand = { name: CommandName; args: string[] } | { name: 'unknown'; word: string };

const byName = (name: string): CommandName | undefined =>
  (Object.keys(COMMAND_WORDS) as CommandName[]).find((c) => c === name);

function byWord(text: string): ParsedCommand | undefined {
  for (const [name, words] of Object.entries(COMMAND_WORDS) as [CommandName, readonly string[]][]) {
    for (const word of words) {
      if (text === word) return { name, args: [] };
      if (text.startsWith(`${word} `)) return { name, args: text.slice(word.length + 1).split(/\s+/) };
    }
  }
  return undefined;
}

/**
 * Reads a command from a typed line. A bare word is a command only when it is the whole
 * message (so a name like "Menu" in a list is still a name); "/word args" always is.
 */
export function parseCommandText(raw: string): ParsedCommand | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text.startsWith('/')) {
    const body = text.slice(1);
    return byWord(body) ?? { name: 'unknown', word: body.split(' ')[0] ?? '' };
  }
  const found = byWord(text);
  if (!found || 'word' in found) return undefined;
  return found.args.length === 0 || found.name === 'language' ? found : undefined;
}

export function parseCommandName(name: string, args: string[]): ParsedCommand {
  const word = name.trim().toLowerCase();
  const found = byWord(word);
  const known = byName(word) ?? (found && !('word' in found) ? found.name : undefined);
  return known ? { name: known, args } : { name: 'unknown', word: word.slice(0, 40) };
}
