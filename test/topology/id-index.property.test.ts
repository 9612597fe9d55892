import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../src/topology/id-index.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 300);

describe("IdIndex (ids → positions, read as a Map)", () => {
  it("answers as a Map filled with each new id at the next position would", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("a", "b", "é", "𝄞", "")), { maxLength: 200 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 20 }), fc.nat(64), fc.boolean(), (adds, probes, expected, table) => {
        const index = new IdIndex(expected, table);
        const map = new Map<string, number>();
        for (const id of adds) {
          const at = index.add(id);
          if (map.has(id)) expect(at).toBe(-1);
          else {
            expect(at).toBe(map.size);
            map.set(id, map.size);
          }
        }
        expect(index.size).toBe(map.size);
        for (const id of [...adds, ...probes]) {
          expect(index.get(id)).toBe(map.get(id));
          expect(index.has(id)).toBe(map.has(id));
        }
        expect([...index.keys()]).toEqual([...map.keys()]);
        expect([...index.values()]).toEqual([...map.values()]);
        expect([...index]).toEqual([...map]);
        const seen: [string, number][] = [];
        index.forEach((v, k) => seen.push([k, v]));
        expect(seen).toEqual([...map.entries()]);
      }),
      { numRuns: runs },
    );
  });

  it("stays right across many growths of the table", () => {
    const index = new IdIndex(16, true);
    for (let i = 0; i < 100_000; i++) expect(index.add(`e-${i}`)).toBe(i);
    for (let i = 0; i < 100_000; i += 997) expect(index.get(`e-${i}`)).toBe(i);
    expect(index.get("e-100000")).toBeUndefined();
    expect(index.add("e-5")).toBe(-1);
  });
});
