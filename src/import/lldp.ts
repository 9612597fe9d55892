// LLDP neighbour tables → topology. Elements are the devices whose tables are given (named by
// their files, or by the keys of a network file) and their distinct neighbours (by system name,
// case ignored, a bare name matching an FQDN of a listed device; by chassis id when the name is
// empty). Links are one per (local port, neighbour, remote port): parallel ports stay parallel,
// and a port pair seen from both ends is one link. The neighbour's vendor comes from its system
// description or LLDP-MED manufacturer, read through the vendor registry; a device is never
// judged by its name. Output is sorted, so the order of files and records never changes it.
import type { Role } from "../topology/types.js";
import { cleanText, countNote, makeDocument } from "./common.js";
import { IdSpace, isId, slugify } from "./ids.js";
import { type NeighbourRecord, readTable } from "./lldp-tables.js";
import type { DocElement, DocLink, Importer, ImportResult, Skipped, SourceText } from "./types.js";
import { vendorInText } from "./vendor-text.js";

/** Interface-name prefixes → one spelling, so `Gi1/0/1` and `GigabitEthernet1/0/1` are one port. */
const prefixes: Record<string, string> = {};
for (const [canonical, spellings] of Object.entries({
  fastethernet: ["fa", "fas", "fastethernet"],
  gigabitethernet: ["gi", "gig", "gige", "gigabitethernet", "ge"],
  xgigabitethernet: ["xge", "xgigabitethernet"],
  tengigabitethernet: ["te", "ten", "tengig", "tengige", "tengigabitethernet", "tengigethernet"],
  twentyfivegige: ["twe", "tf", "twentyfivegige", "twentyfivegigabitethernet"],
  fortygigabitethernet: ["fo", "fortygige", "fortygigabitethernet"],
  hundredgigabitethernet: ["hu", "hundredgige", "hundredgigabitethernet"],
  ethernet: ["e", "et", "eth", "ethernet"],
  "port-channel": ["po", "port-channel", "portchannel"],
  "bundle-ether": ["be", "bundle-ether"],
  management: ["ma", "mgmt", "management"],
  loopback: ["lo", "loopback"],
  vlan: ["vl", "vlan"],
})) {
  for (const s of spellings) prefixes[s] = canonical;
}

/**
 * The name of an interface for matching: case and spaces ignored, and a known type prefix
 * spelled one way (`Gi1/0/1`, `gi 1/0/1`, `GigabitEthernet1/0/1`). Names without a known prefix
 * followed by a number (`ge-0/0/0`, `swp1`, `502`) are only lower-cased: never over-merged.
 */
export function normaliseInterface(name: string): string {
  const hit = normalised.get(name);
  if (hit !== undefined) return hit;
  const s = name.trim().toLowerCase().replace(/\s+/g, "");
  const m = /^([a-z-]+?)(\d.*)$/.exec(s);
  const canonical = m && Object.hasOwn(prefixes, m[1]!) ? prefixes[m[1]!] : undefined;
  const out = canonical === undefined ? s : canonical + m![2]!;
  if (normalised.size >= 65_536) normalised.clear();
  normalised.set(name, out);
  return out;
}

// Tables repeat the same port names thousands of times.
const normalised = new Map<string, string>();

