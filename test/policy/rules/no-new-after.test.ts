import { ruleTester, riskSpec } from "./tester.js";

const rule = { noNewAfter: { scope: { tag: "5g" }, date: "2022-10-13" } } as const;

ruleTester("noNewAfter", {
  valid: [
    { name: "installed on the day itself", net: { elements: [{ id: "g1", vendor: "Huawei", tags: ["5g"], installed: "2022-10-13" }] }, rule },
    { name: "new equipment from a clean vendor", net: { elements: [{ id: "g1", vendor: "Ericsson", tags: ["5g"], installed: "2024-01-01" }] }, rule },
    { name: "outside the scope", net: { elements: [{ id: "f1", vendor: "Huawei", tags: ["full-fibre"], installed: "2024-01-01" }] }, rule },
    { name: "installed late but since taken out of service", net: { elements: [{ id: "g1", vendor: "Huawei", tags: ["5g"], installed: "2023-01-01", state: "out-of-service" }] }, rule },
    { name: "installed late but decommissioned by the as-of day", net: { elements: [{ id: "g1", vendor: "Huawei", tags: ["5g"], installed: "2023-01-01", decommission: "2024-06-01" }] }, rule },
    {
      name: "an unknown vendor counted as clean is noted",
      net: { elements: [{ id: "g1", vendor: "Acme", tags: ["5g"], installed: "2023-01-01" }] },
      rule,
      spec: riskSpec({ unknownVendor: "clean" }),
      notes: [{ level: "note", items: ["g1"], message: /installed after 2022-10-13/ }],
    },
  ],
  invalid: [
    {
      name: "installed after the date",
      net: { elements: [{ id: "g0", vendor: "Huawei", tags: ["5g"], installed: "2021-01-01" }, { id: "g1", vendor: "Huawei", tags: ["5g"], installed: "2022-10-14" }] },
      rule,
      findings: [{ level: "error", items: ["g1"], message: /^`g1` is high-risk \(vendor huawei: test list\) and was installed on 2022-10-14, after 2022-10-13$/, details: { installed: "2022-10-14", date: "2022-10-13" }, location: { line: 2 } }],
    },
    {
      name: "a plan breaks it whatever the as-of day",
      net: { elements: [{ id: "g1", vendor: "ZTE", tags: ["5g"], installed: "2026-05-01", state: "planned" }] },
      rule,
      asOf: "2020-01-01",
      findings: [{ level: "error", items: ["g1"], message: /planned to be installed on 2026-05-01/, details: { state: "planned" } }],
    },
    {
      name: "high-risk elements without an installed date are listed",
      net: { elements: [{ id: "g1", vendor: "Huawei", tags: ["5g"] }, { id: "g2", vendor: "Huawei", tags: ["5g"], installed: "2020-01-01" }] },
      rule,
      passed: true,
      findings: [{ level: "warning", items: ["g1"], message: /1 high-risk element in scope has no installed date/, details: { undated: 1 } }],
    },
    {
      name: "no installed date anywhere: not checked",
      net: { elements: [{ id: "g1", vendor: "Huawei", tags: ["5g"] }] },
      rule,
      checked: false,
      findings: [{ level: "warning", items: ["g1"] }],
    },
  ],
});
