import { errorAt, InputError } from "../diagnostics.js";
import { profiles } from "../data/profiles.js";
import type { RiskSpec } from "./designation.js";
import type { VendorRegistry } from "./registry.js";

/** With no policy: the 2020 Clean Path's Huawei and ZTE, and the report says so (SPEC §5). */
export function defaultRiskSpec(unknownVendor: "risky" | "clean"): RiskSpec {
  const profile = profiles.find((p) => p.id === "us-clean-path-2020");
  if (!profile) throw new Error("built-in profile us-clean-path-2020 is missing");
  const because = { source: profile.title };
  return {
    vendors: new Map((profile.policy.risk?.vendors ?? []).map((v) => [v, because])),
    operators: [],
    jurisdictions: new Map(),
    tags: new Map(),
    components: true,
    unknownVendor,
    includePassive: false,
    origin: `default: ${profile.title}`,
    description: profile.summary,
    lists: [],
  };
}

/** `--risk-vendor NAME…`: exactly these vendors (any spelling the registry knows), replacing the default. */
export function riskVendorSpec(names: readonly string[], registry: VendorRegistry, unknownVendor: "risky" | "clean"): RiskSpec {
  const vendors = new Map<string, { source: string }>();
  const problems = [];
  for (const name of names) {
    const entry = registry.lookup(name);
    if (!entry) {
      const guess = registry.suggest(name);
      problems.push(errorAt("E_UNKNOWN_VENDOR", `--risk-vendor \`${name}\` is not a vendor the registry knows${guess ? ` — did you mean \`${guess}\`?` : ""} (see \`cleanpath vendors\`)`));
      continue;
    }
    vendors.set(entry.id, { source: "--risk-vendor on the command line" });
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    vendors,
    operators: [],
    jurisdictions: new Map(),
    tags: new Map(),
    components: true,
    unknownVendor,
    includePassive: false,
    origin: "--risk-vendor",
    description: `High-risk vendors given on the command line: ${[...vendors.keys()].join(", ")}.`,
    lists: [],
  };
}
