import { ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG_SIGNATURE } from '../helpers/scripts.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { finishExercise, openExercise } from './conversation.js';
import { type Harness, Member, messageCalls, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const TIMEOUT = 60_000;

type Body = Record<string, unknown>;

describe('the network map in a DM', () => {
  it(
    'runs the whole exercise through typed text, buttons and one modal, ending with the map picture',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '100000000000000001');
      await openExercise(ada);
      const end = await finishExercise(ada, ['Anna', 'Bram']);

      const calls = h.fake.calls;
      expect(calls.filter((c) => c.status >= 400)).toEqual([]);
      // Every button press is acknowledged by updating its message: buttons disabled, the pressed one marked.
      const callbacks = calls.filter((c) => c.path.startsWith('/interactions/'));
      const types = callbacks.map((c) => (c.body as Body).type);
      expect(types.filter((t) => t === InteractionResponseType.Modal)).toHaveLength(1);
      expect(
        types.every(
          (t) => t === InteractionResponseType.UpdateMessage || t === InteractionResponseType.Modal,
        ),
      ).toBe(true);
      const update = must(
        callbacks.find((c) => (c.body as Body).type === InteractionResponseType.UpdateMessage),
        'an update callback',
      );
      const rows = ((update.body as Body).data as Body).components as { components: Body[] }[];
      const buttons = rows.flatMap((r) => r.components);
      expect(buttons.every((b) => b.disabled === true)).toBe(true);
      expect(buttons.filter((b) => b.style === 3)).toHaveLength(1);

      // The modal: the form of part 1 as a labelled paragraph input.
      const modal = must(
        callbacks.find((c) => (c.body as Body).type === InteractionResponseType.Modal),
        'the modal callback',
      );
      const data = (modal.body as Body).data as Body;
      expect(data.custom_id).toBe('m:0:names');
      expect(data.components).toEqual([
        expect.objectContaining({
          type: ComponentType.Label,
          component: expect.objectContaining({ type: ComponentType.TextInput, custom_id: 'names', style: 2 }),
        }),
      ]);

      // The map picture is uploaded as a multipart attachment with the summary.
      const upload = must(
        calls.find((c) => c.files.length > 0),
        'the upload',
      );
      expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(upload.path).toBe(`/channels/${ada.channel}/messages`);
      const png = must(upload.files[0], 'the picture');
      expect(png.name).toBe('network-map.png');
      expect(png.bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)).toBe(true);
      expect((upload.body as Body).attachments).toEqual([
        { id: '0', description: say('en', 'map.alt', { size: 2 }) },
      ]);
      expect(end.before.some((m) => m.attachments.length === 1)).toBe(true);

      // The coach kept everything: two people, both rated.
      const state = await storedState(h.app, { platform: 'discord', space: 'global', user: ada.user.id });
      expect(state?.network.people.map((p) => [p.name, p.ring, p.contact])).toEqual([
        ['Anna', 'inner', 'weekly'],
        ['Bram', 'inner', 'weekly'],
      ]);
      expect(state?.completed).toHaveLength(1);
    },
    TIMEOUT,
  );

  it(
    'my network: the picture with /coach network, then add, rename through a prefilled modal, and remove',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '100000000000000003');
      await openExercise(ada);
      await finishExercise(ada, ['Anna', 'Bram']);
      const from = h.fake.calls.length;

      const overview = await ada.command('network');
      expect(overview.question.content).toBe(say('en', 'network.prompt'));
      // The command's answer is the map itself: the deferred reply is edited with the picture.
      const picture = must(
        h.fake.calls.slice(from).find((c) => c.files.length > 0),
        'the picture',
      );
      expect(picture.method).toBe('PATCH');
      expect(picture.path).toMatch(/\/messages\/@original$/);
      expect(picture.files.map((f) => f.name)).toEqual(['network-map.png']);

      await ada.press('add');
      await ada.press('friends');
      const added = await ada.fill('names', { names: 'Cleo' });
      expect(added.before.map((m) => m.content)).toContain(
        say('en', 'people.added', { names: 'Cleo', total: 3 }),
      );
      // Rated by groups: Cleo is not close, in between (typed), not this week, this month (typed).
      await ada.press('done');
      await ada.press('none');
      await ada.type('Cleo');
      await ada.press('none');
      const back = await ada.type('1');
      expect(back.question.content).toBe(say('en', 'network.prompt'));

      const member = { platform: 'discord' as const, space: 'global', user: ada.user.id };
      const people = must((await storedState(h.app, member))?.network.people, 'the map');
      expect(people.find((p) => p.name === 'Cleo')).toMatchObject({ ring: 'middle', contact: 'monthly' });
      const anna = must(
        people.find((p) => p.name === 'Anna'),
        'Anna',
      );
      await ada.press('edit');
      await ada.press(anna.id);
      const rename = await ada.press('name');
      expect(rename.question.content).toBe(say('en', 'edit.newName', { name: 'Anna' }));
      const modalFrom = h.fake.calls.length;
      const saved = await ada.fill('rename', { name: 'Anne' });
      expect(saved.before.map((m) => m.content)).toEqual([say('en', 'edit.saved')]);
      const modal = must(
        h.fake.calls.slice(modalFrom).find((c) => (c.body as Body).type === InteractionResponseType.Modal),
        'the rename modal',
      );
      expect(((modal.body as Body).data as Body).components).toEqual([
        expect.objectContaining({
          component: expect.objectContaining({ custom_id: 'name', style: 1, value: 'Anna' }),
        }),
      ]);

      await ada.press('remove');
      const done = await ada.press('yes');
      expect(done.before.map((m) => m.content)).toEqual([say('en', 'remove.done', { name: 'Anne' })]);
      const left = (await storedState(h.app, member))?.network.people.map((p) => p.name);
      expect(left).toEqual(['Bram', 'Cleo']);
    },
    TIMEOUT,
  );

  it(
    'switches mentions off on every message it sends or edits',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '100000000000000002');
      await openExercise(ada);
      await ada.fill('names', { names: '@everyone, <@&123>' });
      await ada.command('menu');
      const sent = messageCalls(h.fake.calls).flatMap((c) => {
        const body = c.body as Body | undefined;
        if (!body) return [];
        if (c.path.startsWith('/interactions/')) {
          const t = body.type;
          const carriesMessage =
            t === InteractionResponseType.ChannelMessageWithSource ||
            t === InteractionResponseType.UpdateMessage;
          return carriesMessage ? [body.data as Body] : [];
        }
        return [body];
      });
      expect(sent.length).toBeGreaterThan(8);
      for (const body of sent) expect(body.allowed_mentions).toEqual({ parse: [] });
      // The echoed names arrive as text, broken so they neither notify nor look like a mention.
      expect(h.fake.messages.some((m) => m.content.includes('@\u200beveryone'))).toBe(true);
      expect(h.fake.messages.some((m) => /@everyone|<@&123>/.test(m.content))).toBe(false);
      expect(MessageFlags.Ephemeral).toBe(64);
    },
    TIMEOUT,
  );
});
