import type { ResolvedWaiver } from "../policy/policy.js";
import type { Topology } from "../topology/types.js";
import type { Finding } from "../result.js";

/** The rule id that waives flow and pair verdicts. */
export const CLEAN_PATH = "clean-path";

/** A short, stable name for a waiver in reports. */
export function waiverName(w: ResolvedWaiver): string {
  return `${w.target} (${w.rules.join(", ")}${w.expires ? `, until ${w.expires}` : ""})`;
}

export interface ActiveWaivers {
  /** Waivers in force on the as-of date. */
  active: ResolvedWaiver[];
  /** Findings about the waivers themselves: expired, or aimed at nothing. */
  findings: Finding[];
  /** The waivers covering `rule` for `item` (a target of "*" covers every item). */
  covering(rule: string, item: string): ResolvedWaiver[];
}

/**
 * Sorts waivers into those in force on `asOf` and those expired (which no longer apply and
 * become a warning each), and flags waivers whose target is not an item, a flow, or "*".
 */
export function activeWaivers(waivers: readonly ResolvedWaiver[], topology: Topology, asOf: string): ActiveWaivers {
  const active: ResolvedWaiver[] = [];
  const findings: Finding[] = [];
  const flowIds = new Set(topology.flows.map((f) => f.id));
  for (const w of waivers) {
    const known = w.target === "*" || topology.elementIndex.has(w.target) || topology.linkIndex.has(w.target) || flowIds.has(w.target);
    if (!known) {
      findings.push({
        rule: "waiver-target",
        kind: "waiver",
        level: "warning",
        message: `the waiver for \`${w.target}\` names no element, link or flow, so it waives nothing (a typo?)`,
        items: [],
        ...(w.location ? { location: w.location } : {}),
      });
      continue;
    }
    if (w.expires !== undefined && w.expires < asOf) {
      findings.push({
        rule: "waiver-expired",
        kind: "waiver",
        level: "warning",
        message: `the waiver for \`${w.target}\` (${w.rules.join(", ")}: ${w.reason}) expired on ${w.expires}: it no longer applies; renew it or fix what it covered`,
        items: w.target === "*" || flowIds.has(w.target) ? [] : [w.target],
        ...(w.location ? { location: w.location } : {}),
        details: { expires: w.expires },
      });
      continue;
    }
    active.push(w);
  }
  const byTarget = new Map<string, ResolvedWaiver[]>();
  for (const w of active) byTarget.set(w.target, [...(byTarget.get(w.target) ?? []), w]);
  return {
    active,
    findings,
    covering: (rule, item) => [...(byTarget.get(item) ?? []), ...(byTarget.get("*") ?? [])].filter((w) => w.rules.includes(rule)),
  };
}

/** Marks findings whose every item is covered by a waiver for the finding's rule. Levels stay. */
export function applyWaivers(findings: readonly Finding[], waivers: ActiveWaivers): Finding[] {
  return findings.map((f) => {
    if (f.kind === "waiver" || f.items.length === 0) return f;
    const by = new Set<string>();
    for (const item of f.items) {
      const cover = waivers.covering(f.rule, item);
      if (cover.length === 0) return f;
      by.add(waiverName(cover[0]!));
    }
    return { ...f, waived: true, waivedBy: [...by].sort().join("; ") };
  });
}
