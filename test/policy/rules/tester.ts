import { describe, expect, it } from "vitest";
import type { Finding, Level, RuleResult } from "../../../src/result.js";
import { designate, type RiskSpec } from "../../../src/policy/designation.js";
import type { CountryBoundaries } from "../../../src/policy/geo/index.js";
import { VendorRegistry } from "../../../src/vendors/registry.js";
import { type ResolvedRule, runRules } from "../../../src/policy/rules/index.js";
import type { RuleDeclaration } from "../../../src/policy/types.js";
import type { Element, Link, Medium, Role, Site, State, Topology, UnderlayIndex } from "../../../src/topology/types.js";

/** An element written compactly: vendor, role and site are what rules mostly look at. */
export interface TestElement {
  id: string;
  role?: Role;
  vendor?: string;
  /** One operator id, or several (a shared RAN site). */
  operator?: string | string[];
  site?: string;
  installed?: string;
  decommission?: string;
  state?: State;
  tags?: string[];
  weight?: number;
  passive?: boolean;
  /** Ids of the items it rests on (SPEC §4.1). */
  underlay?: string[];
}

/** A link that is equipment itself (a microwave hop, a DWDM channel): rules see it only beneath elements. */
export interface TestLink {
  id: string;
  a: string;
  b: string;
  vendor?: string;
  medium?: Medium;
  installed?: string;
  decommission?: string;
  state?: State;
  passive?: boolean;
  underlay?: string[];
}

export interface TestSite {
  id: string;
  country?: string;
  region?: string;
  lat?: number;
  lon?: number;
  tags?: string[];
}

export interface TestNet {
  elements: TestElement[];
  links?: TestLink[];
  sites?: TestSite[];
}

let line = 0;

/** The normalised topology of a test network; element i sits on line i + 1 of net.yaml. */
export function topologyOf(net: TestNet): Topology {
  const elements: Element[] = net.elements.map((e, i) => ({
    id: e.id,
    role: e.role ?? "other",
    ...(e.vendor !== undefined ? { vendor: e.vendor } : {}),
    ...(e.operator !== undefined ? { operator: e.operator } : {}),
    ...(e.site !== undefined ? { site: e.site } : {}),
    ...(e.installed !== undefined ? { installed: e.installed } : {}),
    ...(e.decommission !== undefined ? { decommission: e.decommission } : {}),
    ...(e.weight !== undefined ? { weight: e.weight } : {}),
    ...(e.underlay !== undefined ? { underlay: e.underlay } : {}),
    components: [],
    passive: e.passive ?? false,
    state: e.state ?? "in-service",
    tags: e.tags ?? [],
    location: { file: "net.yaml", line: i + 1, column: 5 },
  }));
  const elementIndex = new Map(elements.map((e, i) => [e.id, i]));
  const links: Link[] = (net.links ?? []).map((l, k) => ({
    id: l.id,
    a: l.a,
    b: l.b,
    ai: elementIndex.get(l.a) ?? -1,
    bi: elementIndex.get(l.b) ?? -1,
    metric: 1,
    direction: "both",
    ...(l.vendor !== undefined ? { vendor: l.vendor } : {}),
    ...(l.medium !== undefined ? { medium: l.medium } : {}),
    ...(l.installed !== undefined ? { installed: l.installed } : {}),
    ...(l.decommission !== undefined ? { decommission: l.decommission } : {}),
    ...(l.underlay !== undefined ? { underlay: l.underlay } : {}),
    components: [],
    passive: l.passive ?? false,
    state: l.state ?? "in-service",
    tags: [],
    location: { file: "net.yaml", line: 500 + k, column: 5 },
  }));
  const sites = new Map<string, Site>(
    (net.sites ?? []).map((s) => [s.id, { ...s, tags: s.tags ?? [], location: { file: "net.yaml", line: 1000 + line++, column: 3 } }]),
  );
  const topology: Topology = {
    inputs: [],
    elements,
    links,
    sites,
    operators: new Map(),
    vendors: new Map(),
    flows: [],
    elementIndex,
    linkIndex: new Map(links.map((l, k) => [l.id, k])),
  };
  const underlay = underlayOf(topology);
  return underlay ? { ...topology, underlay } : topology;
}

/**
 * The closures of SPEC §4.1 built by hand, the way the loader lays them out: depth first in
 * written order, each item once, in one item space (elements, then links); `up` when the item
 * and everything beneath it (and a link's ends) are in service. Undefined without any underlay.
 */
