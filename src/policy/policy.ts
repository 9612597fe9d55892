import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { type Diagnostic, errorAt, InputError, type SourceLocation } from "../diagnostics.js";
import { lists } from "../data/lists.js";
import { profiles } from "../data/profiles.js";
import type { Source } from "../data/types.js";
import { validate as policyAll } from "../generated/policy-all.js";
import { validate as policyFast } from "../generated/policy-fast.js";
import { type LoadedFile, type LoadHost, type LoadOptions, parseFile } from "../load/index.js";
import type { DocPath } from "../load/positions.js";
import { closest } from "../suggest.js";
import { checkSchema } from "../topology/schema-check.js";
import type { Because, RiskSpec } from "./designation.js";
import { ruleProblems } from "./rules/index.js";
import type { VendorRegistry } from "../vendors/registry.js";
import { defaultRiskSpec } from "./risk-spec.js";
import type { PolicyDocument, RiskDeclaration, RuleDeclaration, WaiverDeclaration } from "./types.js";

/** A rule ready to run: where it was written (or which profile it comes from) travels with it. */
export type ResolvedRule = RuleDeclaration & { origin: string; location?: SourceLocation };

export interface ResolvedWaiver extends WaiverDeclaration {
  origin: string;
  location?: SourceLocation;
}

/** Everything the policies say, merged in order. */
export interface Policy {
  spec: RiskSpec;
  rules: ResolvedRule[];
  waivers: ResolvedWaiver[];
  /** Built-in profiles in effect, in the order they were merged. */
  profiles: string[];
  /** True when no policy said who is high-risk, so the default designation applies. */
  defaultDesignation: boolean;
}

/** One place policy keys come from: a file (a topology, a policy file) or a built-in profile. */
type Origin = { kind: "file"; file: LoadedFile } | { kind: "profile"; id: string; location?: SourceLocation };

export interface PolicyOptions {
  /** `--policy` arguments: profile names or files, merged after the input files' own policy keys. */
  policyArgs?: readonly { value: string; file?: LoadedFile }[];
  /** `--unknown-vendor` when given explicitly: wins over every policy. */
  unknownVendor?: "risky" | "clean";
  /** `--risk-vendor` names: replace every vendor designation (vendors and lists). */
  riskVendors?: readonly string[];
  load?: LoadOptions;
}

const policyKeys = ["extends", "risk", "rules", "waivers"] as const;

/**
 * Merges the policy keys of the input files (in file order), then each `--policy` (profile or
 * file), expanding `extends` depth first (profiles by name, files relative to the file that names
 * them, inside its folder, without cycles). Risk lists are unions; `components`,
 * `unknownVendor` and `includePassive` take the last value given; a rule with an id seen before
 * replaces the earlier one; waivers accumulate. Throws InputError with every problem.
 */
