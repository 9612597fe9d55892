import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { allowedEdges, importEdges, violations } from "../scripts/import-graph.mjs";

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

  it("imports only down the layers: the allowed-edges table of scripts/import-graph.mjs", () => {
    const edges = importEdges();
    expect(edges.length).toBeGreaterThan(100);
    expect(violations(edges).map((e) => `${e.file}: ${e.from} → ${e.to} (${e.specifier})`)).toEqual([]);
    // Every folder of src/ has a row: a new one must be placed in the layering before it is used.
    const layers = new Set(files.map((f) => relative(join(root, "src"), f).split(/[\\/]/)[0]!.replace(/\.ts$/, "")));
    expect([...layers].filter((l) => !Object.hasOwn(allowedEdges, l))).toEqual([]);
  });

  it("catches an upward import (the check can fail)", () => {
    const upward = [
      { from: "graph", to: "audit", file: "src/graph/x.ts", specifier: "../audit/index.js" },
      { from: "report", to: "policy", file: "src/report/x.ts", specifier: "../policy/designation.js" },
      { from: "topology", to: "policy", file: "src/topology/x.ts", specifier: "../policy/policy.js" },
      { from: "import", to: "policy", file: "src/import/x.ts", specifier: "../policy/policy.js" },
      { from: "run", to: "cli", file: "src/run/x.ts", specifier: "../cli/host.js" },
    ];
    expect(violations(upward)).toEqual(upward);
    expect(violations([{ from: "audit", to: "graph", file: "src/audit/x.ts", specifier: "../graph/index.js" }])).toEqual([]);
  });

  it("keeps commands apart: no command imports another", () => {
    const commands = files.filter((f) => relative(root, f).startsWith("src/cli/commands/") && !f.endsWith("index.ts"));
    expect(commands.length).toBeGreaterThan(8);
    const offenders = commands.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/from\s+["']\.\/([^"']+)["']/g)].map((m) => m[1]!).filter((m) => m !== "index.js").map((m) => `${relative(root, f)} → ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the version in step with package.json", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const { version } = await import("../src/version.js");
    expect(version).toBe(pkg.version);
  });
});
