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
