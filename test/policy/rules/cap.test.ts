import { ruleTester, riskSpec, type TestElement, type TestNet } from "./tester.js";

/** `high` Huawei and `clean` Nokia RAN elements of one operator (ids op-h1…, op-c1…). */
function ran(op: string, high: number, clean: number, extra: Partial<TestElement> = {}): TestElement[] {
  const out: TestElement[] = [];
  for (let i = 1; i <= high; i++) out.push({ id: `${op}-h${i}`, role: "ran", vendor: "Huawei", operator: op, ...extra });
  for (let i = 1; i <= clean; i++) out.push({ id: `${op}-c${i}`, role: "ran", vendor: "Nokia", operator: op, ...extra });
  return out;
}

const net = (...elements: TestElement[][]): TestNet => ({ elements: elements.flat() });
const cap35 = { cap: { scope: { role: "ran" }, max: "35%" } };

ruleTester("cap", {
  valid: [
    { name: "35% of 20 allows exactly 7", net: net(ran("a", 7, 13)), rule: cap35 },
    { name: "a fraction works like a percentage", net: net(ran("a", 7, 13)), rule: { cap: { max: 0.35 } } },
    { name: "each operator within its cap", net: net(ran("a", 1, 2), ran("b", 0, 2)), rule: { cap: { max: "35%", per: "operator" } } },
    {
      name: "out-of-service, decommissioned and passive elements are not counted",
      net: net(ran("a", 1, 2), ran("x", 3, 0, { state: "out-of-service" }), ran("y", 3, 0, { decommission: "2024-06-30" }), ran("z", 3, 0, { passive: true })),
      rule: cap35,
    },
    { name: "elements outside the scope are not counted", net: net(ran("a", 1, 2), [{ id: "core-1", role: "core", vendor: "Huawei" }]), rule: cap35 },
    {
      name: "by weight: 3 of 10",
      net: net([{ id: "h", role: "ran", vendor: "Huawei", weight: 3 }, { id: "c", role: "ran", vendor: "Nokia", weight: 7 }]),
      rule: { cap: { max: "35%", measure: "weight" } },
    },
    { name: "an empty scope passes with a note", net: net(ran("a", 1, 0)), rule: { cap: { scope: { tag: "full-fibre" }, max: "35%" } }, notes: [{ level: "note", message: /no in-service element matches the scope tag=full-fibre/ }] },
    {
      name: "unknown vendors counted as clean are noted with the groups they would push over",
      net: net(ran("a", 1, 2), [{ id: "a-u1", role: "ran", vendor: "Acme", operator: "a" }]),
      rule: { cap: { max: "35%", per: "operator" } },
      spec: riskSpec({ unknownVendor: "clean" }),
      notes: [{ level: "note", items: ["a-u1"], message: /operator a would be over the cap/ }],
    },
  ],
  invalid: [
    {
      name: "a shared RAN site counts in the share of each of its operators",
      net: net([{ id: "shared-1", role: "ran", vendor: "Huawei", operator: ["a", "b"] }], ran("a", 0, 2), ran("b", 0, 1)),
      rule: { cap: { max: "35%", per: "operator" } },
      findings: [{ level: "error", items: ["shared-1"], message: /^operator b: high-risk 1 of 2 elements \(50%\) is above the 35% cap/, details: { group: "b", highRisk: 1, total: 2 } }],
    },
    {
      name: "a large group lists what must be replaced and the next ones, up to 1,000 items, and counts the rest",
      net: { elements: ran("a", 1200, 800) },
      rule: { cap: { max: "50%" } },
      findings: [
        {
          level: "error",
          items: Array.from({ length: 1000 }, (_, i) => `a-h${i + 1}`),
          details: { highRisk: 1200, total: 2000, mustReplace: 200, itemsNotListed: 200 },
        },
      ],
    },
    {
      name: "8 of 20 is over 35%: replace 1",
      net: net(ran("a", 8, 12)),
      rule: cap35,
      findings: [
        {
          level: "error",
          items: ["a-h1", "a-h2", "a-h3", "a-h4", "a-h5", "a-h6", "a-h7", "a-h8"],
          message: /the network: high-risk 8 of 20 elements \(40%\) is above the 35% cap; replace at least 1 element of `[^`]+`, .* and 3 more$/,
          details: { per: "network", share: 0.4, cap: 0.35, highRisk: 8, total: 20, mustReplace: 1 },
          location: { line: 7 },
        },
      ],
    },
    {
      name: "one finding per group over the cap, groups in the order they first appear",
      net: net(ran("c", 2, 1), ran("a", 1, 3), ran("b", 3, 0)),
      rule: { cap: { max: "35%", per: "operator" } },
      findings: [
        { level: "error", items: ["c-h1", "c-h2"], details: { group: "c", highRisk: 2, total: 3, mustReplace: 1 } },
        { level: "error", items: ["b-h1", "b-h2", "b-h3"], details: { group: "b", share: 1, mustReplace: 2 } },
      ],
    },
    {
      name: "by weight the heaviest go first",
      net: net([
        { id: "light", role: "ran", vendor: "Huawei", weight: 1 },
        { id: "heavy", role: "ran", vendor: "Huawei", weight: 5 },
        { id: "mid", role: "ran", vendor: "ZTE", weight: 2 },
        { id: "clean", role: "ran", vendor: "Ericsson", weight: 2 },
      ]),
      rule: { cap: { max: "35%", measure: "weight" } },
      findings: [{ level: "error", items: ["heavy", "mid", "light"], message: /weight 8 of 10 \(80%\).*replace at least 1 element \(heaviest first\)/, details: { highRisk: 8, total: 10, mustReplace: 1, measure: "weight" } }],
    },
    {
      name: "by weight, elements without one count as 1 and are noted",
      net: net([{ id: "h", role: "ran", vendor: "Huawei" }, { id: "c", role: "ran", vendor: "Nokia", weight: 1 }]),
      rule: { cap: { max: "35%", measure: "weight" } },
      findings: [
        { level: "error", items: ["h"], details: { highRisk: 1, total: 2 } },
        { level: "note", message: /1 element in scope has no weight and counts as 1/ },
      ],
    },
    {
      name: "unknown vendors count as high-risk by default",
      net: net(ran("a", 1, 2), [{ id: "a-u1", role: "ran", operator: "a" }]),
      rule: cap35,
      findings: [{ level: "error", items: ["a-h1", "a-u1"], details: { highRisk: 2, total: 4, mustReplace: 1 } }],
    },
    {
      name: "elements without the grouping attribute share the group (none)",
      net: { sites: [{ id: "s1", region: "north" }], elements: [{ id: "e1", vendor: "Huawei", site: "s1" }, { id: "e2", vendor: "Huawei" }, { id: "e3", vendor: "Nokia", site: "s1" }] },
      rule: { cap: { max: "50%", per: "region" } },
      findings: [{ level: "error", items: ["e2"], message: /^region \(none\)/, details: { group: "(none)", share: 1 } }],
    },
    {
      name: "a warning-level cap",
      net: net(ran("a", 1, 0)),
      rule: { level: "warning", cap: { max: "0%" } },
      findings: [{ level: "warning", items: ["a-h1"], details: { mustReplace: 1 } }],
    },
  ],
});
