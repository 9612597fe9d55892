// containerlab node kinds → vendor, as data. Source: the containerlab kind registry
// (`nodes/*/…go` kindNames, srl-labs/containerlab @ 39ff2b7c) as listed in
// ../shared/datasets/README.md §2, aliases on the same line. Until the vendor registry
// (`VendorRegistry.forContainerlabKind`) lands, this table is the importer's only source.
import type { Role } from "../topology/types.js";

/** Vendor-bearing kinds, by clean vendor name. `vr-<vendor>_<x>` spellings are derived below. */
const vendorKinds: Record<string, readonly string[]> = {
  Nokia: ["nokia_srlinux", "srl", "nokia_sros", "vr-sros", "vr-nokia_sros", "nokia_srsim"],
  Arista: ["arista_ceos", "ceos", "arista_veos", "vr-veos"],
  Juniper: [
    "juniper_crpd", "crpd", "juniper_vmx", "vr-vmx", "juniper_vqfx", "vr-vqfx", "juniper_vsrx", "vr-vsrx",
    "juniper_csrx", "juniper_vjunosrouter", "juniper_vjunosswitch", "juniper_vjunosevolved",
    "juniper_cjunosevolved", "cjunosevolved",
  ],
  Cisco: [
    "cisco_xrd", "xrd", "cisco_xrd_vrouter", "cisco_xrv", "vr-xrv", "cisco_xrv9k", "vr-xrv9k", "cisco_csr1000v",
    "vr-csr", "cisco_n9kv", "vr-n9kv", "cisco_c8000", "c8000", "cisco_c8000v", "cisco_cat9kv", "cisco_ftdv",
    "cisco_vios", "cisco_sdwan", "cisco_iol", "cisco_asav",
  ],
  NVIDIA: ["cumulus_cvx", "cvx", "nvidia_cumulusvx"],
  "HPE Aruba": ["aruba_aoscx", "vr-aoscx"],
  Dell: ["dell_ftosv", "vr-ftosv", "dell_sonic"],
  MikroTik: ["mikrotik_ros", "vr-ros"],
  Huawei: ["huawei_vrp"],
  "IP Infusion": ["ipinfusion_ocnos"],
  "Palo Alto Networks": ["paloalto_panos", "vr-pan"],
  "Check Point": ["checkpoint_cloudguard"],
  "6WIND": ["6wind_vsr"],
  Spirent: ["spirent_stc"],
  Keysight: ["keysight_ixia-c-one"],
  Fortinet: ["fortinet_fortigate"],
  Ciena: ["ciena_saos"],
  "VyOS Networks": ["vyosnetworks_vyos"],
  F5: ["f5_bigip-ve"],
  Arrcus: ["arrcus_arcos"],
  Veesix: ["veesix_osvbng"],
  PLVision: ["plvision_sonic"],
};

/** Kinds that imply no vendor: hosts and VMs are endpoints, bridges and community NOSes `other`. */
const vendorlessKinds: Record<string, { role: Role; why: string }> = {
  linux: { role: "endpoint", why: "a generic Linux container" },
  host: { role: "endpoint", why: "the container host" },
  "ext-container": { role: "endpoint", why: "a container started outside containerlab" },
  "k8s-kind": { role: "endpoint", why: "a Kubernetes-in-Docker cluster" },
  generic_vm: { role: "endpoint", why: "a generic VM" },
  freebsd: { role: "endpoint", why: "a FreeBSD VM" },
  openbsd: { role: "endpoint", why: "an OpenBSD VM" },
  openwrt: { role: "endpoint", why: "an OpenWrt VM" },
  bridge: { role: "other", why: "a Linux bridge" },
  "ovs-bridge": { role: "other", why: "an Open vSwitch bridge" },
  "sonic-vs": { role: "other", why: "SONiC, a community NOS with no single vendor" },
  "sonic-vm": { role: "other", why: "SONiC, a community NOS with no single vendor" },
  fdio_vpp: { role: "other", why: "FD.io VPP, an open-source data plane" },
  rare: { role: "other", why: "freeRtr (RARE), an open-source router" },
};

const byKind = new Map<string, string>();
const byPrefix = new Map<string, string>();
for (const [vendor, kinds] of Object.entries(vendorKinds)) {
  for (const kind of kinds) {
    byKind.set(kind, vendor);
    // Most VM kinds also answer to `vr-<kind>` (vr-nokia_sros, vr-juniper_vmx…).
    if (!kind.startsWith("vr-")) byKind.set(`vr-${kind}`, vendor);
    const underscore = kind.indexOf("_");
    if (underscore > 0 && !kind.startsWith("vr-")) byPrefix.set(kind.slice(0, underscore), vendor);
  }
}

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
  const vendor = byKind.get(k);
  if (vendor !== undefined) return { vendor, known: true };
  const vendorless = vendorlessKinds[k];
  if (vendorless !== undefined && Object.hasOwn(vendorlessKinds, k)) return { role: vendorless.role, note: vendorless.why, known: true };
  const underscore = k.replace(/^vr-/, "").indexOf("_");
  const prefixVendor = underscore > 0 ? byPrefix.get(k.replace(/^vr-/, "").slice(0, underscore)) : undefined;
  if (prefixVendor !== undefined) return { vendor: prefixVendor, note: `not in the kind table; vendor from its \`${k.replace(/^vr-/, "").slice(0, underscore)}_\` prefix`, known: true };
  return { known: false };
}

/** Every kind name the table knows (for tests and docs). */
export function knownContainerlabKinds(): string[] {
  return [...byKind.keys(), ...Object.keys(vendorlessKinds)].sort();
}
