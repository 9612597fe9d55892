import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designate, HIGH } from "../../../src/policy/designation.js";
import { worldCountries } from "../../../src/policy/geo/index.js";
import { RULE_RISKY, RULE_UNKNOWN, RuleEnv } from "../../../src/policy/rules/env.js";
import { liftOverUnderlay } from "../../../src/policy/rules/underlay.js";
import { registry, riskSpec, ruleTester, type TestElement, type TestLink, type TestNet, topologyOf } from "./tester.js";

/** A Nokia 5G core function on Huawei servers, and a clean core beside it (SPEC §4.1). */
function hosted(server: Partial<TestElement> = {}, core: Partial<TestElement> = {}): TestNet {
  return {
    elements: [
      { id: "upf-mty", role: "core", vendor: "Nokia", underlay: ["srv-mty-7"], ...core },
      { id: "srv-mty-7", role: "datacenter", vendor: "Huawei", ...server },
      { id: "core-gdl", role: "core", vendor: "Nokia" },
    ],
  };
}

/** RAN sites of operator a; those listed in `over` ride the Huawei microwave hop mw-1. */
function ranOver(over: string[], sites: { id: string; vendor: string }[], link: Partial<TestLink> = {}): TestNet {
  return {
    elements: [
      ...sites.map((s) => ({ id: s.id, role: "ran" as const, vendor: s.vendor, operator: "a", ...(over.includes(s.id) ? { underlay: ["mw-1"] } : {}) })),
      { id: "hub-1", role: "transport", vendor: "Nokia" },
      { id: "hub-2", role: "transport", vendor: "Nokia" },
    ],
    links: [{ id: "mw-1", a: "hub-1", b: "hub-2", medium: "microwave", vendor: "Huawei", ...link }],
  };
}

const noHrvCore = { forbid: { role: "core" } };

ruleTester("forbid", {
  valid: [
    { name: "a core on clean servers", net: hosted({ vendor: "Dell" }), rule: noHrvCore },
    { name: "a core over a passive duct of a designated vendor (passive underlay is never risky)", net: hosted({ vendor: "Huawei", passive: true, role: "other" }), rule: noHrvCore },
    { name: "a core whose servers are out of service is out of service too", net: hosted({ state: "out-of-service" }), rule: noHrvCore },
    { name: "a core whose servers are decommissioned is gone too", net: hosted({ decommission: "2024-06-30" }), rule: noHrvCore },
    {
      name: "servers of unknown vendor, counted as clean: noted, with the wording for what rests on them",
      net: hosted({ vendor: "Acme Servers" }),
      rule: noHrvCore,
      spec: riskSpec({ unknownVendor: "clean" }),
      notes: [{ level: "note", items: ["upf-mty"], message: /^1 element with an unknown vendor \(or resting on one\), counted as clean/ }],
    },
  ],
  invalid: [
    {
      name: "a Nokia core function on Huawei servers is high-risk in the core, its reason naming the servers",
      net: hosted(),
      rule: noHrvCore,
      findings: [
        {
          level: "error",
          items: ["upf-mty"],
          message: /^`upf-mty` is high-risk \(rests on srv-mty-7, vendor huawei: test list\) in role core$/,
          details: { criterion: "role", underlay: ["srv-mty-7"], reason: "rests on srv-mty-7, vendor huawei: test list" },
          location: { line: 1 },
        },
      ],
    },
    {
      name: "deeper closures count: a core over a VM over Huawei servers",
      net: {
        elements: [
          { id: "upf", role: "core", vendor: "Nokia", underlay: ["vm-1"] },
          { id: "vm-1", role: "cloud", vendor: "VMware", underlay: ["srv"] },
          { id: "srv", role: "datacenter", vendor: "Huawei" },
        ],
      },
      rule: { forbid: { role: ["core", "cloud"] } },
      findings: [
        { level: "error", items: ["upf"], details: { underlay: ["srv"] } },
        { level: "error", items: ["vm-1"], details: { underlay: ["srv"] } },
      ],
    },
    {
      name: "a high-risk element keeps its own reason, whatever it rests on",
      net: hosted({}, { vendor: "ZTE" }),
      rule: noHrvCore,
      findings: [{ level: "error", items: ["upf-mty"], message: /is high-risk \(vendor zte: test list\) in role core$/ }],
    },
    {
      name: "servers of unknown vendor count as rules count unknown elements (risky by default)",
      net: hosted({ vendor: "Acme Servers" }),
      rule: noHrvCore,
      findings: [{ level: "error", items: ["upf-mty"], message: /\(rests on srv-mty-7, vendor `Acme Servers` not in the registry: counted as high-risk \(--unknown-vendor risky\)\)/ }],
    },
  ],
});

