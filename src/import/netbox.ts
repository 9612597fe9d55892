// NetBox: REST API list responses and Django `dumpdata` JSON → topology. Manufacturer → vendor,
// device role → role, site (with region and coordinates) → site, modules and inventory items →
// components, cables traced through patch panels and circuits → links (a circuit's provider is
// the link's operator). A circuit on a traced path becomes a link of its own (`medium: circuit`,
// between the devices or provider network its two terminations reach) and the links over it list
// it in `underlay`; a circuit that runs between the very elements its link joins is that link.
// Devices without a name get stable ids from their virtual chassis or pk.
import { InputError } from "../diagnostics.js";
import { readDocument } from "../load/index.js";
import type { Medium, Role, State } from "../topology/types.js";
import { cleanText, countNote, makeDocument, put } from "./common.js";
import { countryCode } from "./countries.js";
import { IdSpace, isId, slugify, toKey } from "./ids.js";
import { emptyModel, isDump, readDump, readRest, type NbDevice, type NbModel, type TermRef } from "./netbox-model.js";
import { PkMap } from "./pk-map.js";
import { indexCables, traceInterface, type CableIndex, type Trace } from "./netbox-trace.js";
import type { DocComponent, DocElement, DocLink, DocOperator, DocSite, Importer, ImportResult, Skipped, SourceText } from "./types.js";

/** Device role (name or slug) → cleanpath role; first match wins. */
const roleRules: [RegExp, Role][] = [
  [/patch|panel|\bodf\b|\bpdu\b|\bups\b|power|console|\bkvm\b/, "other"],
  [/backbone/, "backbone"],
  [/\bcore\b/, "core"],
  [/distribution|aggregation|\bagg\b|spine/, "aggregation"],
  [/access|\btor\b|top.of.rack|leaf/, "access"],
  [/router|\brtr\b|\bpe\b|\bce\b|edge|border|gateway|firewall|\bfw\b|vpn|load.?balancer/, "edge"],
  [/management|\bmgmt\b|\boob\b/, "management"],
  [/transport|optical|\bd?wdm\b|roadm|microwave|mpls/, "transport"],
  [/\bran\b|\bbbu\b|\brru\b|e?nodeb|\b[eg]nb\b|base.?station|\bbts\b|radio/, "ran"],
  [/data.?cent(er|re)/, "datacenter"],
  [/cloud/, "cloud"],
  [/\bixp?\b|exchange/, "ixp"],
  [/server|host|storage|workstation|desktop|laptop|phone|camera|printer|endpoint|hypervisor|compute/, "endpoint"],
];
const passiveRole = /patch|panel|\bodf\b/;

const deviceState: Record<string, State> = { planned: "planned", staged: "planned", offline: "out-of-service", failed: "out-of-service", inventory: "out-of-service" };
const cableState: Record<string, State | undefined> = { planned: "planned" };
const circuitState: Record<string, State> = {
  planned: "planned", provisioning: "planned", offline: "out-of-service", deprovisioning: "in-service", decommissioned: "out-of-service",
};

function mediumOf(cableType: string | undefined): Medium | undefined {
  if (cableType === undefined) return undefined;
  if (/^(smf|mmf|aoc)/.test(cableType)) return "fiber";
  if (/^(cat|dac|mrj21|coaxial|rg-|shielded|tw)/.test(cableType)) return "copper";
  return undefined;
}

/** Reads every export into one model: dumpdata lists, REST list responses or bare REST lists. */
export function readNetbox(files: readonly SourceText[]): NbModel {
  const model = emptyModel();
  for (const file of files) {
    // Exports run to hundreds of MB and records carry their own ids and names: parse, and scan
    // only to locate a syntax error (the up-front scan would cost half as much again as the parse).
    const data = readDocument(file, { as: "json", jsonScan: "on-error" }).value;
    const records = Array.isArray(data) ? data : typeof data === "object" && data !== null && Array.isArray((data as { results?: unknown }).results) ? (data as { results: unknown[] }).results : undefined;
    if (records === undefined) {
      throw new InputError([{ code: "E_NETBOX", severity: "error", message: "not a NetBox export: expected a dumpdata list or a REST list response ({\"results\": […]})", location: { file: file.file, line: 1, column: 1 } }]);
    }
    if (isDump(records)) readDump(model, records);
    else readRest(model, records);
  }
  return model;
}

