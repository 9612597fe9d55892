import { readFileSync } from "node:fs";
import { Command, Help } from "commander";
import { beforeAll, describe, expect, it } from "vitest";
import { commands, namedCommand, registerCommands } from "../../src/cli/commands/index.js";
import { audit, loadPolicy, loadTopology, render } from "../../src/index.js";
import { root, runCli, scratch } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const topo = `cleanpath: 1
elements:
  - { id: cpe, role: endpoint, vendor: huawei }
  - { id: agg, role: aggregation, vendor: nokia }
  - { id: hq, role: datacenter, vendor: nokia }
links:
  - [cpe, agg]
  - [agg, hq]
rules:
  - { id: no-hrv-endpoints, level: warning, forbid: { role: [endpoint] } }
`;

describe("one decision: summary, stderr line and exit code agree", () => {
  it("--fail-on warning fails on a warning rule, and says so everywhere", () => {
    const s = scratch({ "t.yaml": topo });
    try {
      const strict = runCli(["audit", "rules", "t.yaml", "--fail-on", "warning", "--format", "json", "-o", "r.json"], { cwd: s.dir });
      const r = JSON.parse(readFileSync(s.path("r.json"), "utf8"));
      expect(strict.stderr).toMatch(/^cleanpath: failed \(0 pairs, 0 failing; 1 rule failing\); wrote r\.json$/m);
      expect(r.summary).toMatchObject({ passed: false, failedRules: 1, failOnLevel: "warning" });
      expect(r.rules.map((x: { id: string; passed: boolean }) => [x.id, x.passed])).toEqual([["no-hrv-endpoints", false]]);
      expect(strict.code).toBe(1);
      const lenient = runCli(["audit", "rules", "t.yaml", "--format", "json", "-o", "r.json"], { cwd: s.dir });
      const l = JSON.parse(readFileSync(s.path("r.json"), "utf8"));
      expect(lenient.stderr).toMatch(/^cleanpath: passed \(0 pairs, 0 failing; 0 rules failing\); wrote r\.json$/m);
      expect(l.summary.passed).toBe(true);
      expect(l.summary.failOnLevel).toBeUndefined();
      expect(lenient.code).toBe(0);
      // A saved result re-rendered stricter is decided afresh, and its exit code follows.
      const again = runCli(["render", "r.json", "--fail-on", "warning", "--format", "json"], { cwd: s.dir });
      expect(JSON.parse(again.stdout).summary.passed).toBe(false);
      expect(again.code).toBe(1);
      const same = runCli(["render", "r.json", "--format", "json"], { cwd: s.dir });
      expect(same.stdout).toBe(readFileSync(s.path("r.json"), "utf8"));
      expect(same.code).toBe(0);
    } finally {
      s.cleanup();
    }
  });

  it("a risky endpoint is an advisory finding: it never fails the run, in data as in the exit code", () => {
    const s = scratch({ "t.yaml": topo.replace(/rules:[\s\S]*$/, "") });
    try {
      const r = runCli(["audit", "path", "t.yaml", "--from", "cpe", "--to", "hq", "--fail-on", "warning", "--format", "json"], { cwd: s.dir });
      const result = JSON.parse(r.stdout);
      expect(result.findings.map((f: { rule: string; advisory?: boolean }) => [f.rule, f.advisory])).toEqual([["risky-endpoint", true]]);
      expect(result.summary.passed).toBe(true);
      expect(r.code).toBe(0);
    } finally {
      s.cleanup();
    }
  });
});

describe("render gives reporters what they need", () => {
  it("draws as many diagrams from a saved result as the audit itself", () => {
    const s = scratch({});
    try {
      const example = `${root}/examples/national-wholesale.yaml`;
      const direct = runCli(["audit", example, "--format", "html:direct.html", "--format", "json:saved.json"], { cwd: s.dir });
      expect(direct.code).toBe(1);
      const later = runCli(["render", "saved.json", "--format", "html", "-o", "later.html"], { cwd: s.dir });
      expect(later.code).toBe(1);
      const diagrams = (f: string): number => readFileSync(s.path(f), "utf8").match(/<figure class="diagram"><svg/g)?.length ?? 0;
      expect(diagrams("direct.html")).toBeGreaterThan(0);
      expect(diagrams("later.html")).toBe(diagrams("direct.html"));
    } finally {
      s.cleanup();
    }
  });
});