ruleTester("cap", {
  valid: [
    {
      name: "RAN over a clean hop",
      net: ranOver(["r1"], [{ id: "r1", vendor: "Nokia" }, { id: "r2", vendor: "Nokia" }, { id: "r3", vendor: "Nokia" }], { vendor: "Ericsson" }),
      rule: { cap: { scope: { role: "ran" }, max: "30%", per: "operator" } },
    },
  ],
  invalid: [
    {
      name: "a RAN site over a Huawei microwave hop counts as high-risk in its operator's share",
      net: ranOver(["r1"], [{ id: "r1", vendor: "Nokia" }, { id: "r2", vendor: "Nokia" }, { id: "r3", vendor: "Nokia" }]),
      rule: { cap: { scope: { role: "ran" }, max: "30%", per: "operator" } },
      findings: [
        {
          level: "error",
          items: ["r1"],
          message: /^operator a: high-risk 1 of 3 elements \(33\.3%\) is above the 30% cap \(1 of them through what they rest on: `r1` over `mw-1`\); replace at least 1 element of `r1`$/,
          details: { group: "a", highRisk: 1, total: 3, throughUnderlay: 1 },
        },
      ],
    },
  ],
});

ruleTester("diversity", {
  valid: [
    {
      name: "shares are untouched when nothing high-risk lies beneath",
      net: ranOver(["e1"], [{ id: "e1", vendor: "Ericsson" }, { id: "n1", vendor: "Nokia" }], { vendor: "Ciena" }),
      rule: { diversity: { scope: { role: "ran" }, maxVendorShare: "50%" } },
    },
  ],
  invalid: [
    {
      name: "RAN of two vendors over one Huawei hop depends on Huawei too",
      net: ranOver(["e1", "n1", "n2"], [{ id: "e1", vendor: "Ericsson" }, { id: "e2", vendor: "Ericsson" }, { id: "n1", vendor: "Nokia" }, { id: "n2", vendor: "Nokia" }]),
      rule: { diversity: { scope: { role: "ran" }, maxVendorShare: "60%" } },
      findings: [
        {
          level: "error",
          items: ["e1", "n1", "n2"],
          message: /^the network: vendor huawei has 3 of 4 elements \(75%\), above the 60% limit \(3 of them through what they rest on: `e1` over `mw-1`, `n1` over `mw-1`, `n2` over `mw-1`\); move at least 1 element to other vendors$/,
          details: { vendor: "huawei", vendorTotal: 3, total: 4, throughUnderlay: 3 },
        },
      ],
    },
  ],
});

const coreDeadline = { deadline: { scope: { role: "core" }, by: "2024-12-31" } };

ruleTester("deadline", {
  valid: [
    { name: "a core on clean servers after the deadline", net: hosted({ vendor: "Dell" }), rule: coreDeadline },
  ],
  invalid: [
    {
      name: "the deadline applies to the core; the message names the servers beneath it",
      net: hosted({ decommission: "2025-06-30" }),
      rule: coreDeadline,
      findings: [
        {
          level: "error",
          items: ["upf-mty"],
          message: /^`upf-mty` is high-risk \(rests on srv-mty-7, vendor huawei: test list\) and still in service after the 2024-12-31 deadline; `srv-mty-7`, which it rests on, is to be decommissioned on 2025-06-30, 181 days late$/,
          details: { by: "2024-12-31", decommission: "2025-06-30", underlay: ["srv-mty-7"] },
        },
      ],
    },
    {
      name: "before the deadline: the core goes in time when the servers beneath it do",
      net: hosted({ decommission: "2024-06-30" }),
      rule: coreDeadline,
      asOf: "2024-01-01",
      passed: true,
      findings: [{ level: "note", items: ["upf-mty"], message: /^all 1 high-risk element in scope is planned to be decommissioned by 2024-12-31$/ }],
    },
    {
      name: "a planned core on planned Huawei servers is what the deadline forbids",
      net: hosted({ state: "planned" }, { state: "planned" }),
      rule: coreDeadline,
      findings: [{ level: "error", items: ["upf-mty"], message: /and still planned after the 2024-12-31 deadline$/ }],
    },
  ],
});

const noNew = { noNewAfter: { scope: { role: "core" }, date: "2020-12-31" } };

ruleTester("noNewAfter", {
  valid: [
    { name: "core and servers both installed before the date", net: hosted({ installed: "2019-05-01" }, { installed: "2018-01-01" }), rule: noNew },
  ],
  invalid: [
    {
      name: "an old core moved onto new Huawei servers is new high-risk equipment; the message names the servers",
      net: hosted({ installed: "2022-03-01" }, { installed: "2018-01-01" }),
      rule: noNew,
      findings: [
        {
          level: "error",
          items: ["upf-mty"],
          message: /^`upf-mty` is high-risk \(rests on srv-mty-7, vendor huawei: test list\) and rests on `srv-mty-7`, which was installed on 2022-03-01, after 2020-12-31$/,
          details: { installed: "2022-03-01", underlay: ["srv-mty-7"] },
        },
      ],
    },
    {
      name: "a new core on old Huawei servers is new too",
      net: hosted({ installed: "2017-01-01" }, { installed: "2023-01-01" }),
      rule: noNew,
      findings: [{ level: "error", items: ["upf-mty"], message: /and was installed on 2023-01-01, after 2020-12-31$/ }],
    },
    {
      name: "servers without an installed date cannot be judged",
      net: hosted({}, { installed: "2018-01-01" }),
      rule: noNew,
      checked: false,
      findings: [{ level: "warning", items: ["upf-mty"], message: /^1 high-risk element in scope has no installed date/ }],
    },
  ],
});

