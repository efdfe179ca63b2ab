/**
 * Payloads shaped after Slack's documented examples: the Events API envelope
 * (https://docs.slack.dev/apis/events-api), block_actions and view_submission interaction
 * payloads (https://docs.slack.dev/reference/interaction-payloads) and slash command requests.
 */

export const TEAM = 'T0001';
export const APP_ID = 'A0001';
export const BOT_USER = 'UBOT';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

/** A fresh message timestamp, unique within a test run. */
export const newTs = () => `1710000000.${String(next()).padStart(6, '0')}`;

export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${String(next()).padStart(8, '0')}`,
) {
  return {
    token: 'XXYYZZ',
    team_id: TEAM,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1710000000,
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: '4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMDAwMSJ9',
  };
}

/** A message.im event: a member writes in their DM with the bot. */
export function imMessage(user: string, text: string, ts = newTs(), extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    channel: `D${user}`,
    user,
    text,
    ts,
    event_ts: ts,
    channel_type: 'im',
    client_msg_id: `c${next()}`,
    ...extra,
  };
}

export function appMention(user: string, channel: string, text: string, ts = newTs()) {
  return {
    type: 'app_mention',
    user,
    text,
    ts,
    channel,
    event_ts: ts,
    ...(channel.startsWith('D') ? { channel_type: 'im' } : {}),
  };
}

export function homeOpened(user: string) {
  return {
    type: 'app_home_opened',
    user,
    channel: `D${user}`,
    tab: 'home',
    event_ts: newTs(),
  };
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Record<string, unknown>[];
}

/** A block_actions payload for one element of a posted message (a button, a select's option, or a multi-select's options). */
export function blockActions(
  user: string,
  message: PostedMessage,
  action:
    | { action_id: string; type: 'button' | 'static_select'; value: string; label: string }
    | { action_id: string; type: 'multi_static_select'; options: { value: string; label: string }[] },
  /** The message's menus as they stand, by action id (Slack sends them as `state.values`). */
  menus: Record<string, { value: string; label: string }[]> = {},
) {
  // The block the element sits in, as Slack names it in the payload.
  const block = message.blocks.find(
    (b) =>
      b.type === 'actions' &&
      (b.elements as { action_id: string }[]).some((e) => e.action_id === action.action_id),
  );
  const text = (label: string) => ({ type: 'plain_text', text: label, emoji: true });
  const chosen =
    action.type === 'multi_static_select'
      ? { selected_options: action.options.map((o) => ({ value: o.value, text: text(o.label) })) }
      : action.type === 'button'
        ? { value: action.value, text: text(action.label) }
        : { selected_option: { value: action.value, text: text(action.label) } };
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: APP_ID,
    token: '9s8d9as89d8as9d8as989',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `${next()}.333649436676.d8c1bb837935619ccad0f624c448ffb3`,
    channel: { id: message.channel, name: 'directmessage' },
    message: { type: 'message', user: BOT_USER, ts: message.ts, text: message.text, blocks: message.blocks },
    response_url: 'https://hooks.slack.com/actions/T0001/1/abc',
    state: {
      values: {
        [(block?.block_id as string | undefined) ?? 'weakties.question']: Object.fromEntries(
          Object.entries(menus).map(([id, options]) => [
            id,
            {
              type: 'multi_static_select',
              selected_options: options.map((o) => ({ value: o.value, text: text(o.label) })),
            },
          ]),
        ),
      },
    },
    actions: [
      {
        action_id: action.action_id,
        block_id: (block?.block_id as string | undefined) ?? 'weakties.question',
        type: action.type,
        action_ts: `1710000${next()}.840180`,
        ...chosen,
      },
    ],
  };
}

/** A block_actions payload from a button in the App Home view. */
export function homeAction(user: string, actionId: string) {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: APP_ID,
    token: '9s8d9as89d8as9d8as989',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: `${next()}.333649436676.home`,
    view: { id: 'VHOME', type: 'home' },
    actions: [
      {
        action_id: actionId,
        block_id: 'home',
        type: 'button',
        value: actionId,
        text: { type: 'plain_text', text: 'x' },
        action_ts: `1710000${next()}.111111`,
      },
    ],
  };
}

/** A view_submission for a modal the bot opened, with each input's typed value. */
export function viewSubmission(user: string, view: Record<string, unknown>, values: Record<string, string>) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: APP_ID,
    token: '9s8d9as89d8as9d8as989',
    trigger_id: `${next()}.333649436676.view`,
    view: {
      ...view,
      id: view.id ?? `V${next()}`,
      team_id: TEAM,
      state: {
        values: Object.fromEntries(
          Object.entries(values).map(([block, value]) => [
            block,
            { value: { type: 'plain_text_input', value } },
          ]),
        ),
      },
      hash: `156663117.cd33ad1f${next()}`,
      root_view_id: view.id,
      app_id: APP_ID,
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

/** The form fields of a slash command request. */
export function slashCommand(user: string, text: string, channel = `D${user}`) {
  return {
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/weakties',
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/1234/5678',
    trigger_id: `${next()}.66715301.slash`,
  };
}
