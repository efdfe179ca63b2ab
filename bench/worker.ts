/** One process of the two-process benchmark: plays its members' turns on the store, prints the samples. */
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { playTurns, renderToNothing } from './turns.js';

const [storeUrl = '', first = '0', count = '50'] = process.argv.slice(2);
const app = await createApp({ ...loadConfig({}), storeUrl }, silentLogger, renderToNothing);
// Wait for the parent's go, so both processes start together.
await new Promise((resolve) => process.stdin.once('data', resolve));
const samples = await playTurns(app, Number(first), Number(count), false);
await app.close();
process.stdout.write(`${JSON.stringify({ turns: samples.turns.length, wallMs: samples.wallMs })}\n`);