export function resolvePolicy(inputs: readonly LoadedFile[], registry: VendorRegistry, host: LoadHost, options: PolicyOptions = {}): Policy {
  const problems: Diagnostic[] = [];
  const order: { origin: Origin; doc: PolicyDocument }[] = [];
  const usedProfiles: string[] = [];
  const visiting: string[] = [];
  const done = new Set<string>();

  const visitProfile = (id: string, at?: SourceLocation): void => {
    const p = profiles.find((x) => x.id === id);
    if (!p) {
      const guess = closest(id, profiles.map((x) => x.id));
      problems.push(
        errorAt(
          "E_UNKNOWN_PROFILE",
          `\`${id}\` is not a built-in profile${guess ? ` — did you mean \`${guess}\`?` : ""} (see \`cleanpath profiles\`; a policy file name needs its extension)`,
          at,
        ),
      );
      return;
    }
    const key = `profile:${id}`;
    if (done.has(key)) return;
    done.add(key);
    for (const parent of p.policy.extends ?? []) visitProfile(parent, at);
    usedProfiles.push(id);
    order.push({ origin: { kind: "profile", id, ...(at ? { location: at } : {}) }, doc: p.policy });
  };

  const visitFile = (file: LoadedFile): void => {
    if (visiting.includes(file.path)) {
      problems.push(errorAt("E_EXTENDS_CYCLE", `extends cycle: ${[...visiting.slice(visiting.indexOf(file.path)), file.path].map((p) => host.display(p)).join(" → ")}`, file.pos));
      return;
    }
    if (done.has(file.path)) return;
    done.add(file.path);
    visiting.push(file.path);
    const ext = file.value.extends;
    if (Array.isArray(ext)) {
      ext.forEach((name, i) => {
        if (typeof name !== "string") return;
        const at = file.locate(["extends", i]);
        if (!/\.(ya?ml|json)$/i.test(name)) return visitProfile(name, at);
        const parent = loadExtended(file, name, at);
        if (parent) visitFile(parent);
      });
    }
    visiting.pop();
    if (policyKeys.some((k) => file.value[k] !== undefined)) order.push({ origin: { kind: "file", file }, doc: file.value as PolicyDocument });
  };

  const loadExtended = (from: LoadedFile, name: string, at: SourceLocation): LoadedFile | undefined => {
    if (isAbsolute(name)) {
      problems.push(errorAt("E_INCLUDE_ESCAPE", `extends \`${name}\` is an absolute path; policy files are named relative to the file that extends them`, at));
      return undefined;
    }
    const target = resolve(dirname(from.path), name);
    let real = target;
    try {
      real = host.realpath(target);
      const rel = relative(dirname(host.realpath(from.path)), real);
      if (rel.startsWith("..") || isAbsolute(rel) || rel.split(sep).includes("..")) {
        problems.push(errorAt("E_INCLUDE_ESCAPE", `extends \`${name}\` leaves the folder of ${from.file}`, at));
        return undefined;
      }
      const loaded = parseFile(host.display(target), real, host.readFile(target), options.load ?? {});
      const schema = checkSchema(loaded, policyFast, policyAll);
      if (schema.length > 0) {
        problems.push(...schema);
        return undefined;
      }
      return loaded;
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.diagnostics);
      else if ((err as NodeJS.ErrnoException).code) problems.push(errorAt("E_READ", `extends \`${name}\`: ${host.display(target)}: no such file`, at));
      else throw err;
      return undefined;
    }
  };

  for (const f of inputs) visitFile(f);
  for (const arg of options.policyArgs ?? []) {
    if (arg.file) visitFile(arg.file);
    else visitProfile(arg.value);
  }

  // Merge what could be read, so that every problem is reported in one run.
  const merged = mergeDocuments(order, registry, problems, options);
  // Problems a schema cannot see: bad shares and dates, unknown countries, `near` without a radius.
  problems.push(...ruleProblems(merged.rules));
  if (problems.length > 0) throw new InputError(problems);
  return { ...merged, profiles: usedProfiles };
}

function originName(o: Origin): string {
  return o.kind === "profile" ? o.id : o.file.file;
}

function becauseOf(o: Origin): Because {
  if (o.kind === "profile") {
    const p = profiles.find((x) => x.id === o.id)!;
    return { source: p.title };
  }
  return { source: `policy ${o.file.file}` };
}

function locate(o: Origin, path: DocPath): SourceLocation | undefined {
  return o.kind === "file" ? o.file.locate(path) : o.location;
}