interface Build {
  m: NbModel;
  skipped: Skipped[];
  ids: IdSpace;
  elementOf: Map<number, string>;
  sites: Record<string, DocSite>;
  siteKey: Map<number, string>;
  operators: Record<string, DocOperator>;
  operatorKey: Map<number, string>;
}

/** The country of a site: the region nearest the root of its region tree that names a country. */
function siteCountry(m: NbModel, region: number | undefined): string | undefined {
  let found: string | undefined;
  const seen = new Set<number>();
  for (let r = region; r !== undefined && !seen.has(r); r = m.regions.get(r)?.parent) {
    seen.add(r);
    const name = m.regions.get(r)?.name;
    const code = name === undefined ? undefined : countryCode(name);
    if (code !== undefined) found = code;
  }
  return found;
}

function buildSites(b: Build): void {
  const space = new IdSpace();
  for (const pk of [...b.m.sites.keys()].sort((x, y) => x - y)) {
    const s = b.m.sites.get(pk)!;
    const key = space.claim(toKey(s.slug ?? slugify(s.name ?? ""), `site-${pk}`));
    b.siteKey.set(pk, key);
    const site: DocSite = {};
    put(site, "name", cleanText(s.name));
    put(site, "country", siteCountry(b.m, s.region));
    const region = s.region === undefined ? undefined : b.m.regions.get(s.region);
    const regionId = region ? toKey(region.slug ?? slugify(region.name ?? ""), "") : "";
    if (regionId !== "") site.region = regionId;
    if (s.lat !== undefined && s.lon !== undefined && Math.abs(s.lat) <= 90 && Math.abs(s.lon) <= 180) {
      site.lat = s.lat;
      site.lon = s.lon;
    }
    put(site, "address", cleanText(s.address, 4096));
    site.meta = { netboxId: pk, ...(s.facility !== undefined ? { facility: s.facility } : {}) };
    b.sites[key] = site;
  }
}

function operatorFor(b: Build, provider: number | undefined): string | undefined {
  if (provider === undefined) return undefined;
  const known = b.operatorKey.get(provider);
  if (known !== undefined) return known;
  const p = b.m.providers.get(provider);
  const key = toKey(p?.slug ?? slugify(p?.name ?? ""), `provider-${provider}`);
  b.operatorKey.set(provider, key);
  b.operators[key] = p?.name !== undefined ? { name: cleanText(p.name)! } : {};
  return key;
}

/**
 * Stable ids, aligned with `devices`: the name when valid and unique; `name-pk` for names
 * several devices share; `vc:position` or `device-pk` for unnamed devices.
 */
function deviceIds(b: Build, devices: NbDevice[]): { ids: string[]; names: (string | undefined)[] } {
  const wanted: string[] = new Array<string>(devices.length);
  const counts = new Map<string, number>();
  devices.forEach((d, i) => {
    let w: string;
    if (d.name !== undefined) w = isId(d.name) ? d.name : slugify(d.name) || `device-${d.pk}`;
    else {
      const vc = d.virtualChassis === undefined ? undefined : b.m.virtualChassis.get(d.virtualChassis)?.name;
      w = vc !== undefined && d.vcPosition !== undefined ? `${slugify(vc) || "vc"}:${d.vcPosition}` : `device-${d.pk}`;
    }
    wanted[i] = w;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  });
  const ids: string[] = new Array<string>(devices.length);
  const names: (string | undefined)[] = new Array<string | undefined>(devices.length);
  devices.forEach((d, i) => {
    const w = wanted[i]!;
    const id = b.ids.claim(counts.get(w)! > 1 ? `${w}-${d.pk}` : w);
    const name = d.name ?? displayName(b.m, d);
    ids[i] = id;
    names[i] = id === name ? undefined : cleanText(name);
  });
  return { ids, names };
}

