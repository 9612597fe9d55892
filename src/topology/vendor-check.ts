import { type Diagnostic, warningAt } from "../diagnostics.js";
import type { VendorRegistry } from "../vendors/registry.js";
import { linkColumns } from "./link-table.js";
import type { Topology } from "./types.js";

/**
 * One warning per vendor name the registry does not know (with how many items use it and
 * where the first one is): unknown is never silently clean, so the user should hear about it. The
 * advice follows the unknown-vendor mode in force (`risky` until the policy is known).
 */
export function unknownVendorWarnings(topology: Topology, registry: VendorRegistry, mode: "risky" | "clean" = "risky"): Diagnostic[] {
  // The first item of each name, as an element index, or as E + a link index.
  const seen = new Map<string, { count: number; first: number }>();
  const note = (vendor: string | undefined, item: number): void => {
    if (vendor === undefined) return;
    const s = seen.get(vendor);
    if (s) s.count++;
    else seen.set(vendor, { count: registry.lookup(vendor) ? -Infinity : 1, first: item });
  };
  const { elements } = topology;
  const E = elements.length;
  for (let i = 0; i < E; i++) {
    const it = elements[i]!;
    note(it.vendor, i);
    const components = it.components;
    for (let k = 0; k < components.length; k++) note(components[k]!.vendor, i);
  }
  const links = linkColumns(topology);
  for (let i = 0; i < links.length; i++) {
    const it = links.fields(i);
    note(it.vendor, E + i);
    const components = it.components;
    if (components !== undefined) for (let k = 0; k < components.length; k++) note(components[k]!.vendor, E + i);
  }
  const out: Diagnostic[] = [];
  for (const [vendor, { count, first }] of seen) {
    if (count <= 0) continue;
    const guess = registry.suggest(vendor);
    // At the item's own position (free), not its vendor field's: finding the field in a large file
    // would cost a pass over it for a warning that already names the vendor.
    const d = warningAt(
        "W_UNKNOWN_VENDOR",
        `vendor \`${vendor}\` is not in the registry${count > 1 ? ` (${count} items; this is the first)` : ""}; ` +
          (mode === "risky"
            ? "it counts as risky until you declare it under `vendors:` or pass --unknown-vendor clean"
            : "it is listed as unknown (and counted clean, as --unknown-vendor clean asks) until you declare it under `vendors:`") +
          (guess ? ` — did you mean \`${guess}\`?` : ""),
        (first < E ? elements[first]! : links.at(first - E)).location,
      );
    out.push(d);
  }
  return out;
}