function mergeDocuments(
  order: readonly { origin: Origin; doc: PolicyDocument }[],
  registry: VendorRegistry,
  problems: Diagnostic[],
  options: PolicyOptions,
): Omit<Policy, "profiles"> {
  const anyRisk = order.some((o) => o.doc.risk !== undefined);
  const base = defaultRiskSpec("risky");
  const spec: RiskSpec = anyRisk
    ? { vendors: new Map(), operators: [], jurisdictions: new Map(), tags: new Map(), components: true, unknownVendor: "risky", includePassive: false, origin: "", description: "", lists: [] }
    : base;
  const rules = new Map<string, ResolvedRule>();
  const waivers: ResolvedWaiver[] = [];
  const origins: string[] = [];

  for (const { origin, doc } of order) {
    const name = originName(origin);
    if (doc.risk) {
      origins.push(name);
      addRisk(spec, doc.risk, origin, registry, problems);
    }
    const idsHere = new Map<string, SourceLocation | undefined>();
    (doc.rules ?? []).forEach((r, i) => {
      const location = locate(origin, ["rules", i]);
      if (idsHere.has(r.id)) {
        problems.push({
          ...errorAt("E_DUPLICATE_ID", `rule id \`${r.id}\` is used twice in this policy (a rule in a later policy may replace one of the same id)`, location),
          ...(idsHere.get(r.id) ? { related: [idsHere.get(r.id)!] } : {}),
        });
      }
      idsHere.set(r.id, location);
      const src: Source | undefined = r.source ?? (origin.kind === "profile" ? profiles.find((p) => p.id === origin.id)?.sources[0] : undefined);
      rules.delete(r.id); // a later rule with the same id replaces the earlier one, and moves to its place
      rules.set(r.id, { ...r, ...(src ? { source: src } : {}), origin: name, ...(location ? { location } : {}) });
    });
    (doc.waivers ?? []).forEach((w, i) => {
      const location = locate(origin, ["waivers", i]);
      waivers.push({ ...w, origin: name, ...(location ? { location } : {}) });
    });
  }
  if (options.riskVendors && options.riskVendors.length > 0) {
    spec.vendors = new Map();
    spec.lists = [];
    for (const n of options.riskVendors) {
      const entry = registry.lookup(n);
      if (!entry) {
        const guess = registry.suggest(n);
        problems.push(errorAt("E_UNKNOWN_VENDOR", `--risk-vendor \`${n}\` is not a vendor the registry knows${guess ? ` — did you mean \`${guess}\`?` : ""} (see \`cleanpath vendors\`)`));
      } else spec.vendors.set(entry.id, { source: "--risk-vendor on the command line" });
    }
    origins.push("--risk-vendor");
  }
  if (options.unknownVendor) spec.unknownVendor = options.unknownVendor;
  if (anyRisk || options.riskVendors?.length) {
    spec.origin = origins.join(", ");
    spec.description = `High-risk as the policies say (${spec.origin}): vendors ${[...spec.vendors.keys()].sort().join(", ") || "none"}` +
      (spec.lists.length ? `; lists ${spec.lists.join(", ")}` : "") +
      (spec.operators.length ? `; operators ${spec.operators.map((o) => o.id).join(", ")}` : "") +
      (spec.jurisdictions.size ? `; jurisdictions ${[...spec.jurisdictions.keys()].join(", ")}` : "") +
      (spec.tags.size ? `; tags ${[...spec.tags.keys()].join(", ")}` : "") +
      ".";
  }
  return { spec, rules: [...rules.values()], waivers, defaultDesignation: !anyRisk && !options.riskVendors?.length };
}

function addRisk(spec: RiskSpec, risk: RiskDeclaration, origin: Origin, registry: VendorRegistry, problems: Diagnostic[]): void {
  const because = becauseOf(origin);
  (risk.vendors ?? []).forEach((name, i) => {
    const entry = registry.lookup(name);
    if (!entry) {
      const guess = registry.suggest(name);
      problems.push(
        errorAt("E_UNKNOWN_VENDOR", `risk.vendors: \`${name}\` is not a vendor the registry knows${guess ? ` — did you mean \`${guess}\`?` : ""} (a new vendor must be declared under \`vendors:\` first)`, locate(origin, ["risk", "vendors", i])),
      );
      return;
    }
    if (!spec.vendors.has(entry.id)) spec.vendors.set(entry.id, because);
  });
  (risk.lists ?? []).forEach((id, i) => {
    const list = lists.find((l) => l.id === id);
    if (!list) {
      const guess = closest(id, lists.map((l) => l.id));
      problems.push(errorAt("E_UNKNOWN_LIST", `\`${id}\` is not a built-in designation list${guess ? ` — did you mean \`${guess}\`?` : ""} (lists: ${lists.map((l) => l.id).join(", ")})`, locate(origin, ["risk", "lists", i])));
      return;
    }
    if (!spec.lists.includes(id)) spec.lists.push(id);
    for (const e of list.entries) {
      const b: Because = { source: `${list.title}, added ${e.added}`, list: list.id, since: e.added, ...(e.sources.some((s) => s.confidence) ? { confidence: "unverified" as const } : {}) };
      if (e.kind === "operator") spec.operators.push({ id: e.id, names: [e.name, ...(e.aliases ?? [])], because: b });
      else {
        const prev = spec.vendors.get(e.id);
        // Keep the earliest date a vendor is designated from.
        if (!prev || (prev.since !== undefined && prev.since > e.added)) spec.vendors.set(e.id, b);
      }
    }
  });
  for (const op of risk.operators ?? []) spec.operators.push({ id: op, names: [op], because });
  for (const c of risk.jurisdictions ?? []) spec.jurisdictions.set(c.toUpperCase(), because);
  for (const t of risk.tags ?? []) spec.tags.set(t, because);
  if (risk.components !== undefined) spec.components = risk.components;
  if (risk.unknownVendor !== undefined) spec.unknownVendor = risk.unknownVendor;
  if (risk.includePassive !== undefined) spec.includePassive = risk.includePassive;
}
