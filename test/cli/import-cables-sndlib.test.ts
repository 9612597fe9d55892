import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root, runCli, scratch } from "../helpers/cli.js";

const datasets = join(root, "..", "shared", "datasets");
const cablesDir = join(datasets, "cables");
const sndlibDir = join(datasets, "sndlib");

interface PairResult {
  verdict: string;
  verdictIfUnknownClean?: string;
  routed: { paths: string[][]; riskyItems: string[] };
  cleanAlternative: { path: string[] } | null;
}
const pairOf = (file: string): PairResult => (JSON.parse(readFileSync(file, "utf8")) as { pairs: PairResult[] }).pairs[0]!;

/** Exit 2, the message on stderr, nothing on stdout and no output file. */
function expectRefused(dir: string, args: string[], message: string): void {
  const r = runCli(args, { cwd: dir });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain(message);
  expect(existsSync(join(dir, args[args.indexOf("-o") + 1]!))).toBe(false);
}

/** The Clean Cable walkthrough of docs/importing.md: its files, its commands and the output it shows. */
function walkthrough(): { files: Map<string, string>; commands: string[][]; shown: string[] } {
  const doc = readFileSync(join(root, "docs", "importing.md"), "utf8");
  const start = doc.indexOf("### Clean Cable, end to end");
  const section = doc.slice(start, doc.indexOf("\n## ", start));
  const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const files = new Map<string, string>();
  for (const b of blocks) {
    const name = /^# ([\w.-]+\.yaml)\n/.exec(b.body)?.[1];
    if (b.lang === "yaml" && name) files.set(name, b.body);
  }
  const commands = blocks
    .filter((b) => b.lang === "console")
    .flatMap((b) => b.body.split("\n"))
    .filter((l) => l.startsWith("$ cleanpath "))
    .map((l) => l.slice("$ cleanpath ".length).split(/\s+/).filter((w) => w !== ""));
  const shown = blocks.filter((b) => b.lang === "").at(-1)!.body.trimEnd().split("\n");
  return { files, commands, shown };
}

