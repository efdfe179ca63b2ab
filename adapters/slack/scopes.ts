/**
 * What the adapter asks of Slack, and the permissions each needs; manifest.yml must grant exactly
 * these (a test holds them together). `null`: allowed to any bot token.
 */
export const METHOD_SCOPES = {
  'auth.test': null,
  // A member's DM (im:write), and a coffee group's DM with several members (mpim:write).
  'conversations.open': ['im:write', 'mpim:write'],
  // The members of the coffee channel, public (channels:read) or private (groups:read).
  'conversations.members': ['channels:read', 'groups:read'],
  // Whether a coffee group wrote in its group DM, for the organiser's nudge.
  'conversations.history': 'mpim:history',
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'users.info': 'users:read',
  'views.publish': null,
  'views.open': null,
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  // Socket Mode only, with the app-level token (its scope is connections:write, not a bot scope).
  'apps.connections.open': null,
} as const satisfies Record<string, string | readonly string[] | null>;

export const EVENT_SCOPES = {
  'message.im': 'im:history',
  app_mention: 'app_mentions:read',
  app_home_opened: null,
} as const satisfies Record<string, string | null>;

/** The slash command /weakties. */
export const COMMAND_SCOPE = 'commands';

/** Every bot scope the adapter needs, sorted. */
export const BOT_SCOPES: string[] = [
  ...new Set(
    [...Object.values(METHOD_SCOPES), ...Object.values(EVENT_SCOPES), COMMAND_SCOPE]
      .flat()
      .filter((s): s is NonNullable<typeof s> => s !== null),
  ),
].sort();
