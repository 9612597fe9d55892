// NetBox exports → one in-memory inventory. Two sources share it: Django `dumpdata` JSON (a list
// of {model, pk, fields}, foreign keys as pks) and REST API list responses ({results: […]} or
// bare lists, nested objects for foreign keys). Nested REST objects register the entities they
// describe, so a devices export alone still yields manufacturers, roles and sites.
import { PkMap } from "./pk-map.js";

/** A cable end's termination: `dcim.interface`, `dcim.frontport`, `circuits.circuittermination`… */
export interface TermRef {
  type: string;
  pk: number;
}

export interface NbDevice {
  pk: number;
  name?: string;
  type?: number;
  role?: number;
  site?: number;
  status?: string;
  tenant?: number;
  virtualChassis?: number;
  vcPosition?: number;
  serial?: string;
}

export interface NbSite {
  name?: string;
  slug?: string;
  lat?: number;
  lon?: number;
  region?: number;
  address?: string;
  facility?: string;
}

export interface NbCable {
  a: TermRef[];
  b: TermRef[];
  status?: string;
  type?: string;
  label?: string;
}

export interface NbCircuitTermination {
  circuit?: number;
  side?: "A" | "Z";
  site?: number;
  providerNetwork?: number;
}

export interface NbModel {
  manufacturers: Map<number, { name?: string; slug?: string }>;
  deviceTypes: Map<number, { model?: string; slug?: string; manufacturer?: number; partNumber?: string }>;
  moduleTypes: Map<number, { model?: string; manufacturer?: number; partNumber?: string }>;
  roles: Map<number, { name?: string; slug?: string }>;
  sites: Map<number, NbSite>;
  regions: Map<number, { name?: string; slug?: string; parent?: number }>;
  tenants: Map<number, { name?: string; slug?: string }>;
  providers: Map<number, { name?: string; slug?: string }>;
  providerNetworks: Map<number, { name?: string; provider?: number }>;
  virtualChassis: Map<number, { name?: string }>;
  devices: Map<number, NbDevice>;
  /** Names of devices seen in nested REST objects, for messages about devices not in the export. */
  deviceNames: Map<number, string>;
  /** Device and name of each interface, by interface pk. */
  interfaceDevice: PkMap<number>;
  interfaceName: PkMap<string>;
  frontPorts: Map<number, { rear?: number; position: number; device?: number }>;
  rearPorts: Map<number, { positions: number; device?: number }>;
  circuits: Map<number, { cid?: string; provider?: number; status?: string; type?: string; termA?: number; termZ?: number }>;
  circuitTerms: Map<number, NbCircuitTermination>;
  cables: PkMap<NbCable>;
  modules: { device: number; moduleType?: number; bay?: string }[];
  inventoryItems: { device: number; name?: string; manufacturer?: number; partId?: string }[];
  /** Records of kinds the importer does not use, by model or endpoint, for the report. */
  ignored: Map<string, number>;
}

