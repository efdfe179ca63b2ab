import type { webApi } from '@slack/bolt';
import { expect, it } from 'vitest';
import { createProfiles } from '../../adapters/slack/profile.js';
import { silentLogger } from '../../src/log.js';

const member = (user: string) => ({ platform: 'slack' as const, space: 'T0001', user });

/** A WebClient whose users.info answers from a table, or fails like Slack for an unknown user. */
function clientWith(users: Record<string, Record<string, unknown>>) {
  const asked: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        asked.push(user);
        const found = users[user];
        if (!found) throw new Error('An API error occurred: user_not_found');
        return { ok: true, user: { id: user, ...found } };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, asked };
}

it('reads admin rights, names, locale and time zone from users.info, once an hour', async () => {
  const { client, asked } = clientWith({
    U1: { is_owner: true, real_name: 'Anna Bakker', profile: { display_name: 'anna.b' }, locale: 'nl-NL' },
    U2: {
      is_primary_owner: true,
      profile: { first_name: 'Ben', real_name: 'Ben de Boer' },
      tz: 'Europe/Amsterdam',
    },
    U3: { is_admin: false, real_name: 'Cas van Dijk' },
    U4: { profile: { display_name: '' } },
    UBOT: { is_bot: true, real_name: 'Helper' },
    UOLD: { deleted: true, real_name: 'Old Account' },
  });
  const profiles = createProfiles(client, silentLogger, ['U6']);
  expect(await profiles.of(member('U1'))).toEqual({
    locale: 'nl-NL',
    displayName: 'Anna Bakker',
    admin: true,
  });
  expect(await profiles.of(member('U2'))).toEqual({
    timezone: 'Europe/Amsterdam',
    displayName: 'Ben',
    admin: true,
  });
  expect(await profiles.of(member('U3'))).toEqual({ displayName: 'Cas van Dijk', admin: false });
  expect(await profiles.of(member('U4'))).toEqual({ admin: false });
  expect(await profiles.firstName(member('U1'))).toBe('Anna');
  expect(await profiles.firstName(member('U2'))).toBe('Ben');
  expect(await profiles.firstName(member('U4'))).toBeUndefined();
  expect(asked).toEqual(['U1', 'U2', 'U3', 'U4']);
  expect(await profiles.human(member('U3'))).toBe(true);
  // A failure is not kept: the next event asks again. ADMIN_USERS count even then.
  expect(await profiles.of(member('U6'))).toEqual({ admin: true });
  expect(await profiles.of(member('U5'))).toEqual({ admin: false });
  await profiles.of(member('U6'));
  expect(asked.filter((u) => u === 'U6')).toHaveLength(2);
  expect(await profiles.human(member('UBOT'))).toBe(false);
  expect(await profiles.human(member('UOLD'))).toBe(false);
  expect(await profiles.human(member('U5'))).toBe(true);
  expect(await profiles.of(member('U1'), Date.now() + 2 * 3_600_000)).toMatchObject({ admin: true });
  expect(asked.filter((u) => u === 'U1')).toHaveLength(2);
});
