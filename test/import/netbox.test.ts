import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { importNetbox } from "../../src/import/netbox.js";
import { datasetFile, datasets } from "./datasets.js";
import { checkImported } from "../../src/import/check.js";

const demo = importNetbox([datasetFile(join(datasets, "netbox-demo-data", "json", "netbox-demo-v3.6.dcim-circuits-subset.json"))]);
const restDir = join(import.meta.dirname, "fixtures", "netbox-rest");
const rest = importNetbox(readdirSync(restDir).sort().map((f) => ({ file: f, text: readFileSync(join(restDir, f), "utf8") })));

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

describe("netbox importer on the demo data (dumpdata subset)", () => {
  const devices = demo.document.elements.filter((e) => typeof e.meta?.netboxId === "number");

  it("passes the checks", () => {
    expect(checkImported(demo.document).map((d) => d.message)).toEqual([]);
  });

  it("imports the 72 devices with the README's manufacturer counts", () => {
    expect(devices).toHaveLength(72);
    expect(countBy(devices, (e) => e.vendor ?? "(none)")).toEqual({ Cisco: 26, APC: 13, Panduit: 13, Juniper: 13, Generic: 6, Lenovo: 1 });
  });

  it("maps the device roles in use (8 of the 9; no device is a Database Server) to cleanpath roles", () => {
    const pairs = new Set(devices.map((e) => `${String(e.meta!.role)} → ${e.role}`));
    expect([...pairs].sort()).toEqual([
      "Access Switch → access", "Application Server → endpoint", "Core Switch → core", "Distribution Switch → aggregation",
      "PDU → other", "Patch Panel → other", "Router → edge", "ToR Switch → access",
    ]);
    expect(devices.filter((e) => e.meta!.role === "Patch Panel").every((e) => e.passive === true)).toBe(true);
    expect(demo.skipped.some((s) => s.what.startsWith("role of"))).toBe(false);
  });

  it("gives the 22 unnamed devices stable ids (virtual chassis position, else device-pk)", () => {
    const unnamed = devices.filter((e) => /^device-\d+$|^r\d+-torsw:\d$/.test(e.id));
    expect(unnamed).toHaveLength(22);
    expect(unnamed.filter((e) => e.id.startsWith("device-")).every((e) => e.id === `device-${String(e.meta!.netboxId)}`)).toBe(true);
    expect(devices.map((e) => e.id)).toContain("r105-torsw:1");
    expect(devices.map((e) => e.id)).toContain("device-106");
  });

  it("traces the dark fibre through patch panels, so links join switches, and only the circuits join panels", () => {
    const panels = new Set(devices.filter((e) => e.passive).map((e) => e.id));
    const atPanels = demo.document.links.filter((l) => panels.has(l.a) || panels.has(l.b));
    expect(atPanels.map((l) => [l.id, l.a, l.b, l.medium])).toEqual([
      ["circuit-398282", "PP:B118", "PP:MDF-92", "circuit"],
      ["circuit-350927", "PP:B117", "PP:MDF-91", "circuit"],
      ["circuit-319031", "PP:B128", "PP:MDF-90", "circuit"],
    ]);
    const ncsu = demo.document.links.filter((l) => l.operator === "ncsu-facilities" && l.medium !== "circuit");
    expect(ncsu).toHaveLength(12);
    expect(ncsu.every((l) => /distswitch1$/.test(l.a) && /^ncsu-coreswitch[12]$/.test(l.b))).toBe(true);
    expect(ncsu[0]!.meta!.netboxCables).toHaveLength(4);
  });

  it("puts each patched dark-fibre circuit in the underlay of the 4 links over it", () => {
    const over = demo.document.links.filter((l) => l.underlay !== undefined);
    expect(over).toHaveLength(12);
    expect(countBy(over, (l) => `${l.a} over ${l.underlay!.join(",")}`)).toEqual({
      "ncsu128-distswitch1 over circuit-319031": 4, "ncsu117-distswitch1 over circuit-350927": 4, "ncsu118-distswitch1 over circuit-398282": 4,
    });
  });

  it("turns the 29 circuits into links (medium circuit) with the provider as operator", () => {
    const circuits = demo.document.links.filter((l) => l.medium === "circuit");
    expect(circuits).toHaveLength(29);
    expect(circuits.every((l) => l.id === `circuit-${String(l.name)}`)).toBe(true);
    const byOperator = countBy(demo.document.links.filter((l) => l.operator !== undefined), (l) => l.operator!);
    // 13 + 13 access circuits into the providers' networks (each the link itself); 3 dark-fibre circuits and the 12 links over them.
    expect(byOperator).toEqual({ "level-3": 13, centurylink: 13, "ncsu-facilities": 15 });
    expect(countBy(circuits, (l) => l.b)).toMatchObject({ "level3-mpls": 13, centurylink: 13 });
    expect(demo.document.operators).toEqual({ "level-3": { name: "Level 3" }, centurylink: { name: "CenturyLink" }, "ncsu-facilities": { name: "NCSU Facilities" } });
    // 26 interface↔interface cables + 26 access circuits + 12 patched paths + 3 dark-fibre circuits.
    expect(demo.document.links).toHaveLength(67);
  });

  it("reports the power cables and the unused record kinds", () => {
    expect(demo.skipped.map((s) => s.what)).toContain("26 power cables");
    expect(demo.skipped.find((s) => s.what === "records not used")!.why).toMatch(/dcim\.rack ×42/);
  });

  it("derives site countries from the region tree (New York → United States)", () => {
    const sites = Object.values(demo.document.sites!);
    expect(sites).toHaveLength(24);
    expect(sites.every((s) => s.country === "US")).toBe(true);
  });
});