describe("command line", () => {
  it("accepts --verbose anywhere on the line", async () => {
    for (const args of [
      ["--verbose", "validate", "examples/embassy-to-hq.yaml"],
      ["validate", "--verbose", "examples/embassy-to-hq.yaml"],
      ["validate", "examples/embassy-to-hq.yaml", "--verbose"],
      ["audit", "path", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe", "--to", "hq-dc", "--verbose", "--format", "json"],
    ]) {
      const r = await runMain(args, root);
      expect(r.stderr, args.join(" ")).not.toMatch(/unknown option/);
      expect([0, 1], args.join(" ")).toContain(r.code);
    }
  });

  const program = new Command("cleanpath");
  beforeAll(() => registerCommands(program, { io: {} as never, exitCode: 0 }, "all"));
  const all = (cmd: Command): Command[] => [cmd, ...cmd.commands.flatMap(all)];

  it("lists each command with the usage its definition gives it (the table cannot drift)", () => {
    const help = new Help();
    expect(program.commands.map((c) => help.subcommandTerm(c))).toEqual(commands.map((c) => `${c.name} ${c.usage}`));
    expect(program.commands.map((c) => c.summary())).toEqual(commands.map((c) => c.summary));
    for (const c of program.commands) expect(c.registeredArguments.length, c.name()).toBeGreaterThan(0);
  });

  it("loads only the command the arguments name", () => {
    expect(namedCommand(["validate", "t.yaml"])?.name).toBe("validate");
    expect(namedCommand(["help", "plan"])?.name).toBe("plan");
    expect(namedCommand(["--help", "audit", "path"])?.name).toBe("audit");
    expect(namedCommand(["valdate", "t.yaml"])).toBeUndefined();
    expect(namedCommand([])).toBeUndefined();
  });

  it("writes help as paragraphs, so that it wraps to the terminal", () => {
    const broken: string[] = [];
    for (const cmd of all(program)) {
      const texts = [cmd.description(), ...cmd.options.map((o) => o.description), ...cmd.registeredArguments.map((a) => a.description)];
      for (const t of texts) if (/[^\n]\n[^\n]/.test(t)) broken.push(`${cmd.name()}: ${t.slice(0, 40)}…`);
    }
    expect(broken).toEqual([]);
  });

  it.each([60, 100])("keeps every help line within %i columns (COLUMNS)", async (columns) => {
    for (const cmd of all(program).slice(1)) {
      const path: string[] = [];
      for (let c: Command | null = cmd; c && c !== program; c = c.parent) path.unshift(c.name());
      const r = await runMain([...path, "--help"], root, { COLUMNS: String(columns) });
      expect(r.code).toBe(0);
      const body = r.stdout.split("\nExamples:")[0]!;
      const long = body.split("\n").filter((l) => l.length > columns);
      expect(long, path.join(" ")).toEqual([]);
    }
  });
});

describe("library API", () => {
  it("is reproducible: the same now and asOf give the same bytes", () => {
    const loaded = loadTopology("examples/embassy-to-hq.yaml", { cwd: root });
    const policy = loadPolicy(loaded, { cwd: root });
    const now = new Date("2026-01-01T00:00:00Z");
    const a = render(audit(loaded, policy, { now, asOf: "2026-01-01" }), "json");
    const b = render(audit(loaded, policy, { now, asOf: "2026-01-01" }), "json");
    expect(a).toBe(b);
    expect(JSON.parse(a).generatedAt).toBe("2026-01-01T00:00:00Z");
  });
});

describe("the README's library example", () => {
  it("runs as written against the built package", async () => {
    const { spawnSync } = await import("node:child_process");
    const readme = readFileSync(`${root}/README.md`, "utf8");
    const block = readme.split("## Library")[1]!.match(/```js\n([\s\S]*?)```/)![1]!;
    const s = scratch({ "example.mjs": block.replace('from "cleanpath-audit"', `from ${JSON.stringify(`${root}/dist/index.js`)}`) });
    try {
      const r = spawnSync(process.execPath, [s.path("example.mjs")], { cwd: root, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/embassy-cpe/);
      expect(r.stdout).toMatch(/routed-dirty/);
      expect(r.status).toBe(1);
    } finally {
      s.cleanup();
    }
  });
});

describe("a reader that stops early (`| head`)", () => {
  it("ends the run quietly, with the audit's exit code", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [`${root}/bin/cleanpath.js`, "audit", "path", "examples/national-wholesale.yaml", "--from", "role=ran", "--to", "dc-mty", "--format", "json"], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    // Close our end before anything is written, as a `head` that has already had its lines would.
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    expect(stderr).not.toMatch(/EPIPE|internal error/);
    expect(code).toBe(1);
  });
});

describe("library rendering of large results", () => {
  it("renderPieces gives the json in pieces whose join is render's string", async () => {
    const { renderPieces } = await import("../../src/index.js");
    const loaded = loadTopology("examples/national-wholesale.yaml", { cwd: root });
    const result = audit(loaded, loadPolicy(loaded, { cwd: root }), { now: new Date("2026-01-01T00:00:00Z") });
    const pieces = renderPieces(result, "json");
    const whole = typeof pieces === "string" ? pieces : pieces.join("");
    expect(whole).toBe(render(result, "json"));
    expect(JSON.parse(whole).pairs.length).toBe(result.pairs.length);
  });
});
