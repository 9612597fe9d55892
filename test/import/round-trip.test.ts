// import → validate → audit, end to end on a few real inputs: each case re-reads the written
// file, checks it as `validate` does, and audits a pair of it (every element to the first one).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { validate as validateReport } from "../../src/generated/report-all.js";
import { checkImported } from "../../src/import/check.js";
import { parseFile } from "../../src/load/index.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { buildTopology } from "../../src/topology/index.js";
import { importTopology, renderImport, type ImportRequest } from "../../src/import/index.js";
import { parseVendorMap } from "../../src/import/vendor-map.js";
import type { TopologyDocument } from "../../src/import/types.js";
import { datasetInput, datasets, inputOf } from "./datasets.js";

const fixtures = join(import.meta.dirname, "fixtures");

/** Imports, writes YAML and JSON, reads both back and checks them. Returns the re-read document. */
function importValidateAudit(req: ImportRequest): TopologyDocument {
  const outcome = importTopology(req);
  const yaml = renderImport(outcome, "yaml");
  const json = renderImport(outcome, "json");
  const fromYaml = parse(yaml) as TopologyDocument;
  expect(fromYaml).toEqual(outcome.document);
  expect(JSON.parse(json)).toEqual(outcome.document);
  expect(checkImported(fromYaml)).toEqual([]);
  const { topology, registry } = buildTopology([parseFile("imported.yaml", "imported.yaml", Buffer.from(yaml))]);
  const inService = topology.elements.filter((e) => e.state === "in-service");
  if (inService.length >= 2) {
    const result = audit({
      topology,
      registry,
      spec: defaultRiskSpec("risky"),
      requests: [{ flow: null, from: { id: inService.slice(1).map((e) => e.id) }, to: inService[0]!.id, failures: 1, failOn: "routed-dirty" }],
      asOf: "2026-01-01",
      generatedAt: "2026-01-01T00:00:00Z",
      version: "test",
      maxPairs: 100_000,
    });
    expect(result.pairs).toHaveLength(inService.length - 1);
    expect(validateReport(result), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
  }
  return fromYaml;
}

describe("import → validate → audit round trip", () => {
  it("GÉANT 2012 (Topology Zoo) with a vendor map and distance metrics", () => {
    const map = parseVendorMap(inputOf("vendors.yaml", `"*": Juniper\nDE: Huawei\nUK: { vendor: ZTE, role: core }\n`));
    const doc = importValidateAudit({ format: "graphml", files: [datasetInput(join(datasets, "topologyzoo", "graphml", "Geant2012.graphml"))], options: { metric: "distance" }, vendorMap: map });
    // GÉANT's labels are the country codes of its PoPs.
    expect(doc.elements.find((e) => e.name === "DE")!.vendor).toBe("Huawei");
    expect(doc.elements.find((e) => e.name === "UK")).toMatchObject({ vendor: "ZTE", role: "core" });
    expect(doc.elements.filter((e) => e.vendor === "Juniper")).toHaveLength(38);
    expect(doc.links.every((l) => l.metric === undefined || l.metric >= 1)).toBe(true);
  });

  it("a containerlab lab (srl02)", () => {
    const doc = importValidateAudit({ format: "containerlab", files: [datasetInput(join(datasets, "containerlab", "lab-examples", "srl02", "srl02.clab.yml"))] });
    expect(doc.elements.map((e) => e.vendor)).toEqual(["Nokia", "Nokia"]);
  });

  it("the NetBox demo export", () => {
    const doc = importValidateAudit({ format: "netbox", files: [datasetInput(join(datasets, "netbox-demo-data", "json", "netbox-demo-v3.6.dcim-circuits-subset.json"))] });
    expect(doc.elements.length).toBe(74);
  });

  it("the CSV fixture", () => {
    const files = ["elements.csv", "links.csv", "sites.csv"].map((f) => ({ file: f, bytes: readFileSync(join(fixtures, "csv", f)) }));
    const doc = importValidateAudit({ format: "csv", files });
    expect(doc.links).toHaveLength(2);
  });
});

describe("importTopology", () => {
  const lab = inputOf("lab.clab.yml", "topology:\n  nodes: { a: { kind: srl }, b: { kind: linux } }\n  links: [{ endpoints: [\"a:e1\", \"host:x\"] }]\n");

  it("writes a header naming the source, the importer and everything skipped", () => {
    const outcome = importTopology({ format: "containerlab", files: [lab] });
    const text = renderImport(outcome, "yaml");
    expect(text.split("\n").slice(0, 6)).toEqual([
      "# Imported by `cleanpath import containerlab` (cleanpath 0.1.0) from lab.clab.yml",
      "# Not imported or not mapped (3):",
      "#   - link 1 (a:e1 – host:x): `host:` end is the host namespace, not a node (lab.clab.yml:3:11)",
      "#   - vendor of 1 `linux` node: generic Linux container (FRR, hosts): no vendor, so it counts as unknown unless --vendor-map gives one",
      "#   - role of 1 node: no `role` label; set to `other` (add `labels: {role: core}` to the node or use --vendor-map)",
      "# Re-run the import after fixing the source (or the vendor map) rather than editing this file by hand.",
    ]);
  });

  it("rejects an unknown format, listing the formats", () => {
    expect(() => importTopology({ format: "gml", files: [lab] })).toThrow("unknown import format `gml`; formats: containerlab, graphml, netbox, csv");
  });

  it("reports vendor-map entries that match nothing alongside the importer's own", () => {
    const outcome = importTopology({ format: "containerlab", files: [lab], vendorMap: parseVendorMap(inputOf("m.yaml", "b: Ubuntu\nzz: X\n")) });
    expect(outcome.document.elements[1]!.vendor).toBe("Ubuntu");
    expect(outcome.skipped.at(-1)!.what).toBe("vendor-map entry `zz`");
  });
});
