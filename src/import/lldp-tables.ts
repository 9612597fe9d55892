// The neighbour tables the LLDP importer reads, each turned into the same flat records:
// `lldpctl -f json` (and `-f json0`), NAPALM `get_lldp_neighbors_detail()` results, and
// ntc-templates records (a JSON or YAML list, or the test files' `parsed_sample:` wrapper). A file
// is one device's table (the device is named by the file) or a network's: an object of tables
// keyed by device name, or records that carry a `local_device`/`hostname` field.
import { InputError, type SourceLocation } from "../diagnostics.js";
import { type ParsedDocument, readDocument } from "../load/index.js";
import type { SourceText } from "./types.js";

/** One neighbour seen on one local port. */
export interface NeighbourRecord {
  /** The device whose table this is. */
  local: string;
  localPort: string;
  name: string;
  chassisId: string;
  port: string;
  portDescription: string;
  description: string;
  manufacturer: string;
  model: string;
  capabilities: string;
  mgmtAddress: string;
  /** Where the record is; computed only when asked (a deep lookup costs a pass over the file). */
  at: () => SourceLocation;
}

type Obj = Record<string, unknown>;
type DocPath = (string | number)[];

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A field as text: strings and numbers, the first of a list, an lldpctl `{value}` object; lines of a list joined. */
function text(v: unknown, joinLines = false): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) return joinLines ? v.map((x) => text(x)).filter((x) => x !== "").join(" ") : text(v[0]);
  if (isObj(v) && "value" in v) return text(v.value);
  return "";
}

function first(o: Obj, keys: readonly string[], joinLines = false): string {
  for (const k of keys) {
    const t = text(o[k], joinLines);
    if (t !== "") return t;
  }
  return "";
}

