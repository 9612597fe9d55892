// NetBox: REST API list responses and Django `dumpdata` JSON → topology. Manufacturer → vendor,
// device role → role, site (with region and coordinates) → site, modules and inventory items →
// components, cables traced through patch panels and circuits → links (a circuit's provider is
// the link's operator). Devices without a name get stable ids from their virtual chassis or pk.
import { InputError } from "../diagnostics.js";
import type { Medium, Role, State } from "../topology/types.js";
import { cleanText, countNote, locator, makeDocument, put } from "./common.js";
import { countryCode } from "./countries.js";
import { IdSpace, isId, slugify, toKey } from "./ids.js";
import { jsonErrorOffset } from "./json-error.js";
import { emptyModel, isDump, readDump, readRest, type NbDevice, type NbModel } from "./netbox-model.js";
import { indexCables, traceInterface, type Trace } from "./netbox-trace.js";
import type { DocComponent, DocElement, DocLink, DocOperator, DocSite, Importer, ImportFile, ImportResult, Skipped } from "./types.js";

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
const cableState: Record<string, State> = { planned: "planned" };
const circuitState: Record<string, State> = {
  planned: "planned", provisioning: "planned", offline: "out-of-service", deprovisioning: "in-service", decommissioned: "out-of-service",
};

function mediumOf(cableType: string | undefined): Medium | undefined {
  if (cableType === undefined) return undefined;
  if (/^(smf|mmf|aoc)/.test(cableType)) return "fiber";
  if (/^(cat|dac|mrj21|coaxial|rg-|shielded|tw)/.test(cableType)) return "copper";
  return undefined;
}

