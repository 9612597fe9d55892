import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/diagnostics.js";
import { designate } from "../../../src/policy/designation.js";
import { type ResolvedRule, ruleKindNames, ruleKinds, ruleProblems, runRules } from "../../../src/policy/rules/index.js";
import type { RuleDeclaration } from "../../../src/policy/types.js";
import { registry, riskSpec, run, ruleLocation, topologyOf } from "./tester.js";

const net = { elements: [{ id: "core-1", role: "core" as const, vendor: "Huawei" }] };
const source = { title: "A regulation", date: "2022-10-13", url: "https://example.org/reg", confidence: "unverified" as const, note: "why" };

function problems(...rules: Omit<RuleDeclaration, "id">[]): string[] {
  const resolved: ResolvedRule[] = rules.map((r, i) => ({ id: `r${i}`, origin: "policy.yaml", location: ruleLocation, ...r }));
  return ruleProblems(resolved).map((d) => d.message);
}

describe("runRules", () => {
  it("has one kind per declaration key", () => {
    expect(ruleKindNames).toEqual(["forbid", "cap", "diversity", "deadline", "noNewAfter"]);
    for (const k of ruleKindNames) expect(typeof ruleKinds[k].check).toBe("function");
  });

  it("reports each rule with its kind, level, citation, location and a description", () => {
    const { results, findings } = run(
      [
        { id: "no-core", source, forbid: { role: "core" } },
        { id: "cap", description: "Own words.", level: "warning", cap: { max: "50%" } },
      ],
      net,
    );
    expect(results).toEqual([
      { id: "no-core", kind: "forbid", level: "error", passed: false, checked: true, description: "No high-risk element in role core.", findings: 1, source: { title: "A regulation", date: "2022-10-13", url: "https://example.org/reg", confidence: "unverified" }, location: ruleLocation },
      { id: "cap", kind: "cap", level: "warning", passed: false, checked: true, description: "Own words.", findings: 1, location: ruleLocation },
    ]);
    expect(findings.map((f) => [f.rule, f.level])).toEqual([
      ["no-core", "error"],
      ["cap", "warning"],
    ]);
    expect(findings[0]!.source).toEqual(results[0]!.source);
  });

  it("before `from` a rule passes with a note; from that day on it is checked", () => {
    const rule = { id: "later", from: "2023-11-01", forbid: { role: "core" } };
    const early = run([rule], net, { asOf: "2023-10-31" });
    expect(early.results[0]).toMatchObject({ passed: true, checked: true, findings: 1 });
    expect(early.findings).toEqual([expect.objectContaining({ level: "note", message: "not in force until 2023-11-01 (as of 2023-10-31)", items: [], details: { from: "2023-11-01", asOf: "2023-10-31" } })]);
    const due = run([rule], net, { asOf: "2023-11-01" });
    expect(due.results[0]!.passed).toBe(false);
    expect(due.findings.map((f) => f.level)).toEqual(["error"]);
  });

  it("describes every kind in plain words", () => {
    const { results } = run(
      [
        { id: "a", forbid: { siteTag: ["nato", "port"], withinKmOfCountry: { country: "us", km: 100 }, scope: { operator: "x" } } },
        { id: "b", cap: { scope: { role: "ran" }, max: "35%", per: "operator", measure: "weight" } },
        { id: "c", diversity: { maxVendorShare: 0.6, per: "country" } },
        { id: "d", deadline: { scope: { role: "core" }, by: "2023-12-31" } },
        { id: "e", noNewAfter: { date: "2022-10-13" } },
      ],
      { elements: [] },
    );
    expect(results.map((r) => r.description)).toEqual([
      "No high-risk element at sites tagged nato or port, or within 100 km of US (scope operator=x).",
      "High-risk elements at most 35% of the elements matching role=ran per operator, by weight.",
      "No vendor above 60% of all elements per country.",
      "No high-risk element matching role=core after 2023-12-31.",
      "No high-risk element installed after 2022-10-13.",
    ]);
  });

  it("shares scope masks between rules without mixing their results", () => {
    const { results } = run(
      [
        { id: "x", forbid: { role: "core", scope: { role: "core" } } },
        { id: "y", cap: { scope: { role: "core" }, max: "100%" } },
      ],
      net,
    );
    expect(results.map((r) => [r.id, r.passed])).toEqual([
      ["x", false],
      ["y", true],
    ]);
  });
});

