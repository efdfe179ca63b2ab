import { createCoach } from './coach/uses.js';
import { type Config, dashboardBase } from './config.js';
import type { Outbox } from './core/types.js';
import { createAccess, signInUrl } from './dashboard/access.js';
import { createEngine, type Engine } from './engine/engine.js';
import { coffeeStarter } from './exercises/index.js';
import type { Logger } from './log.js';
import { createPairing, type Pairing } from './pairing/service.js';
import { PROMPTS_DIR } from './paths.js';
import { createJobs } from './store/jobs.js';
import { createMemberRepo } from './store/members.js';
import { openStore, type Store } from './store/open.js';
import { loadTexts, type Texts } from './texts/texts.js';

export interface App {
  engine: Engine;
  pairing: Pairing;
  texts: Texts;
  store: Store;
  close(): Promise<void>;
}

/** How the app tells the time; a `tick --now` runs its turns at that moment, not the machine's. */
export interface AppOptions {
  clock?: () => Date;
}

/** Wires one engine from the configuration: texts checked, store opened, nothing else started. */
export async function createApp(
  config: Config,
  log: Logger,
  outbox: Outbox,
  options: AppOptions = {},
): Promise<App> {
  const texts = loadTexts(PROMPTS_DIR);
  const store = await openStore(config.storeUrl, log);
  const coach = config.coach ? createCoach({ config: config.coach, texts, log }) : undefined;
  log.info({ coach: coach?.label ?? 'scripted' }, 'coach ready');
  const jobs = createJobs(store, log);
  // An admin's `dashboard` command: a one-time link, kept (hashed) in the store any process can read.
  const access = createAccess(store, options.clock ?? (() => new Date()));
  const pairing: Pairing = createPairing({
    store,
    locks: store.locks,
    jobs,
    texts,
    log,
    adapter: outbox.coffee,
    defaultLang: config.defaultLang,
    notify: (member, note) => engine.notify(member, note),
    starter: (coffee, say) => coffeeStarter(coffee, { say }),
    dashboardLink: async (ref, lang) =>
      signInUrl(dashboardBase(config.dashboard), await access.issueLink(ref, lang)),
  });
  const engine = createEngine({
    members: createMemberRepo(store, log),
    jobs,
    locks: store.locks,
    texts,
    outbox,
    log,
    revisitDays: config.revisitDays,
    defaultLang: config.defaultLang,
    coach,
    pairing,
    clock: options.clock,
  });
  return {
    engine,
    pairing,
    texts,
    store,
    // Turns still running finish (and save) before the store goes away.
    close: async () => {
      await engine.drain();
      await store.close();
    },
  };
}
