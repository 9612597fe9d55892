import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic, writeSlice } from "../../src/cli/files.js";
import { root, runCli, scratch } from "../helpers/cli.js";

describe("writeFileAtomic", () => {
  it("writes a text larger than one slice byte for byte, emoji split across a slice boundary included", () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanpath-files-"));
    const path = join(dir, "out.json");
    // An emoji (two UTF-16 units) straddling the first slice boundary, others near the next ones.
    const text = "a".repeat(writeSlice - 1) + "😀" + "é".repeat(writeSlice - 2) + "中😀" + "z".repeat(1000) + "😀";
    writeFileAtomic(path, text);
    expect(readFileSync(path, "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("refuses to overwrite when asked not to, and leaves no temporary file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanpath-files-"));
    const path = join(dir, "out.txt");
    writeFileAtomic(path, "first\n");
    expect(() => writeFileAtomic(path, "second\n", { overwrite: false })).toThrow(/already exists/);
    expect(readFileSync(path, "utf8")).toBe("first\n");
    expect(readdirSync(dir)).toEqual(["out.txt"]);
  });

  it("writes a device in place: /dev/null stays a device, even for a user allowed to replace it", () => {
    writeFileAtomic("/dev/null", "discarded\n");
    writeFileAtomic("/dev/null", ["a", "b"], { overwrite: false });
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("writes a named pipe in place, so a reader at the other end gets the text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanpath-files-"));
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    let got = "";
    reader.stdout.on("data", (d: Buffer) => (got += d.toString("utf8")));
    const done = new Promise<void>((ok) => reader.on("close", () => ok()));
    writeFileAtomic(fifo, "through the pipe\n");
    await done;
    expect(got).toBe("through the pipe\n");
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe("-o on the command line", () => {
  it("`-o /dev/null` writes nothing anywhere and leaves the device alone", () => {
    const r = runCli(["audit", "path", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe", "--to", "hq-dc", "-o", "/dev/null"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
});

describe("--policy through a symlink", () => {
  it("reads the linked file as a policy file, not as a profile name", () => {
    const s = scratch({});
    try {
      symlinkSync(join(root, "examples", "policies", "uk.yaml"), s.path("linked-policy.yaml"));
      const direct = runCli(["audit", "rules", "examples/uk-mobile.yaml", "--policy", "examples/policies/uk.yaml", "--format", "json"]);
      const linked = runCli(["audit", "rules", "examples/uk-mobile.yaml", "--policy", s.path("linked-policy.yaml"), "--format", "json"]);
      expect(linked.stderr).not.toMatch(/E_UNKNOWN_PROFILE/);
      expect(linked.code).toBe(direct.code);
      const verdicts = (out: string) => (JSON.parse(out) as { findings: { rule: string; status?: string; item?: string }[] }).findings.map((f) => [f.rule, f.item]);
      expect(verdicts(linked.stdout)).toEqual(verdicts(direct.stdout));
      expect(verdicts(linked.stdout).length).toBeGreaterThan(0);
    } finally {
      s.cleanup();
    }
  });
});
