/**
 * Name normalisation for vendor (and operator) matching. Case, accents, punctuation, spacing and
 * trailing legal-form words never distinguish two companies; everything else may, so nothing
 * else is stripped ("Huawei Technologies" stays distinct from "Huawei" unless an entry lists it).
 */

/** Legal-form words removed from the end of a name ("Co., Ltd.", "Oy", "S.A.", "(publ)"). */
const legalForms = new Set([
  "ab",
  "ag",
  "asa",
  "bv",
  "co",
  "company",
  "corp",
  "corporation",
  "gmbh",
  "inc",
  "incorporated",
  "kk",
  "limited",
  "llc",
  "llp",
  "lp",
  "ltd",
  "ltda",
  "nv",
  "oy",
  "oyj",
  "plc",
  "private",
  "pte",
  "pty",
  "publ",
  "pvt",
  "sa",
  "sarl",
  "sas",
  "se",
  "sia",
  "spa",
]);

/**
 * Words that describe a business rather than name it. Only the loose match (used when the exact
 * normalised name is unknown, and only when it points at one entry) drops them from the end.
 */
const descriptors = new Set([
  "communications",
  "electronics",
  "group",
  "holding",
  "holdings",
  "networking",
  "networks",
  "solutions",
  "systems",
  "technologies",
  "technology",
]);

/** Lower-case words of a name, with accents, dots and apostrophes removed and `&` read as "and". */
function words(name: string): string[] {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/&/g, " and ");
  const raw = plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  // "S. A." and "N V" are spelled-out abbreviations: join runs of single letters into one word.
  const out: string[] = [];
  let run = "";
  for (const w of raw) {
    if (w.length === 1 && /\p{L}/u.test(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = "";
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

/** Words without a leading "the" and trailing legal forms; never drops the last word. */
function coreWords(name: string): string[] {
  const w = words(name);
  if (w.length > 1 && w[0] === "the") w.shift();
  while (w.length > 1 && legalForms.has(w[w.length - 1] as string)) w.pop();
  return w;
}

/** The matching key of a name: case, accents, punctuation, spaces and legal suffixes ignored. */
export function normaliseVendorName(name: string): string {
  return coreWords(name).join("");
}

/** A looser key that also drops trailing descriptors ("Juniper Networks" → "juniper"). */
export function looseVendorKey(name: string): string {
  const w = coreWords(name);
  while (w.length > 1 && descriptors.has(w[w.length - 1] as string)) w.pop();
  while (w.length > 1 && legalForms.has(w[w.length - 1] as string)) w.pop();
  return w.join("");
}

/** Edit distance between two strings, giving up (returning limit + 1) once it exceeds `limit`. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}
