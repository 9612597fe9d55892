// Circuits as underlay: a hand-made dumpdata export (the demo data has no circuit between two
// devices' own interfaces, nor one patched on both ends into more than one link).
import { describe, expect, it } from "vitest";
import { importNetbox } from "../../src/import/netbox.js";
import type { DocLink } from "../../src/import/types.js";
import { checkImported } from "../../src/import/check.js";

type Rec = { model: string; pk: number; fields: Record<string, unknown> };

function exportOf(): Rec[] {
  const r: Rec[] = [];
  const add = (model: string, pk: number, fields: Record<string, unknown>): void => void r.push({ model, pk, fields });
  add("dcim.manufacturer", 1, { name: "Nokia", slug: "nokia" });
  add("dcim.manufacturer", 2, { name: "Panduit", slug: "panduit" });
  add("dcim.devicetype", 1, { model: "7750 SR-1", manufacturer: 1 });
  add("dcim.devicetype", 2, { model: "24-port panel", manufacturer: 2 });
  add("dcim.devicerole", 1, { name: "Router", slug: "router" });
  add("dcim.devicerole", 2, { name: "Patch Panel", slug: "patch-panel" });
  for (const [pk, name] of [[1, "r1"], [2, "r2"], [3, "r3"], [4, "r4"]] as const) add("dcim.device", pk, { name, device_type: 1, role: 1, status: "active" });
  add("dcim.device", 5, { name: "p1", device_type: 2, role: 2, status: "active" });
  add("dcim.device", 6, { name: "p2", device_type: 2, role: 2, status: "active" });
  // Interfaces: 10·device + n.
  for (const [pk, device] of [[11, 1], [12, 1], [21, 2], [22, 2], [31, 3], [32, 3], [41, 4]] as const) add("dcim.interface", pk, { device, name: `eth${pk % 10}` });
  add("dcim.rearport", 1, { device: 5, positions: 2 });
  add("dcim.rearport", 2, { device: 6, positions: 2 });
  add("dcim.frontport", 1, { device: 5, rear_port: 1, rear_port_position: 1 });
  add("dcim.frontport", 2, { device: 5, rear_port: 1, rear_port_position: 2 });
  add("dcim.frontport", 3, { device: 6, rear_port: 2, rear_port_position: 1 });
  add("dcim.frontport", 4, { device: 6, rear_port: 2, rear_port_position: 2 });
  add("circuits.provider", 1, { name: "Acme Fibre", slug: "acme" });
  add("circuits.providernetwork", 1, { name: "Acme Backbone", provider: 1 });
  // LC-100: r1 eth1 ↔ r2 eth1, nothing between. DF-200 (planned): panel p1 ↔ panel p2, two links
  // patched over it. EV-300: r3 eth2 into the provider network.
  add("circuits.circuit", 1, { cid: "LC-100", provider: 1, status: "active", termination_a: 101, termination_z: 102 });
  add("circuits.circuit", 2, { cid: "DF-200", provider: 1, status: "planned", termination_a: 201, termination_z: 202 });
  add("circuits.circuit", 3, { cid: "EV-300", provider: 1, status: "active", termination_a: 301, termination_z: 302 });
  add("circuits.circuittermination", 101, { circuit: 1, term_side: "A", site: null });
  add("circuits.circuittermination", 102, { circuit: 1, term_side: "Z", site: null });
  add("circuits.circuittermination", 201, { circuit: 2, term_side: "A" });
  add("circuits.circuittermination", 202, { circuit: 2, term_side: "Z" });
  add("circuits.circuittermination", 301, { circuit: 3, term_side: "A" });
  add("circuits.circuittermination", 302, { circuit: 3, term_side: "Z", provider_network: 1 });
  let cable = 0;
  const cableOf = (a: [string, number], b: [string, number]): void => {
    cable++;
    add("dcim.cable", cable, { status: "connected", type: "smf" });
    add("dcim.cabletermination", 1000 + cable * 2, { cable, cable_end: "A", termination_type: a[0].split("."), termination_id: a[1] });
    add("dcim.cabletermination", 1001 + cable * 2, { cable, cable_end: "B", termination_type: b[0].split("."), termination_id: b[1] });
  };
  const ifc = (pk: number): [string, number] => ["dcim.interface", pk];
  const ct = (pk: number): [string, number] => ["circuits.circuittermination", pk];
  cableOf(ifc(11), ct(101)); // 1
  cableOf(ct(102), ifc(21)); // 2
  cableOf(ifc(12), ["dcim.frontport", 1]); // 3
  cableOf(ifc(31), ["dcim.frontport", 2]); // 4
  cableOf(["dcim.rearport", 1], ct(201)); // 5
  cableOf(ct(202), ["dcim.rearport", 2]); // 6
  cableOf(["dcim.frontport", 3], ifc(22)); // 7
  cableOf(["dcim.frontport", 4], ifc(41)); // 8
  cableOf(ifc(32), ct(301)); // 9
  cableOf(ifc(41 + 1000), ifc(41 + 2000)); // 10: interfaces of no device
  return r;
}

