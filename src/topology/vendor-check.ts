import { type Diagnostic, warningAt } from "../diagnostics.js";
import type { VendorRegistry } from "../vendors/registry.js";
import { type LocRef, resolvePending } from "./normalise.js";
import type { Topology } from "./types.js";

/**
 * One warning per vendor name the registry does not know (with how many items use it and
 * where the first one is): unknown is never silently clean, so the user should hear about it. The
 * advice follows the unknown-vendor mode in force (`risky` until the policy is known).
 */
export function unknownVendorWarnings(topology: Topology, registry: VendorRegistry, mode: "risky" | "clean" = "risky"): Diagnostic[] {
  const seen = new Map<string, { count: number; first: () => { ref?: LocRef; at: Diagnostic["location"] } }>();
  const note = (vendor: string | undefined, first: () => { ref?: LocRef; at: Diagnostic["location"] }): void => {
    if (vendor === undefined) return;
    const s = seen.get(vendor);
    if (s) s.count++;
    else seen.set(vendor, { count: registry.lookup(vendor) ? -Infinity : 1, first });
  };
  for (const item of [topology.elements, topology.links]) {
    for (const it of item) {
      // The item's own position (free), not its vendor field's: finding the field in a large file
      // would cost a pass over it for a warning that already names the vendor.
      const at = (_field: string) => () => ({ at: it.location });
      note(it.vendor, at("vendor"));
      for (const c of it.components) note(c.vendor, at("components"));
    }
  }
  const out: { d: Diagnostic; ref?: LocRef }[] = [];
  for (const [vendor, { count, first }] of seen) {
    if (count <= 0) continue;
    const guess = registry.suggest(vendor);
    const where = first();
    const d = warningAt(
        "W_UNKNOWN_VENDOR",
        `vendor \`${vendor}\` is not in the registry${count > 1 ? ` (${count} items; this is the first)` : ""}; ` +
          (mode === "risky"
            ? "it counts as risky until you declare it under `vendors:` or pass --unknown-vendor clean"
            : "it is listed as unknown (and counted clean, as --unknown-vendor clean asks) until you declare it under `vendors:`") +
          (guess ? ` — did you mean \`${guess}\`?` : ""),
        where.at,
      );
    out.push(where.ref ? { d, ref: where.ref } : { d });
  }
  return resolvePending(out);
}