/** The names a neighbour's port may go by on its own device: its id, its description, and that without a Junos unit (`ge-0/0/0.0`). */
function candidates(r: NeighbourRecord): string[] {
  const out = new Set<string>();
  for (const t of [r.port, r.portDescription]) {
    if (t === "") continue;
    const n = normaliseInterface(t);
    out.add(n);
    const dot = n.lastIndexOf(".");
    if (dot > 0 && /^\d+$/.test(n.slice(dot + 1)) && /[a-z]/.test(n.slice(0, dot))) out.add(n.slice(0, dot));
  }
  return [...out];
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The first label of a host name with a domain (`core01.yyz01` → `core01`); none for addresses. */
function shortName(key: string): string | undefined {
  const dot = key.indexOf(".");
  if (dot <= 0 || /^[\d.]+$/.test(key) || !/[a-z]/.test(key.slice(0, dot))) return undefined;
  return key.slice(0, dot);
}

function chassisKey(id: string): string {
  return id.trim().toLowerCase();
}

interface Device {
  key: string;
  spellings: Set<string>;
  /** The name of a listed device as its file (or network file) gives it. */
  localSpelling?: string;
  local: boolean;
  vendor?: string;
  vendors: Set<string>;
  description?: string;
  model?: string;
  capabilities: Set<string>;
  chassisId?: string;
  mgmtAddress?: string;
  described: boolean;
}

interface Half {
  dev: string;
  peer: string;
  port: string;
  portNorm: string;
  cands: string[];
  rec: NeighbourRecord;
  matched: boolean;
}

class Network {
  readonly devices = new Map<string, Device>();
  readonly skipped: Skipped[] = [];
  private readonly localByShort = new Map<string, string | null>();
  private readonly nameOfChassis = new Map<string, string | null>();

  device(key: string, spelling: string): Device {
    let d = this.devices.get(key);
    if (d === undefined) {
      d = { key, spellings: new Set(), local: false, vendors: new Set(), capabilities: new Set(), described: false };
      this.devices.set(key, d);
    }
    d.spellings.add(spelling.trim());
    return d;
  }

  addLocal(name: string): void {
    const key = nameKey(name);
    const d = this.device(key, name);
    d.local = true;
    d.localSpelling ??= name.trim();
    for (const s of new Set([key, shortName(key) ?? key])) {
      const known = this.localByShort.get(s);
      this.localByShort.set(s, known === undefined || known === key ? key : null);
    }
  }

  learnChassis(records: readonly NeighbourRecord[]): void {
    for (const r of records) {
      if (r.name === "" || r.chassisId === "") continue;
      const c = chassisKey(r.chassisId);
      const known = this.nameOfChassis.get(c);
      const key = nameKey(r.name);
      this.nameOfChassis.set(c, known === undefined || known === key ? key : null);
    }
  }

  /** The device key a name stands for: a listed device (exactly, or by its short name), or the name itself. */
  private byName(name: string): string {
    const key = nameKey(name);
    if (this.devices.get(key)?.local) return key;
    return this.localByShort.get(shortName(key) ?? key) ?? key;
  }

  /** The neighbour a record names, or undefined when it has neither a name nor a chassis id. */
  neighbour(r: NeighbourRecord): Device | undefined {
    if (r.name !== "") return this.device(this.byName(r.name), r.name);
    if (r.chassisId === "") return undefined;
    const c = chassisKey(r.chassisId);
    const named = this.nameOfChassis.get(c);
    return named ? this.device(this.byName(named), named) : this.device(`chassis:${c}`, r.chassisId);
  }

  describe(d: Device, r: NeighbourRecord): void {
    const vendor = vendorInText(r.manufacturer) ?? vendorInText(r.description);
    if (vendor !== undefined) {
      d.vendor ??= vendor;
      d.vendors.add(vendor);
    }
    if (r.description !== "" || r.manufacturer !== "") d.described = true;
    d.description ??= cleanText(r.description, 4096);
    d.model ??= cleanText(r.model);
    d.chassisId ??= cleanText(r.chassisId);
    d.mgmtAddress ??= cleanText(r.mgmtAddress);
    for (const c of r.capabilities.toLowerCase().split(/[\s,;]+/)) if (c !== "") d.capabilities.add(c);
  }
}

const accessCaps = new Set(["w", "wlan", "wlan-access-point", "wlanap", "wlanaccesspoint", "ap"]);
const endpointCaps = new Set(["t", "tel", "telephone", "phone", "s", "station", "station-only"]);
const switchingCaps = new Set(["b", "r", "bridge", "router"]);

/** An access point is `access`, a phone or station that neither bridges nor routes is an `endpoint`. */
function roleOf(caps: Set<string>): Role {
  const has = (set: Set<string>): boolean => [...caps].some((c) => set.has(c));
  if (has(accessCaps)) return "access";
  if (has(endpointCaps) && !has(switchingCaps)) return "endpoint";
  return "other";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The record halves of every table: one per (device, local port, neighbour, remote port), self-loops and repeats dropped. */
function halves(net: Network, records: readonly NeighbourRecord[]): { list: Half[]; counts: { repeats: number; noPort: number } } {
  const list: Half[] = [];
  const seen = new Set<string>();
  const counts = { repeats: 0, noPort: 0 };
  for (const r of records) {
    const local = net.devices.get(nameKey(r.local))!;
    const peer = net.neighbour(r);
    if (peer === undefined) {
      net.skipped.push({ what: `neighbour on ${r.local} ${r.localPort || "(no port)"}`, why: "no system name and no chassis id", location: r.at() });
      continue;
    }
    net.describe(peer, r);
    if (peer.key === local.key) {
      net.skipped.push({ what: `neighbour on ${r.local} ${r.localPort}`, why: `self-loop (the device sees itself${r.port ? ` on ${r.port}` : ""})`, location: r.at() });
      continue;
    }
    const portNorm = normaliseInterface(r.localPort);
    const cands = candidates(r);
    const key = `${local.key}\u0000${portNorm}\u0000${peer.key}\u0000${cands[0] ?? ""}`;
    if (seen.has(key)) {
      counts.repeats++;
      continue;
    }
    seen.add(key);
    if (portNorm === "") counts.noPort++;
    list.push({ dev: local.key, peer: peer.key, port: r.localPort, portNorm, cands, rec: r, matched: false });
  }
  return { list, counts };
}

/** Whether `x`'s view of its neighbour's port does not contradict `y`, the neighbour's own record. */
function consistent(x: Half, y: Half): boolean {
  return x.cands.length === 0 || y.portNorm === "" || x.cands.includes(y.portNorm);
}

/**
 * Whether two halves are one link seen from both ends: each names the other's device, neither
 * contradicts the other's port, and at least one names the other's port (two tables that both
 * omit the local port prove nothing).
 */
function sameLink(h: Half, o: Half): boolean {
  if (o.matched || o.dev !== h.peer || o.peer !== h.dev) return false;
  if (!consistent(h, o) || !consistent(o, h)) return false;
  return (o.portNorm !== "" && h.cands.includes(o.portNorm)) || (h.portNorm !== "" && o.cands.includes(h.portNorm));
}

interface RawLink {
  a: string;
  aPort: string;
  b: string;
  bPort: string;
}

/** The port name to show for a neighbour's port: its id, or its description when the id is a number or a MAC. */
function remotePortName(r: NeighbourRecord): string {
  if (r.portDescription !== "" && /^([\d]+|[\da-f]{2}([:.-]?[\da-f]{2}){5}|[\da-f]{4}\.[\da-f]{4}\.[\da-f]{4})$/i.test(r.port)) return r.portDescription;
  return r.port || r.portDescription;
}

function pairHalves(list: Half[], net: Network): { links: RawLink[]; oneSided: number } {
  const byPair = new Map<string, Half[]>();
  for (const h of list) {
    const k = `${h.dev}\u0000${h.peer}`;
    const l = byPair.get(k);
    if (l) l.push(h);
    else byPair.set(k, [h]);
  }
  const links: RawLink[] = [];
  let oneSided = 0;
  for (const h of list) {
    if (h.matched) continue;
    h.matched = true;
    const other = byPair.get(`${h.peer}\u0000${h.dev}`)?.find((o) => sameLink(h, o));
    if (other) other.matched = true;
    else if (net.devices.get(h.peer)?.local && h.portNorm !== "") oneSided++;
    const aPort = h.port || (other ? remotePortName(other.rec) : "");
    const bPort = other?.port || remotePortName(h.rec);
    links.push({ a: h.dev, aPort, b: h.peer, bPort });
  }
  return { links, oneSided };
}

function buildElements(net: Network): { elements: DocElement[]; idOf: Map<string, string> } {
  const ids = new IdSpace();
  const idOf = new Map<string, string>();
  const elements: DocElement[] = [];
  for (const d of [...net.devices.values()].sort((x, y) => compare(x.key, y.key))) {
    const bare = d.key.startsWith("chassis:") ? d.key.slice("chassis:".length) : d.key;
    const id = ids.claim(isId(bare) ? bare : slugify(bare) || "device");
    idOf.set(d.key, id);
    const spelling = d.localSpelling ?? [...d.spellings].sort(compare)[0]!;
    const element: DocElement = spelling !== id ? { id, name: cleanText(spelling)!, role: roleOf(d.capabilities) } : { id, role: roleOf(d.capabilities) };
    if (d.vendor !== undefined) element.vendor = d.vendor;
    if (d.model !== undefined) element.model = d.model;
    if (d.description !== undefined) element.description = d.description;
    const meta: Record<string, unknown> = {};
    if (d.chassisId !== undefined) meta.chassisId = d.chassisId;
    if (d.mgmtAddress !== undefined) meta.mgmtAddress = d.mgmtAddress;
    if (Object.keys(meta).length > 0) element.meta = meta;
    elements.push(element);
  }
  return { elements, idOf };
}

function toLinks(raw: RawLink[], idOf: Map<string, string>): DocLink[] {
  const links = raw.map((l) => {
    let [a, aPort, b, bPort] = [idOf.get(l.a)!, l.aPort, idOf.get(l.b)!, l.bPort];
    if (a > b || (a === b && aPort > bPort)) [a, aPort, b, bPort] = [b, bPort, a, aPort];
    const link: DocLink = { a, b };
    const meta: Record<string, unknown> = {};
    if (aPort !== "") meta.aInterface = aPort;
    if (bPort !== "") meta.bInterface = bPort;
    if (Object.keys(meta).length > 0) link.meta = meta;
    return link;
  });
  const key = (l: DocLink): string => `${l.a}\u0000${l.b}\u0000${String(l.meta?.aInterface ?? "")}\u0000${String(l.meta?.bInterface ?? "")}`;
  return links.map((l) => ({ l, k: key(l) })).sort((x, y) => compare(x.k, y.k)).map((x) => x.l);
}

function notes(net: Network, counts: { repeats: number; noPort: number }, oneSided: number): Skipped[] {
  const devices = [...net.devices.values()];
  const undescribedLocal = devices.filter((d) => d.local && !d.described).length;
  const noVendor = devices.filter((d) => d.described && d.vendor === undefined).length;
  const conflicting = devices.filter((d) => d.vendors.size > 1).length;
  return [
    ...countNote(undescribedLocal, "listed device no table describes", "listed devices no table describes", "LLDP describes the neighbours, not the device that prints the table: no vendor (add the neighbours' tables, or name it with --vendor-map)"),
    ...countNote(noVendor, "device whose description names no vendor", "devices whose descriptions name no vendor", "no known vendor in the system description or manufacturer (hosts, bare model numbers): no vendor (name it with --vendor-map)"),
    ...countNote(conflicting, "device described as two vendors", "devices described as different vendors", "neighbours' tables disagree; the first vendor found is kept"),
    ...countNote(oneSided, "link listed by one end only", "links listed by one end only", "both ends' tables were given but only one lists the link (or their port names differ): kept as one link"),
    ...countNote(counts.noPort, "neighbour without a local port", "neighbours without a local port", "the table did not print the local interface; the link has no local port name"),
    ...countNote(counts.repeats, "neighbour listed again", "neighbours listed again", "the same port and neighbour twice in one table; one link"),
  ];
}

/** Imports LLDP neighbour tables: one file per device (named by the file) or per network. */
export function importLldp(files: readonly SourceText[]): ImportResult {
  const net = new Network();
  const records: NeighbourRecord[] = [];
  for (const f of files) {
    const table = readTable(f);
    for (const d of table.devices) net.addLocal(d);
    for (const r of table.records) records.push(r);
  }
  net.learnChassis(records);
  const { list, counts } = halves(net, records);
  const { links: raw, oneSided } = pairHalves(list, net);
  const { elements, idOf } = buildElements(net);
  const links = toLinks(raw, idOf);
  return { document: makeDocument({ elements, links }), skipped: [...net.skipped, ...notes(net, counts, oneSided)] };
}

export const lldp: Importer = {
  summary: "LLDP neighbour tables (lldpctl -f json, NAPALM get_lldp_neighbors_detail, ntc-templates records): a file per device, or a folder of them",
  inputs: "many",
  extensions: [".json", ".yml", ".yaml"],
  run: importLldp,
};
