import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { importFormats } from "../../src/import/index.js";
import { datasets } from "./datasets.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanpath-import-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd: dir,
    now: () => new Date("2026-01-01T00:00:00Z"),
  });
  return { code, stdout, stderr };
}

const zoo = (name: string) => join(datasets, "topologyzoo", "graphml", name);

describe("cleanpath import", () => {
  it("writes YAML to stdout and the summary and skipped items to stderr", async () => {
    const r = await cli("import", "graphml", zoo("Interoute.graphml"));
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { cleanpath: number; elements: unknown[] };
    expect(doc.cleanpath).toBe(1);
    expect(doc.elements).toHaveLength(110);
    expect(r.stdout).toMatch(/^# Imported by `cleanpath import graphml`/);
    expect(r.stderr).toMatch(/^cleanpath import graphml: 110 elements, \d+ links, \d+ sites\n/);
    expect(r.stderr).toMatch(/edge 17–17: self-loop .*Interoute\.graphml:1210:5/);
  });

  it("writes -o atomically, refuses to overwrite without --force (exit 2), and overwrites with it", async () => {
    const out = join(dir, "t.yaml");
    expect((await cli("import", "graphml", zoo("Abilene.graphml"), "-o", "t.yaml")).code).toBe(0);
    const first = readFileSync(out, "utf8");
    writeFileSync(out, "keep me\n");
    const refused = await cli("import", "graphml", zoo("Abilene.graphml"), "-o", "t.yaml");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/t\.yaml already exists; pass --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect((await cli("import", "graphml", zoo("Abilene.graphml"), "-o", "t.yaml", "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(first);
  });

  it("writes JSON when the output ends in .json", async () => {
    expect((await cli("import", "graphml", zoo("Abilene.graphml"), "-o", "t.json", "--metric", "distance")).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, "t.json"), "utf8")) as { links: { metric?: number }[] };
    expect(doc.links.every((l) => typeof l.metric === "number")).toBe(true);
  });

  it("reads a directory of CSV files and applies a vendor map", async () => {
    cpSync(join(import.meta.dirname, "fixtures", "csv"), join(dir, "csv"), { recursive: true });
    writeFileSync(join(dir, "map.csv"), "id,vendor\nmast-7,Ericsson\n");
    const r = await cli("import", "csv", "csv", "--vendor-map", "map.csv");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("- {id: mast-7, name: mast 7, role: ran, vendor: Ericsson");
    expect(r.stdout).toContain("# Vendor map: map.csv");
  });

  it.each([
    [["import", "gml", "x"], /Allowed choices are containerlab, graphml, netbox, csv/],
    [["import", "graphml", "missing.graphml"], /missing\.graphml: no such file or directory/],
    [["import", "containerlab", "a.yml", "--metric", "hops"], /--metric applies to graphml imports only/],
    [["import", "graphml", "bad.graphml"], /bad\.graphml:2:1 +E_XML +DOCTYPE/],
    [["import", "graphml", "bad.graphml", "bad.graphml"], /exactly one file, got 2/],
    [["import", "netbox", "bad.json"], /bad\.json:1:2 +E_JSON_SYNTAX +unexpected character `}`/],
  ])("exits 2 with nothing on stdout and no file for %j", async (argv, message) => {
    writeFileSync(join(dir, "bad.graphml"), '<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "file:///etc/passwd"><graphml/>');
    writeFileSync(join(dir, "bad.json"), "[}");
    const r = await cli(...argv, "-o", "out.yaml");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, "out.yaml"))).toBe(false);
  });

  it("decodes input files as validate does: invalid UTF-8 is refused at its position, a BOM is dropped", async () => {
    const latin1 = Buffer.concat([Buffer.from("name: lab\ntopology:\n  nodes:\n    caf"), Buffer.from([0xe9]), Buffer.from(": { kind: srl }\n")]);
    writeFileSync(join(dir, "latin1.clab.yml"), latin1);
    const imported = await cli("import", "containerlab", "latin1.clab.yml", "-o", "out.yaml");
    expect(imported.code).toBe(2);
    expect(imported.stdout).toBe("");
    expect(existsSync(join(dir, "out.yaml"))).toBe(false);
    const diagnostic = /latin1\.clab\.yml:4:8 +E_ENCODING +invalid UTF-8 byte 0xE9/;
    expect(imported.stderr).toMatch(diagnostic);
    const validated = await cli("validate", "latin1.clab.yml");
    expect(validated.code).toBe(2);
    expect(validated.stdout + validated.stderr).toMatch(diagnostic);

    writeFileSync(join(dir, "map.yaml"), Buffer.concat([Buffer.from("Paris: Soci"), Buffer.from([0xe9, 0x74, 0xe9, 0x0a])]));
    const mapped = await cli("import", "graphml", zoo("Abilene.graphml"), "--vendor-map", "map.yaml");
    expect(mapped.code).toBe(2);
    expect(mapped.stderr).toMatch(/map\.yaml:1:12 +E_ENCODING/);

    writeFileSync(join(dir, "bom.graphml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(zoo("Abilene.graphml"))]));
    const withBom = await cli("import", "graphml", "bom.graphml");
    const without = await cli("import", "graphml", zoo("Abilene.graphml"));
    expect(withBom.code).toBe(0);
    expect(withBom.stdout.split("\n").slice(1)).toEqual(without.stdout.split("\n").slice(1));
  });

  it("shows examples in --help", async () => {
    const r = await cli("import", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cleanpath import containerlab lab.clab.yml -o lab.yaml");
    // Every registered format, in registry order (the help is built from the registry).
    expect(r.stdout.replace(/\s+/g, " ")).toContain(`(choices: ${importFormats.map((f) => `"${f}"`).join(", ")})`);
    expect(importFormats).toEqual(expect.arrayContaining(["containerlab", "graphml", "netbox", "csv", "cables", "netjson", "batfish", "lldp", "sndlib"]));
  });
});
