import type { State } from '../engine/state.js';

/**
 * Calls per member per day, kept in the member's own record: it survives restarts, needs no
 * other store key, and goes with the member's data on export and forget. Days are UTC days.
 */
const today = (now: Date) => now.toISOString().slice(0, 10);

export function callsToday(state: State, now: Date): number {
  return state.coach?.day === today(now) ? state.coach.calls : 0;
}

export const withinBudget = (state: State, now: Date, limit: number): boolean =>
  callsToday(state, now) < limit;

export function countCall(state: State, now: Date): State {
  return { ...state, coach: { day: today(now), calls: callsToday(state, now) + 1 } };
}
