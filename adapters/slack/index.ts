import type { Door, DoorContext } from '../../src/door.js';

/** The Slack door (Bolt): HTTP mode with SLACK_SIGNING_SECRET, Socket Mode with SLACK_APP_TOKEN. */
export async function startSlack(_context: DoorContext): Promise<Door> {
  throw new Error('The Slack door is not built yet');
}
