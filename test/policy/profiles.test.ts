import { describe, expect, it } from "vitest";
import { lists } from "../../src/data/lists.js";
import { profiles } from "../../src/data/profiles.js";
import type { Profile } from "../../src/policy/types.js";
import { type Because, designate, HIGH, type RiskSpec } from "../../src/policy/designation.js";
import { daysBetween } from "../../src/policy/rules/common.js";
import { registry, run, type TestElement, type TestNet, type TestSite, topologyOf } from "./rules/tester.js";

/**
 * A RiskSpec from a profile's `risk` section: vendors, list entries (vendors and operators, from
 * the day they were added) and operators. The policy loader builds the real one; this is just
 * enough to designate with a profile's own risk section.
 */
function specOf(profile: Profile): RiskSpec {
  const risk = profile.policy.risk ?? {};
  const because: Because = { source: profile.title, list: profile.id };
  const vendors = new Map<string, Because>((risk.vendors ?? []).map((v) => [v, because]));
  const operators: RiskSpec["operators"] = (risk.operators ?? []).map((id) => ({ id, names: [], because }));
  for (const id of risk.lists ?? []) {
    const list = lists.find((l) => l.id === id)!;
    for (const e of list.entries) {
      const b: Because = { source: list.title, list: list.id, since: e.added };
      if (e.kind === "operator") operators.push({ id: e.id, names: [e.name, ...(e.aliases ?? [])], because: b });
      else if (e.kind !== "software") vendors.set(e.id, b);
    }
  }
  return {
    vendors,
    operators,
    jurisdictions: new Map((risk.jurisdictions ?? []).map((j) => [j, because])),
    tags: new Map((risk.tags ?? []).map((t) => [t, because])),
    components: risk.components ?? true,
    unknownVendor: risk.unknownVendor ?? "risky",
    includePassive: risk.includePassive ?? false,
    origin: profile.id,
    description: profile.summary,
    lists: risk.lists ?? [],
  };
}

const hw = (id: string, role: TestElement["role"], extra: Partial<TestElement> = {}): TestElement => ({ id, role, vendor: "Huawei", installed: "2019-05-01", ...extra });
const ok = (id: string, role: TestElement["role"], vendor: string, extra: Partial<TestElement> = {}): TestElement => ({ id, role, vendor, installed: "2019-05-01", ...extra });

/** Per profile: a network that passes every rule on `asOf`, and per rule what makes it fail that rule alone. */
interface ProfileCase {
  asOf: string;
  net: TestNet;
  fail: Record<string, { add: TestElement[]; sites?: TestSite[]; asOf?: string }>;
}