function items(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

const napalmKeys = ["remote_system_name", "remote_port", "remote_chassis_id", "remote_system_description"];
const ntcKeys = ["local_interface", "neighbor_name", "neighbor", "neighbor_port_id", "neighbor_interface", "system_name", "chassis_id"];
const deviceKeys = ["local_device", "local_hostname", "hostname", "device"];

function looksNapalmDevice(o: Obj): boolean {
  const values = Object.values(o);
  return values.length > 0 && values.every((v) => Array.isArray(v) && v.every((n) => isObj(n) && napalmKeys.some((k) => k in n)));
}

function looksNtc(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0 && v.every((r) => isObj(r) && ntcKeys.some((k) => k in r));
}

function fail(message: string, location: SourceLocation): never {
  throw new InputError([{ code: "E_LLDP", severity: "error", message, location }]);
}

const expected =
  "expected `lldpctl -f json` output ({\"lldp\": …}), a NAPALM get_lldp_neighbors_detail result ({\"<interface>\": [{\"remote_system_name\", \"remote_port\", …}]}), ntc-templates records ([{\"local_interface\", \"neighbor_name\", …}]) or an object of those keyed by device name";

/** A pointer to the importer a document plainly belongs to, or "". */
function otherFormat(v: Obj): string {
  if (Array.isArray(v.nodes) && (v.links !== undefined || v.edges !== undefined)) return " (this looks like NetJSON: use `cleanpath import netjson`)";
  if (Array.isArray(v.edges)) return " (this looks like a Batfish layer-1 topology: use `cleanpath import batfish`)";
  if (v.cleanpath !== undefined) return " (this is already a cleanpath topology)";
  return "";
}

/** Why a document is not a neighbour table, with a pointer to the importer it belongs to. */
function notATable(doc: ParsedDocument, file: string): never {
  const hint = isObj(doc.value) ? otherFormat(doc.value) : "";
  fail(`not an LLDP neighbour table: ${expected}${hint}`, { file, line: 1, column: 1 });
}

class Reader {
  readonly records: NeighbourRecord[] = [];
  /** Devices with a table, even an empty one. */
  readonly devices = new Set<string>();

  constructor(
    private readonly doc: ParsedDocument,
    private readonly src: SourceText,
  ) {}

  private get file(): string {
    return this.src.file;
  }

  at(path: DocPath): SourceLocation {
    return this.doc.locate(path);
  }

  add(local: string, localPort: string, path: DocPath, r: Omit<NeighbourRecord, "local" | "localPort" | "at">): void {
    // Records outlive their parsed document (ten thousand files are read before any is matched):
    // keep only the text, and parse it again in the rare case a record has to be located.
    const src = this.src;
    this.records.push({ local, localPort, ...r, at: () => readDocument(src).locate(path) });
  }

  napalm(local: string, table: Obj, path: DocPath): void {
    this.devices.add(local);
    for (const [port, neighbours] of Object.entries(table)) {
      items(neighbours).forEach((n, i) => {
        if (!isObj(n)) fail(`neighbour ${i} of ${port} is not an object`, this.at([...path, port, i]));
        this.add(local, port, [...path, port, i], {
          name: text(n.remote_system_name),
          chassisId: text(n.remote_chassis_id),
          port: text(n.remote_port),
          portDescription: text(n.remote_port_description),
          description: text(n.remote_system_description),
          manufacturer: "",
          model: "",
          capabilities: items(n.remote_system_capab).map((c) => text(c)).join(","),
          mgmtAddress: "",
        });
      });
    }
  }

  ntc(local: string, records: unknown[], path: DocPath): void {
    records.forEach((r, i) => {
      if (!isObj(r)) fail(`record ${i} is not an object`, this.at([...path, i]));
      const device = first(r, deviceKeys) || local;
      this.devices.add(device);
      const port = first(r, ["neighbor_port_id", "port_id", "remote_port"]);
      this.add(device, first(r, ["local_interface", "local_port"]), [...path, i], {
        name: first(r, ["neighbor_name", "neighbor", "system_name", "remote_system_name"]),
        chassisId: first(r, ["chassis_id", "remote_chassis_id"]),
        port: port || first(r, ["neighbor_interface", "port_description"]),
        portDescription: first(r, ["neighbor_interface", "port_description", "remote_port_description"]),
        description: first(r, ["neighbor_description", "system_description", "remote_system_description"], true),
        manufacturer: first(r, ["manufacturer"]),
        model: first(r, ["model_name", "platform", "hardware"]),
        capabilities: first(r, ["capabilities", "system_capabilities_enabled", "system_capabilities_supported"]),
        mgmtAddress: first(r, ["mgmt_address", "management_ip", "management_address"]),
      });
    });
  }

  /** lldpctl's `interface`: `{eth0: {…}}`, `[{eth0: {…}}, …]` (json) or `[{name: "eth0", …}]` (json0). */
  lldpctl(local: string, root: unknown, path: DocPath): void {
    this.devices.add(local);
    items(root).forEach((lldp, li) => {
      const lpath = Array.isArray(root) ? [...path, li] : path;
      if (!isObj(lldp)) fail("`lldp` is not an object", this.at(lpath));
      const ifaces = lldp.interface;
      const entries: { name: string; v: Obj; path: DocPath }[] = [];
      const addKeyed = (o: Obj, p: DocPath): void => {
        if ("name" in o && typeof o.name !== "object") entries.push({ name: text(o.name), v: o, path: p });
        else for (const [k, v] of Object.entries(o)) if (isObj(v)) entries.push({ name: k, v, path: [...p, k] });
      };
      if (Array.isArray(ifaces)) ifaces.forEach((x, i) => isObj(x) && addKeyed(x, [...lpath, "interface", i]));
      else if (isObj(ifaces)) addKeyed(ifaces, [...lpath, "interface"]);
      for (const e of entries) this.lldpctlInterface(local, e.name, e.v, e.path);
    });
  }

  private lldpctlInterface(local: string, port: string, v: Obj, path: DocPath): void {
    const med = isObj(v["lldp-med"]) ? v["lldp-med"] : {};
    const inventory = isObj(med.inventory) ? med.inventory : {};
    const portObj = (items(v.port)[0] ?? {}) as Obj;
    for (const chassis of items(v.chassis)) {
      if (!isObj(chassis)) continue;
      // json keys a named chassis by its name; json0 and unnamed chassis carry `id` directly.
      const named = !("id" in chassis) && Object.keys(chassis).length === 1 && isObj(Object.values(chassis)[0]);
      const name = named ? Object.keys(chassis)[0]! : text(chassis.name);
      const c = named ? (Object.values(chassis)[0] as Obj) : chassis;
      this.add(local, port, path, {
        name,
        chassisId: text(c.id),
        port: text(isObj(portObj) ? portObj.id : undefined),
        portDescription: text(isObj(portObj) ? portObj.descr : undefined),
        description: text(c.descr, true),
        manufacturer: text(inventory.manufacturer),
        model: text(inventory.model),
        capabilities: items(c.capability)
          .filter((x) => !isObj(x) || x.enabled !== false)
          .map((x) => (isObj(x) ? text(x.type) : text(x)))
          .join(","),
        mgmtAddress: text(c["mgmt-ip"]),
      });
    }
  }

  /** One device's table, whatever its form; false when `v` is none of them. */
  table(local: string, v: unknown, path: DocPath): boolean {
    if (isObj(v) && "lldp" in v) this.lldpctl(local, v.lldp, [...path, "lldp"]);
    else if (isObj(v) && Array.isArray(v.parsed_sample)) this.ntc(local, v.parsed_sample, [...path, "parsed_sample"]);
    else if (Array.isArray(v) && (v.length === 0 || looksNtc(v))) {
      this.devices.add(local);
      this.ntc(local, v, path);
    } else if (isObj(v) && (Object.keys(v).length === 0 || looksNapalmDevice(v))) this.napalm(local, v, path);
    else return false;
    return true;
  }

  read(local: string): void {
    const v = this.doc.value;
    if (this.table(local, v, [])) return;
    // A network file: device name → table (unless the file is plainly something else).
    if (!isObj(v) || otherFormat(v) !== "" || Object.values(v).every((t) => !isObj(t) && !Array.isArray(t))) notATable(this.doc, this.file);
    for (const [device, t] of Object.entries(v)) {
      if (!this.table(device, t, [device])) fail(`\`${device}\` is not an LLDP neighbour table: ${expected}`, this.at([device]));
    }
  }
}

/** The device a per-device file is named after: its base name without the extension. */
export function deviceOfFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(json|ya?ml)$/i, "");
}

/** Every neighbour record of one file, and the devices whose tables it holds. */
export function readTable(file: SourceText): { records: NeighbourRecord[]; devices: Set<string> } {
  const doc = readDocument(file, { jsonScan: "on-error" });
  const reader = new Reader(doc, file);
  reader.read(deviceOfFile(file.file));
  return { records: reader.records, devices: reader.devices };
}