describe("Clean Cable walkthrough (docs/importing.md) on the real cable extract", () => {
  const { files, commands, shown } = walkthrough();
  const s = scratch(Object.fromEntries(files));
  // `git clone https://github.com/stevesong/open_undersea_cable_map`: the extract has the same layout.
  symlinkSync(cablesDir, join(s.dir, "open_undersea_cable_map"));
  afterAll(() => s.cleanup());

  it("has the three files and the two commands", () => {
    expect([...files.keys()].sort()).toEqual(["stations.yaml", "tokyo-carrier.yaml", "us-carrier.yaml"]);
    expect(commands.map((c) => c.slice(0, 2).join(" "))).toEqual(["import cables", "audit path"]);
  });

  it("imports the cables with the stations' vendors, and the audit finds FASTER on the routed path and a clean path over JUPITER", () => {
    const imported = runCli(commands[0]!, { cwd: s.dir });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^cleanpath import cables: 1935 elements, 2378 links, 1414 sites → cables\.yaml\n/);
    const audit = runCli([...commands[1]!, "--format", "table", "--format", "json:result.json"], { cwd: s.dir, env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(audit.code, audit.stderr).toBe(1);
    const lines = audit.stdout.split("\n");
    for (const line of shown) expect(lines, line).toContain(line);
    const pair = pairOf(s.path("result.json"));
    expect(pair.verdict).toBe("routed-dirty");
    expect(pair.routed.paths).toEqual([["embassy-tokyo", "tyo-core", "chikura-japan", "faster", "bandon-or-united-states", "dc-core", "state-dept"]]);
    expect(pair.routed.riskyItems).toEqual(["faster"]);
    expect(pair.cleanAlternative?.path).toContain("jupiter");
  });

  it("without the vendor map, the unknown landing stations make it dirty, and routed-dirty if they were clean", () => {
    expect(runCli(["import", "cables", "open_undersea_cable_map", "-o", "bare.yaml"], { cwd: s.dir }).code).toBe(0);
    const audit = runCli(["audit", "path", "bare.yaml", "tokyo-carrier.yaml", "us-carrier.yaml", "--policy", "us-clean-network-2020", "--from", "embassy-tokyo", "--to", "state-dept", "--format", "json", "-o", "bare.json"], { cwd: s.dir });
    expect(audit.code, audit.stderr).toBe(1);
    const pair = pairOf(s.path("bare.json"));
    expect(pair.verdict).toBe("dirty");
    expect(pair.verdictIfUnknownClean).toBe("routed-dirty");
    expect(pair.routed.riskyItems).toEqual(["bandon-or-united-states", "chikura-japan", "faster"]);
  });
});

describe("cleanpath import cables (built CLI)", () => {
  const s = scratch({ "keep.yaml": "keep me\n" });
  afterAll(() => s.cleanup());

  it("imports the whole extract from its folder; the output validates; an existing output is refused without --force", () => {
    const r = runCli(["import", "cables", cablesDir, "-o", "cables.yaml"], { cwd: s.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("  mapped: supplier HMN Tech → hmn-technologies (35 cables)\n");
    expect(r.stderr).toMatch(/\n {2}- 12 suppliers not in the vendor registry: declared under `vendors:` as written/);
    const text = readFileSync(s.path("cables.yaml"), "utf8");
    expect(text).toMatch(/^# Imported by `cleanpath import cables` \(cleanpath [^)]+\) from .*cable\/2africa\.json, .* and 521 more files\n/);
    const valid = runCli(["validate", "cables.yaml"], { cwd: s.dir });
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toMatch(/valid {2}cables\.yaml {2}1935 elements, 2378 links, 1414 sites, 405 operators/);
    const again = runCli(["import", "cables", cablesDir, "-o", "keep.yaml"], { cwd: s.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/keep\.yaml already exists; pass --force/);
    expect(readFileSync(s.path("keep.yaml"), "utf8")).toBe("keep me\n");
  });

  it.each([
    ["a truncated cable file", "cut", "cut/cable/2africa.json:1:698  E_JSON_SYNTAX  unterminated string"],
    ["a GraphML file", "Abilene.graphml", "Abilene.graphml:1:1  E_CABLES  an XML file, not TeleGeography's JSON"],
    ["a NetBox export", "netbox.json", "netbox.json:1:1  E_CABLES  not TeleGeography cable data"],
    ["a folder without cables", "empty", "empty: no .json files in this directory or its cable/, landing-point/ folders"],
  ])("refuses %s: exit 2, located message, nothing written", (_what, input, message) => {
    mkdirSync(s.path("cut/cable"), { recursive: true });
    mkdirSync(s.path("empty"), { recursive: true });
    writeFileSync(s.path("cut/cable/2africa.json"), readFileSync(join(cablesDir, "cable", "2africa.json"), "utf8").slice(0, 700));
    writeFileSync(s.path("Abilene.graphml"), readFileSync(join(datasets, "topologyzoo", "graphml", "Abilene.graphml")));
    writeFileSync(s.path("netbox.json"), '[{"model": "dcim.device", "pk": 1, "fields": {}}]\n');
    expectRefused(s.dir, ["import", "cables", input, "-o", "out.yaml"], message);
  });
});

describe("cleanpath import sndlib (built CLI)", () => {
  const s = scratch({ "vendors.yaml": '"*": Cisco\n' });
  afterAll(() => s.cleanup());

  it("imports a native network with a vendor map; the output validates", () => {
    const r = runCli(["import", "sndlib", join(sndlibDir, "native", "cost266", "cost266.txt"), "--vendor-map", "vendors.yaml", "-o", "cost266.yaml"], { cwd: s.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      "cleanpath import sndlib: 37 elements, 57 links, 37 sites → cost266.yaml\n" +
        "  mapped: coordinates (longitude, latitude) → one site per node\n" +
        "  mapped: routing cost → metric on 57 links (54 rounded up to a whole number; the cost is kept as meta.routingCost)\n",
    );
    const text = readFileSync(s.path("cost266.yaml"), "utf8");
    expect(text).toContain("  - {id: Amsterdam, role: backbone, vendor: Cisco, site: Amsterdam}\n");
    expect(text).toContain("  - {id: L1, a: Amsterdam, b: Brussels, metric: 3, meta: {routingCost: 2.59}}\n");
    expect(runCli(["validate", "cost266.yaml"], { cwd: s.dir }).code).toBe(0);
  });

  it.each([
    ["a truncated native file", "cut.txt", "cut.txt:52:53  E_SNDLIB  the file ends inside the setup cost of link NYCMng_WASHng (opened at line 52): is it truncated?"],
    ["a truncated XML file", "cut.xml", "cut.xml:127:4  E_XML  `<link>` is never closed"],
    ["a GraphML file", "Abilene.graphml", "Abilene.graphml:1:39  E_SNDLIB  the root element is <graphml>, not SNDlib's <network"],
    ["a cable file", "2africa.json", "2africa.json:1:1  E_SNDLIB  not an SNDlib network"],
  ])("refuses %s: exit 2, located message, nothing written", (_what, input, message) => {
    writeFileSync(s.path("cut.txt"), readFileSync(join(sndlibDir, "native", "abilene", "abilene.txt"), "utf8").slice(0, 2000));
    writeFileSync(s.path("cut.xml"), readFileSync(join(sndlibDir, "xml", "abilene", "abilene.xml"), "utf8").slice(0, 3000));
    writeFileSync(s.path("Abilene.graphml"), readFileSync(join(datasets, "topologyzoo", "graphml", "Abilene.graphml")));
    writeFileSync(s.path("2africa.json"), readFileSync(join(cablesDir, "cable", "2africa.json")));
    expectRefused(s.dir, ["import", "sndlib", input, "-o", "out.yaml"], message);
  });

  it("refuses an output that is its input, even with --force", () => {
    writeFileSync(s.path("net.txt"), readFileSync(join(sndlibDir, "native", "polska", "polska.txt")));
    const r = runCli(["import", "sndlib", "net.txt", "-o", "net.txt", "--force"], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_OUTPUT_IS_INPUT");
    expect(readFileSync(s.path("net.txt"), "utf8")).toBe(readFileSync(join(sndlibDir, "native", "polska", "polska.txt"), "utf8"));
  });
});