/** What NetBox shows for an unnamed device: `vc:position`, else `Manufacturer Model (pk)`. */
function displayName(m: NbModel, d: NbDevice): string {
  const vc = d.virtualChassis === undefined ? undefined : m.virtualChassis.get(d.virtualChassis)?.name;
  if (vc !== undefined && d.vcPosition !== undefined) return `${vc}:${d.vcPosition}`;
  const type = d.type === undefined ? undefined : m.deviceTypes.get(d.type);
  const maker = type?.manufacturer === undefined ? undefined : m.manufacturers.get(type.manufacturer)?.name;
  return `${[maker, type?.model].filter((x) => x !== undefined).join(" ") || "Device"} (${d.pk})`;
}

function componentsOf(b: Build): Map<number, DocComponent[]> {
  const out = new Map<number, DocComponent[]>();
  const add = (device: number, c: DocComponent): void => {
    const list = out.get(device);
    if (list) list.push(c);
    else out.set(device, [c]);
  };
  let unnamed = 0;
  for (const mod of b.m.modules) {
    const type = mod.moduleType === undefined ? undefined : b.m.moduleTypes.get(mod.moduleType);
    const vendor = type?.manufacturer === undefined ? undefined : cleanText(b.m.manufacturers.get(type.manufacturer)?.name);
    if (vendor === undefined) {
      unnamed++;
      continue;
    }
    const c: DocComponent = { vendor };
    put(c, "part", cleanText(type?.partNumber, 4096));
    put(c, "model", cleanText(type?.model, 4096));
    add(mod.device, c);
  }
  for (const item of b.m.inventoryItems) {
    const vendor = item.manufacturer === undefined ? undefined : cleanText(b.m.manufacturers.get(item.manufacturer)?.name);
    if (vendor === undefined) {
      unnamed++;
      continue;
    }
    const c: DocComponent = { vendor };
    put(c, "part", cleanText(item.partId ?? item.name, 4096));
    add(item.device, c);
  }
  b.skipped.push(...countNote(unnamed, "module or inventory item", "modules and inventory items", "no manufacturer, so not listed as a component"));
  return out;
}

interface RoleInfo {
  role: Role;
  passive: boolean;
  label?: string;
}

/** Device role → cleanpath role, computed once per NetBox role; unmatched roles are counted. */
function roleMapper(b: Build, unmapped: Map<string, number>): (d: NbDevice) => RoleInfo {
  const cache = new Map<number | undefined, RoleInfo & { mapped: boolean }>();
  return (d) => {
    let info = cache.get(d.role);
    if (!info) {
      const r = d.role === undefined ? undefined : b.m.roles.get(d.role);
      const label = r?.name ?? r?.slug;
      const text = `${r?.name ?? ""} ${r?.slug ?? ""}`.toLowerCase();
      const rule = label === undefined ? undefined : roleRules.find(([re]) => re.test(text));
      info = { role: rule ? rule[1] : "other", passive: passiveRole.test(text), mapped: rule !== undefined, ...(label !== undefined ? { label } : {}) };
      cache.set(d.role, info);
    }
    if (!info.mapped) unmapped.set(info.label ?? "(none)", (unmapped.get(info.label ?? "(none)") ?? 0) + 1);
    return info;
  };
}

/** Vendor and model of a device type, computed once per type. */
function typeMapper(b: Build): (d: NbDevice) => { vendor?: string; model?: string } {
  const cache = new Map<number | undefined, { vendor?: string; model?: string }>();
  return (d) => {
    let info = cache.get(d.type);
    if (!info) {
      const type = d.type === undefined ? undefined : b.m.deviceTypes.get(d.type);
      const vendor = type?.manufacturer === undefined ? undefined : cleanText(b.m.manufacturers.get(type.manufacturer)?.name);
      const model = cleanText(type?.model, 4096);
      info = { ...(vendor !== undefined ? { vendor } : {}), ...(model !== undefined ? { model } : {}) };
      cache.set(d.type, info);
    }
    return info;
  };
}

