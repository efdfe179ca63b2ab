/**
 * What a component's custom_id carries: the engine's choice id, or which form a button or modal
 * belongs to. Written by render.ts, read by inbound.ts.
 */
export type ComponentAction =
  | { type: 'choice'; value: string }
  | { type: 'select' }
  | { type: 'openForm'; form: string }
  | { type: 'submitForm'; form: string }
  | { type: 'unknown' };

export const customId = {
  choice: (value: string) => `c:${value}`,
  select: (index: number) => `s:${index}`,
  openForm: (form: string) => `f:${form}`,
  submitForm: (form: string) => `m:${form}`,
};

export function readCustomId(id: string): ComponentAction {
  const colon = id.indexOf(':');
  const [prefix, rest] = colon < 0 ? [id, ''] : [id.slice(0, colon), id.slice(colon + 1)];
  if (prefix === 'c' && rest) return { type: 'choice', value: rest };
  if (prefix === 's') return { type: 'select' };
  if (prefix === 'f' && rest) return { type: 'openForm', form: rest };
  if (prefix === 'm' && rest) return { type: 'submitForm', form: rest };
  return { type: 'unknown' };
}
