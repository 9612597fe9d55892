import type { Source } from "../../src/data/types.js";

/** The day the built-in data was last reviewed; no source can be newer. */
export const reviewed = "2026-11-22";

/** A real calendar day in YYYY-MM-DD form. */
export function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** YYYY-MM-DD, YYYY-MM or YYYY, as src/data/types.ts allows for a source's date. */
export function isSourceDate(s: string): boolean {
  if (isDay(s)) return true;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(s);
  if (!m) return false;
  return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12);
}

/** Problems with one source, as readable strings (empty when it is fine). */
export function sourceProblems(where: string, s: Source): string[] {
  const out: string[] = [];
  if (s.title.trim().length < 5) out.push(`${where}: title too short`);
  if (!isSourceDate(s.date)) out.push(`${where}: bad date "${s.date}"`);
  else if (s.date.slice(0, 10) > reviewed) out.push(`${where}: date ${s.date} after the review day`);
  if (s.url !== undefined && !/^https:\/\/[^\s]+$/.test(s.url)) out.push(`${where}: bad url ${s.url}`);
  if (s.confidence !== undefined && s.confidence !== "unverified") out.push(`${where}: bad confidence`);
  if (s.confidence === "unverified" && !s.note) out.push(`${where}: unverified without a note saying why`);
  return out;
}

export const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
