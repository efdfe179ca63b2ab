/**
 * `/coach dashboard` in the server: a Manage Server admin gets a one-time dashboard link in a
 * private (ephemeral) answer; a member without the right gets a refusal, privately too.
 */
import { Locale, MessageFlags } from 'discord-api-types/v10';
import { afterEach, expect, it } from 'vitest';
import { createAccess } from '../../src/dashboard/access.js';
import { say } from '../helpers/texts.js';
import { APPLICATION_ID } from './fake-discord.js';
import { guildCommand, interactionCreate, MANAGE_GUILD } from './fixtures.js';
import { callbackOf, type Harness, Member, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function dashboardCommand(harness: Harness, member: Member, admin: boolean) {
  const command = guildCommand(member.user, 'dashboard', Locale.EnglishUS, undefined, {
    options: {},
    permissions: admin ? MANAGE_GUILD : '0',
  });
  harness.fake.dispatch(interactionCreate(command));
  const path = `/webhooks/${APPLICATION_ID}/${command.token}/messages/@original`;
  const answer = await harness.fake.waitFor(() =>
    harness.fake.calls.find((c) => c.method === 'PATCH' && c.path === path),
  );
  return {
    callback: callbackOf(harness.fake.calls, command.id),
    content: String((answer.body as { content?: string }).content),
  };
}

it('/coach dashboard: an admin gets a private one-time link for their community; others a refusal', async () => {
  h = await startHarness({ PUBLIC_URL: 'https://coach.example.org' });
  const harness = h;
  const [ada, eva] = [
    new Member(harness, '200000000000000101', 'Ada'),
    new Member(harness, '200000000000000199', 'Eva'),
  ];

  const refused = await dashboardCommand(harness, ada, false);
  expect(refused.content).toBe(say('en', 'dashboard.chat.only'));
  expect(refused.callback?.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });

  const granted = await dashboardCommand(harness, eva, true);
  expect(granted.callback?.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
  const token = granted.content.match(
    /https:\/\/coach\.example\.org\/dashboard\/signin\?token=([A-Za-z0-9_-]{43})/,
  )?.[1];
  expect(token).toBeDefined();
  const access = createAccess(harness.app.store, () => new Date());
  const first = await access.exchange(token);
  expect('session' in first && first.session.ref).toEqual({ platform: 'discord', space: 'global' });
  expect(await access.exchange(token)).toEqual({ refused: 'used' });
});
