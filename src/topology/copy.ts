/**
 * Every field of a normalised element or link as an own property, for a caller that builds a
 * changed copy. Records read their rarely used fields through getters over the parsed document
 * (normalise.ts), which a spread does not copy: a spread link has no id, medium, operator or
 * location. Methods (where a field is written) stay bound to the original record.
 */
export function plainItem<T extends object>(item: T): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (let proto = Object.getPrototypeOf(item); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (key === "constructor" || key in out) continue;
      if (d.get) out[key] = (item as Record<string, unknown>)[key];
      else if (typeof d.value === "function") out[key] = (d.value as (...a: unknown[]) => unknown).bind(item);
    }
  }
  return out;
}
