import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lists } from "../../src/data/lists.js";
import { profiles } from "../../src/data/profiles.js";
import { VendorRegistry } from "../../src/vendors/registry.js";
import type { RuleDeclaration, Scope } from "../../src/policy/types.js";
import { roles, selectorKeys } from "../../src/topology/types.js";
import { isDay, kebab, sourceProblems } from "./helpers.js";

const kinds = ["forbid", "cap", "diversity", "deadline", "noNewAfter"] as const;
const registry = new VendorRegistry();
const docs = readFileSync(join(import.meta.dirname, "../../docs/data-sources.md"), "utf8");
const rules = profiles.flatMap((p) => (p.policy.rules ?? []).map((r) => ({ profile: p.id, rule: r })));

function scopes(r: RuleDeclaration): Scope[] {
  const out: (Scope | undefined)[] = [r.forbid?.scope, r.forbid?.near, r.cap?.scope, r.diversity?.scope, r.deadline?.scope, r.noNewAfter?.scope];
  return out.filter((s): s is Scope => s !== undefined);
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe("built-in profiles", () => {
  it("are exactly the SPEC §5 list", () => {
    expect(profiles.map((p) => p.id)).toEqual([
      "us-clean-path-2020",
      "us-clean-network-2020",
      "us-fcc-covered-list",
      "us-ndaa-889",
      "uk-hrv-2020",
      "uk-dvd-2022",
      "eu-5g-toolbox",
      "be-2023",
      "de-2024",
      "mx-core-border",
    ]);
  });

  it("cite well-formed sources and say what they are", () => {
    const problems: string[] = [];
    for (const p of profiles) {
      if (p.sources.length === 0) problems.push(`${p.id}: no source`);
      if (p.summary.length < 80) problems.push(`${p.id}: summary too short`);
      p.sources.forEach((s, i) => problems.push(...sourceProblems(`${p.id}.sources[${i}]`, s)));
    }
    expect(problems).toEqual([]);
  });

  it("give every rule a kebab-case id unique within its profile, exactly one kind and a source", () => {
    const problems: string[] = [];
    for (const p of profiles) {
      const ids = (p.policy.rules ?? []).map((r) => r.id);
      if (new Set(ids).size !== ids.length) problems.push(`${p.id}: duplicate rule id`);
    }
    for (const { profile, rule } of rules) {
      const where = `${profile}/${rule.id}`;
      if (!kebab.test(rule.id)) problems.push(`${where}: id not kebab-case`);
      const present = kinds.filter((k) => rule[k] !== undefined);
      if (present.length !== 1) problems.push(`${where}: ${present.length} kinds`);
      if (!rule.source) problems.push(`${where}: no source`);
      else problems.push(...sourceProblems(where, rule.source));
      if (!rule.description) problems.push(`${where}: no description`);
    }
    expect(problems).toEqual([]);
  });

  it("write rule days as real days, shares as percentages, and only known roles and selector keys", () => {
    const problems: string[] = [];
    for (const { profile, rule } of rules) {
      const where = `${profile}/${rule.id}`;
      for (const d of [rule.from, rule.deadline?.by, rule.noNewAfter?.date]) {
        if (d !== undefined && !isDay(d)) problems.push(`${where}: bad day ${d}`);
      }
      for (const share of [rule.cap?.max, rule.diversity?.maxVendorShare]) {
        if (share !== undefined && !(typeof share === "string" && /^\d{1,3}%$/.test(share))) problems.push(`${where}: share ${share}`);
      }
      for (const role of asList(rule.forbid?.role)) if (!(roles as readonly string[]).includes(role)) problems.push(`${where}: role ${role}`);
      for (const s of scopes(rule)) {
        for (const key of Object.keys(s)) if (!(selectorKeys as readonly string[]).includes(key)) problems.push(`${where}: key ${key}`);
        for (const role of asList(s.role)) if (!(roles as readonly string[]).includes(role)) problems.push(`${where}: role ${role}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("designate only registry vendors, built-in lists and listed operators", () => {
    const listIds = new Set(lists.map((l) => l.id));
    const operatorIds = new Set(lists.flatMap((l) => l.entries.filter((e) => e.kind === "operator").map((e) => e.id)));
    const problems: string[] = [];
    for (const p of profiles) {
      const risk = p.policy.risk ?? {};
      for (const v of risk.vendors ?? []) if (!registry.byVendorId(v)) problems.push(`${p.id}: vendor ${v}`);
      for (const l of risk.lists ?? []) if (!listIds.has(l)) problems.push(`${p.id}: list ${l}`);
      for (const o of risk.operators ?? []) if (!operatorIds.has(o)) problems.push(`${p.id}: operator ${o}`);
      if ((risk.vendors ?? []).length + (risk.lists ?? []).length === 0) problems.push(`${p.id}: designates nothing`);
    }
    expect(problems).toEqual([]);
  });

  it("document every tag a rule relies on in docs/data-sources.md", () => {
    const tags = new Set<string>();
    for (const { rule } of rules) {
      for (const t of asList(rule.forbid?.siteTag)) tags.add(t);
      for (const s of scopes(rule)) for (const t of asList(s.tag)) tags.add(t);
    }
    expect(tags.size).toBeGreaterThan(5);
    expect([...tags].filter((t) => !docs.includes(`\`${t}\``))).toEqual([]);
  });

  it("say in the summary when a rule rests on an unverified fact", () => {
    for (const { profile, rule } of rules.filter((r) => r.rule.source?.confidence === "unverified")) {
      expect(profiles.find((p) => p.id === profile)?.summary, `${profile}/${rule.id}`).toMatch(/unverified/);
    }
  });

  it("encode the UK direction's dates", () => {
    const dvd = profiles.find((p) => p.id === "uk-dvd-2022")?.policy;
    const rule = (id: string) => dvd?.rules?.find((r) => r.id === id);
    expect(dvd?.risk?.vendors).toEqual(["huawei"]);
    expect(rule("dvd-no-new-5g")?.noNewAfter?.date).toBe("2022-10-13");
    expect(rule("dvd-core-removal")?.deadline?.by).toBe("2023-12-31");
    expect(rule("dvd-national-security-sites")).toMatchObject({ from: "2023-01-29", forbid: { siteTag: "national-security" } });
    expect(rule("dvd-full-fibre-access-cap")).toMatchObject({ from: "2023-11-01", cap: { max: "35%" } });
    expect(rule("dvd-5g-removal")?.deadline?.by).toBe("2027-12-31");
    expect(rule("dvd-high-data-rate-transmission")?.source?.confidence).toBe("unverified");
  });

  it("count Belgium's RAN cap over the whole network and keep Mexico's border at 100 km", () => {
    const be = profiles.find((p) => p.id === "be-2023")?.policy.rules?.find((r) => r.cap);
    expect(be?.cap).toMatchObject({ max: "35%", per: "network" });
    const mx = profiles.find((p) => p.id === "mx-core-border");
    expect(mx?.summary).toMatch(/not a law/);
    expect(mx?.policy.rules?.find((r) => r.forbid?.withinKmOfCountry)?.forbid?.withinKmOfCountry).toEqual({ country: "US", km: 100 });
  });

  it("set Germany's deadlines on core and management", () => {
    const de = profiles.find((p) => p.id === "de-2024")?.policy.rules ?? [];
    expect(de.map((r) => [r.deadline?.scope?.role, r.deadline?.by])).toEqual([
      ["core", "2026-12-31"],
      ["management", "2029-12-31"],
    ]);
  });
});