function buildElements(b: Build): DocElement[] {
  const devices = [...b.m.devices.values()].sort((x, y) => x.pk - y.pk);
  const { ids, names } = deviceIds(b, devices);
  const components = componentsOf(b);
  const unmapped = new Map<string, number>();
  const roleOf = roleMapper(b, unmapped);
  const typeOf = typeMapper(b);
  const tenantOf = (pk: number | undefined): string | undefined => {
    const t = pk === undefined ? undefined : b.m.tenants.get(pk);
    return t?.slug ?? t?.name;
  };
  let noVendor = 0;
  const elements = devices.map((d, i) => {
    const id = ids[i]!;
    const name = names[i];
    b.elementOf.set(d.pk, id);
    const { role, passive, label } = roleOf(d);
    const { vendor, model } = typeOf(d);
    if (vendor === undefined) noVendor++;
    const e: DocElement = name === undefined ? { id, role } : { id, name, role };
    if (vendor !== undefined) e.vendor = vendor;
    if (model !== undefined) e.model = model;
    const site = d.site === undefined ? undefined : b.siteKey.get(d.site);
    if (site !== undefined) e.site = site;
    const parts = components.get(d.pk);
    if (parts !== undefined) e.components = parts;
    if (passive) e.passive = true;
    if (d.status !== undefined && d.status !== "active" && Object.hasOwn(deviceState, d.status)) e.state = deviceState[d.status];
    const meta: Record<string, unknown> = { netboxId: d.pk };
    put(meta, "role", label);
    put(meta, "tenant", tenantOf(d.tenant));
    put(meta, "serial", d.serial);
    e.meta = meta;
    return e;
  });
  for (const [label, count] of unmapped) {
    b.skipped.push({ what: `role of ${count} device${count === 1 ? "" : "s"} (${label})`, why: label === "(none)" ? "no device role; set to `other`" : "no cleanpath role matches this device role; set to `other` (use --vendor-map to set it)" });
  }
  b.skipped.push(...countNote(noVendor, "device without a manufacturer", "devices without a manufacturer", "no vendor; counts as unknown unless --vendor-map gives one"));
  return elements;
}

/** One element per provider network (or per provider, when a circuit's far end is not recorded). */
function providerElement(b: Build, circuitPk: number, networkPk: number | undefined, elements: DocElement[], made: Map<string, string>): string {
  const circuit = b.m.circuits.get(circuitPk);
  const network = networkPk === undefined ? undefined : b.m.providerNetworks.get(networkPk);
  const providerPk = circuit?.provider ?? network?.provider;
  const madeKey = networkPk !== undefined ? `network:${networkPk}` : `provider:${providerPk ?? "?"}`;
  const known = made.get(madeKey);
  if (known !== undefined) return known;
  const provider = providerPk === undefined ? undefined : b.m.providers.get(providerPk);
  const label = network?.name ?? provider?.name ?? "Unknown provider";
  const id = b.ids.claim(toKey(slugify(label), `provider-${providerPk ?? 0}`));
  const e: DocElement = { id, name: cleanText(networkPk !== undefined ? label : `${label} network`)!, role: "transport" };
  put(e, "operator", operatorFor(b, providerPk));
  e.tags = [networkPk !== undefined ? "provider-network" : "provider"];
  e.meta = networkPk !== undefined ? { netboxProviderNetwork: networkPk } : providerPk !== undefined ? { netboxProvider: providerPk } : {};
  if (Object.keys(e.meta).length === 0) delete e.meta;
  elements.push(e);
  made.set(madeKey, id);
  b.skipped.push({ what: `vendor of ${id}`, why: "stands for a provider's network, whose equipment NetBox does not record; counts as unknown unless --vendor-map gives one" });
  return id;
}

/** A circuit written as a link: its id, the link, and whether a traced link already is it. */
interface CircuitLink {
  link: DocLink;
  folded: boolean;
}

