import type { Citation } from "../../result.js";
import type { Source } from "../../data/types.js";
import type { Share } from "../types.js";

/** The first of `values` that `set` has, if any (a plain loop: no closure per call in hot paths). */
export function firstIn(values: readonly string[], set: ReadonlySet<string>): string | undefined {
  for (let k = 0; k < values.length; k++) if (set.has(values[k]!)) return values[k];
  return undefined;
}

/** One value or a list, as a list (undefined stays undefined). */
export function listOf<T>(v: T | T[] | undefined): T[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

/** "35%" → 0.35, 0.35 → 0.35; undefined when the share is not a fraction between 0 and 1. */
export function parseShare(share: Share): number | undefined {
  if (typeof share === "number") return Number.isFinite(share) && share >= 0 && share <= 1 ? share : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(share);
  if (!m) return undefined;
  const v = Number(m[1]) / 100;
  return v <= 1 ? v : undefined;
}

/** Problem with a written share, or undefined when it is fine. */
export function shareProblem(what: string, share: Share): string | undefined {
  return parseShare(share) === undefined ? `${what} must be a share: a percentage like "35%" or a fraction from 0 to 1 (got ${JSON.stringify(share)})` : undefined;
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === s;
}

/** Problem with a written day, or undefined when it is fine. */
export function dayProblem(what: string, s: unknown): string | undefined {
  return isDay(s) ? undefined : `${what} must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(s)})`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** The report's citation of a data source. */
export function citationOf(s: Source): Citation {
  const c: Citation = { title: s.title, date: s.date };
  if (s.url) c.url = s.url;
  if (s.confidence) c.confidence = s.confidence;
  return c;
}

/** A share as a percentage for messages: 0.35 → "35%", 1/3 → "33.3%". */
export function percent(v: number): string {
  // Integer arithmetic: formatting a fractional double is slow, and messages are built by the thousand.
  const tenths = Math.round(v * 1000);
  const rest = tenths % 10;
  return `${(tenths - rest) / 10}${rest ? `.${rest}` : ""}%`;
}

/** A non-negative number with one decimal for messages, 42.25 → "42.3", 3 → "3" (no slow float formatting). */
export function oneDecimal(v: number): string {
  const tenths = Math.round(v * 10);
  const rest = tenths % 10;
  return `${(tenths - rest) / 10}${rest ? `.${rest}` : ""}`;
}

/** Rounds figures for details so JSON output stays readable and stable. */
export function round(v: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** "1 element", "3 elements". */
/** The first few ids, then how many more: messages name what to act on without growing unbounded. */
export function nameSome(ids: readonly string[], max = 5): string {
  const shown = ids.slice(0, max).map((id) => `\`${id}\``).join(", ");
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * True when `part` of `total` is within the share `max`. The comparison forgives float
 * rounding, so 35% of 20 allows exactly 7.
 */
export function withinShare(part: number, total: number, max: number): boolean {
  return part <= max * total * (1 + 1e-12) + 1e-9;
}
