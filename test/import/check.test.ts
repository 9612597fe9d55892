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

describe("checkImported", () => {
  it("accepts a valid document", () => {
    expect(checkImported(base())).toEqual([]);
  });

  it.each<[string, (d: TopologyDocument) => void, RegExp]>([
    ["a schema violation (bad role)", (d) => void ((d.elements[0] as { role: string }).role = "router"), /\/elements\/0\/role must be equal to one of the allowed values/],
    ["an id that does not match the pattern", (d) => void (d.elements[1]!.id = "-b"), /\/elements\/1\/id must match pattern/],
    ["a zero metric", (d) => void (d.links[0]!.metric = 0), /\/links\/0\/metric must be >= 1/],
    ["a duplicate element id", (d) => void d.elements.push({ id: "a", role: "core" }), /id `a` is used twice/],
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