/** The device a port termination belongs to (interfaces, front and rear ports). */
function portDevice(m: NbModel, t: TermRef): number | undefined {
  if (t.type === "dcim.interface") return m.interfaceDevice.get(t.pk);
  if (t.type === "dcim.frontport") return m.frontPorts.get(t.pk)?.device;
  if (t.type === "dcim.rearport") return m.rearPorts.get(t.pk)?.device;
  return undefined;
}

/** A circuit's A and Z terminations, from the circuit's own fields or by side. */
function terminations(m: NbModel, index: CableIndex, circuitPk: number): [number | undefined, number | undefined] {
  const c = m.circuits.get(circuitPk);
  const terms = index.termsOfCircuit.get(circuitPk) ?? [];
  const side = (s: "A" | "Z"): number | undefined => terms.find((t) => m.circuitTerms.get(t)?.side === s);
  return [c?.termA ?? side("A"), c?.termZ ?? side("Z")];
}

interface CircuitContext {
  index: CableIndex;
  elements: DocElement[];
  providers: Map<string, string>;
  /** By circuit pk; `null` when the circuit cannot be written (an end not in the export, or both ends the same element). */
  made: Map<number, CircuitLink | null>;
}

/**
 * Where one end of a circuit is: the element of the device its termination is cabled to (a patch
 * panel, a router), else the provider network it names, else the provider's network.
 */
function circuitEnd(b: Build, ctx: CircuitContext, circuitPk: number, termPk: number | undefined): string | undefined {
  const signed = termPk === undefined ? undefined : ctx.index.byTerm.get("circuits.circuittermination")?.get(termPk);
  if (signed !== undefined) {
    const cable = b.m.cables.get(Math.abs(signed))!;
    for (const f of signed > 0 ? cable.b : cable.a) {
      const device = portDevice(b.m, f);
      const id = device === undefined ? undefined : b.elementOf.get(device);
      if (id !== undefined) return id;
    }
    return undefined;
  }
  const network = termPk === undefined ? undefined : b.m.circuitTerms.get(termPk)?.providerNetwork;
  return providerElement(b, circuitPk, network, ctx.elements, ctx.providers);
}

/** The link for circuit `circuitPk`, made once and shared by every traced link over it. */
function circuitLink(b: Build, ctx: CircuitContext, circuitPk: number): CircuitLink | null {
  const known = ctx.made.get(circuitPk);
  if (known !== undefined) return known;
  const circuit = b.m.circuits.get(circuitPk);
  const cid = circuit?.cid ?? String(circuitPk);
  const [ta, tz] = terminations(b.m, ctx.index, circuitPk);
  const a = circuitEnd(b, ctx, circuitPk, ta);
  const z = circuitEnd(b, ctx, circuitPk, tz);
  if (a === undefined || z === undefined || a === z) {
    b.skipped.push({
      what: `circuit ${cid}`,
      why: a === z && a !== undefined ? `both ends reach ${a}; not written as a link, and the links over it list no underlay` : "an end reaches no device or provider network in the export; not written as a link, and the links over it list no underlay",
    });
    ctx.made.set(circuitPk, null);
    return null;
  }
  const link: DocLink = { id: b.ids.claim(toKey(`circuit-${cid}`, `circuit-${circuitPk}`)), a, b: z, medium: "circuit" };
  put(link, "operator", operatorFor(b, circuit?.provider));
  put(link, "name", cleanText(cid));
  const status = circuit?.status;
  if (status !== undefined && Object.hasOwn(circuitState, status)) put(link, "state", circuitState[status]);
  if (link.state === "in-service") delete link.state;
  link.meta = { netboxCircuit: circuitPk };
  const made = { link, folded: false };
  ctx.made.set(circuitPk, made);
  return made;
}

/** The provider element a trace ends at. */
function providerEnd(b: Build, trace: Trace, elements: DocElement[], made: Map<string, string>): string | undefined {
  if (trace.end.kind !== "provider") return undefined;
  return providerElement(b, trace.end.circuit, trace.end.providerNetwork, elements, made);
}