const run = (records: Rec[]) => importNetbox([{ file: "circuits.json", text: JSON.stringify(records) }]);

describe("netbox circuits as underlay", () => {
  const { document, skipped } = run(exportOf());
  const byId = (id: string): DocLink | undefined => document.links.find((l) => l.id === id);

  it("passes the checks (beside §4.1's own fields)", () => {
    expect(checkImported(document).map((d) => d.message)).toEqual([]);
  });

  it("writes a circuit between two devices' interfaces as the link itself (medium circuit)", () => {
    expect(byId("circuit-LC-100")).toEqual({
      id: "circuit-LC-100", a: "r1", b: "r2", medium: "circuit", operator: "acme", name: "LC-100",
      meta: { aInterface: "eth1", bInterface: "eth1", netboxCables: [1, 2], circuits: ["LC-100"], netboxCircuit: 1 },
    });
    expect(document.links.filter((l) => l.underlay?.includes("circuit-LC-100"))).toEqual([]);
  });

  it("writes a patched circuit once, between its panels, and lists it in the underlay of each link over it", () => {
    expect(byId("circuit-DF-200")).toEqual({ id: "circuit-DF-200", a: "p1", b: "p2", medium: "circuit", operator: "acme", name: "DF-200", state: "planned", meta: { netboxCircuit: 2 } });
    const over = document.links.filter((l) => l.underlay !== undefined);
    expect(over.map((l) => [l.a, l.b, l.underlay, l.state])).toEqual([
      ["r1", "r2", ["circuit-DF-200"], "planned"],
      ["r3", "r4", ["circuit-DF-200"], "planned"],
    ]);
    expect(over.every((l) => l.id === undefined && l.medium === "fiber" && l.operator === "acme")).toBe(true);
  });

  it("ends a circuit at the provider network it names, and the link to that network is the circuit", () => {
    expect(byId("circuit-EV-300")).toMatchObject({ a: "r3", b: "acme-backbone", medium: "circuit", operator: "acme" });
    expect(document.elements.find((e) => e.id === "acme-backbone")).toMatchObject({ role: "transport", operator: "acme", tags: ["provider-network"] });
  });

  it("orders the links: traced links first (by interface), then the circuits that are not themselves a link", () => {
    expect(document.links.map((l) => l.id ?? `${l.a}-${l.b}`)).toEqual(["circuit-LC-100", "r1-r2", "r3-r4", "circuit-EV-300", "circuit-DF-200"]);
  });

  it("every underlay id names a link of the document, never one of the link's own ends", () => {
    const ids = new Set([...document.links.map((l) => l.id), ...document.elements.map((e) => e.id)]);
    const linkIds = document.links.map((l) => l.id).filter((id) => id !== undefined);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    for (const l of document.links) for (const u of l.underlay ?? []) {
      expect(ids.has(u)).toBe(true);
      expect([l.a, l.b]).not.toContain(u);
    }
    expect(document.elements.some((e) => linkIds.includes(e.id))).toBe(false);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(run(exportOf()).document)).toBe(JSON.stringify(document));
    expect(skipped.some((s) => /^circuit /.test(s.what))).toBe(false);
  });

  it("writes no circuit, and no underlay, when a circuit end reaches no device in the export", () => {
    const records = exportOf().filter((r) => !(r.model === "dcim.device" && r.pk === 6));
    const { document: d, skipped: s } = run(records);
    expect(d.links.find((l) => l.id === "circuit-DF-200")).toBeUndefined();
    expect(d.links.some((l) => l.underlay !== undefined)).toBe(false);
    expect(s).toContainEqual({ what: "circuit DF-200", why: "an end reaches no device or provider network in the export; not written as a link, and the links over it list no underlay" });
  });

  it("leaves an export without circuits as it was: no circuit links, no underlay", () => {
    const records = exportOf().filter((r) => !r.model.startsWith("circuits."));
    const { document: d } = run(records);
    expect(d.links.some((l) => l.medium === "circuit" || l.underlay !== undefined || l.id !== undefined)).toBe(false);
  });
});
