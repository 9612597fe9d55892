import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run, type TestElement } from "./tester.js";

const operators = ["a", "b", "c"];

/** Elements with no operator, one, or a list of them (a shared RAN), some Huawei. */
const network = fc.array(
  fc.record({
    vendor: fc.constantFrom("Huawei", "Nokia", "Ericsson"),
    operator: fc.option(fc.oneof(fc.constantFrom(...operators), fc.uniqueArray(fc.constantFrom(...operators), { minLength: 2, maxLength: 3 })), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 12 },
);

/** Each group's members by brute force: an element is in the group of every operator it lists, "(none)" without one. */
function groupsOf(els: TestElement[]): Map<string, TestElement[]> {
  const out = new Map<string, TestElement[]>();
  for (const e of els) {
    const ops = e.operator === undefined ? ["(none)"] : typeof e.operator === "string" ? [e.operator] : e.operator;
    for (const o of ops) out.set(o, [...(out.get(o) ?? []), e]);
  }
  return out;
}

describe("shares per operator with shared elements", () => {
  it("cap: every group over the cap is reported with its members counted in full, and no other", () => {
    fc.assert(
      fc.property(network, fc.constantFrom(0.2, 0.35, 0.5), (raw, max) => {
        const els: TestElement[] = raw.map((e, i) => ({ id: `e${i}`, role: "ran", vendor: e.vendor, ...(e.operator !== undefined ? { operator: e.operator } : {}) }));
        const { findings } = run([{ id: "r", cap: { max, per: "operator" } }], { elements: els });
        const expected = [...groupsOf(els)]
          .map(([group, members]) => ({ group, high: members.filter((m) => m.vendor === "Huawei"), total: members.length }))
          .filter((g) => g.high.length > max * g.total + 1e-9)
          .map((g) => ({ group: g.group, highRisk: g.high.length, total: g.total, items: g.high.map((m) => m.id) }));
        const got = findings.map((f) => ({ group: f.details!.group, highRisk: f.details!.highRisk, total: f.details!.total, items: f.items }));
        const byGroup = (x: { group: unknown }, y: { group: unknown }) => String(x.group).localeCompare(String(y.group));
        expect(got.sort(byGroup)).toEqual(expected.sort(byGroup));
      }),
    );
  });

  it("diversity: vendor shares per operator count a shared element once in each of its operators", () => {
    fc.assert(
      fc.property(network, (raw) => {
        const els: TestElement[] = raw.map((e, i) => ({ id: `e${i}`, role: "ran", vendor: e.vendor, ...(e.operator !== undefined ? { operator: e.operator } : {}) }));
        const { findings } = run([{ id: "r", diversity: { maxVendorShare: 0.5, per: "operator" } }], { elements: els });
        const expected: string[] = [];
        for (const [group, members] of groupsOf(els)) {
          for (const v of ["Ericsson", "Huawei", "Nokia"]) {
            const n = members.filter((m) => m.vendor === v).length;
            if (n > 0.5 * members.length + 1e-9) expected.push(`${group}/${v.toLowerCase()}/${n}/${members.length}`);
          }
        }
        const got = findings.map((f) => `${f.details!.group}/${f.details!.vendor}/${f.details!.vendorTotal}/${f.details!.total}`);
        expect(got.sort()).toEqual(expected.sort());
      }),
    );
  });
});
