import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/topology/normalise.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 150);

/** The reference: the pattern, then the calendar as `Date` keeps it (UTC, so no time zone moves a day). */
function reference(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const nearDate = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const mutated = fc.tuple(nearDate, fc.nat(9), fc.constantFrom("", "x", "/", "0", " ", "\n", "٣", "-")).map(([s, at, c]) => s.slice(0, at) + c + s.slice(at + 1));

describe("isCalendarDate", () => {
  it("accepts exactly the real days written YYYY-MM-DD", () => {
    fc.assert(
      fc.property(fc.oneof(nearDate, mutated, fc.string({ maxLength: 12 })), (s) => {
        expect(isCalendarDate(s)).toBe(reference(s));
      }),
      { numRuns: runs * 20 },
    );
  });

  it("knows leap years", () => {
    expect(["2024-02-29", "2000-02-29", "1900-02-28"].map(isCalendarDate)).toEqual([true, true, true]);
    expect(["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "2024-01-01\n"].map(isCalendarDate)).toEqual(Array(8).fill(false));
  });
});
