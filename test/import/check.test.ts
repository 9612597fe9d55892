import { describe, expect, it } from "vitest";
import { checkImported } from "../../src/import/check.js";
import type { TopologyDocument } from "../../src/import/types.js";

const base = (): TopologyDocument => ({
  cleanpath: 1,
  operators: { op: {} },
  sites: { s1: { country: "MX" } },
  elements: [
    { id: "a", role: "core", site: "s1", operator: "op" },
    { id: "b", role: "edge" },
  ],
  links: [{ a: "a", b: "b", metric: 5, operator: "op" }],
});

describe("checkImported (the same checks as `cleanpath validate`)", () => {
  it("accepts a valid document", () => {
    expect(checkImported(base())).toEqual([]);
  });

  it.each<[string, (d: TopologyDocument) => void, RegExp]>([
    ["a schema violation (bad role)", (d) => void ((d.elements[0] as { role: string }).role = "router"), /`router` is not a valid `role`/],
    ["an id that does not match the pattern", (d) => void (d.elements[1]!.id = "-b"), /`-b` is not a valid id in elements\[1\]\.id/],
    ["a zero metric", (d) => void (d.links[0]!.metric = 0), /links\[0\]\.metric must be at least 1, not 0/],
    ["a duplicate element id", (d) => void d.elements.push({ id: "a", role: "core" }), /element id `a` is already used/],
    ["a link end that is not an element", (d) => void (d.links[0]!.b = "c"), /end `c` is not an element/],
    ["an undeclared site", (d) => void (d.elements[1]!.site = "s2"), /site `s2` is not declared/],
    ["an undeclared operator", (d) => void (d.links[0]!.operator = "x"), /operator `x` is not declared/],
    ["a self-loop", (d) => void (d.links[0]!.b = "a"), /joins `a` to itself/],
    ["a link id that clashes with an element id", (d) => void (d.links[0]!.id = "b"), /id `b` is already used/],
  ])("rejects %s", (_name, spoil, message) => {
    const doc = base();
    spoil(doc);
    const problems = checkImported(doc);
    expect(problems.map((p) => p.message).join("\n")).toMatch(message);
  });
});
