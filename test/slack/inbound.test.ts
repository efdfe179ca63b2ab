import { describe, expect, it } from 'vitest';
import {
  fromAppMention,
  fromBlockActions,
  fromHomeOpened,
  fromMessageEvent,
  fromSlashCommand,
  fromViewSubmission,
  messageId,
  picksInbound,
  slackToPlain,
  withoutBotMention,
} from '../../adapters/slack/inbound.js';
import {
  appMention,
  BOT_USER,
  blockActions,
  homeAction,
  homeOpened,
  imMessage,
  slashCommand,
  TEAM,
  viewSubmission,
} from './fixtures.js';

const bot = { userId: BOT_USER, botId: 'BBOT' };
const member = (user: string) => ({ platform: 'slack', space: TEAM, user });

describe('slackToPlain', () => {
  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;!here&gt; typed literally', '<!here> typed literally'],
    ['<https://example.com|my site>', 'my site'],
    ['<https://example.com>', 'https://example.com'],
    ['<mailto:a@b.nl|a@b.nl>', 'a@b.nl'],
    ['<@U123>', '@U123'],
    ['<@U123|anna>', '@anna'],
    ['<#C123|general>', '#general'],
    ['<!channel> and <!here>', '@channel and @here'],
    ['<!subteam^S123>', '@subteam'],
  ])('%s', (input, expected) => {
    expect(slackToPlain(input)).toBe(expected);
  });

  it('drops a leading mention of the bot', () => {
    expect(withoutBotMention('<@UBOT> help', 'UBOT')).toBe('help');
    expect(withoutBotMention('<@UBOT|weakties>: start', 'UBOT')).toBe('start');
    expect(withoutBotMention('hi <@UBOT>', 'UBOT')).toBe('hi <@UBOT>');
  });
});

describe('fromMessageEvent', () => {
  it('turns a member message in the DM into a text event keyed by channel and ts', () => {
    const event = imMessage('U1', 'Anna &amp; Piet', '1355517523.000005');
    expect(fromMessageEvent(event, TEAM, bot)).toEqual({
      inbound: {
        kind: 'text',
        id: messageId('DU1', '1355517523.000005'),
        member: member('U1'),
        text: 'Anna & Piet',
      },
    });
  });

  it.each([
    ['an edit', imMessage('U1', 'x', undefined, { subtype: 'message_changed' })],
    ['a deletion', imMessage('U1', 'x', undefined, { subtype: 'message_deleted' })],
    ['another bot', imMessage('U2', 'x', undefined, { subtype: 'bot_message', bot_id: 'B2' })],
    ['a bot without subtype', imMessage('U2', 'x', undefined, { bot_id: 'B2' })],
    ['the bot itself', imMessage(BOT_USER, 'x')],
    ['a channel message', { ...imMessage('U1', 'x'), channel: 'C1', channel_type: 'channel' }],
    ['something else', { type: 'reaction_added' }],
  ])('ignores %s', (_name, event) => {
    expect(fromMessageEvent(event, TEAM, bot)).toHaveProperty('ignore');
  });
});

describe('fromAppMention', () => {
  it('answers a channel mention with an invitation in its thread', () => {
    const event = appMention('U1', 'C1', '<@UBOT> what is this?', '1515449522.000016');
    expect(fromAppMention(event, TEAM, bot)).toEqual({
      invite: { channel: 'C1', ts: '1515449522.000016', threadTs: '1515449522.000016', user: 'U1' },
    });
  });

  it('replies in the existing thread when mentioned inside one', () => {
    const event = { ...appMention('U1', 'C1', '<@UBOT> hi'), thread_ts: '1.000001' };
    expect(fromAppMention(event, TEAM, bot)).toMatchObject({ invite: { threadTs: '1.000001' } });
  });

  it('treats a mention in the DM as the message itself, with the same key as its message.im twin', () => {
    const ts = '1515449522.000017';
    const mention = fromAppMention(appMention('U1', 'DU1', '<@UBOT> help', ts), TEAM, bot);
    const message = fromMessageEvent(imMessage('U1', '<@UBOT> help', ts), TEAM, bot);
    expect(mention).toEqual(message);
    expect(mention).toMatchObject({ inbound: { text: 'help', id: messageId('DU1', ts) } });
  });
});

