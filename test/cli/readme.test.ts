import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root, runCli } from "../helpers/cli.js";

/**
 * The README's commands must work as written: every `npx cleanpath …` line whose inputs are bundled
 * runs here (in a scratch copy, so the files it writes go nowhere) and exits 0 or 1, never with a
 * usage or input error.
 */
const readme = readFileSync(join(root, "README.md"), "utf8");
const lines = [
  ...readme.matchAll(/^\s*(?:\$ )?npx cleanpath (.+?)(?:\s+#.*)?$/gm),
  ...readme.matchAll(/`npx cleanpath ([^`]+)`/g),
].map((m) => m[1]!.trim());

function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe("README commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "cleanpath-readme-"));
  cpSync(join(root, "examples"), join(dir, "examples"), { recursive: true });
  symlinkSync(join(root, "test"), join(dir, "test"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has commands to check", () => {
    expect(lines.length).toBeGreaterThan(10);
  });

  const runnable = lines
    .flatMap((l) => l.split(" && npx cleanpath "))
    .filter((l) => !/ (topo|main-topo|old|new)\/? |topo\.yaml|lab\.clab|Geant2012|netbox-dump|elements\.csv|audit\.json|open_undersea_cable_map|olsr-graph|snapshot\/|tables\/|germany50/.test(` ${l} `));

  it.each(runnable)("npx cleanpath %s", (line) => {
    const r = runCli(words(line), { cwd: dir, env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(r.signal).toBeNull();
    expect([0, 1], r.stderr).toContain(r.code);
    const out = /(?:-o|--output) (\S+)/.exec(line)?.[1];
    if (out) expect(existsSync(join(dir, out)), out).toBe(true);
  });
});
