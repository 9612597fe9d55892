/**
 * containerlab kinds that imply no equipment vendor. Kinds that do imply one are listed on the
 * vendor entries (`containerlabKinds` in vendors.ts). Source: the containerlab kind registry
 * and lab files, srl-labs/containerlab @ 39ff2b7 (../shared/datasets/README.md).
 */
import type { VendorlessKind } from "./types.js";

export const vendorlessKinds: VendorlessKind[] = [
  { kind: "linux", what: "generic Linux container (FRR, hosts)" },
  { kind: "freebsd", what: "FreeBSD virtual machine (an operating system, not a vendor)" },
  { kind: "openbsd", what: "OpenBSD virtual machine (an operating system, not a vendor)" },
  { kind: "openwrt", what: "OpenWrt (community router OS)" },
  { kind: "generic_vm", what: "generic virtual machine" },
  { kind: "sonic-vs", what: "SONiC virtual switch (community NOS, no single vendor)" },
  { kind: "sonic-vm", what: "SONiC virtual machine (community NOS, no single vendor)" },
  { kind: "fdio_vpp", what: "FD.io VPP (Linux Foundation project)" },
  { kind: "rare", what: "RARE / freeRtr (research router, no vendor)" },
  { kind: "bridge", what: "Linux bridge on the host (infrastructure)" },
  { kind: "ovs-bridge", what: "Open vSwitch bridge on the host (infrastructure)" },
  { kind: "ext-container", what: "container started outside containerlab (infrastructure)" },
  { kind: "k8s-kind", what: "Kubernetes-in-Docker cluster (infrastructure)" },
  { kind: "host", what: "the host network namespace (infrastructure)" },
];
