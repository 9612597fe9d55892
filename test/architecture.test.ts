import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

// Only src/cli may touch the outside world (STYLE.md §2). Everything else is data in, data out.
const impure = [
  { what: "node:fs", re: /from\s+["'](node:)?fs(\/promises)?["']/ },
  { what: "node:process", re: /from\s+["'](node:)?process["']|\bprocess\.(env|exit|cwd|stdout|stderr|argv|exitCode)\b/ },
  { what: "console", re: /\bconsole\.(log|error|warn|info|debug)\(/ },
  { what: "Date.now / new Date()", re: /\bDate\.now\(|new Date\(\)/ },
  { what: "TTY checks", re: /\bisTTY\b/ },
];

describe("architecture", () => {
  const files = sources(join(root, "src")).filter((f) => !relative(root, f).startsWith("src/generated"));

  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it("keeps I/O, environment, clock and console in src/cli only", () => {
    const offenders: string[] = [];
    for (const f of files) {
      const rel = relative(root, f);
      if (rel.startsWith("src/cli/")) continue;
      const text = readFileSync(f, "utf8");
      for (const { what, re } of impure) if (re.test(text)) offenders.push(`${rel}: ${what}`);
    }
    expect(offenders).toEqual([]);
  });

  it("never calls process.exit (it truncates piped output)", () => {
    const offenders = files.filter((f) => /process\.exit\(/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("keeps the version in step with package.json", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const { version } = await import("../src/version.js");
    expect(version).toBe(pkg.version);
  });
});
