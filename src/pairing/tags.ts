/**
 * Tags for what a member looks for or offers are kept as the member typed them ("health IT"), so
 * intros and choices show them that way, and compared without regard to case or accents.
 */
const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Whether two tags name the same thing: "Health IT" and "health it" do. */
export const sameTag = (a: string, b: string): boolean => collator.compare(a, b) === 0;

/** Whether `tag` is among `tags`, as sameTag compares them. */
export const hasTag = (tags: readonly string[] | undefined, tag: string): boolean =>
  (tags ?? []).some((t) => t === tag || sameTag(t, tag));

/** The tags without repeats, the first spelling of each kept. */
export const distinctTags = (tags: readonly string[]): string[] =>
  tags.filter((tag, i) => tags.findIndex((t) => sameTag(t, tag)) === i);
