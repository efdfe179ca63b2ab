import { describe, expect, it } from 'vitest';
import {
  DISCORD,
  discordCommandProblems,
  discordMessageProblems,
  SLACK,
  slackProblems,
} from '../helpers/platform-limits.js';
import { FakeSlack } from '../slack/fake-slack.js';

const plain = (text: string) => ({ type: 'plain_text', text });

describe('the platform limits the fakes hold requests to (issue 15.14)', () => {
  it('finds what Slack would refuse in a modal and a message', () => {
    const view = {
      type: 'modal',
      title: plain('Een evenement voorbereiden'),
      submit: plain('Send'),
      blocks: [
        {
          type: 'actions',
          elements: [
            {
              type: 'static_select',
              action_id: 'a',
              placeholder: plain('Choose'),
              options: Array.from({ length: 101 }, (_, i) => ({ text: plain(`o${i}`), value: `${i}` })),
            },
          ],
        },
      ],
    };
    expect(slackProblems('views.open', { view })).toEqual([
      'view.blocks[0].elements[0].options: 101 items, limit 100',
      'view.title: 26 characters, limit 24',
    ]);
    const blocks = Array.from({ length: 51 }, () => ({
      type: 'section',
      text: { type: 'mrkdwn', text: 'x' },
    }));
    blocks[0] = { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(SLACK.sectionText + 1) } };
    expect(slackProblems('chat.postMessage', { text: 'x', blocks })).toEqual([
      'blocks: 51 items, limit 50',
      'blocks[0].text: 3001 characters, limit 3000',
    ]);
  });

  it('finds what Discord would refuse in a message and a modal', () => {
    const select = {
      type: 3,
      custom_id: 's',
      options: Array.from({ length: 26 }, (_, i) => ({ label: `${i}`, value: `${i}` })),
    };
    const button = { type: 2, style: 2, custom_id: 'c'.repeat(101), label: 'b' };
    const rows = [
      { type: 1, components: [select] },
      { type: 1, components: Array(6).fill({ type: 2, style: 2, custom_id: 'x', label: 'x' }) },
      { type: 1, components: [button] },
      { type: 1, components: [] },
      { type: 1, components: [] },
      { type: 1, components: [] },
    ];
    expect(discordMessageProblems({ content: 'x'.repeat(DISCORD.content + 1), components: rows })).toEqual([
      'content: 2001 characters, limit 2000',
      'components: 6 items, limit 5',
      'components[0].components[0].options: 26 items, limit 25',
      'components[1].components: 6 items, limit 5',
      'components[2].components[0].custom_id: 101 characters, limit 100',
    ]);
    const modal = {
      custom_id: 'm',
      title: 'A title',
      components: [
        {
          type: 18,
          label: "Voornamen of initialen, gescheiden door komma's",
          component: { type: 4, custom_id: 'f', style: 2, max_length: 4001 },
        },
      ],
    };
    expect(discordMessageProblems(modal, true)).toEqual([
      'components[0].label: 47 characters, limit 45',
      'components[0].component.max_length: 4001, limit 4000',
    ]);
  });

  it('finds what Discord would refuse in a command', () => {
    const command = {
      name: 'Coach',
      description: 'x'.repeat(101),
      description_localizations: { nl: '' },
      options: [
        { name: 'language', description: 'Taal', choices: Array(26).fill({ name: 'n', value: 'v' }) },
      ],
    };
    expect(discordCommandProblems(command)).toEqual([
      'command.name: "Coach" is not 1-32 lower-case characters',
      'command.description: 101 characters, limit 100',
      'command.description: empty',
      'command.options[0].choices: 26 items, limit 25',
    ]);
  });

  it('makes the Slack fake answer invalid_blocks and fail the test when it stops', async () => {
    const fake = await new FakeSlack().start();
    const answer = await fetch(`${fake.apiUrl}views.open`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        view: JSON.stringify({ type: 'modal', title: plain('x'.repeat(25)), blocks: [] }),
      }),
    });
    expect(await answer.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    await expect(fake.stop()).rejects.toThrow(/view\.title: 25 characters, limit 24/);
  });
});
