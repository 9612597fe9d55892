import { profiles } from "../data/profiles.js";
import type { RiskSpec } from "./designation.js";

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
