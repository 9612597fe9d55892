#!/usr/bin/env node
// Generates a folder of LLDP neighbour tables, one file per device, in the shapes of the real
// samples in ../shared/datasets/lldp (field names and layout only, no data copied): NAPALM
// get_lldp_neighbors_detail JSON (the eos/iosxr tests' keys), ntc-templates records as YAML (the
// cisco_ios show_lldp_neighbors_detail template's 23 fields, mostly empty strings, as TextFSM
// leaves them) and `lldpctl -f json`. Devices sit on a ring with chords (five or six neighbours
// each), and every device's table is present, so each link is seen from both ends, with the
// remote port in the neighbour's abbreviated spelling (`Gi1/0/3` for `GigabitEthernet1/0/3`).
//   node bench/gen-lldp.mjs [devices=10000] [folder=bench/out/lldp-<devices>]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rng } from "./graph.mjs";

const here = dirname(fileURLToPath(import.meta.url));

// Platform of device i: the file form, its port names (own spelling, as a neighbour reports it) and how it describes itself.
const platforms = [
  { form: "napalm", port: (k) => [`Ethernet${k}`, `Ethernet${k}`], descr: "Arista Networks EOS version 4.20.1F running on an Arista Networks DCS-7280SR-48C6" },
  { form: "ntc", port: (k) => [`GigabitEthernet1/0/${k}`, `Gi1/0/${k}`], descr: "Cisco IOS Software, C3750E Software (C3750E-UNIVERSALK9-M), Version 15.2(4)E10, RELEASE SOFTWARE (fc2)" },
  { form: "napalm", port: (k) => [`TenGigE0/0/0/${k}`, `Te0/0/0/${k}`], descr: "Cisco IOS XR Software, Version 6.1.2[Default]\nCopyright (c) 2016 by Cisco Systems, Inc." },
  { form: "ntc", port: (k) => [`GigabitEthernet0/0/${k}`, `GE0/0/${k}`], descr: "Huawei Versatile Routing Platform Software VRP (R) software, Version 5.170 (S5720 V200R011C10SPC500)" },
  { form: "lldpctl", port: (k) => [`swp${k}`, `swp${k}`], descr: "Cumulus Linux version 3.7.6 running on Mellanox Technologies Ltd. MSN2700" },
  { form: "napalm", port: (k) => [`xe-0/0/${k}`, `xe-0/0/${k}`], descr: "Juniper Networks, Inc. qfx5100-48s-6q Ethernet Switch, kernel JUNOS 18.4R2.7" },
];

const ntcEmpty = ["fw_revision", "hw_revision", "mac_address", "manufacturer", "platform", "power_class", "power_device_type", "power_pair", "power_priority", "power_requested", "power_source", "serial", "sw_revision"];

const q = (s) => JSON.stringify(s);

function napalmFile(rows) {
  const table = {};
  for (const r of rows) {
    (table[r.localPort] ??= []).push({
      parent_interface: "",
      remote_port: r.remotePort,
      remote_port_description: r.remotePortLong,
      remote_chassis_id: r.chassis,
      remote_system_name: r.name,
      remote_system_description: r.descr,
      remote_system_capab: ["bridge", "router"],
      remote_system_enable_capab: ["bridge", "router"],
    });
  }
  return JSON.stringify(table, null, 4) + "\n";
}

function ntcFile(rows) {
  let out = "---\n";
  for (const r of rows) {
    out += `- capabilities: "B,R"\n  chassis_id: ${q(r.chassis)}\n  local_interface: ${q(r.localPort)}\n  mgmt_address: ${q(r.mgmt)}\n`;
    out += `  neighbor_description: ${q(r.descr.replace(/\n/g, " "))}\n  neighbor_interface: ${q(r.remotePortLong)}\n  neighbor_name: ${q(r.name)}\n  neighbor_port_id: ${q(r.remotePort)}\n  vlan_id: "1"\n`;
    for (const k of ntcEmpty) out += `  ${k}: ""\n`;
  }
  return out;
}

function lldpctlFile(rows) {
  const ifaces = rows.map((r) => ({
    [r.localPort]: {
      via: "LLDP",
      rid: "1",
      age: "12 days, 03:14:07",
      chassis: { [r.name]: { id: { type: "mac", value: r.chassis }, descr: r.descr, "mgmt-ip": r.mgmt, capability: [{ type: "Bridge", enabled: true }, { type: "Router", enabled: true }] } },
      port: { id: { type: "ifname", value: r.remotePort }, descr: r.remotePortLong, ttl: "120" },
    },
  }));
  return JSON.stringify({ lldp: { interface: ifaces.length === 1 ? ifaces[0] : ifaces } }, null, 2) + "\n";
}

/** Writes the tables; returns what an import must find. */
export function generateLldp(n, folder) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const random = rng(20261202);
  const name = (i) => `sw${String(i).padStart(5, "0")}`;
  const platform = (i) => platforms[i % platforms.length];
  const mac = (i) => `52:54:${((i >> 24) & 255).toString(16).padStart(2, "0")}:${((i >> 16) & 255).toString(16).padStart(2, "0")}:${((i >> 8) & 255).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`;
  // Links: ring (i, i+1), (i, i+2), and one chord per device to a random device.
  const pairs = new Set();
  const links = [];
  const add = (a, b) => {
    if (a === b) return;
    const k = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (pairs.has(k)) return;
    pairs.add(k);
    links.push([a, b]);
  };
  for (let i = 0; i < n; i++) {
    add(i, (i + 1) % n);
    add(i, (i + 2) % n);
    add(i, Math.floor(random() * n));
  }
  const nextPort = new Array(n).fill(1);
  const rows = Array.from({ length: n }, () => []);
  for (const [a, b] of links) {
    const [aPort, aShort] = platform(a).port(nextPort[a]++);
    const [bPort, bShort] = platform(b).port(nextPort[b]++);
    rows[a].push({ localPort: aPort, name: name(b), remotePort: bShort, remotePortLong: bPort, chassis: mac(b), mgmt: `10.${(b >> 16) & 255}.${(b >> 8) & 255}.${b & 255}`, descr: platform(b).descr });
    rows[b].push({ localPort: bPort, name: name(a), remotePort: aShort, remotePortLong: aPort, chassis: mac(a), mgmt: `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`, descr: platform(a).descr });
  }
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const p = platform(i);
    const text = p.form === "napalm" ? napalmFile(rows[i]) : p.form === "ntc" ? ntcFile(rows[i]) : lldpctlFile(rows[i]);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `${name(i)}.${p.form === "ntc" ? "yml" : "json"}`), text);
  }
  return { devices: n, links: links.length, records: links.length * 2, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 10_000);
  const folder = process.argv[3] ?? join(here, "out", `lldp-${n}`);
  const info = generateLldp(n, folder);
  console.log(`${folder}: ${info.devices} device files, ${info.records} neighbour records, ${info.links} links, ${(info.bytes / 1e6).toFixed(1)} MB`);
}