const cases: Record<string, ProfileCase> = {
  "uk-hrv-2020": {
    asOf: "2021-01-01",
    net: {
      sites: [{ id: "sizewell", tags: ["nuclear"] }, { id: "town" }],
      elements: [ok("core-1", "core", "Ericsson"), ok("mgmt-1", "management", "Nokia"), ok("nuc-1", "transport", "Cisco", { site: "sizewell" }), hw("ran-h1", "ran", { operator: "bt" }), ok("ran-1", "ran", "Ericsson", { operator: "bt" }), ok("ran-2", "ran", "Ericsson", { operator: "bt" })],
    },
    fail: {
      "hrv-core": { add: [hw("core-h", "core")] },
      "hrv-management": { add: [hw("mgmt-h", "management")] },
      "hrv-sensitive-sites": { add: [hw("nuc-h", "transport", { site: "sizewell" })] },
      "hrv-access-cap": { add: [hw("acc-h", "access", { operator: "bt" })] },
    },
  },
  "uk-dvd-2022": {
    asOf: "2025-06-01",
    net: {
      sites: [{ id: "gchq", tags: ["national-security"] }],
      elements: [
        ok("core-1", "core", "Ericsson"),
        hw("lte-1", "ran", { operator: "bt" }), // legacy 4G: no rule covers it
        ...[1, 2, 3].map((i) => ok(`nr-${i}`, "ran", "Ericsson", { operator: "bt", tags: ["5g"] })),
        ...[1, 2, 3].map((i) => ok(`ftth-${i}`, "access", "Nokia", { operator: "openreach", tags: ["full-fibre"] })),
        ok("ns-1", "transport", "Cisco", { site: "gchq" }),
        ok("hdr-1", "transport", "Ciena", { tags: ["high-data-rate"] }),
      ],
    },
    fail: {
      "dvd-no-new-5g": { add: [hw("tx-5g", "transport", { tags: ["5g"], installed: "2023-03-01" })] },
      "dvd-core-removal": { add: [hw("core-h", "core")] },
      "dvd-national-security-sites": { add: [hw("ns-h", "transport", { site: "gchq" })] },
      "dvd-full-fibre-access-cap": { add: [hw("ftth-h1", "access", { operator: "openreach", tags: ["full-fibre"] }), hw("ftth-h2", "access", { operator: "openreach", tags: ["full-fibre"] })] },
      "dvd-5g-access-cap": { add: [hw("nr-h1", "ran", { operator: "bt", tags: ["5g"] }), hw("nr-h2", "ran", { operator: "bt", tags: ["5g"] })] },
      "dvd-no-sanctions-affected-full-fibre": { add: [hw("olt-h", "access", { operator: "cityfibre", tags: ["sanctions-affected"], installed: "2023-02-01" })] },
      "dvd-high-data-rate-transmission": { add: [hw("hdr-h", "transport", { tags: ["high-data-rate"] })], asOf: "2026-01-01" },
      "dvd-5g-removal": { add: [hw("tx-5g", "transport", { tags: ["5g"] })], asOf: "2028-01-01" },
    },
  },
  "eu-5g-toolbox": {
    asOf: "2024-01-01",
    net: {
      sites: [{ id: "berlin", country: "DE" }, { id: "paris", country: "FR" }],
      elements: [
        ok("a-n1", "ran", "Nokia", { operator: "a", site: "berlin" }),
        ok("a-e1", "ran", "Ericsson", { operator: "a", site: "berlin" }),
        hw("a-h1", "ran", { operator: "a", site: "berlin" }),
        ok("a-s1", "ran", "Samsung", { operator: "a", site: "berlin" }),
        ok("b-n1", "access", "Nokia", { operator: "b", site: "paris" }),
        ok("b-e1", "access", "Ericsson", { operator: "b", site: "paris" }),
      ],
    },
    fail: {
      "sm03-core-management": { add: [hw("core-h", "core", { operator: "c", site: "paris" }), ok("core-c", "core", "Cisco", { operator: "c", site: "paris" })] },
      // Operator a becomes 4/7 Nokia; another operator's kit keeps Germany at 4/9.
      "sm05-multi-vendor-operator": {
        add: [...[2, 3, 4].map((i) => ok(`a-n${i}`, "ran", "Nokia", { operator: "a", site: "berlin" })), ok("e-c1", "ran", "Cisco", { operator: "e", site: "berlin" }), ok("e-j1", "ran", "Juniper", { operator: "e", site: "berlin" })],
      },
      // Operator d is half Nokia overall, but all of its German equipment is Nokia.
      "sm06-multi-vendor-national": { add: [ok("d-n1", "ran", "Nokia", { operator: "d", site: "berlin" }), ok("d-n2", "ran", "Nokia", { operator: "d", site: "berlin" }), ok("d-n3", "ran", "Nokia", { operator: "d", site: "berlin" }), ok("d-j1", "ran", "Juniper", { operator: "d" }), ok("d-j2", "ran", "Juniper", { operator: "d" }), ok("d-j3", "ran", "Juniper", { operator: "d" })] },
    },
  },
  "be-2023": {
    asOf: "2024-01-01",
    net: {
      sites: [{ id: "antwerp-port", tags: ["port"] }],
      elements: [ok("core-1", "core", "Nokia"), ok("bb-1", "backbone", "Cisco"), ok("port-1", "ran", "Ericsson", { site: "antwerp-port" }), hw("ran-h1", "ran"), ok("ran-1", "ran", "Nokia")],
    },
    fail: {
      "be-core-backbone": { add: [hw("bb-h", "backbone")] },
      "be-ran-cap": { add: [hw("ran-h2", "ran")] },
      "be-sensitive-zones": { add: [hw("port-h", "access", { site: "antwerp-port" })] },
    },
  },
  "de-2024": {
    asOf: "2025-01-01",
    net: { elements: [ok("core-1", "core", "Ericsson"), ok("mgmt-1", "management", "Nokia"), hw("ran-h1", "ran")] },
    fail: {
      "de-core-deadline": { add: [hw("core-h", "core")], asOf: "2027-01-01" },
      "de-management-deadline": { add: [hw("mgmt-h", "management")], asOf: "2030-01-01" },
    },
  },
  "mx-core-border": {
    asOf: "2024-01-01",
    net: {
      sites: [
        { id: "cdmx", country: "MX", lat: 19.4326, lon: -99.1332 },
        { id: "nuevo-laredo", country: "MX", lat: 27.4861, lon: -99.5069 },
        { id: "monterrey", country: "MX", lat: 25.6866, lon: -100.3161 },
      ],
      elements: [ok("core-1", "core", "Nokia", { site: "cdmx" }), ok("noc-1", "management", "Nokia", { site: "cdmx" }), hw("ran-h1", "ran", { site: "cdmx" }), hw("ran-h2", "ran", { site: "monterrey" }), ok("ran-n1", "ran", "Nokia", { site: "nuevo-laredo" })],
    },
    fail: {
      "mx-core": { add: [hw("core-h", "core", { site: "cdmx" })] },
      "mx-us-border": { add: [hw("ran-h3", "ran", { site: "nuevo-laredo" })] },
    },
  },
};