describe("lifting levels over the underlay", () => {
  it("leaves the designation itself alone: the path engine keeps the items' own levels", () => {
    const topology = topologyOf(hosted());
    const designation = designate(topology, registry, riskSpec(), "2025-01-01");
    const before = Uint8Array.from(designation.elements);
    const view = liftOverUnderlay(topology, designation, "2025-01-01")!;
    expect([...designation.elements]).toEqual([...before]);
    expect(designation.elements[0]).toBe(0);
    expect(view.levels[0]).toBe(HIGH);
    expect(view.lifts.get(0)!.reasons).toEqual([{ kind: "underlay", value: "srv-mty-7", source: "upf-mty rests on srv-mty-7 (vendor huawei — test list)" }]);
  });

  it("is absent without an underlay", () => {
    const topology = topologyOf({ elements: [{ id: "a", role: "core", vendor: "Huawei" }] });
    expect(liftOverUnderlay(topology, designate(topology, registry, riskSpec(), "2025-01-01"), "2025-01-01")).toBeUndefined();
  });

  it("names every high-risk item beneath, in closure order, once each", () => {
    const topology = topologyOf({
      elements: [
        { id: "ip", role: "core", vendor: "Nokia", underlay: ["oadm-1", "duct", "oadm-2"] },
        { id: "oadm-1", role: "transport", vendor: "Huawei" },
        { id: "oadm-2", role: "transport", vendor: "ZTE", underlay: ["oadm-1"] },
        { id: "duct", role: "other", vendor: "Huawei", passive: true },
      ],
    });
    const view = liftOverUnderlay(topology, designate(topology, registry, riskSpec(), "2025-01-01"), "2025-01-01")!;
    expect(view.lifts.get(0)!.reasons.map((r) => r.value)).toEqual(["oadm-1", "oadm-2"]);
    expect(view.lifts.get(2)).toBeUndefined(); // high-risk itself
  });

  it("agrees with a brute-force walk of the underlay on random layered networks", () => {
    const vendor = fc.constantFrom("Huawei", "Nokia", "Acme", undefined);
    const net = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.record({
        vendors: fc.array(vendor, { minLength: n, maxLength: n }),
        passive: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        // Only lower indices beneath higher ones: a DAG, as the loader guarantees.
        under: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: n, maxLength: n }),
        mode: fc.constantFrom("risky" as const, "clean" as const),
      }),
    );
    fc.assert(
      fc.property(net, ({ vendors, passive, under, mode }) => {
        const n = vendors.length;
        const beneath = under.map((xs, i) => [...new Set(i === 0 ? [] : xs.map((x) => x % i))]);
        const elements: TestElement[] = vendors.map((v, i) => ({
          id: `e${i}`,
          role: "core",
          ...(v ? { vendor: v } : {}),
          passive: passive[i]!,
          ...(beneath[i]!.length ? { underlay: beneath[i]!.map((x) => `e${x}`) } : {}),
        }));
        const topology = topologyOf({ elements });
        const designation = designate(topology, registry, riskSpec({ unknownVendor: mode }), "2025-01-01");
        const env = new RuleEnv({ topology, registry, designation, asOf: "2025-01-01" }, worldCountries);
        for (let i = 0; i < n; i++) {
          const seen = new Set<number>();
          const stack = [...beneath[i]!];
          while (stack.length) {
            const x = stack.pop()!;
            if (seen.has(x)) continue;
            seen.add(x);
            stack.push(...beneath[x]!);
          }
          const levels = [designation.elements[i]!, ...[...seen].map((x) => designation.elements[x]!)];
          const expected = levels.includes(HIGH) ? RULE_RISKY : levels.includes(2) ? (mode === "risky" ? RULE_RISKY : RULE_UNKNOWN) : 0;
          expect(env.risk[i]).toBe(expected);
          const own = designation.elements[i]!;
          const below = [...seen].map((x) => designation.elements[x]!);
          const worst = below.includes(HIGH) ? HIGH : below.includes(2) ? 2 : 0;
          const lifted = env.liftedBy(i);
          if (own === HIGH || worst === 0 || (worst === 2 && own === 2)) expect(lifted).toBeUndefined();
          else {
            const want = [...seen].filter((x) => designation.elements[x] === worst).map((x) => `e${x}`);
            expect(lifted).toHaveLength(want.length);
            expect(new Set(lifted)).toEqual(new Set(want));
          }
        }
      }),
    );
  });
});