describe("ruleProblems", () => {
  it("accepts the rules of SPEC §5", () => {
    expect(
      problems(
        { forbid: { role: ["core", "management"] } },
        { forbid: { near: { tag: "military" }, withinKm: 5 } },
        { forbid: { withinKmOfCountry: { country: "US", km: 100 } } },
        { cap: { scope: { role: "ran" }, max: "35%", per: "operator", measure: "count" } },
        { diversity: { scope: { role: "ran" }, maxVendorShare: "60%", per: "operator" } },
        { deadline: { scope: { role: "core" }, by: "2023-12-31" } },
        { noNewAfter: { scope: { role: "ran" }, date: "2020-12-31" }, from: "2020-01-01" },
      ),
    ).toEqual([]);
  });

  it("finds what a schema cannot, naming the rule and where it came from", () => {
    expect(
      problems(
        {},
        { forbid: { role: "core" }, cap: { max: "35%" } },
        { cap: { max: "135%" } },
        { cap: { max: 1.5, per: "city" as never } },
        { diversity: { maxVendorShare: "sixty" } },
        { deadline: { by: "2023-02-30" } },
        { noNewAfter: { date: "31/12/2020" } },
        { forbid: { near: { role: "core" } } },
        { forbid: { withinKm: -1 } },
        { forbid: { withinKmOfCountry: { country: "XX", km: 100 } } },
        { forbid: { withinKmOfCountry: { country: "GP", km: 100 } } },
        { forbid: { role: "core" }, from: "2023" },
      ),
    ).toEqual([
      "rule `r0` (policy.yaml): give one rule kind: forbid, cap, diversity, deadline, noNewAfter",
      "rule `r1` (policy.yaml): give only one rule kind, not forbid and cap",
      'rule `r2` (policy.yaml): cap.max must be a share: a percentage like "35%" or a fraction from 0 to 1 (got "135%")',
      'rule `r3` (policy.yaml): cap.per must be one of network, operator, region, site, country (got "city")',
      "rule `r3` (policy.yaml): cap.max must be a share: a percentage like \"35%\" or a fraction from 0 to 1 (got 1.5)",
      'rule `r4` (policy.yaml): diversity.maxVendorShare must be a share: a percentage like "35%" or a fraction from 0 to 1 (got "sixty")',
      'rule `r5` (policy.yaml): deadline.by must be a calendar date written YYYY-MM-DD (got "2023-02-30")',
      'rule `r6` (policy.yaml): noNewAfter.date must be a calendar date written YYYY-MM-DD (got "31/12/2020")',
      "rule `r7` (policy.yaml): forbid.near needs forbid.withinKm (how many km from those sites)",
      "rule `r7` (policy.yaml): forbid.near selects sites: use site, country, region or tag, not `role`",
      "rule `r8` (policy.yaml): forbid.withinKm needs forbid.near (which sites to keep away from)",
      "rule `r8` (policy.yaml): forbid.withinKm must be a distance in km, 0 or more (got -1)",
      expect.stringMatching(/^rule `r9` \(policy.yaml\): forbid.withinKmOfCountry.country `XX` is not an ISO 3166-1 alpha-2 code with a boundary in Natural Earth 1:50m/),
      expect.stringMatching(/^rule `r10` .*`GP` is not .* e\.g\. FR for GP\)$/),
      'rule `r11` (policy.yaml): from must be a calendar date written YYYY-MM-DD (got "2023")',
    ]);
  });

  it("locates problems at the rule, and runRules refuses to run with any", () => {
    const resolved: ResolvedRule[] = [{ id: "bad", origin: "p.yaml", location: ruleLocation, cap: { max: "x" } }];
    expect(ruleProblems(resolved)[0]).toMatchObject({ code: "E_RULE", location: ruleLocation });
    expect(() => run([{ id: "bad", cap: { max: "x" } }], net)).toThrow(InputError);
  });
});

describe("runRules timings", () => {
  it("records the shared setup and every rule, by id, with the clock it is given", () => {
    const topology = topologyOf(net);
    const designation = designate(topology, registry, riskSpec(), "2025-01-01");
    const phases: [string, number][] = [];
    let now = 0;
    const rules: ResolvedRule[] = [
      { id: "a", origin: "p", forbid: { role: "core" } },
      { id: "b", origin: "p", cap: { max: "50%" } },
    ];
    runRules(rules, { topology, registry, designation, asOf: "2025-01-01", timings: { clock: () => (now += 10), record: (phase, ms) => phases.push([phase, ms]) } });
    expect(phases).toEqual([
      ["rules:setup", 10],
      ["rule:a", 10],
      ["rule:b", 10],
    ]);
  });
});