describe("netbox importer on REST API list responses", () => {
  const { document, skipped } = rest;
  const el = (id: string) => document.elements.find((e) => e.id === id);

  it("passes the checks", () => {
    expect(checkImported(document).map((d) => d.message)).toEqual([]);
  });

  it("reads manufacturer, role, site, state and components from nested objects", () => {
    expect(el("sw1")).toEqual({
      id: "sw1", role: "core", vendor: "Huawei", model: "CE12800", site: "cdmx-dc1", components: [{ vendor: "HiSilicon", model: "LPU-480" }],
      state: "planned", meta: { netboxId: 2, role: "Core Switch", tenant: "altan" },
    });
    expect(el("r1")!.components).toEqual([{ vendor: "Finisar", part: "FTLX8571D3BCL" }]);
    expect(document.sites!["cdmx-dc1"]).toMatchObject({ name: "CDMX DC 1", country: "MX", region: "mx", lat: 19.4326, lon: -99.1332 });
  });

  it("names unnamed devices by virtual chassis position or pk, and slugifies invalid names", () => {
    expect(el("stack:2")).toBeDefined();
    expect(el("device-4")).toMatchObject({ name: "Panduit 24-Port Patch Panel (4)", passive: true });
    expect(el("r-2")).toMatchObject({ name: "r 2!", role: "other" });
    expect(skipped.some((s) => s.what === "role of 1 device (Widget)")).toBe(true);
  });

  it("traces front port → rear port (at its position) across two panels, and circuits to the provider network", () => {
    expect(document.links).toEqual([
      { a: "r1", b: "sw1", medium: "fiber", name: "trunk-1", meta: { aInterface: "Gi0/0", bInterface: "xe-0/0/0", netboxCables: [1, 2, 3] } },
      { id: "circuit-CID-1", a: "r1", b: "telmex-mpls", medium: "circuit", operator: "telmex", name: "CID-1", state: "planned", meta: { aInterface: "Gi0/1", netboxCables: [4], circuits: ["CID-1"], netboxCircuit: 51 } },
      { a: "sw1", b: "r-2", medium: "copper", meta: { aInterface: "xe-0/0/1", bInterface: "eth0", netboxCables: [6] } },
    ]);
    expect(el("telmex-mpls")).toMatchObject({ role: "transport", operator: "telmex", tags: ["provider-network"] });
  });

  it("does not turn a device seen only on a power cable into an element", () => {
    expect(document.elements.map((e) => e.id)).not.toContain("pdu1");
    expect(skipped.map((s) => s.what)).toContain("1 power cable");
  });

  it("reports paths to devices missing from the export", () => {
    const cables = readFileSync(join(restDir, "cables.json"), "utf8");
    const { document: d, skipped: s } = importNetbox([{ file: "cables.json", text: cables }]);
    expect(d.links).toEqual([]);
    expect(s.some((x) => /not in the export/.test(x.what) && /r1/.test(x.why))).toBe(true);
  });
});

describe("netbox importer input errors", () => {
  it("points at JSON syntax errors", () => {
    const run = () => importNetbox([{ file: "d.json", text: '[\n  {"model": "dcim.device",\n  }\n]' }]);
    expect(run).toThrow(InputError);
    expect(run).toThrow(/d\.json:3:3 +E_JSON_SYNTAX +expected a double-quoted property name/);
  });

  it("locates a bad literal, which JSON.parse reports without a position", () => {
    expect(() => importNetbox([{ file: "d.json", text: '[\n  {"model": "dcim.device", "pk": tru}\n]' }])).toThrow(/d\.json:2:37 +E_JSON_SYNTAX +Unexpected token '}'$/);
  });

  it("rejects JSON that is neither dumpdata nor a REST list", () => {
    expect(() => importNetbox([{ file: "d.json", text: '{"name": "x"}' }])).toThrow(/not a NetBox export/);
  });
});
