import type { Config } from '../../src/config.js';
import type { Door, DoorContext } from '../../src/door.js';

/** The Discord door (discord.js): DMs, the /coach command, buttons and modals. */
export async function startDiscord(_context: DoorContext): Promise<Door> {
  throw new Error('The Discord door is not built yet');
}

/** Registers the slash commands: in one guild (instant, for testing) or globally. */
export async function registerDiscordCommands(_config: Config, _guild?: string): Promise<void> {
  throw new Error('The Discord door is not built yet');
}
