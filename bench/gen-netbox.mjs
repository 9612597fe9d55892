#!/usr/bin/env node
// Writes a synthetic NetBox `dumpdata` export shaped like the demo data (same models and fields):
// N devices in a tree of sites, each cabled to its parent; every 50th uplink runs through a
// pair of patch panels, every 100th is a provider circuit. Deterministic for a given N.
//   node bench/gen-netbox.mjs [devices=100000] [out=bench/out/netbox-<N>.json]
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const n = Number(process.argv[2] ?? 100_000);
const out = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), "out", `netbox-${n}.json`);
mkdirSync(dirname(out), { recursive: true });

const stamp = { created: "2024-01-01T00:00:00Z", last_updated: "2024-01-01T00:00:00.000Z", custom_field_data: {} };
const manufacturers = ["Cisco", "Juniper", "Nokia", "Ericsson", "Huawei", "ZTE", "Arista", "Ciena", "Panduit", "Generic"];
const roles = ["Core Router", "Aggregation Router", "Access Switch", "Cell Site Router", "Patch Panel"];

let buffer = "[";
let first = true;
const stream = createWriteStream(out);
const flushAt = 1 << 20;
async function record(model, pk, fields) {
  buffer += (first ? "\n" : ",\n") + JSON.stringify({ model, pk, fields });
  first = false;
  if (buffer.length > flushAt) {
    const chunk = buffer;
    buffer = "";
    if (!stream.write(chunk)) await new Promise((r) => stream.once("drain", r));
  }
}

const sites = Math.max(1, Math.floor(n / 100));
for (let i = 0; i < manufacturers.length; i++) await record("dcim.manufacturer", i + 1, { ...stamp, name: manufacturers[i], slug: manufacturers[i].toLowerCase(), description: "" });
for (let i = 0; i < manufacturers.length; i++) {
  await record("dcim.devicetype", i + 1, { ...stamp, description: "", comments: "", weight: null, weight_unit: "", _abs_weight: null, manufacturer: i + 1, model: `${manufacturers[i]} M${i}`, slug: `m${i}`, part_number: "", u_height: "1.0", is_full_depth: true, subdevice_role: "", airflow: "", front_image: "", rear_image: "" });
}
for (let i = 0; i < roles.length; i++) await record("dcim.devicerole", i + 1, { ...stamp, name: roles[i], slug: roles[i].toLowerCase().replace(/ /g, "-"), description: "", color: "4caf50", vm_role: false });
await record("dcim.region", 1, { ...stamp, parent: null, name: "Mexico", slug: "mx", description: "", lft: 1, rght: 2, tree_id: 1, level: 0 });
for (let s = 1; s <= sites; s++) {
  await record("dcim.site", s, { ...stamp, description: "", comments: "", name: `Site ${s}`, _name: `Site ${s}`, slug: `site-${s}`, status: "active", region: 1, group: null, tenant: null, facility: "", time_zone: null, physical_address: "", shipping_address: "", latitude: (14 + (s * 7919) % 1800 / 100).toFixed(6), longitude: (-117 + (s * 104729) % 3000 / 100).toFixed(6), asns: [] });
}
await record("circuits.provider", 1, { ...stamp, description: "", comments: "", name: "Carrier One", slug: "carrier-one", asns: [] });

