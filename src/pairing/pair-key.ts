/** The history key of a pair: the same whichever member comes first (`${min}|${max}` by string order). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
