import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, scratch } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const caseFile = (name: string) => join("test", "report", "cases", `${name}.json`);
const golden = (file: string) => readFileSync(join(root, "test", "report", "golden", file), "utf8");

describe("cleanpath render", () => {
  it("re-renders a saved result byte for byte as the golden, with the result's exit code", async () => {
    const r = await runMain(["render", caseFile("02-routed-dirty"), "--format", "sarif"], root);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(golden("02-routed-dirty.sarif"));
    expect(r.code).toBe(1);
    const clean = await runMain(["render", caseFile("01-clean"), "--format", "junit"], root);
    expect(clean.stdout).toBe(golden("01-clean.junit.xml"));
    expect(clean.code).toBe(0);
  });

  it("writes several formats, each to its own file", async () => {
    const s = scratch({});
    try {
      const r = await runMain(
        ["render", join(root, caseFile("05-rules-and-waivers")), "--format", `sarif:${s.path("out.sarif")}`, "--format", `csv:${s.path("out.csv")}`, "--format", "github"],
        root,
      );
      expect(r.code).toBe(1);
      expect(readFileSync(s.path("out.csv"), "utf8")).toBe(golden("05-rules-and-waivers.csv"));
      expect(JSON.parse(readFileSync(s.path("out.sarif"), "utf8")).version).toBe("2.1.0");
      expect(r.stdout).toBe(golden("05-rules-and-waivers.github.txt"));
      expect(r.stderr).toMatch(/^cleanpath: failed .*wrote /);
    } finally {
      s.cleanup();
    }
  });

  it("refuses a file that is not a result, with located messages and nothing on stdout", async () => {
    const topo = await runMain(["render", "examples/embassy-to-hq.yaml", "--format", "sarif"], root);
    expect(topo.code).toBe(2);
    expect(topo.stdout).toBe("");
    expect(topo.stderr).toMatch(/E_NOT_RESULT/);
    expect(topo.stderr).toMatch(/examples\/embassy-to-hq\.yaml:\d+:\d+ /);
    const s = scratch({ "broken.json": '{\n  "cleanpath": 1,\n  "pairs": [1,]\n}\n', "wrong.json": JSON.stringify({ ...JSON.parse(readFileSync(join(root, caseFile("01-clean")), "utf8")), summary: { pairs: "one" } }, null, 2) });
    try {
      const broken = await runMain(["render", s.path("broken.json")], s.dir);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^broken\.json:3:\d+ /m);
      const wrong = await runMain(["render", "wrong.json"], s.dir);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/wrong\.json:\d+:\d+ .*summary/);
    } finally {
      s.cleanup();
    }
  });

  it("takes only finding levels for --fail-on, and rejects unknown formats", async () => {
    const bad = await runMain(["render", caseFile("01-clean"), "--fail-on", "dirty"], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/recorded threshold/);
    const fmt = await runMain(["render", caseFile("01-clean"), "--format", "sarf"], root);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toMatch(/did you mean `sarif`/);
    const help = await runMain(["render", "--help"], root);
    expect(help.stdout).toMatch(/Examples:\n {2}cleanpath audit path/);
  });
});
