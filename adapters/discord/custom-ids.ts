/**
 * What a component's custom_id carries: the engine's choice id, or which form (and which part
 * of it, for forms longer than one modal) a button or modal belongs to. Written by render.ts,
 * read by the handlers.
 */
export type ComponentAction =
  | { type: 'choice'; value: string }
  | { type: 'select' }
  | { type: 'openForm'; form: string; part: number }
  | { type: 'submitForm'; form: string; part: number }
  | { type: 'unknown' };

export const customId = {
  choice: (value: string) => `c:${value}`,
  select: (index: number) => `s:${index}`,
  openForm: (form: string, part = 0) => `f:${part}:${form}`,
  submitForm: (form: string, part = 0) => `m:${part}:${form}`,
};

/** "3:names" → part 3 of form "names". */
function formPart(rest: string): { form: string; part: number } | undefined {
  const match = /^(\d{1,2}):(.+)$/.exec(rest);
  return match ? { part: Number(match[1]), form: match[2] as string } : undefined;
}

export function readCustomId(id: string): ComponentAction {
  const colon = id.indexOf(':');
  const [prefix, rest] = colon < 0 ? [id, ''] : [id.slice(0, colon), id.slice(colon + 1)];
  if (prefix === 'c' && rest) return { type: 'choice', value: rest };
  if (prefix === 's') return { type: 'select' };
  const form = formPart(rest);
  if (prefix === 'f' && form) return { type: 'openForm', ...form };
  if (prefix === 'm' && form) return { type: 'submitForm', ...form };
  return { type: 'unknown' };
}
