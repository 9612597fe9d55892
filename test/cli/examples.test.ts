import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runCli } from "../helpers/cli.js";

describe("the bundled examples", () => {
  const files = readdirSync(join(root, "examples")).filter((f) => /\.(ya?ml|json)$/.test(f));

  it("exist", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)("%s validates without errors or warnings", (f) => {
    const r = runCli(["validate", join("examples", f)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^valid  examples/${f.replace(".", "\\.")}  \\d+ elements`));
  });

  it("validate of the whole folder checks each file on its own", () => {
    const r = runCli(["validate", "examples"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(3);
  });
});

describe("the table format", () => {
  it.each([
    ["audit", "examples/embassy-to-hq.yaml", "--failures", "1"],
    ["audit", "path", "examples/national-wholesale.yaml", "--from", "role=ran,tag=border", "--to", "dc-mty", "--failures", "1"],
    ["audit", "flows", "examples/datacenter-fabric.yaml"],
    ["audit", "examples/uk-mobile.yaml", "--policy", "uk-dvd-2022", "--as-of", "2024-01-15"],
    ["audit", "path", "examples/national-wholesale.yaml", "--from", "role=ran,tag=border", "--to", "dc-mty", "--policy", "us-clean-network-2020"],
  ])("fits 80 columns: %s %s %s", (...args) => {
    const r = runCli(args);
    expect([0, 1]).toContain(r.code);
    const long = r.stdout.split("\n").filter((l) => [...l].length > 80);
    expect(long).toEqual([]);
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour when not on a terminal
  });
});
