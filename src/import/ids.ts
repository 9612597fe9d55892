// Identifiers for imported items. Source names (GraphML labels, NetBox names, CSV cells) are
// free text; topology ids must match the schema's id pattern, and map keys must also never be
// a name that reaches an object prototype.

const idRe = /^[\p{L}\p{N}][\p{L}\p{N}_.:/@+-]*$/u;
const reserved = new Set(["__proto__", "constructor", "prototype"]);
const maxIdLength = 256;

const asciiIdRe = /^[A-Za-z0-9][A-Za-z0-9_.:/@+-]*$/;

/** Whether `s` is a valid element, link or tag id (the schema's `id`). */
export function isId(s: string): boolean {
  return s.length <= maxIdLength && (asciiIdRe.test(s) || idRe.test(s));
}

/** Whether `s` is a valid key of a user-named map (sites, operators, meta). */
export function isKey(s: string): boolean {
  return isId(s) && !reserved.has(s);
}

/** A deterministic id from free text: lower case, accents dropped, other runs of symbols → `-`. */
export function slugify(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_.:/@+]+/gu, "-")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .slice(0, 200)
    .replace(/[^\p{L}\p{N}]+$/u, "");
  return s;
}

/** `text` itself when it is a valid key, else its slug, else `fallback`. */
export function toKey(text: string, fallback: string): string {
  if (isKey(text)) return text;
  const slug = slugify(text);
  return slug !== "" && isKey(slug) ? slug : fallback;
}

/** Hands out ids that are unique within one namespace: the second `x` becomes `x-2`, and so on. */
export class IdSpace {
  private readonly used = new Set<string>();

  /** Whether `id` has been handed out. */
  has(id: string): boolean {
    return this.used.has(id);
  }

  /** Claims `wanted` (which must be a valid key) or the first free `wanted-N`. */
  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.used.has(id); n++) id = `${wanted}-${n}`;
    this.used.add(id);
    return id;
  }
}
