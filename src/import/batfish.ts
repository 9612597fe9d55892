// Batfish: `layer1_topology.json` (`edges: [{node1: {hostname, interfaceName}, node2}]`) and the
// snapshot around it (`configs/`, `hosts/`, the topology beside them or under `batfish/`). Each
// unordered interface pair is one link however often and in whichever direction it is listed;
// self-loops are dropped. Every hostname of the edges and every device with a config or host
// file is an element; a config's dialect names its vendor (Batfish's own files have no vendor
// field). Output is sorted, so the order and direction of the listing never change the result.
import { InputError, type SourceLocation } from "../diagnostics.js";
import { readDocument } from "../load/index.js";
import { type Role } from "../topology/types.js";
import { countNote, makeDocument } from "./common.js";
import { IdSpace, isId, slugify } from "./ids.js";
import type { DocElement, DocLink, FolderView, Importer, ImportResult, Skipped, SourceText } from "./types.js";

const topologyName = "layer1_topology.json";

function fail(message: string, location: SourceLocation): never {
  throw new InputError([{ code: "E_BATFISH", severity: "error", message, location }]);
}

/** What a snapshot file is, by the folder it sits in. */
function kindOf(file: string): "config" | "host" | "topology" {
  const parts = file.split(/[\\/]/);
  const folder = parts.length > 1 ? parts[parts.length - 2] : undefined;
  if (folder === "configs") return "config";
  if (folder === "hosts") return "host";
  return "topology";
}

/**
 * The files one argument stands for: a snapshot folder's topology, configs and host files, or a
 * topology file plus the configs and hosts of the snapshot it sits in (beside it, or one level
 * up when it sits under `batfish/`).
 */
export function expandBatfish(input: string, view: FolderView): string[] {
  let root: string;
  let topology: string | undefined;
  if (view.isFolder(input)) {
    root = input;
    topology = [view.join(input, topologyName), view.join(input, "batfish", topologyName)].find((p) => view.list(view.dirname(p)).includes(topologyName));
    const hasDevices = view.isFolder(view.join(input, "configs")) || view.isFolder(view.join(input, "hosts"));
    if (topology === undefined && !hasDevices) {
      fail(`${input}: not a Batfish snapshot: no ${topologyName} (beside configs/ or under batfish/), no configs/ and no hosts/`, { file: input, line: 1, column: 1 });
    }
  } else {
    topology = input;
    const dir = view.dirname(input);
    const hasDevices = (d: string): boolean => view.isFolder(view.join(d, "configs")) || view.isFolder(view.join(d, "hosts"));
    root = view.basename(dir) === "batfish" && !hasDevices(dir) ? view.dirname(dir) : dir;
  }
  const files = topology === undefined ? [] : [topology];
  for (const name of view.list(view.join(root, "configs"))) {
    const p = view.join(root, "configs", name);
    if (!name.startsWith(".") && !view.isFolder(p)) files.push(p);
  }
  for (const name of view.list(view.join(root, "hosts"))) {
    if (/\.json$/i.test(name)) files.push(view.join(root, "hosts", name));
  }
  return files;
}

/** `configs/r1.cfg`: a device file's path inside its snapshot, the same wherever the snapshot is. */
function snapshotPath(file: string): string {
  return file.split(/[\\/]/).slice(-2).join("/");
}

interface Dialect {
  name: string;
  vendor?: string;
}

/** RANCID content types Batfish honours as a config's first line, and the vendor each means. */
const rancidVendors: [RegExp, string][] = [
  [/^cisco/, "Cisco"],
  [/^(juniper|junos)/, "Juniper Networks"],
  [/^arista/, "Arista Networks"],
  [/^(paloalto|palo-alto)/, "Palo Alto Networks"],
  [/^(fortigate|fortinet)/, "Fortinet"],
  [/^f5/, "F5"],
  [/^cumulus/, "NVIDIA"],
  [/^(checkpoint|check-point)/, "Check Point"],
];