function runProfile(profile: Profile, net: TestNet, asOf: string) {
  const rules = (profile.policy.rules ?? []).map((r) => ({ ...r }));
  return run(rules, net, { asOf, spec: specOf(profile) });
}

const withVariant = (c: ProfileCase, v: ProfileCase["fail"][string]): TestNet => ({ sites: [...(c.net.sites ?? []), ...(v.sites ?? [])], elements: [...c.net.elements, ...v.add] });

/** Day before / after a YYYY-MM-DD date. */
function shift(day: string, days: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

describe("built-in profiles", () => {
  it("has a test case for every profile with rules, and only those", () => {
    expect(Object.keys(cases).sort()).toEqual(profiles.filter((p) => (p.policy.rules ?? []).length > 0).map((p) => p.id).sort());
  });

  for (const profile of profiles) {
    const rules = profile.policy.rules ?? [];
    const c = cases[profile.id];
    describe(profile.id, () => {
      it("designates a Huawei element with its own risk section", () => {
        const topology = topologyOf({ elements: [hw("x", "core", { installed: "2024-01-01" })] });
        expect(designate(topology, registry, specOf(profile), "2024-06-01").elements[0]).toBe(HIGH);
      });

      if (!c) {
        it("has no placement rules", () => expect(rules).toEqual([]));
        return;
      }

      it("has a failing variant for every rule", () => {
        expect(Object.keys(c.fail).sort()).toEqual(rules.map((r) => r.id).sort());
      });

      const asOfs = [...new Set([c.asOf, ...Object.values(c.fail).flatMap((v) => (v.asOf ? [v.asOf] : []))])];
      it(`passes a well-built network on ${asOfs.join(", ")}`, () => {
        for (const asOf of asOfs) {
          const { results, findings } = runProfile(profile, c.net, asOf);
          expect(results.filter((r) => !r.passed).map((r) => r.id), asOf).toEqual([]);
          expect(findings.filter((f) => f.level === "error").map((f) => f.message), asOf).toEqual([]);
        }
      });

      for (const rule of rules) {
        it(`fails ${rule.id} alone`, () => {
          const v = c.fail[rule.id]!;
          const { results, findings } = runProfile(profile, withVariant(c, v), v.asOf ?? c.asOf);
          expect(results.filter((r) => !r.passed).map((r) => r.id)).toEqual([rule.id]);
          const own = findings.filter((f) => f.rule === rule.id && f.level === (rule.level ?? "error"));
          expect(own.length).toBeGreaterThan(0);
          for (const f of own) expect(f.source?.title).toBe(rule.source!.title);
          const others = findings.filter((f) => f.rule !== rule.id);
          expect(others.filter((f) => f.level === "error")).toEqual([]);
        });
      }

      for (const rule of rules.filter((r) => r.from)) {
        it(`${rule.id} is not in force the day before ${rule.from}, and is from that day`, () => {
          const v = c.fail[rule.id]!;
          const before = runProfile(profile, withVariant(c, v), shift(rule.from!, -1));
          const result = before.results.find((r) => r.id === rule.id)!;
          expect(result.passed).toBe(true);
          expect(before.findings.filter((f) => f.rule === rule.id).map((f) => [f.level, f.message])).toEqual([["note", `not in force until ${rule.from} (as of ${shift(rule.from!, -1)})`]]);
          const on = runProfile(profile, withVariant(c, v), rule.from!);
          expect(on.results.find((r) => r.id === rule.id)!.passed).toBe(false);
        });
      }

      for (const rule of rules.filter((r) => r.deadline)) {
        it(`${rule.id} warns up to ${rule.deadline!.by} and fails the day after`, () => {
          const v = c.fail[rule.id]!;
          const by = rule.deadline!.by;
          for (const asOf of [shift(by, -30), by]) {
            const { results, findings } = runProfile(profile, withVariant(c, v), asOf);
            expect(results.find((r) => r.id === rule.id)!.passed).toBe(true);
            const warning = findings.find((f) => f.rule === rule.id)!;
            expect(warning.level).toBe("warning");
            expect(warning.details?.daysLeft).toBe(daysBetween(asOf, by));
            expect(warning.items).toEqual(v.add.map((e) => e.id));
          }
          const after = runProfile(profile, withVariant(c, v), shift(by, 1));
          expect(after.results.find((r) => r.id === rule.id)!.passed).toBe(false);
        });
      }
    });
  }
});