let ifPk = 0, cablePk = 0, termPk = 0, portPk = 0, circuitPk = 0, ctPk = 0, devPk = n;
async function iface(device, name) {
  ifPk++;
  await record("dcim.interface", ifPk, { ...stamp, device, name, label: "", description: "", module: null, cable: null, cable_end: "", mark_connected: false, _path: null, enabled: true, mac_address: null, mtu: null, mode: "", parent: null, bridge: null, _name: name, lag: null, type: "10gbase-x-sfpp", mgmt_only: false, speed: null, duplex: null, wwn: null, rf_role: "", rf_channel: "", rf_channel_frequency: null, rf_channel_width: null, tx_power: null, poe_mode: "", poe_type: "", wireless_link: null, untagged_vlan: null, vrf: null, vdcs: [], wireless_lans: [], tagged_vlans: [] });
  return ifPk;
}
async function cable(a, b) {
  cablePk++;
  await record("dcim.cable", cablePk, { ...stamp, description: "", comments: "", type: "smf", status: "connected", tenant: null, label: "", color: "", length: null, length_unit: "", _abs_length: null });
  for (const [end, [app, model, id]] of [["A", a], ["B", b]]) {
    termPk++;
    await record("dcim.cabletermination", termPk, { cable: cablePk, cable_end: end, termination_type: [app, model], termination_id: id, _device: null, _rack: null, _location: null, _site: null });
  }
}
async function device(pk, fields) {
  await record("dcim.device", pk, { ...stamp, description: "", comments: "", local_context_data: null, tenant: null, platform: null, _name: fields.name ?? "", serial: "", asset_tag: null, location: null, rack: null, position: null, face: "", status: "active", airflow: "", primary_ip4: null, primary_ip6: null, cluster: null, virtual_chassis: null, vc_position: null, vc_priority: null, ...fields });
}

for (let d = 1; d <= n; d++) {
  const m = d % 8; // manufacturers 1..8 carry devices; 9 (Panduit) is for panels
  const role = d === 1 ? 1 : d < 100 ? 2 : d % 10 === 0 ? 3 : 4;
  await device(d, { device_type: m + 1, role, name: d % 50 === 7 ? null : `dev-${d}`, site: 1 + (d % sites), status: d % 97 === 0 ? "planned" : "active" });
}
for (let d = 2; d <= n; d++) {
  const parent = Math.floor(d / 4) || 1;
  const up = await iface(d, "uplink0");
  const down = await iface(parent, `down-${d}`);
  if (d % 100 === 0) {
    // A provider circuit: both terminations cabled to the two devices.
    circuitPk++;
    const a = ++ctPk, z = ++ctPk;
    await record("circuits.circuit", circuitPk, { ...stamp, description: "", comments: "", cid: `C${circuitPk}`, provider: 1, provider_account: null, type: 1, status: "active", tenant: null, install_date: null, termination_date: null, commit_rate: null, termination_a: a, termination_z: z });
    for (const [id, side] of [[a, "A"], [z, "Z"]]) await record("circuits.circuittermination", id, { ...stamp, cable: null, cable_end: "", mark_connected: false, circuit: circuitPk, term_side: side, site: 1, provider_network: null, port_speed: null, upstream_speed: null, xconnect_id: "", pp_info: "", description: "" });
    await cable(["dcim", "interface", up], ["circuits", "circuittermination", a]);
    await cable(["circuits", "circuittermination", z], ["dcim", "interface", down]);
  } else if (d % 50 === 0) {
    // Through two patch panels: front → rear, trunk, rear → front.
    const panels = [++devPk, ++devPk];
    const fronts = [];
    for (const p of panels) {
      await device(p, { device_type: 9, role: 5, name: `pp-${p}`, site: 1 + (d % sites) });
      const rear = ++portPk;
      await record("dcim.rearport", rear, { ...stamp, device: p, name: "R1", _name: "R1", label: "", description: "", module: null, cable: null, cable_end: "", mark_connected: false, type: "lc", color: "", positions: 1 });
      const front = ++portPk;
      await record("dcim.frontport", front, { ...stamp, device: p, name: "F1", _name: "F1", label: "", description: "", module: null, cable: null, cable_end: "", mark_connected: false, type: "lc", color: "", rear_port: rear, rear_port_position: 1 });
      fronts.push([front, rear]);
    }
    await cable(["dcim", "interface", up], ["dcim", "frontport", fronts[0][0]]);
    await cable(["dcim", "rearport", fronts[0][1]], ["dcim", "rearport", fronts[1][1]]);
    await cable(["dcim", "frontport", fronts[1][0]], ["dcim", "interface", down]);
  } else {
    await cable(["dcim", "interface", up], ["dcim", "interface", down]);
  }
}
stream.end(buffer + "\n]\n");
await new Promise((r) => stream.on("finish", r));
console.error(`wrote ${out}: ${n} devices (+${devPk - n} patch panels), ${cablePk} cables, ${circuitPk} circuits`);
