import { createHash } from "node:crypto";
import { linkSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, scratch } from "../helpers/cli.js";

// SPEC §9: an output flag naming one of the inputs (or a file they include, or a link to one) is
// refused before anything runs: exit 2, a message naming the flag, the input's bytes untouched.

const topo = `cleanpath: 1
include: [sites.yaml]
elements:
  - { id: a, role: core, vendor: nokia, site: s1 }
  - { id: x, role: aggregation, vendor: huawei }
  - { id: b, role: core, vendor: nokia }
links:
  - [a, x]
  - [x, b]
flows:
  - { id: a-b, from: a, to: b }
`;
const sites = "cleanpath: 1\nsites:\n  s1: { country: GB }\n";
const policy = "cleanpath: 1\nkind: policy\nextends: [base.yaml]\nrules:\n  - { id: core, forbid: { role: [aggregation] } }\n";
const base = "cleanpath: 1\nkind: policy\nrisk: { vendors: [huawei] }\n";
const lab = "name: lab\ntopology:\n  nodes:\n    r1: { kind: nokia_srlinux }\n    r2: { kind: nokia_srlinux }\n  links:\n    - endpoints: [\"r1:e1-1\", \"r2:e1-1\"]\n";

const digest = (p: string): string => createHash("sha256").update(readFileSync(p)).digest("hex");

describe("outputs never overwrite inputs (built CLI)", () => {
  const s = scratch({ "topo.yaml": topo, "sites.yaml": sites, "policy.yaml": policy, "base.yaml": base, "lab.clab.yml": lab, "after.yaml": topo.replace("vendor: huawei", "vendor: nokia") });
  const files = ["topo.yaml", "sites.yaml", "policy.yaml", "base.yaml", "lab.clab.yml", "after.yaml"];
  let before: Record<string, string> = {};
  beforeAll(() => {
    symlinkSync(s.path("topo.yaml"), s.path("link.yaml"));
    linkSync(s.path("sites.yaml"), s.path("hard.yaml"));
    const saved = runCli(["audit", "topo.yaml", "--format", "json", "-o", "saved.json"], { cwd: s.dir, env: { SOURCE_DATE_EPOCH: "0" } });
    expect(saved.code).toBe(1);
    files.push("saved.json");
    before = Object.fromEntries(files.map((f) => [f, digest(s.path(f))]));
  });
  afterAll(() => s.cleanup());

  const cases: { name: string; args: string[]; flag: RegExp; input: string }[] = [
    { name: "audit path -o the topology", args: ["audit", "path", "topo.yaml", "--from", "a", "--to", "b", "-o", "topo.yaml"], flag: /^cleanpath {2}E_OUTPUT_IS_INPUT {2}-o topo\.yaml: topo\.yaml is an input/m, input: "topo.yaml" },
    { name: "--format json:FILE on the topology", args: ["audit", "path", "topo.yaml", "--from", "a", "--to", "b", "--format", "json:topo.yaml"], flag: /--format json:topo\.yaml: topo\.yaml is an input/, input: "topo.yaml" },
    { name: "report -o the topology", args: ["report", "topo.yaml", "-o", "topo.yaml"], flag: /-o topo\.yaml: topo\.yaml is an input/, input: "topo.yaml" },
    { name: "an included file", args: ["audit", "topo.yaml", "-o", "sites.yaml"], flag: /-o sites\.yaml: sites\.yaml is an input/, input: "sites.yaml" },
    { name: "another spelling of the path", args: ["audit", "topo.yaml", "--format", "sarif:./sub/../topo.yaml"], flag: /--format sarif:\.\/sub\/\.\.\/topo\.yaml: topo\.yaml is an input/, input: "topo.yaml" },
    { name: "a symbolic link to the topology", args: ["audit", "topo.yaml", "-o", "link.yaml"], flag: /-o link\.yaml: topo\.yaml is an input/, input: "topo.yaml" },
    { name: "a hard link to an included file", args: ["audit", "topo.yaml", "-o", "hard.yaml"], flag: /-o hard\.yaml: sites\.yaml is an input/, input: "sites.yaml" },
    { name: "a --policy file", args: ["audit", "topo.yaml", "--policy", "policy.yaml", "--format", "junit:policy.yaml"], flag: /--format junit:policy\.yaml: policy\.yaml is an input/, input: "policy.yaml" },
    { name: "a file a policy extends", args: ["audit", "topo.yaml", "--policy", "policy.yaml", "-o", "base.yaml"], flag: /-o base\.yaml: base\.yaml is an input/, input: "base.yaml" },
    { name: "render -o the saved result", args: ["render", "saved.json", "--format", "json", "-o", "saved.json"], flag: /-o saved\.json: saved\.json is an input/, input: "saved.json" },
    { name: "diff -o the after topology", args: ["diff", "topo.yaml", "after.yaml", "-o", "after.yaml"], flag: /-o after\.yaml: after\.yaml is an input/, input: "after.yaml" },
    { name: "graph -o the topology", args: ["graph", "topo.yaml", "-o", "topo.yaml"], flag: /-o topo\.yaml: topo\.yaml is an input/, input: "topo.yaml" },
    { name: "import -o its source, even with --force", args: ["import", "containerlab", "lab.clab.yml", "-o", "lab.clab.yml", "--force"], flag: /-o lab\.clab\.yml: lab\.clab\.yml is an input/, input: "lab.clab.yml" },
  ];

  it.each(cases)("$name: exit 2, the flag named, the input untouched", ({ args, flag, input }) => {
    const r = runCli(args, { cwd: s.dir });
    expect(r.stderr).toMatch(flag);
    expect(r.stderr).toMatch(/never writes over its inputs/);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(digest(s.path(input))).toBe(before[input]);
    for (const f of files) expect(digest(s.path(f)), f).toBe(before[f]);
    // Nothing half-written either: no temporary files beside the inputs.
    expect(readdirSync(s.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses two outputs into one file, before auditing", () => {
    const r = runCli(["audit", "topo.yaml", "--format", "json:out.txt", "--format", "sarif:out.txt"], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format sarif:out\.txt: --format json:out\.txt already writes to out\.txt/);
    expect(readdirSync(s.dir)).not.toContain("out.txt");
  });

  it("still writes to a new file beside the inputs", () => {
    const r = runCli(["audit", "topo.yaml", "--format", "json", "-o", "result.json"], { cwd: s.dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(s.path("result.json"), "utf8")).summary.failedPairs).toBe(1);
    for (const f of files) expect(digest(s.path(f)), f).toBe(before[f]);
  });
});