function pathState(b: Build, trace: Trace): State | undefined {
  let planned = false;
  for (const c of trace.cables) {
    const status = b.m.cables.get(c)!.status;
    if (status !== undefined && status !== "connected" && cableState[status] === "planned") planned = true;
  }
  for (const c of trace.circuits) {
    const status = b.m.circuits.get(c)?.status;
    const state = status !== undefined && Object.hasOwn(circuitState, status) ? circuitState[status] : undefined;
    if (state === "out-of-service") return state;
    if (state === "planned") planned = true;
  }
  return planned ? "planned" : undefined;
}

function linkFromTrace(b: Build, a: string, fromIf: number, trace: Trace, bEnd: string, underlay: readonly string[]): DocLink {
  const link: DocLink = { a, b: bEnd };
  const circuit = trace.circuits.length > 0 ? b.m.circuits.get(trace.circuits[0]!) : undefined;
  // A patched path mixes media; the fibre trunk between panels is what it rides.
  let medium: Medium | undefined;
  let label: string | undefined;
  for (const c of trace.cables) {
    const cable = b.m.cables.get(c)!;
    const m = mediumOf(cable.type);
    if (m === "fiber" || medium === undefined) medium = m ?? medium;
    label ??= cable.label;
  }
  put(link, "medium", medium);
  put(link, "operator", operatorFor(b, circuit?.provider));
  put(link, "name", cleanText(circuit?.cid ?? label));
  put(link, "state", pathState(b, trace));
  if (underlay.length > 0) link.underlay = [...underlay];
  const meta: Record<string, unknown> = {};
  put(meta, "aInterface", b.m.interfaceName.get(fromIf));
  if (trace.end.kind === "interface") put(meta, "bInterface", b.m.interfaceName.get(trace.end.pk));
  meta.netboxCables = trace.cables;
  if (trace.circuits.length > 0) meta.circuits = trace.circuits.map((c) => b.m.circuits.get(c)?.cid ?? c);
  link.meta = meta;
  return link;
}

/** The traced link over circuits: it lists them in `underlay`, or is the circuit when it joins the circuit's own ends. */
function linkOverCircuits(b: Build, ctx: CircuitContext, a: string, fromIf: number, trace: Trace, bEnd: string): DocLink {
  const carried: CircuitLink[] = [];
  for (const c of trace.circuits) {
    const made = circuitLink(b, ctx, c);
    if (made !== null && !carried.includes(made)) carried.push(made);
  }
  const only = trace.circuits.length === 1 && carried.length === 1 ? carried[0]! : undefined;
  const sameEnds = only !== undefined && !only.folded && ((only.link.a === a && only.link.b === bEnd) || (only.link.a === bEnd && only.link.b === a));
  if (!sameEnds) return linkFromTrace(b, a, fromIf, trace, bEnd, carried.map((c) => c.link.id!));
  // Interface, cable, circuit, and the circuit's far end: the link is the circuit itself.
  only.folded = true;
  const traced = linkFromTrace(b, a, fromIf, trace, bEnd, []);
  const link: DocLink = { id: only.link.id!, a, b: bEnd, medium: "circuit" };
  put(link, "operator", traced.operator);
  put(link, "name", traced.name);
  put(link, "state", traced.state);
  link.meta = { ...traced.meta, netboxCircuit: only.link.meta!.netboxCircuit };
  return link;
}