/** Text patterns of the configuration languages Batfish reads; first match wins. */
const dialects: [RegExp, Dialect][] = [
  [/^!! IOS XR Configuration/m, { name: "cisco-ios-xr", vendor: "Cisco" }],
  [/^! (device: .*\bEOS-|boot system flash:.*\.swi)/m, { name: "arista-eos", vendor: "Arista Networks" }],
  [/^(feature \S+|!Command: show running-config)/m, { name: "cisco-nx-os", vendor: "Cisco" }],
  [/^(ASA Version|PIX Version) /m, { name: "cisco-asa", vendor: "Cisco" }],
  [/^(boot-start-marker|version 1\d\.\d+$)/m, { name: "cisco-ios", vendor: "Cisco" }],
  [/^(set system host-name |system \{|## Last commit|version \d+\.\d+R)/m, { name: "juniper-junos", vendor: "Juniper Networks" }],
  [/^#TMSH-VERSION/m, { name: "f5-bigip", vendor: "F5" }],
  [/^config system global/m, { name: "fortios", vendor: "Fortinet" }],
  [/^(set deviceconfig |<config version=.*urldb)/m, { name: "palo-alto-pan-os", vendor: "Palo Alto Networks" }],
  [/^(net (add|del) |# This file describes the network interfaces)/m, { name: "cumulus", vendor: "NVIDIA" }],
  [/Software Version V\d{3}R\d{3}/, { name: "huawei-vrp", vendor: "Huawei" }],
  [/^ ?version \d+\.\d+\.\d+, (Release|ESS|Feature)/m, { name: "h3c-comware", vendor: "H3C" }],
  [/^sysname \S+/m, { name: "vrp-or-comware" }],
];

/** The configuration language of a config file, and the vendor it implies. */
export function configDialect(text: string): Dialect | undefined {
  const rancid = /^!RANCID-CONTENT-TYPE:\s*(\S+)/i.exec(text);
  if (rancid) {
    const type = rancid[1]!.toLowerCase();
    const hit = rancidVendors.find(([re]) => re.test(type));
    return hit ? { name: type, vendor: hit[1] } : { name: type };
  }
  return dialects.find(([re]) => re.test(text))?.[1];
}

const hostnamePatterns = [/^hostname\s+"?([^\s";]+)/m, /^set system host-name\s+"?([^\s";]+)/m, /^\s*host-name\s+"?([^\s";]+)/m, /^sysname\s+(\S+)/m, /^\s*set hostname\s+"?([^\s";]+)/m];

/** The hostname a config declares, lower-cased as Batfish does; the file name without extension otherwise. */
function configHostname(file: SourceText): string {
  for (const re of hostnamePatterns) {
    const m = re.exec(file.text);
    if (m) return m[1]!.toLowerCase();
  }
  const base = file.file.split(/[\\/]/).pop()!;
  return base.replace(/\.[^.]+$/, "").toLowerCase();
}

interface Device {
  hostname: string;
  role: Role;
  vendor?: string;
  meta: Record<string, unknown>;
}

function readDevices(files: readonly SourceText[], skipped: Skipped[]): Map<string, Device> {
  const devices = new Map<string, Device>();
  let unknownDialect = 0;
  for (const f of files) {
    const kind = kindOf(f.file);
    if (kind === "topology") continue;
    let device: Device;
    if (kind === "host") {
      const value = readDocument(f, { as: "json" }).value as { hostname?: unknown };
      const hostname = typeof value === "object" && value !== null && typeof value.hostname === "string" && value.hostname.trim() !== "" ? value.hostname.trim().toLowerCase() : undefined;
      if (hostname === undefined) fail("a Batfish host file needs a `hostname`", { file: f.file, line: 1, column: 1 });
      device = { hostname, role: "endpoint", meta: { batfishHost: snapshotPath(f.file) } };
    } else {
      const dialect = configDialect(f.text);
      device = { hostname: configHostname(f), role: "other", meta: { config: snapshotPath(f.file), ...(dialect ? { dialect: dialect.name } : {}) } };
      if (dialect?.vendor !== undefined) device.vendor = dialect.vendor;
      else unknownDialect++;
    }
    if (devices.has(device.hostname)) {
      skipped.push({ what: `${kind} ${f.file}`, why: `hostname \`${device.hostname}\` is already taken by ${String(devices.get(device.hostname)!.meta.config ?? devices.get(device.hostname)!.meta.batfishHost)}`, location: { file: f.file, line: 1, column: 1 } });
      continue;
    }
    devices.set(device.hostname, device);
  }
  skipped.push(...countNote(unknownDialect, "config in a language cleanpath does not tell", "configs in languages cleanpath does not tell", "no vendor (name it with --vendor-map)"));
  return devices;
}

interface End {
  hostname: string;
  iface: string;
}

function readEnd(v: unknown): End | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const { hostname, interfaceName } = v as { hostname?: unknown; interfaceName?: unknown };
  if (typeof hostname !== "string" || hostname.trim() === "" || typeof interfaceName !== "string") return undefined;
  return { hostname: hostname.trim().toLowerCase(), iface: interfaceName.trim() };
}

