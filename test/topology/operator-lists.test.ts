import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate as validateReport } from "../../src/generated/report-all.js";
import { audit, loadPolicy, loadTopology, render } from "../../src/index.js";
import { selectElements } from "../../src/topology/select.js";
import { VendorRegistry } from "../../src/vendors/registry.js";
import { runCli } from "../helpers/cli.js";

/** A shared RAN (SPEC §4: `operator` is an id or a list): one site shared by altan and telmex, one by telmex and a designated carrier. */
const yaml = `cleanpath: 1
operators:
  altan: { name: Altán Redes }
  telmex: {}
  china-telecom: { name: China Telecom }
elements:
  - { id: ran-shared, role: ran, vendor: Nokia, operator: [altan, telmex] }
  - { id: ran-a1, role: ran, vendor: Huawei, operator: altan }
  - { id: ran-t1, role: ran, vendor: Nokia, operator: telmex }
  - { id: ran-t2, role: ran, vendor: Nokia, operator: [telmex] }
  - { id: ran-ct, role: ran, vendor: Nokia, operator: [telmex, china-telecom] }
  - { id: dc, role: datacenter, vendor: Nokia, operator: altan }
links:
  - { a: ran-shared, b: dc, operator: [altan, telmex] }
  - [ran-a1, dc]
  - [ran-t1, dc]
  - [ran-t2, dc]
  - [ran-ct, dc]
risk:
  vendors: [huawei]
  operators: [china-telecom]
rules:
  - { id: ran-cap, cap: { scope: { role: ran }, max: 40%, per: operator } }
  - { id: no-ct, forbid: { scope: { operator: china-telecom } } }
`;

function loaded() {
  const dir = mkdtempSync(join(tmpdir(), "cleanpath-operators-"));
  const file = join(dir, "net.yaml");
  writeFileSync(file, yaml);
  return loadTopology(file);
}

describe("operator lists (SPEC §4)", () => {
  const l = loaded();
  const r = audit(l, loadPolicy(l), { asOf: "2026-01-01" });

  it("keep one operator as written and several as a list; a list of one is that id", () => {
    const byId = new Map(l.topology.elements.map((e) => [e.id, e]));
    expect(byId.get("ran-shared")!.operator).toEqual(["altan", "telmex"]);
    expect(byId.get("ran-t2")!.operator).toBe("telmex");
    expect(byId.get("ran-a1")!.operator).toBe("altan");
    expect(l.topology.links[0]!.operator).toEqual(["altan", "telmex"]);
  });

  it("designate an item when any of its operators is designated, naming that operator", () => {
    const ct = r.items["ran-ct"]!;
    expect(ct.risk).toBe("high");
    expect(ct.reasons.map((x) => [x.kind, x.value])).toEqual([["operator", "china-telecom"]]);
    expect(ct.operator).toEqual(["telmex", "china-telecom"]);
  });

  it("select a shared element by any of its operators", () => {
    const pick = (operator: string) => selectElements(l.topology, new VendorRegistry(), { operator }, "--from").map((i) => l.topology.elements[i]!.id);
    expect(pick("telmex")).toEqual(["ran-shared", "ran-t1", "ran-t2", "ran-ct"]);
    expect(pick("altan")).toEqual(["ran-shared", "ran-a1", "dc"]);
    expect(pick("china-telecom")).toEqual(["ran-ct"]);
    const forbid = r.findings.filter((f) => f.rule === "no-ct");
    expect(forbid.map((f) => f.items)).toEqual([["ran-ct"]]);
  });

  it("count a shared element in the share of each of its operators", () => {
    const caps = r.findings.filter((f) => f.rule === "ran-cap");
    expect(caps.map((f) => [f.details?.group, f.details?.highRisk, f.details?.total])).toEqual([
      ["altan", 1, 2],
      ["china-telecom", 1, 1],
    ]);
    expect(caps[0]!.message).toMatch(/^operator altan: high-risk 1 of 2 elements \(50%\) is above the 40% cap/);
    // telmex: 1 of 4 (ran-shared, ran-t1, ran-t2, ran-ct) is within the cap.
    expect(caps.some((f) => f.details?.group === "telmex")).toBe(false);
  });

  it("chart a shared element under each of its operators", () => {
    expect(r.inventory.vendorsByOperator).toEqual({
      altan: { huawei: 1, nokia: 2 },
      "china-telecom": { nokia: 1 },
      telmex: { nokia: 4 },
    });
    expect(r.inventory.elements).toBe(6);
  });

  it("fit the report schema and print joined in reports", () => {
    expect(validateReport(r), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    expect(render(r, "html")).toContain("<td>telmex, china-telecom</td>");
  });
});

describe("cleanpath schema topology", () => {
  it("shows that elements and links take an operator id or a list of them", () => {
    const r = runCli(["schema", "topology"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$defs.element.properties.operator).toEqual({ $ref: "#/$defs/operatorRef" });
    expect(schema.$defs.linkObject.properties.operator).toEqual({ $ref: "#/$defs/operatorRef" });
    expect(schema.$defs.operatorRef.anyOf[1]).toMatchObject({ type: "array", minItems: 1, uniqueItems: true, items: { $ref: "#/$defs/id" } });
  });
});
