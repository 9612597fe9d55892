// `cleanpath import netjson|batfish|lldp` as a user runs it: the built CLI, real samples, exit
// codes, the summary on stderr, located refusals, and output that `validate` accepts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, scratch } from "../helpers/cli.js";
import { datasets } from "../import/datasets.js";

const awmn = join(datasets, "netjson", "netjsongraph.js", "examples", "data", "AWMN.json");
const snapshot = join(datasets, "batfish", "example", "live");
const eos = join(datasets, "lldp", "napalm", "test", "eos", "mocked_data", "test_get_lldp_neighbors_detail", "normal", "expected_result.json");

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function dir(files: Record<string, string> = {}) {
  const s = scratch(files);
  cleanup = s.cleanup;
  return s;
}

describe("cleanpath import netjson|batfish|lldp (built CLI)", () => {
  it("netjson: writes a topology that validates, summarises on stderr, and refuses to overwrite without --force", () => {
    const s = dir();
    const r = runCli(["import", "netjson", awmn, "-o", "awmn.yaml"], { cwd: s.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("cleanpath import netjson: 443 elements, 600 links, 0 sites → awmn.yaml\nnot imported or not mapped (1):\n  - 32 links with status down: imported with `state: out-of-service`\n");
    expect(runCli(["validate", "awmn.yaml"], { cwd: s.dir }).code).toBe(0);
    const first = readFileSync(s.path("awmn.yaml"), "utf8");
    const again = runCli(["import", "netjson", awmn, "-o", "awmn.yaml"], { cwd: s.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/awmn\.yaml already exists; pass --force to overwrite it/);
    expect(runCli(["import", "netjson", awmn, "-o", "awmn.yaml", "--force"], { cwd: s.dir }).code).toBe(0);
    expect(readFileSync(s.path("awmn.yaml"), "utf8")).toBe(first);
  });

  it("batfish: takes the snapshot folder; the output validates and names the configs' vendor", () => {
    const s = dir();
    const r = runCli(["import", "batfish", snapshot, "-o", "campus.yaml"], { cwd: s.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cleanpath import batfish: 15 elements, 19 links, 0 sites → campus\.yaml\n/);
    expect(r.stderr).toMatch(/edge as3core1 GigabitEthernet2\/0 – GigabitEthernet3\/0: self-loop .*layer1_topology\.json:363:5/);
    const v = runCli(["validate", "campus.yaml"], { cwd: s.dir });
    expect(v.code).toBe(0);
    expect(readFileSync(s.path("campus.yaml"), "utf8")).toMatch(/\{id: as1border1, role: other, vendor: Cisco, meta: \{config: configs\/as1border1\.cfg, dialect: cisco-ios\}\}/);
  });

  it("lldp: takes a folder of device files, applies a vendor map, and the output validates", () => {
    const s = dir({
      "tables/leaf1.json": JSON.stringify({ swp51: [{ remote_system_name: "spine1", remote_port: "swp1", remote_system_description: "Huawei Versatile Routing Platform Software" }] }),
      "tables/spine1.yml": "- local_interface: swp1\n  neighbor_name: leaf1.dc.example\n  neighbor_port_id: swp51\n  neighbor_description: ''\n",
      "tables/notes.txt": "not a table\n",
      "map.yaml": "leaf1: {vendor: Nokia, role: access}\n",
    });
    const r = runCli(["import", "lldp", "tables", "--vendor-map", "map.yaml", "-o", "dc.yaml"], { cwd: s.dir });
    expect(r.code).toBe(0);
    // The note is about the tables; the vendor map then names the device they could not describe.
    expect(r.stderr).toBe(
      "cleanpath import lldp: 2 elements, 1 link, 0 sites → dc.yaml\nnot imported or not mapped (1):\n" +
        "  - 1 listed device no table describes: LLDP describes the neighbours, not the device that prints the table: no vendor (add the neighbours' tables, or name it with --vendor-map)\n",
    );
    const out = readFileSync(s.path("dc.yaml"), "utf8");
    expect(out).toMatch(/\{id: leaf1, role: access, vendor: Nokia\}/);
    expect(out).toMatch(/\{id: spine1, role: other, vendor: Huawei, description: Huawei Versatile Routing Platform Software\}/);
    expect(out).toMatch(/\{a: leaf1, b: spine1, meta: \{aInterface: swp51, bInterface: swp1\}\}/);
    expect(runCli(["validate", "dc.yaml"], { cwd: s.dir }).code).toBe(0);
  });

  it("lldp: a real NAPALM table to stdout, the summary and what was not mapped on stderr", () => {
    const r = runCli(["import", "lldp", eos]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Imported by `cleanpath import lldp`/);
    expect(r.stderr).toMatch(/^cleanpath import lldp: 22 elements, 41 links, 0 sites\n/);
    expect(r.stderr).toMatch(/20 devices whose descriptions name no vendor/);
  });

  const refusals: [string, string, RegExp][] = [
    ["batfish", "netjson.json", /^netjson\.json:1:1  E_BATFISH  not a Batfish layer-1 topology: .*use `cleanpath import netjson`/],
    ["netjson", "layer1_topology.json", /^layer1_topology\.json:1:1  E_NETJSON  not a NetJSON NetworkGraph: no `nodes` list .*use `cleanpath import batfish`/],
    ["lldp", "netjson.json", /^netjson\.json:1:1  E_LLDP  not an LLDP neighbour table: .*use `cleanpath import netjson`/],
    ["netjson", "truncated.json", /^truncated\.json:3:\d+  E_JSON_SYNTAX  /],
    ["batfish", "truncated.json", /^truncated\.json:3:\d+  E_JSON_SYNTAX  /],
    ["lldp", "truncated.json", /^truncated\.json:3:\d+  E_JSON_SYNTAX  /],
  ];
  it.each(refusals)("%s refuses %s: exit 2, a located message, nothing on stdout, no file written", (format, file, message) => {
    const s = dir({
      "netjson.json": readFileSync(awmn, "utf8"),
      "layer1_topology.json": readFileSync(join(snapshot, "layer1_topology.json"), "utf8"),
      "truncated.json": '{\n  "nodes": [{"id": "a"}],\n  "links": [{"source": "a", ',
    });
    const r = runCli(["import", format, file, "-o", "out.yaml"], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(existsSync(s.path("out.yaml"))).toBe(false);
  });

  it("refuses an output that is one of the inputs, even with --force (a batfish config found beside the topology included)", () => {
    const s = dir({ "snap/layer1_topology.json": readFileSync(join(snapshot, "layer1_topology.json"), "utf8"), "snap/configs/r1.cfg": "hostname r1\n" });
    const r = runCli(["import", "batfish", "snap", "-o", "snap/configs/r1.cfg", "--force"], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_OUTPUT_IS_INPUT/);
    expect(readFileSync(s.path("snap/configs/r1.cfg"), "utf8")).toBe("hostname r1\n");
  });
});
