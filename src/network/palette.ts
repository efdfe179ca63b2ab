import type { Domain } from './model.js';

/**
 * The map's colours. The parts of life take Tableau 10, a ten-hue palette chosen to stay apart for
 * the common forms of colour blindness; on a dark ground every hue keeps WCAG's 3:1 for graphics
 * (most of them fail it on white). People met at an event, who arrive through the debrief rather
 * than the ten recall questions, are drawn in near-white; people with no part of life in cool grey.
 * Colour is never the only cue: each part of life has its own sector and a named row in the legend.
 */
export const BACKGROUND = '#1d2130';
export const PANEL = '#262b3d';
export const TEXT = '#eef0f5';
export const MUTED = '#aab1c3';
export const LINE = '#4a5169';

export const DOMAIN_COLOURS: Record<Domain, string> = {
  work: '#4e79a7',
  former: '#76b7b2',
  study: '#b07aa1',
  school: '#ff9da7',
  family: '#e15759',
  friends: '#f28e2b',
  neighbourhood: '#edc948',
  volunteering: '#59a14f',
  associations: '#9c755f',
  online: '#bab0ac',
  event: '#f4f4f4',
};
export const NO_DOMAIN_COLOUR = '#7b8294';

const channel = (value: number): number => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => channel(Number.parseInt(hex.slice(i, i + 2), 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
