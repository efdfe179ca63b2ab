import type { Choice } from './types.js';

/**
 * Choices that move around rather than answer ("Back", "Back to the menu"). A door that pages a
 * long list keeps them out of the pages, always in view, so a list of 131 items never pushes
 * "Back" off the end.
 */
const NAVIGATION = new Set(['back', 'menu']);

export const isNavigation = (choice: Choice): boolean => NAVIGATION.has(choice.id);

/** A question's choices as the items to page through and the navigation to show beside them. */
export function withoutNavigation(choices: readonly Choice[]): { items: Choice[]; navigation: Choice[] } {
  return {
    items: choices.filter((c) => !isNavigation(c)),
    navigation: choices.filter(isNavigation),
  };
}
