import { type GatewayMessageCreateDispatchData, Locale } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  fromChoice,
  fromCommand,
  fromDirectMessage,
  fromModal,
  type MessageView,
} from '../../adapters/discord/inbound.js';
import { readCustomId } from '../../adapters/discord/render.js';
import { InboundSchema } from '../../src/core/types.js';
import { BOT_USER } from './fake-discord.js';
import { buttonPress, directMessage, person } from './fixtures.js';

const ada = person('400000000000000001');
const member = { platform: 'discord', space: 'global', user: ada.id };

/** The fields discord.js's Message exposes, read from a gateway payload as discord.js does. */
const asMessage = (d: GatewayMessageCreateDispatchData): MessageView => ({
  id: d.id,
  content: d.content,
  guildId: d.guild_id ?? null,
  author: { id: d.author.id, bot: d.author.bot ?? false },
});

describe('fromDirectMessage', () => {
  it('turns a DM into a text answer of the member, whatever the guild', () => {
    const d = directMessage(ada, '1', 'Anna, Bram');
    const inbound = fromDirectMessage(asMessage(d), BOT_USER.id);
    expect(inbound).toEqual({ kind: 'text', id: `discord:${d.id}`, member, text: 'Anna, Bram' });
    expect(InboundSchema.parse(inbound)).toEqual(inbound);
  });

  it.each([
    ['a server message', { ...directMessage(ada, '1', 'hi'), guild_id: '7' }],
    ['a bot', directMessage({ ...person('5'), bot: true }, '1', 'hi')],
    ['the coach itself', directMessage(BOT_USER, '1', 'hi')],
  ] satisfies [string, GatewayMessageCreateDispatchData][])('ignores %s', (_, d) => {
    expect(fromDirectMessage(asMessage(d), BOT_USER.id)).toBeUndefined();
  });
});

describe('interactions', () => {
  const press = buttonPress(ada, directMessage(BOT_USER, '1', 'q') as never, 'c:begin', Locale.Dutch);
  // The user as discord.js gives it: camelCase globalName.
  const user = { id: ada.id, username: ada.username, globalName: ada.global_name };
  const view = { id: press.id, locale: press.locale, user };

  it('a button carries the choice id and the locale', () => {
    expect(readCustomId(press.data.custom_id)).toEqual({ type: 'choice', value: 'begin' });
    const inbound = fromChoice(view, 'begin');
    expect(inbound).toEqual({
      kind: 'choice',
      id: `discord:${press.id}`,
      member,
      value: 'begin',
      locale: 'nl',
      displayName: 'Ada',
    });
    expect(InboundSchema.parse(inbound)).toEqual(inbound);
  });

  it.each([
    ['c:p12', { type: 'choice', value: 'p12' }],
    ['c:a:b', { type: 'choice', value: 'a:b' }],
    ['s:3', { type: 'select' }],
    ['f:0:names', { type: 'openForm', form: 'names', part: 0 }],
    ['f:2:a:b', { type: 'openForm', form: 'a:b', part: 2 }],
    ['m:1:rename', { type: 'submitForm', form: 'rename', part: 1 }],
    ['m:rename', { type: 'unknown' }],
    ['c:', { type: 'unknown' }],
    ['other', { type: 'unknown' }],
  ])('reads custom id %s', (id, action) => {
    expect(readCustomId(id)).toEqual(action);
  });

  it('a modal gives its text inputs as form fields', () => {
    const inbound = fromModal(view, [
      { customId: 'names', value: 'Anna' },
      { customId: 'empty', value: null },
    ]);
    expect(inbound).toEqual({
      kind: 'form',
      id: `discord:${press.id}`,
      member,
      fields: { names: 'Anna', empty: '' },
      locale: 'nl',
      displayName: 'Ada',
    });
    expect(InboundSchema.parse(inbound)).toEqual(inbound);
  });

  it.each([
    ['start', null, { name: 'start', args: [] }],
    ['network', null, { name: 'network', args: [] }],
    ['language', 'nl', { name: 'language', args: ['nl'] }],
    ['forget', null, { name: 'forget', args: [] }],
  ])('/coach %s is the engine command', (subcommand, language, command) => {
    const inbound = fromCommand({ ...view, subcommand, language });
    expect(inbound).toMatchObject({ kind: 'command', member, ...command, locale: 'nl' });
    expect(InboundSchema.parse(inbound)).toEqual(inbound);
  });

  it.each([
    ['join', ['join']],
    ['  set   channel 123 ', ['set', 'channel', '123']],
    ['round now', ['round', 'now']],
    ['', []],
  ])('/coach coffee action:%j gives the words as arguments', (action, args) => {
    const inbound = fromCommand({ ...view, subcommand: 'coffee', language: null, action });
    expect(inbound).toEqual({
      kind: 'command',
      id: `discord:${press.id}`,
      member,
      name: 'coffee',
      args,
      locale: 'nl',
      displayName: 'Ada',
    });
    expect(InboundSchema.parse(inbound)).toEqual(inbound);
  });

  it('keeps a long action within what the engine takes', () => {
    const action = `${'x'.repeat(1500)} ${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')}`;
    const inbound = fromCommand({ ...view, subcommand: 'coffee', language: null, action });
    expect(inbound).toMatchObject({ args: expect.arrayContaining(['x'.repeat(1000), 'w18']) });
    expect(inbound?.kind === 'command' && inbound.args).toHaveLength(20);
    expect(InboundSchema.parse(inbound)).toEqual(inbound);
  });

  it('/coach stats is the stats command; admin only when Discord said so', () => {
    expect(fromCommand({ ...view, subcommand: 'stats', language: null, admin: true })).toMatchObject({
      name: 'stats',
      args: [],
      admin: true,
    });
    expect(fromCommand({ ...view, subcommand: 'stats', language: null, admin: false })).not.toHaveProperty(
      'admin',
    );
  });

  it('names the member by their display name, else their username', () => {
    expect(fromChoice({ id: '1', user: { ...user, globalName: null } }, 'x')).toMatchObject({
      displayName: 'ada',
    });
    const d = directMessage(ada, '1', 'hi');
    const message = {
      ...asMessage(d),
      author: { ...asMessage(d).author, username: 'ada', globalName: 'Ada L.' },
    };
    expect(fromDirectMessage(message, BOT_USER.id)).toMatchObject({ displayName: 'Ada L.' });
  });

  it('an unknown subcommand is no command', () => {
    expect(fromCommand({ ...view, subcommand: 'constructor', language: null })).toBeUndefined();
    expect(fromCommand({ ...view, subcommand: null, language: null })).toBeUndefined();
  });

  it('leaves out a locale Discord did not send', () => {
    expect(fromChoice({ id: '1', user: ada }, 'x')).not.toHaveProperty('locale');
  });
});
