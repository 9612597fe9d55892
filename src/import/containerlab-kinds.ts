// containerlab node kinds → vendor. The vendor registry (src/data/vendors.ts, `containerlabKinds`
// on each vendor, and src/data/containerlab.ts for the kinds that name no vendor) is the one source
// of which kind means which vendor; this file only adds the role a vendor-less node plays.
import { VendorRegistry } from "../vendors/registry.js";
import type { Role } from "../topology/types.js";

const registry = new VendorRegistry();

/** Vendor-less kinds that are end hosts; the other vendor-less kinds (bridges, community NOSes) are `other`. */
const endpointKinds = new Set(["linux", "host", "ext-container", "k8s-kind", "generic_vm", "freebsd", "openbsd", "openwrt"]);

export interface KindInfo {
  /** Clean vendor name, when the kind implies one. */
  vendor?: string;
  /** Role implied by a vendor-less kind. */
  role?: Role;
  /** Why a kind has no vendor (vendor-less kinds) or how it was matched (`<vendor>_` prefix). */
  note?: string;
  /** False for kinds neither in the table nor with a known `<vendor>_` prefix. */
  known: boolean;
}

/** What a containerlab kind says about a node: its vendor, or why it has none. */
export function containerlabKind(kind: string): KindInfo {
  const k = kind.trim().toLowerCase();
  const entry = registry.forContainerlabKind(k);
  if (entry) return { vendor: entry.name, known: true };
  if (registry.isVendorlessKind(k)) {
    const why = vendorlessWhy(k);
    return { role: endpointKinds.has(k) ? "endpoint" : "other", note: why, known: true };
  }
  return { known: false };
}

function vendorlessWhy(kind: string): string {
  return vendorlessDescriptions.get(kind) ?? "a kind that names no vendor";
}

const vendorlessDescriptions = new Map<string, string>(
  // Same data as the registry's vendor-less list, in the importer's words.
  registry.vendorlessKinds().map((v) => [v.kind, v.what]),
);

/** Every kind name the registry knows (for tests and docs). */
export function knownContainerlabKinds(): string[] {
  return registry.containerlabKindNames();
}