/** Parses one export; JSON syntax errors point at their line and column. */
function parseJson(file: ImportFile): unknown {
  try {
    return JSON.parse(file.text);
  } catch (err) {
    const message = (err as Error).message;
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : Math.max(0, jsonErrorOffset(file.text));
    throw new InputError([{ code: "E_JSON", severity: "error", message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/s, "")}`, location: locator(file.file, file.text)(offset) }]);
  }
}

/** Reads every export into one model: dumpdata lists, REST list responses or bare REST lists. */
export function readNetbox(files: readonly ImportFile[]): NbModel {
  const model = emptyModel();
  for (const file of files) {
    const data = parseJson(file);
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

/** Stable ids: the name when valid and unique; `name-pk` for clashing names; `vc:position` or `device-pk` when unnamed. */
function deviceIds(b: Build, devices: NbDevice[]): Map<number, { id: string; name?: string }> {
  const wanted = new Map<number, string>();
  const counts = new Map<string, number>();
  for (const d of devices) {
    let w: string;
    if (d.name !== undefined) w = isId(d.name) ? d.name : slugify(d.name) || `device-${d.pk}`;
    else {
      const vc = d.virtualChassis === undefined ? undefined : b.m.virtualChassis.get(d.virtualChassis)?.name;
      w = vc !== undefined && d.vcPosition !== undefined ? `${slugify(vc) || "vc"}:${d.vcPosition}` : `device-${d.pk}`;
    }
    wanted.set(d.pk, w);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const out = new Map<number, { id: string; name?: string }>();
  for (const d of devices) {
    const w = wanted.get(d.pk)!;
    const id = b.ids.claim(counts.get(w)! > 1 ? `${w}-${d.pk}` : w);
    const name = d.name ?? displayName(b.m, d);
    out.set(d.pk, id === name ? { id } : { id, name: cleanText(name)! });
  }
  return out;
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

function roleOf(b: Build, d: NbDevice, unmapped: Map<string, number>): { role: Role; passive: boolean; label?: string } {
  const r = d.role === undefined ? undefined : b.m.roles.get(d.role);
  const label = r?.name ?? r?.slug;
  if (label === undefined) {
    unmapped.set("(none)", (unmapped.get("(none)") ?? 0) + 1);
    return { role: "other", passive: false };
  }
  const text = `${r?.name ?? ""} ${r?.slug ?? ""}`.toLowerCase();
  const rule = roleRules.find(([re]) => re.test(text));
  if (!rule) unmapped.set(label, (unmapped.get(label) ?? 0) + 1);
  return { role: rule ? rule[1] : "other", passive: passiveRole.test(text), label };
}

function buildElements(b: Build): DocElement[] {
  const devices = [...b.m.devices.values()].sort((x, y) => x.pk - y.pk);
  const ids = deviceIds(b, devices);
  const components = componentsOf(b);
  const unmapped = new Map<string, number>();
  let noVendor = 0;
  const elements = devices.map((d) => {
    const { id, name } = ids.get(d.pk)!;
    b.elementOf.set(d.pk, id);
    const { role, passive, label } = roleOf(b, d, unmapped);
    const type = d.type === undefined ? undefined : b.m.deviceTypes.get(d.type);
    const vendor = type?.manufacturer === undefined ? undefined : cleanText(b.m.manufacturers.get(type.manufacturer)?.name);
    if (vendor === undefined) noVendor++;
    const e: DocElement = name === undefined ? { id, role } : { id, name, role };
    put(e, "vendor", vendor);
    put(e, "model", cleanText(type?.model, 4096));
    put(e, "site", d.site === undefined ? undefined : b.siteKey.get(d.site));
    put(e, "components", components.get(d.pk));
    if (passive) e.passive = true;
    put(e, "state", d.status !== undefined && Object.hasOwn(deviceState, d.status) ? deviceState[d.status] : undefined);
    const meta: Record<string, unknown> = { netboxId: d.pk };
    put(meta, "role", label);
    const tenant = d.tenant === undefined ? undefined : b.m.tenants.get(d.tenant);
    put(meta, "tenant", tenant?.slug ?? tenant?.name);
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
function providerElement(b: Build, trace: Trace, elements: DocElement[], made: Map<string, string>): string | undefined {
  if (trace.end.kind !== "provider") return undefined;
  const circuit = b.m.circuits.get(trace.end.circuit);
  const networkPk = trace.end.providerNetwork;
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

function linkFromTrace(b: Build, fromIf: number, trace: Trace, bEnd: string): DocLink | undefined {
  const aDevice = b.m.portDevice.get(`dcim.interface:${fromIf}`);
  const a = aDevice === undefined ? undefined : b.elementOf.get(aDevice);
  if (a === undefined) return undefined;
  const link: DocLink = { a, b: bEnd };
  const circuit = trace.circuits.length > 0 ? b.m.circuits.get(trace.circuits[0]!) : undefined;
  const cables = trace.cables.map((c) => b.m.cables.get(c)!);
  // A patched path mixes media; the fibre trunk between panels is what it rides.
  const mediums = cables.map((c) => mediumOf(c.type));
  put(link, "medium", mediums.includes("fiber") ? "fiber" : mediums.find((x) => x !== undefined));
  put(link, "operator", operatorFor(b, circuit?.provider));
  put(link, "name", cleanText(circuit?.cid ?? cables.find((c) => c.label !== undefined)?.label));
  const states = [...cables.map((c) => (c.status !== undefined ? cableState[c.status] : undefined)), ...trace.circuits.map((c) => { const s = b.m.circuits.get(c)?.status; return s !== undefined && Object.hasOwn(circuitState, s) ? circuitState[s] : undefined; })];
  const state = states.includes("out-of-service") ? "out-of-service" : states.includes("planned") ? "planned" : undefined;
  put(link, "state", state);
  const meta: Record<string, unknown> = {};
  put(meta, "aInterface", b.m.portName.get(`dcim.interface:${fromIf}`));
  if (trace.end.kind === "interface") put(meta, "bInterface", b.m.portName.get(`dcim.interface:${trace.end.pk}`));
  meta.netboxCables = trace.cables;
  if (trace.circuits.length > 0) meta.circuits = trace.circuits.map((c) => b.m.circuits.get(c)?.cid ?? c);
  link.meta = meta;
  return link;
}

function buildLinks(b: Build, elements: DocElement[]): DocLink[] {
  const index = indexCables(b.m);
  const links: DocLink[] = [];
  const done = new Set<string>();
  const usedCables = new Set<number>();
  const providers = new Map<string, string>();
  const open = new Map<string, number>();
  let loops = 0;
  const absent = new Set<string>();
  const interfaces = [...index.byTerm.keys()].filter((k) => k.startsWith("dcim.interface:")).map((k) => Number(k.slice(15))).sort((x, y) => x - y);
  for (const ifPk of interfaces) {
    for (const trace of traceInterface(b.m, index, ifPk)) {
      if (trace.end.kind === "open") {
        open.set(trace.end.why, (open.get(trace.end.why) ?? 0) + 1);
        continue;
      }
      const pathKey = trace.end.kind === "interface" ? [ifPk, trace.end.pk].sort((x, y) => x - y).join("-") + `/${trace.cables.slice().sort((x, y) => x - y).join(",")}` : `${ifPk}>${trace.cables.join(",")}`;
      if (done.has(pathKey)) continue;
      done.add(pathKey);
      for (const c of trace.cables) usedCables.add(c);
      const aDevice = b.m.portDevice.get(`dcim.interface:${ifPk}`);
      const missing = [aDevice, trace.end.kind === "interface" ? trace.end.device : undefined].find((d) => d !== undefined && !b.elementOf.has(d));
      if (aDevice === undefined || missing !== undefined) {
        absent.add(missing === undefined ? `interface ${ifPk}` : (b.m.deviceNames.get(missing) ?? `device ${missing}`));
        continue;
      }
      const bEnd = trace.end.kind === "interface" ? b.elementOf.get(trace.end.device)! : providerElement(b, trace, elements, providers)!;
      const link = linkFromTrace(b, ifPk, trace, bEnd);
      if (!link) continue;
      if (link.a === link.b) {
        loops++;
        continue;
      }
      links.push(link);
    }
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

function reportUnusedCables(b: Build, used: Set<number>): void {
  const reasons = new Map<string, number>();
  for (const [pk, c] of b.m.cables) {
    if (used.has(pk)) continue;
    const types = [...c.a, ...c.b].map((t) => t.type);
    const kind = types.some((t) => /power/.test(t)) ? "power" : types.some((t) => /console/.test(t)) ? "console" : "data";
    reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
  }
  const why: Record<string, string> = {
    power: "power, not data; not imported as links",
    console: "console (management access), not data; not imported as links",
    data: "on no path between two device interfaces; not imported as links",
  };
  for (const [kind, count] of reasons) b.skipped.push({ what: `${count} ${kind === "data" ? "" : `${kind} `}cable${count === 1 ? "" : "s"}`, why: why[kind]! });
}

/** Imports one or more NetBox exports (dumpdata and/or REST list responses) as one topology. */
export function importNetbox(files: readonly ImportFile[]): ImportResult {
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