describe('fromSlashCommand', () => {
  it.each([
    ['', 'start', []],
    ['help', 'help', []],
    ['start', 'start', []],
    ['my network', 'network', []],
    ['network', 'network', []],
    ['language nl', 'language', ['nl']],
    ['taal en', 'language', ['en']],
    ['export', 'export', []],
    ['forget', 'forget', []],
    ['dance', 'dance', []],
    ['coffee', 'coffee', []],
    ['coffee join', 'coffee', ['join']],
    ['koffie round now', 'coffee', ['round', 'now']],
    ['coffee set channel <#C0123ABC|coffee-chat>', 'coffee', ['set', 'channel', '<#C0123ABC|coffee-chat>']],
    ['coffee  set   channel   <#C0123ABC>', 'coffee', ['set', 'channel', '<#C0123ABC>']],
    ['coffee set group Sales &amp; Ops', 'coffee', ['set', 'group', 'sales', '&', 'ops']],
    ['coffee set timezone <!channel>', 'coffee', ['set', 'timezone', '@channel']],
    ['stats', 'stats', []],
    ['statistieken', 'stats', []],
  ])('"/weakties %s" is the %s command', (text, name, args) => {
    const body = slashCommand('U1', text);
    expect(fromSlashCommand(body)).toEqual({
      channel: 'DU1',
      inbound: { kind: 'command', id: `slack:command:${body.trigger_id}`, member: member('U1'), name, args },
    });
  });
});

describe('fromBlockActions', () => {
  const message = { channel: 'DU1', ts: '1548261231.000200', text: 'Pick', blocks: [] };

  it('reads a button press: its value is the choice id', () => {
    const body = blockActions('U1', message, {
      action_id: 'weakties.choice.0',
      type: 'button',
      value: 'begin',
      label: 'Map my network',
    });
    expect(fromBlockActions(body)).toEqual({
      member: member('U1'),
      actionId: 'weakties.choice.0',
      value: 'begin',
      label: 'Map my network',
      triggerId: body.trigger_id,
      id: `slack:action:U1:${body.actions[0]?.action_ts}`,
      message,
    });
  });

  it('reads a select: the selected option is the choice', () => {
    const body = blockActions('U1', message, {
      action_id: 'weakties.select',
      type: 'static_select',
      value: 'friends',
      label: 'Friends',
    });
    expect(fromBlockActions(body)).toMatchObject({ value: 'friends', label: 'Friends' });
  });

  it('reads a multi-select: every selected option, in the order Slack lists them, none included', () => {
    const body = blockActions('U1', message, {
      action_id: 'weakties.picks',
      type: 'multi_static_select',
      options: [
        { value: 'p2', label: 'Joost' },
        { value: 'p0', label: 'Anna' },
      ],
    });
    const press = fromBlockActions(body);
    expect(press).toMatchObject({ actionId: 'weakties.picks', values: ['p2', 'p0'], label: 'Joost, Anna' });
    expect(press && picksInbound(press)).toEqual({
      kind: 'picks',
      id: press?.id,
      member: member('U1'),
      values: ['p2', 'p0'],
    });
    const cleared = blockActions('U1', message, {
      action_id: 'weakties.picks',
      type: 'multi_static_select',
      options: [],
    });
    expect(fromBlockActions(cleared)?.values).toEqual([]);
  });

  it('reads an App Home press, which has no message', () => {
    expect(fromBlockActions(homeAction('U1', 'weakties.home.map'))).toMatchObject({
      member: member('U1'),
      value: 'weakties.home.map',
      message: undefined,
    });
  });

  it('refuses a payload without actions', () => {
    expect(fromBlockActions({ type: 'block_actions', user: { id: 'U1' }, actions: [] })).toBeUndefined();
  });

  it('reads the question key back from the block a pressed button sits in', () => {
    const asked = {
      ...message,
      blocks: [
        {
          type: 'actions',
          block_id: 'weakties.question:AbC123',
          elements: [{ type: 'button', action_id: 'weakties.choice.0', value: 'yes' }],
        },
      ],
    };
    const body = blockActions('U1', asked, {
      action_id: 'weakties.choice.0',
      type: 'button',
      value: 'yes',
      label: 'Yes',
    });
    expect(fromBlockActions(body)?.questionKey).toBe('AbC123');
  });
});

describe('fromViewSubmission', () => {
  it('reads each input block as a field, and where the form was asked', () => {
    const view = {
      id: 'VNHU13V36',
      private_metadata: JSON.stringify({ form: 'names', channel: 'DU1', ts: '1.2' }),
    };
    const body = viewSubmission('U1', view, { names: 'Anna, Piet' });
    expect(fromViewSubmission(body)).toEqual({
      origin: { form: 'names', channel: 'DU1', ts: '1.2' },
      inbound: {
        kind: 'form',
        id: 'slack:view:VNHU13V36',
        member: member('U1'),
        fields: { names: 'Anna, Piet' },
      },
    });
  });

  it('refuses a view it did not open', () => {
    expect(
      fromViewSubmission(viewSubmission('U1', { private_metadata: 'nonsense' }, { a: 'b' })),
    ).toBeUndefined();
  });
});

describe('fromHomeOpened', () => {
  it('names the member for the Home tab only', () => {
    expect(fromHomeOpened(homeOpened('U1'), TEAM)).toEqual(member('U1'));
    expect(fromHomeOpened({ ...homeOpened('U1'), tab: 'messages' }, TEAM)).toBeUndefined();
  });
});
