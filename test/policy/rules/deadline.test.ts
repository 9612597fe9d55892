import { ruleTester, riskSpec } from "./tester.js";

const rule = { deadline: { scope: { role: "core" }, by: "2023-12-31" } } as const;
const before = "2023-10-02"; // 90 days before
const after = "2024-01-01";

ruleTester("deadline", {
  valid: [
    { name: "no high-risk element in scope after the deadline", net: { elements: [{ id: "c1", role: "core", vendor: "Nokia" }, { id: "r1", role: "ran", vendor: "Huawei" }] }, rule, asOf: after },
    { name: "decommissioned by the deadline", net: { elements: [{ id: "c1", role: "core", vendor: "Huawei", decommission: "2023-12-31" }] }, rule, asOf: after },
    { name: "out of service", net: { elements: [{ id: "c1", role: "core", vendor: "Huawei", state: "out-of-service" }] }, rule, asOf: after },
    { name: "on the deadline day nothing is late yet", net: { elements: [{ id: "c1", role: "core", vendor: "Nokia" }] }, rule, asOf: "2023-12-31" },
    {
      name: "before the deadline, everything planned to go in time: a note",
      net: { elements: [{ id: "c1", role: "core", vendor: "Huawei", decommission: "2023-11-30" }] },
      rule,
      asOf: before,
      notes: [{ level: "note", items: ["c1"], message: /all 1 high-risk element in scope is planned to be decommissioned by 2023-12-31/, details: { plannedInTime: 1, toRemove: 0 } }],
    },
    {
      name: "before the deadline, items still to remove: a warning, and the rule passes",
      net: {
        elements: [
          { id: "c1", role: "core", vendor: "Huawei" },
          { id: "c2", role: "core", vendor: "ZTE", decommission: "2023-11-30" },
          { id: "c3", role: "core", vendor: "Huawei", decommission: "2024-03-01" },
          { id: "c4", role: "core", vendor: "Huawei", state: "planned" },
        ],
      },
      rule,
      asOf: before,
      notes: [
        {
          level: "warning",
          items: ["c1", "c3", "c4"],
          message: /^3 high-risk elements must be out of scope by 2023-12-31 \(90 days left\): `[^`]+`, `[^`]+`, `[^`]+`; 1 more is planned to go in time; 1 of them has a decommission date after the deadline$/,
          details: { daysLeft: 90, toRemove: 3, plannedInTime: 1, plannedLate: 1 },
          location: { line: 7 },
        },
      ],
    },
  ],
  invalid: [
    {
      name: "still in the core the day after the deadline",
      net: { elements: [{ id: "c0", role: "core", vendor: "Nokia" }, { id: "c1", role: "core", vendor: "Huawei" }] },
      rule,
      asOf: after,
      findings: [{ level: "error", items: ["c1"], message: /`c1` is high-risk \(vendor huawei: test list\) and still in service after the 2023-12-31 deadline$/, details: { by: "2023-12-31", daysLate: 1 }, location: { line: 2 } }],
    },
    {
      name: "a decommission planned after the deadline is late",
      net: { elements: [{ id: "c1", role: "core", vendor: "Huawei", decommission: "2024-03-01" }] },
      rule,
      asOf: after,
      findings: [{ level: "error", items: ["c1"], message: /decommission is planned for 2024-03-01, 61 days late/, details: { decommission: "2024-03-01" } }],
    },
    {
      name: "planned high-risk elements break it too",
      net: { elements: [{ id: "c1", role: "core", vendor: "ZTE", state: "planned" }] },
      rule,
      asOf: after,
      findings: [{ level: "error", items: ["c1"], message: /still planned after/, details: { state: "planned" } }],
    },
    {
      name: "unknown vendors counted as clean are noted",
      net: { elements: [{ id: "c1", role: "core", vendor: "Acme" }, { id: "c2", role: "core", vendor: "Huawei" }] },
      rule,
      asOf: after,
      spec: riskSpec({ unknownVendor: "clean" }),
      findings: [
        { level: "error", items: ["c2"] },
        { level: "note", items: ["c1"], message: /unknown vendor, counted as clean .*: in scope after the 2023-12-31 deadline/ },
      ],
    },
  ],
});
