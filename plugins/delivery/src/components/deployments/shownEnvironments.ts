/**
 * The entries of the environments an app chose to show, in the entries'
 * (promotion) order; every entry when it chose none. Names that match no
 * environment are ignored, so a page never breaks over a renamed environment.
 */
export function shownEnvironments<T extends { environment: { name: string } }>(
  items: readonly T[],
  names?: readonly string[],
): T[] {
  if (!names || names.length === 0) {
    return [...items];
  }
  const chosen = new Set(names);
  return items.filter(item => chosen.has(item.environment.name));
}
