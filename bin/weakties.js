#!/usr/bin/env node
// SQLite work runs on libuv's thread pool, one turn's statements queued on one connection; more
// threads than the default four keep a member's message from waiting behind them before its ack.
process.env.UV_THREADPOOL_SIZE ??= '16';
// The compiled CLI; `npm ci` builds it through the `prepare` script.
const { main } = await import('../dist/src/cli.js');

process.exitCode = await main(process.argv.slice(2));
