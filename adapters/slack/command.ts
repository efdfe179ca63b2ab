import { fromSlashCommand } from './inbound.js';
import { toEngine, type Wiring } from './wiring.js';

/** `/weakties [subcommand]`: acknowledged at once, answered in the member's DM. */
export function listenToCommand(w: Wiring): void {
  w.bolt.command('/weakties', async ({ ack, body }) => {
    const slash = fromSlashCommand(body);
    if (!slash) return ack();
    // Typed in a channel: the answer (which may be personal) goes to the DM, and this says so.
    if (slash.channel.startsWith('D')) await ack();
    else {
      const say = await w.sayNow(slash.inbound.member);
      await ack({ response_type: 'ephemeral', text: say('slack.command.inDm') });
    }
    await toEngine(w, slash.inbound);
  });
}
