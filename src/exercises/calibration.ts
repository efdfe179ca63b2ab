/**
 * The member's asks beside what they predicted: counts while there are few ("1 of 1 said yes so
 * far"), percentages only from MIN_ASKS_FOR_RATE answered asks on, and planned asks counted too.
 */
import type { Ctx } from '../engine/flow.js';
import type { State } from '../engine/state.js';

/** Under this many answered asks a rate says more than the asks do: the coach gives counts. */
export const MIN_ASKS_FOR_RATE = 5;

/** What the member predicted beside what happened, over every answered ask; and the asks still planned. */
export function calibration(state: State) {
  const asks = state.commitments.filter((c) => c.kind === 'ask');
  const asked = asks.filter((c) => c.outcome);
  const predicted = asked.flatMap((c) => (c.predicted === undefined ? [] : [c.predicted]));
  return {
    asked: asked.length,
    yes: asked.filter((c) => c.outcome === 'yes').length,
    planned: asks.filter((c) => c.status === 'open' && !c.outcome).length,
    /** How many of five the member expected to say yes, on average; undefined when never asked. */
    predicted: predicted.length ? predicted.reduce((sum, n) => sum + n, 0) / predicted.length : undefined,
  };
}
export type Calibration = ReturnType<typeof calibration>;

const pct = (share: number) => Math.round(share * 100);

/** What came of the answered asks, beside the prediction; undefined before the first answer. */
export function calibrationLine(c: Calibration, ctx: Ctx): string | undefined {
  if (c.asked === 0) return undefined;
  const { yes, asked } = c;
  if (c.predicted === undefined) return ctx.say('progress.soFar', { yes, asked });
  if (asked < MIN_ASKS_FOR_RATE)
    return ctx.say('progress.calibrationFew', { yes, asked, predicted: Math.round(c.predicted * 10) / 10 });
  return ctx.say('progress.calibration', { predicted: pct(c.predicted / 5), actual: pct(yes / asked) });
}

/** The asks in "my progress": what was asked and answered, what is planned, and the prediction. */
export function askLines(c: Calibration, ctx: Ctx): string[] {
  if (c.asked === 0)
    return [c.planned ? ctx.say('progress.planned', { count: c.planned }) : ctx.say('progress.noAsksYet')];
  const asks = ctx.say('progress.asks', { asked: c.asked, yes: c.yes });
  const planned = c.planned ? ` ${ctx.say('progress.stillPlanned', { count: c.planned })}` : '';
  return [`${asks}${planned}`, calibrationLine(c, ctx) as string];
}

/** One line of meaning; "more said yes than you expected" only once there are enough asks to say so. */
export const meaningLine = (c: Calibration, ctx: Ctx): string =>
  c.asked >= MIN_ASKS_FOR_RATE && c.predicted !== undefined && c.yes / c.asked > c.predicted / 5
    ? ctx.say('progress.meaningHigher')
    : ctx.say('progress.meaning');