function buildLinks(b: Build, elements: DocElement[]): DocLink[] {
  const index = indexCables(b.m);
  const links: DocLink[] = [];
  const usedCables = new PkMap<true>();
  const providers = new Map<string, string>();
  const ctx: CircuitContext = { index, elements, providers, made: new Map() };
  const open = new Map<string, number>();
  const absent = new Set<string>();
  let loops = 0;
  // PkMap iterates in pk order, which makes the link order deterministic.
  const interfaces: number[] = [];
  index.byTerm.get("dcim.interface")?.forEach((_, pk) => void interfaces.push(pk));
  for (const ifPk of interfaces) {
    for (const trace of traceInterface(b.m, index, ifPk)) {
      const end = trace.end;
      if (end.kind === "open") {
        open.set(end.why, (open.get(end.why) ?? 0) + 1);
        continue;
      }
      // Each interface-to-interface path is found from both ends: keep it once.
      if (end.kind === "interface" && end.pk < ifPk) continue;
      for (const c of trace.cables) usedCables.set(c, true);
      const aDevice = b.m.interfaceDevice.get(ifPk);
      const a = aDevice === undefined ? undefined : b.elementOf.get(aDevice);
      const bDevice = end.kind === "interface" ? end.device : undefined;
      const bEnd = bDevice === undefined ? providerEnd(b, trace, elements, providers) : b.elementOf.get(bDevice);
      if (a === undefined || bEnd === undefined) {
        const missing = a === undefined ? aDevice : bDevice;
        absent.add(missing === undefined ? `interface ${ifPk}` : (b.m.deviceNames.get(missing) ?? `device ${missing}`));
        continue;
      }
      if (a === bEnd) {
        loops++;
        continue;
      }
      links.push(trace.circuits.length === 0 ? linkFromTrace(b, a, ifPk, trace, bEnd, []) : linkOverCircuits(b, ctx, a, ifPk, trace, bEnd));
    }
  }
  // Circuits that are not themselves a traced link follow the links, in circuit order.
  for (const c of [...ctx.made.keys()].sort((x, y) => x - y)) {
    const made = ctx.made.get(c);
    if (made && !made.folded) links.push(made.link);
  }
  if (absent.size > 0) {
    const names = [...absent].sort();
    b.skipped.push({ what: `cable paths to ${names.length} device${names.length === 1 ? "" : "s"} not in the export`, why: `${names.slice(0, 10).join(", ")}${names.length > 10 ? ", …" : ""}: export the devices list too; no link written` });
  }
  for (const [why, count] of open) b.skipped.push({ what: `${count} cable path${count === 1 ? "" : "s"}`, why: `${why}; no link written` });
  b.skipped.push(...countNote(loops, "cable path that returns to its own device", "cable paths that return to their own device", "self-loop; no link written"));
  reportUnusedCables(b, usedCables);
  return links;
}

function reportUnusedCables(b: Build, used: PkMap<true>): void {
  const reasons = new Map<string, number>();
  b.m.cables.forEach((c, pk) => {
    if (used.has(pk)) return;
    const types = [...c.a, ...c.b].map((t) => t.type);
    const kind = types.some((t) => /power/.test(t)) ? "power" : types.some((t) => /console/.test(t)) ? "console" : "data";
    reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
  });
  const why: Record<string, string> = {
    power: "power, not data; not imported as links",
    console: "console (management access), not data; not imported as links",
    data: "on no path between two device interfaces; not imported as links",
  };
  for (const [kind, count] of reasons) b.skipped.push({ what: `${count} ${kind === "data" ? "" : `${kind} `}cable${count === 1 ? "" : "s"}`, why: why[kind]! });
}

/** Imports one or more NetBox exports (dumpdata and/or REST list responses) as one topology. */
export function importNetbox(files: readonly SourceText[]): ImportResult {
  const m = readNetbox(files);
  const b: Build = { m, skipped: [], ids: new IdSpace(), elementOf: new Map(), sites: {}, siteKey: new Map(), operators: {}, operatorKey: new Map() };
  buildSites(b);
  const elements = buildElements(b);
  const links = buildLinks(b, elements);
  if (m.ignored.size > 0) {
    const list = [...m.ignored].sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, n]) => `${k} ×${n}`).join(", ");
    b.skipped.push({ what: "records not used", why: `${list} (not part of the network graph)` });
  }
  const name = files.length === 1 ? files[0]!.file.split(/[\\/]/).pop()!.replace(/\.json$/i, "") : "netbox";
  return { document: makeDocument({ name: cleanText(name), operators: b.operators, sites: b.sites, elements, links }), skipped: b.skipped };
}

export const netbox: Importer = {
  summary: "NetBox: REST API list responses and/or Django dumpdata JSON; cables traced through patch panels and circuits",
  inputs: "many",
  extensions: [".json"],
  run: importNetbox,
};
