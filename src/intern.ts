/** Small numbers for names, in order of first appearance: `names[of(x)] === x`. */
export interface Interner {
  readonly names: string[];
  of(name: string): number;
}

/**
 * An interner that remembers the last name it was given: inputs come in runs of the same name
 * (elements listed site by site, operator by operator), so most calls need no map look-up.
 */
export function interner(): Interner {
  const ids = new Map<string, number>();
  const names: string[] = [];
  let lastName: string | undefined;
  let last = -1;
  return {
    names,
    of(name) {
      if (last >= 0 && name === lastName) return last;
      lastName = name;
      let x = ids.get(name);
      if (x === undefined) {
        x = names.length;
        names.push(name);
        ids.set(name, x);
      }
      return (last = x);
    },
  };
}