/** The interface pairs of a layer-1 topology, each once, in the order `a` < `b`. */
function readEdges(file: SourceText, skipped: Skipped[]): [End, End][] {
  const doc = readDocument(file, { as: "json" });
  const root = doc.value as { edges?: unknown; nodes?: unknown; links?: unknown };
  const at = { file: file.file, line: 1, column: 1 };
  if (typeof root !== "object" || root === null || Array.isArray(root) || !Array.isArray(root.edges)) {
    const hint = typeof root === "object" && root !== null && Array.isArray(root.nodes) ? " (this looks like NetJSON: use `cleanpath import netjson`)" : "";
    fail(`not a Batfish layer-1 topology: expected {"edges": [{"node1": {"hostname", "interfaceName"}, "node2": …}]}${hint}`, root !== null && typeof root === "object" && !Array.isArray(root) && root.edges !== undefined ? doc.locate(["edges"]) : at);
  }
  const pairs = new Map<string, [End, End]>();
  const loops = new Set<string>();
  let repeats = 0;
  root.edges.forEach((edge: unknown, i: number) => {
    const e = edge as { node1?: unknown; node2?: unknown; source?: unknown };
    const a = readEnd(e?.node1);
    const b = readEnd(e?.node2);
    if (a === undefined || b === undefined) {
      const first: unknown = Array.isArray(e) ? e[0] : e;
      const hint = first !== null && typeof first === "object" && "source" in first ? " (`source`/`target` edges are NetJSON's legacy form: use `cleanpath import netjson`)" : "";
      fail(`edge ${i}: \`${a === undefined ? "node1" : "node2"}\` needs a \`hostname\` and an \`interfaceName\`${hint}`, doc.locate(["edges", i]));
    }
    const ka = `${a.hostname}\u0000${a.iface}`;
    const kb = `${b.hostname}\u0000${b.iface}`;
    const key = ka < kb ? `${ka}\u0001${kb}` : `${kb}\u0001${ka}`;
    if (pairs.has(key) || loops.has(key)) {
      repeats++;
      return;
    }
    if (a.hostname === b.hostname) {
      loops.add(key);
      skipped.push({ what: `edge ${a.hostname} ${a.iface} – ${b.iface}`, why: "self-loop (two interfaces of one device cabled together carry no traffic between elements)", location: doc.locate(["edges", i]) });
      return;
    }
    pairs.set(key, ka < kb ? [a, b] : [b, a]);
  });
  skipped.push(...countNote(repeats, "edge listed again", "edges listed again", "the same interface pair (usually in the other direction); one link each"));
  return [...pairs.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, p]) => p);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Imports a Batfish snapshot (or a bare layer-1 topology). */
export function importBatfish(files: readonly SourceText[]): ImportResult {
  const skipped: Skipped[] = [];
  const topologies = files.filter((f) => kindOf(f.file) === "topology");
  if (topologies.length > 1) {
    throw new InputError([{ code: "E_IMPORT_INPUT", severity: "error", message: `batfish import takes one snapshot or one ${topologyName}, got ${topologies.map((t) => t.file).join(", ")}` }]);
  }
  const devices = readDevices(files, skipped);
  const edges = topologies.length === 1 ? readEdges(topologies[0]!, skipped) : [];
  if (topologies.length === 0) skipped.push({ what: "links", why: `the snapshot has no ${topologyName}; devices imported without links` });
  const hostnames = new Set(devices.keys());
  let withoutFile = 0;
  for (const [a, b] of edges) {
    for (const h of [a.hostname, b.hostname]) {
      if (!hostnames.has(h)) {
        hostnames.add(h);
        withoutFile++;
      }
    }
  }
  const ids = new IdSpace();
  const idOf = new Map<string, string>();
  const elements: DocElement[] = [];
  let roleless = 0;
  for (const h of [...hostnames].sort(compare)) {
    const id = ids.claim(isId(h) ? h : slugify(h) || "device");
    idOf.set(h, id);
    const d = devices.get(h);
    const element: DocElement = { id, role: d?.role ?? "other" };
    if (id !== h) element.name = h;
    if (d?.vendor !== undefined) element.vendor = d.vendor;
    if (d !== undefined) element.meta = d.meta;
    if (element.role === "other") roleless++;
    elements.push(element);
  }
  const links: DocLink[] = edges.map(([a, b]) => ({ a: idOf.get(a.hostname)!, b: idOf.get(b.hostname)!, meta: { aInterface: a.iface, bInterface: b.iface } }));
  const connected = new Set(edges.flatMap(([a, b]) => [a.hostname, b.hostname]));
  const configs = files.some((f) => kindOf(f.file) === "config");
  if (!configs && topologies.length === 1) skipped.push({ what: "vendors", why: "no configs/ folder beside the topology, so no config names a vendor: give them with --vendor-map" });
  else skipped.push(...countNote(withoutFile, "hostname without a config or host file", "hostnames without a config or host file", "no vendor (name it with --vendor-map)"));
  skipped.push(...countNote([...devices.keys()].filter((h) => !connected.has(h)).length, "device in no edge", "devices in no edge", "imported without links"));
  skipped.push(...countNote(roleless, "device without a role", "devices without a role", "Batfish names no roles; set to `other` (give them with --vendor-map, e.g. `as1core1: {vendor: Cisco, role: core}`)"));
  return { document: makeDocument({ elements, links }), skipped };
}

export const batfish: Importer = {
  summary: "Batfish snapshot or layer1_topology.json: one link per interface pair, vendors from the configs' dialect",
  inputs: "many",
  extensions: [".json"],
  expand: expandBatfish,
  run: importBatfish,
};