export function underlayOf(t: Topology): UnderlayIndex | undefined {
  const E = t.elements.length;
  const items: (Element | Link)[] = [...t.elements, ...t.links];
  if (!items.some((x) => x.underlay?.length)) return undefined;
  const index = (id: string): number => t.elementIndex.get(id) ?? E + t.linkIndex.get(id)!;
  const closures = items.map((x) => {
    const out: number[] = [];
    const seen = new Set<number>();
    const visit = (ids: readonly string[]) => {
      for (const id of ids) {
        const y = index(id);
        if (seen.has(y)) continue;
        seen.add(y);
        out.push(y);
        visit(items[y]!.underlay ?? []);
      }
    };
    visit(x.underlay ?? []);
    return out;
  });
  const start = new Int32Array(items.length + 1);
  closures.forEach((c, i) => (start[i + 1] = start[i]! + c.length));
  const upOf = (i: number): boolean => {
    const x = items[i]!;
    const ends = i >= E ? [(x as Link).ai, (x as Link).bi] : [];
    return [i, ...closures[i]!, ...ends, ...ends.flatMap((e) => closures[e]!)].every((y) => items[y]!.state === "in-service");
  };
  return { start, items: Int32Array.from(closures.flat()), up: Uint8Array.from(items, (_, i) => (upOf(i) ? 1 : 0)) };
}

export const registry = new VendorRegistry();

/** Huawei and ZTE designated from a named source, as the built-in profiles do. */
export function riskSpec(options: { vendors?: string[]; unknownVendor?: "risky" | "clean"; includePassive?: boolean } = {}): RiskSpec {
  const because = { source: "test list" };
  return {
    vendors: new Map((options.vendors ?? ["huawei", "zte"]).map((v) => [v, because])),
    operators: [],
    jurisdictions: new Map(),
    tags: new Map(),
    components: true,
    unknownVendor: options.unknownVendor ?? "risky",
    includePassive: options.includePassive ?? false,
    origin: "test",
    description: "test designation",
    lists: [],
  };
}

export const ruleLocation = { file: "policy.yaml", line: 7, column: 5 };

export interface RunOptions {
  asOf?: string;
  spec?: RiskSpec;
  countries?: CountryBoundaries;
}

/** Designates the network and runs the rules on it. */
export function run(rules: RuleDeclaration[], net: TestNet, options: RunOptions = {}): { results: RuleResult[]; findings: Finding[] } {
  const topology = topologyOf(net);
  const asOf = options.asOf ?? "2025-01-01";
  const designation = designate(topology, registry, options.spec ?? riskSpec(), asOf);
  const resolved: ResolvedRule[] = rules.map((r) => ({ ...r, origin: "test-policy", location: ruleLocation }));
  return runRules(resolved, { topology, registry, designation, asOf, ...(options.countries ? { countries: options.countries } : {}) });
}

/** What a test expects of one finding; unspecified fields are not checked. */
export interface ExpectedFinding {
  level: Level;
  items?: string[];
  message?: RegExp;
  details?: Record<string, unknown>;
  location?: { line: number };
}

export interface ValidCase {
  name: string;
  net: TestNet;
  rule: Omit<RuleDeclaration, "id">;
  asOf?: string;
  spec?: RiskSpec;
  /** Notes the passing rule still gives (default: none). */
  notes?: ExpectedFinding[];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  passed?: boolean;
  checked?: boolean;
}

function matches(actual: Finding, e: ExpectedFinding): void {
  expect(actual.level).toBe(e.level);
  if (e.items) expect(actual.items).toEqual(e.items);
  if (e.message) expect(actual.message).toMatch(e.message);
  if (e.details) expect(actual.details).toMatchObject(e.details);
  if (e.location) expect(actual.location?.line).toBe(e.location.line);
}

/**
 * ESLint-style rule tests: every valid case passes with no error or warning (and exactly the
 * notes it lists); every invalid case gives exactly the findings it lists, in order.
 */
export function ruleTester(kind: string, cases: { valid: ValidCase[]; invalid: InvalidCase[]; countries?: CountryBoundaries }): void {
  describe(kind, () => {
    describe("valid", () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const { results, findings } = run([{ id: "r", ...c.rule }], c.net, { ...c, ...(cases.countries ? { countries: cases.countries } : {}) });
          expect(results).toHaveLength(1);
          expect(results[0]!.kind).toBe(kind);
          expect(findings.map((f) => `${f.level}: ${f.message}`)).toHaveLength((c.notes ?? []).length);
          expect(results[0]!.passed).toBe(true);
          expect(results[0]!.checked).toBe(true);
          (c.notes ?? []).forEach((n, i) => matches(findings[i]!, n));
          for (const f of findings) {
            expect(f.rule).toBe("r");
            expect(f.kind).toBe(kind);
          }
        });
      }
    });
    describe("invalid", () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const { results, findings } = run([{ id: "r", ...c.rule }], c.net, { ...c, ...(cases.countries ? { countries: cases.countries } : {}) });
          expect(findings.map((f) => `${f.level}: ${f.message}`)).toHaveLength(c.findings.length);
          c.findings.forEach((e, i) => matches(findings[i]!, e));
          expect(results[0]!.passed).toBe(c.passed ?? false);
          expect(results[0]!.checked).toBe(c.checked ?? true);
          expect(results[0]!.findings).toBe(findings.length);
          for (const f of findings) {
            expect(f.rule).toBe("r");
            expect(f.kind).toBe(kind);
          }
        });
      }
    });
  });
}