export function emptyModel(): NbModel {
  return {
    manufacturers: new Map(), deviceTypes: new Map(), moduleTypes: new Map(), roles: new Map(), sites: new Map(),
    regions: new Map(), tenants: new Map(), providers: new Map(), providerNetworks: new Map(), virtualChassis: new Map(),
    devices: new Map(), deviceNames: new Map(), interfaceDevice: new PkMap(), interfaceName: new PkMap(), frontPorts: new Map(), rearPorts: new Map(),
    circuits: new Map(), circuitTerms: new Map(), cables: new PkMap(), modules: [], inventoryItems: [], ignored: new Map(),
  };
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function pk(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  if (isObj(v)) return pk(v.id);
  return undefined;
}
function text(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  if (typeof v === "number") return String(v);
  return undefined;
}
function num(v: unknown): number | undefined {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}
/** REST choice fields are `{value, label}`; dumpdata stores the value. */
function choice(v: unknown): string | undefined {
  return isObj(v) ? text(v.value) : text(v);
}

/** Merges defined fields of `patch` into the entry for `id` (nested REST stubs, then full records). */
function upsert<T extends object>(map: Map<number, T>, id: number | undefined, patch: T): void {
  if (id === undefined) return;
  const old = map.get(id);
  if (!old) {
    map.set(id, patch);
    return;
  }
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (old as Obj)[k] = v;
}

// --- nested REST objects: each registers what it describes and returns its pk --------------

function manufacturer(m: NbModel, v: unknown): number | undefined {
  const id = pk(v);
  if (isObj(v)) upsert(m.manufacturers, id, { name: text(v.name), slug: text(v.slug) });
  return id;
}
function named(map: Map<number, { name?: string; slug?: string }>, v: unknown): number | undefined {
  const id = pk(v);
  if (isObj(v)) upsert(map, id, { name: text(v.name), slug: text(v.slug) });
  return id;
}
function deviceType(m: NbModel, v: unknown): number | undefined {
  const id = pk(v);
  if (isObj(v)) upsert(m.deviceTypes, id, { model: text(v.model), slug: text(v.slug), manufacturer: manufacturer(m, v.manufacturer), partNumber: text(v.part_number) });
  return id;
}
function moduleType(m: NbModel, v: unknown): number | undefined {
  const id = pk(v);
  if (isObj(v)) upsert(m.moduleTypes, id, { model: text(v.model), manufacturer: manufacturer(m, v.manufacturer), partNumber: text(v.part_number) });
  return id;
}
function site(m: NbModel, v: unknown): number | undefined {
  const id = pk(v);
  if (isObj(v)) {
    upsert(m.sites, id, {
      name: text(v.name), slug: text(v.slug), lat: num(v.latitude), lon: num(v.longitude), region: region(m, v.region),
      address: text(v.physical_address), facility: text(v.facility),
    });
  }
  return id;
}
function region(m: NbModel, v: unknown): number | undefined {
  const id = pk(v);
  if (isObj(v)) upsert(m.regions, id, { name: text(v.name), slug: text(v.slug), parent: region(m, v.parent) });
  return id;
}
function provider(m: NbModel, v: unknown): number | undefined {
  return named(m.providers, v);
}
function providerNetwork(m: NbModel, v: unknown): number | undefined {
  const id = pk(v);
  if (isObj(v)) upsert(m.providerNetworks, id, { name: text(v.name), provider: provider(m, v.provider) });
  return id;
}
/**
 * The device a nested port object or a `device` field points at. Only the devices list makes
 * elements: a device seen only at the end of a power cable should not become one.
 */
function deviceRef(m: NbModel, v: unknown): number | undefined {
  const id = pk(v);
  const name = isObj(v) ? text(v.name) : undefined;
  if (id !== undefined && name !== undefined) m.deviceNames.set(id, name);
  return id;
}
function circuitTerm(m: NbModel, v: unknown, side?: "A" | "Z", circuit?: number): number | undefined {
  const id = pk(v);
  if (!isObj(v)) return id;
  const t: NbCircuitTermination = { circuit: pk(v.circuit) ?? circuit, side: (text(v.term_side) as "A" | "Z" | undefined) ?? side, site: site(m, v.site), providerNetwork: providerNetwork(m, v.provider_network) };
  // NetBox 4.2+: a generic `termination` (site, region, provider network…).
  const ttype = text(v.termination_type);
  if (ttype === "dcim.site") t.site = site(m, v.termination);
  if (ttype === "circuits.providernetwork") t.providerNetwork = providerNetwork(m, v.termination);
  if (isObj(v.circuit)) upsert(m.circuits, t.circuit, { cid: text(v.circuit.cid) });
  upsert(m.circuitTerms, id, t);
  return id;
}

/** Registers a port-like object (interface, front/rear port…) found as a cable termination. */
function port(m: NbModel, type: string, v: unknown): void {
  const id = pk(v);
  if (id === undefined || !isObj(v)) return;
  if (type === "circuits.circuittermination") {
    circuitTerm(m, v);
    return;
  }
  const device = deviceRef(m, v.device);
  if (type === "dcim.interface") {
    if (device !== undefined) m.interfaceDevice.set(id, device);
    const name = text(v.name);
    if (name !== undefined) m.interfaceName.set(id, name);
  }
  if (type === "dcim.frontport" && v.rear_port !== undefined) m.frontPorts.set(id, { rear: pk(v.rear_port), position: num(v.rear_port_position) ?? 1, device });
  if (type === "dcim.rearport") {
    // A rear port nested in a cable termination may lack `positions`: keep what an earlier record said.
    const positions = num(v.positions) ?? m.rearPorts.get(id)?.positions ?? 1;
    m.rearPorts.set(id, { positions, device: device ?? m.rearPorts.get(id)?.device });
  }
}

function restTerminations(m: NbModel, list: unknown): TermRef[] {
  if (!Array.isArray(list)) return [];
  const out: TermRef[] = [];
  for (const t of list) {
    if (!isObj(t)) continue;
    const type = text(t.object_type) ?? text(t.termination_type);
    const id = pk(t.object_id) ?? pk(t.termination_id) ?? pk(t.object);
    if (type === undefined || id === undefined) continue;
    port(m, type, t.object);
    out.push({ type, pk: id });
  }
  return out;
}

// --- REST records, by endpoint ----------------------------------------------------------------

type RestReader = (m: NbModel, r: Obj, id: number) => void;

const restReaders: Record<string, RestReader> = {
  "dcim/devices": (m, r, id) => {
    const d: NbDevice = {
      pk: id, name: text(r.name), type: deviceType(m, r.device_type), role: named(m.roles, r.role ?? r.device_role),
      site: site(m, r.site), status: choice(r.status), tenant: named(m.tenants, r.tenant),
      virtualChassis: named(m.virtualChassis, r.virtual_chassis), vcPosition: num(r.vc_position), serial: text(r.serial),
    };
    upsert(m.devices, id, d);
  },
  "dcim/sites": (m, r) => void site(m, r),
  "dcim/regions": (m, r) => void region(m, r),
  "dcim/manufacturers": (m, r) => void manufacturer(m, r),
  "dcim/device-types": (m, r) => void deviceType(m, r),
  "dcim/module-types": (m, r) => void moduleType(m, r),
  "dcim/device-roles": (m, r) => void named(m.roles, r),
  "tenancy/tenants": (m, r) => void named(m.tenants, r),
  "dcim/virtual-chassis": (m, r) => void named(m.virtualChassis, r),
  "dcim/interfaces": (m, r) => port(m, "dcim.interface", r),
  "dcim/front-ports": (m, r) => port(m, "dcim.frontport", r),
  "dcim/rear-ports": (m, r) => port(m, "dcim.rearport", r),
  "dcim/cables": (m, r, id) => {
    let a = restTerminations(m, r.a_terminations);
    let b = restTerminations(m, r.b_terminations);
    // NetBox < 3.3: one termination per end.
    if (a.length === 0 && text(r.termination_a_type) !== undefined) a = restTerminations(m, [{ object_type: r.termination_a_type, object_id: r.termination_a_id, object: r.termination_a }]);
    if (b.length === 0 && text(r.termination_b_type) !== undefined) b = restTerminations(m, [{ object_type: r.termination_b_type, object_id: r.termination_b_id, object: r.termination_b }]);
    m.cables.set(id, { a, b, status: choice(r.status), type: choice(r.type), label: text(r.label) });
  },
  "circuits/circuits": (m, r, id) => {
    upsert(m.circuits, id, {
      cid: text(r.cid), provider: provider(m, r.provider), status: choice(r.status), type: isObj(r.type) ? text(r.type.name) : text(r.type),
      termA: circuitTerm(m, r.termination_a, "A", id), termZ: circuitTerm(m, r.termination_z, "Z", id),
    });
  },
  "circuits/circuit-terminations": (m, r) => void circuitTerm(m, r),
  "circuits/providers": (m, r) => void provider(m, r),
  "circuits/provider-networks": (m, r) => void providerNetwork(m, r),
  "dcim/modules": (m, r) => {
    const device = deviceRef(m, r.device);
    if (device !== undefined) m.modules.push({ device, moduleType: moduleType(m, r.module_type), bay: isObj(r.module_bay) ? text(r.module_bay.name) : undefined });
  },
  "dcim/inventory-items": (m, r) => {
    const device = deviceRef(m, r.device);
    if (device !== undefined) m.inventoryItems.push({ device, name: text(r.name), manufacturer: manufacturer(m, r.manufacturer), partId: text(r.part_id) });
  },
};

/** The endpoint a REST record came from: its `url`, else its shape. */
function restEndpoint(r: Obj): string | undefined {
  const url = text(r.url);
  const m = url === undefined ? null : /\/api\/([a-z]+\/[a-z-]+)\/\d+\/?$/.exec(url);
  if (m) return m[1];
  if ("device_type" in r && ("role" in r || "device_role" in r)) return "dcim/devices";
  if ("a_terminations" in r || "termination_a_type" in r) return "dcim/cables";
  if ("cid" in r) return "circuits/circuits";
  if ("term_side" in r) return "circuits/circuit-terminations";
  if ("module_type" in r && "device" in r) return "dcim/modules";
  if ("part_id" in r && "device" in r) return "dcim/inventory-items";
  if ("rear_port" in r && "device" in r) return "dcim/front-ports";
  if ("positions" in r && "device" in r) return "dcim/rear-ports";
  if ("time_zone" in r || "physical_address" in r) return "dcim/sites";
  return undefined;
}

/** Adds REST records (the `results` of one or more list responses) to the model. */
export function readRest(m: NbModel, records: readonly unknown[]): void {
  for (const r of records) {
    if (!isObj(r)) continue;
    const id = pk(r.id);
    const endpoint = restEndpoint(r);
    const reader = endpoint !== undefined && Object.hasOwn(restReaders, endpoint) ? restReaders[endpoint] : undefined;
    if (reader && id !== undefined) reader(m, r, id);
    else m.ignored.set(endpoint ?? "unrecognised REST records", (m.ignored.get(endpoint ?? "unrecognised REST records") ?? 0) + 1);
  }
}

// --- dumpdata records, by model -----------------------------------------------------------------

type DumpReader = (m: NbModel, f: Obj, id: number) => void;

const contentTypes = new Map<unknown, Map<unknown, string>>();
/** `["dcim","interface"]` (natural key) → `dcim.interface`, one shared string per type. */
function contentType(v: unknown): string | undefined {
  if (!Array.isArray(v) || v.length !== 2) return typeof v === "string" ? v : undefined;
  let byModel = contentTypes.get(v[0]);
  if (!byModel) contentTypes.set(v[0], (byModel = new Map()));
  let name = byModel.get(v[1]);
  if (name === undefined) byModel.set(v[1], (name = `${String(v[0])}.${String(v[1])}`));
  return name;
}

function cableOf(m: NbModel, id: number): NbCable {
  let c = m.cables.get(id);
  if (!c) {
    // All fields up front: one object shape for every cable.
    c = { a: [], b: [], status: undefined, type: undefined, label: undefined };
    m.cables.set(id, c);
  }
  return c;
}


const dumpReaderTable: Record<string, DumpReader> = {
  "dcim.device": (m, f, id) => {
    upsert(m.devices, id, {
      pk: id, name: text(f.name), type: pk(f.device_type), role: pk(f.role ?? f.device_role), site: pk(f.site), status: text(f.status),
      tenant: pk(f.tenant), virtualChassis: pk(f.virtual_chassis), vcPosition: num(f.vc_position), serial: text(f.serial),
    });
  },
  "dcim.devicetype": (m, f, id) => upsert(m.deviceTypes, id, { model: text(f.model), slug: text(f.slug), manufacturer: pk(f.manufacturer), partNumber: text(f.part_number) }),
  "dcim.moduletype": (m, f, id) => upsert(m.moduleTypes, id, { model: text(f.model), manufacturer: pk(f.manufacturer), partNumber: text(f.part_number) }),
  "dcim.manufacturer": (m, f, id) => upsert(m.manufacturers, id, { name: text(f.name), slug: text(f.slug) }),
  "dcim.devicerole": (m, f, id) => upsert(m.roles, id, { name: text(f.name), slug: text(f.slug) }),
  "dcim.site": (m, f, id) => {
    upsert(m.sites, id, {
      name: text(f.name), slug: text(f.slug), lat: num(f.latitude), lon: num(f.longitude), region: pk(f.region),
      address: text(f.physical_address), facility: text(f.facility),
    });
  },
  "dcim.region": (m, f, id) => upsert(m.regions, id, { name: text(f.name), slug: text(f.slug), parent: pk(f.parent) }),
  "tenancy.tenant": (m, f, id) => upsert(m.tenants, id, { name: text(f.name), slug: text(f.slug) }),
  "circuits.provider": (m, f, id) => upsert(m.providers, id, { name: text(f.name), slug: text(f.slug) }),
  "circuits.providernetwork": (m, f, id) => upsert(m.providerNetworks, id, { name: text(f.name), provider: pk(f.provider) }),
  "circuits.circuittype": () => undefined,
  "dcim.virtualchassis": (m, f, id) => upsert(m.virtualChassis, id, { name: text(f.name) }),
  "dcim.interface": (m, f, id) => {
    const device = f.device;
    if (typeof device === "number") m.interfaceDevice.set(id, device);
    if (typeof f.name === "string") m.interfaceName.set(id, f.name);
  },
  "dcim.frontport": (m, f, id) => void m.frontPorts.set(id, { rear: pk(f.rear_port), position: num(f.rear_port_position) ?? 1, device: pk(f.device) }),
  "dcim.rearport": (m, f, id) => void m.rearPorts.set(id, { positions: num(f.positions) ?? 1, device: pk(f.device) }),
  "dcim.cable": (m, f, id) => {
    const c = cableOf(m, id);
    c.status = text(f.status);
    c.type = text(f.type);
    c.label = text(f.label);
    // NetBox < 3.3 kept one termination per end on the cable itself.
    const ta = contentType(f.termination_a_type);
    const tb = contentType(f.termination_b_type);
    const ia = pk(f.termination_a_id);
    const ib = pk(f.termination_b_id);
    if (ta !== undefined && ia !== undefined) c.a.push({ type: ta, pk: ia });
    if (tb !== undefined && ib !== undefined) c.b.push({ type: tb, pk: ib });
  },
  "dcim.cabletermination": (m, f) => {
    const cable = pk(f.cable);
    const type = contentType(f.termination_type);
    const id = pk(f.termination_id);
    if (cable === undefined || type === undefined || id === undefined) return;
    const c = cableOf(m, cable);
    (f.cable_end === "B" ? c.b : c.a).push({ type, pk: id });
  },
  "circuits.circuit": (m, f, id) => {
    upsert(m.circuits, id, { cid: text(f.cid), provider: pk(f.provider), status: text(f.status), termA: pk(f.termination_a), termZ: pk(f.termination_z) });
  },
  "circuits.circuittermination": (m, f, id) => {
    upsert(m.circuitTerms, id, { circuit: pk(f.circuit), side: text(f.term_side) as "A" | "Z" | undefined, site: pk(f.site), providerNetwork: pk(f.provider_network) });
  },
  "dcim.module": (m, f) => {
    const device = pk(f.device);
    if (device !== undefined) m.modules.push({ device, moduleType: pk(f.module_type) });
  },
  "dcim.inventoryitem": (m, f) => {
    const device = pk(f.device);
    if (device !== undefined) m.inventoryItems.push({ device, name: text(f.name), manufacturer: pk(f.manufacturer), partId: text(f.part_id) });
  },
};

const dumpReaders = new Map(Object.entries(dumpReaderTable));

/** Adds Django `dumpdata` records to the model. */
export function readDump(m: NbModel, records: readonly unknown[]): void {
  for (const r of records) {
    if (!isObj(r)) continue;
    const model = typeof r.model === "string" ? r.model : "";
    const id = typeof r.pk === "number" ? r.pk : pk(r.pk);
    const reader = dumpReaders.get(model);
    if (reader && id !== undefined && isObj(r.fields)) reader(m, r.fields, id);
    else m.ignored.set(model || "records without a model", (m.ignored.get(model || "records without a model") ?? 0) + 1);
  }
}

/** Whether a parsed JSON array is a `dumpdata` export (its records have model, pk and fields). */
export function isDump(records: readonly unknown[]): boolean {
  const first = records.find(isObj);
  return first !== undefined && "model" in first && "fields" in first;
}
