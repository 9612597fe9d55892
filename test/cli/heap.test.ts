import { spawn, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { arenaBytes, heapFlags, type HeapContext, inputBytes, TUNED_HEAP_MIN_BYTES } from "../../src/cli/heap.js";
import { bin, root, runCli, scratch } from "../helpers/cli.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function ctx(over: Partial<HeapContext> & { sizes?: Record<string, number> } = {}): HeapContext {
  const sizes = over.sizes ?? { "/w/topo.json": 150 * MiB };
  return {
    args: ["audit", "path", "topo.json", "--from", "a", "--to", "b"],
    cwd: "/w",
    env: {},
    execArgv: [],
    totalMemBytes: 24 * GiB,
    fileSize: (p) => sizes[p],
    ...over,
  };
}

describe("the arena the tuned process reserves", () => {
  it("is twice the input, at least twice the threshold, at most 2 GiB or an eighth of the memory", () => {
    expect(arenaBytes(150 * MiB, 24 * GiB)).toBe(300 * MiB);
    expect(arenaBytes(1, 24 * GiB)).toBe(2 * TUNED_HEAP_MIN_BYTES);
    expect(arenaBytes(3 * GiB, 64 * GiB)).toBe(2 * GiB);
    expect(arenaBytes(150 * MiB, 1 * GiB)).toBe(128 * MiB);
  });

  it("counts the input files, not the output", () => {
    expect(inputBytes(ctx({ args: ["audit", "path", "topo.json", "-o", "topo.json"] }))).toBe(150 * MiB);
    expect(inputBytes(ctx({ args: ["render", "-o", "topo.json", "r.json"], sizes: { "/w/topo.json": 5, "/w/r.json": 7 } }))).toBe(7);
  });
});

describe("heapFlags: which runs get the tuned heap", () => {
  it("tunes a run whose input files reach the threshold, with an old generation of ten times the input", () => {
    expect(heapFlags(ctx())).toEqual(["--max-semi-space-size=32", "--initial-old-space-size=1500"]);
    // Several inputs count together.
    const two = ctx({ args: ["diff", "a.json", "b.json"], sizes: { "/w/a.json": 30 * MiB, "/w/b.json": 30 * MiB } });
    expect(heapFlags(two)).toEqual(["--max-semi-space-size=32", "--initial-old-space-size=600"]);
  });

  it("leaves small inputs, standard input and an existing output file alone", () => {
    expect(heapFlags(ctx({ sizes: { "/w/topo.json": TUNED_HEAP_MIN_BYTES - 1 } }))).toBeNull();
    expect(heapFlags(ctx({ args: ["validate", "-"] }))).toBeNull();
    const output = ctx({ args: ["audit", "path", "small.json", "-o", "topo.json"], sizes: { "/w/small.json": 1000, "/w/topo.json": 150 * MiB } });
    expect(heapFlags(output)).toBeNull();
    expect(heapFlags({ ...output, args: ["audit", "path", "small.json", "--output", "topo.json"] })).toBeNull();
    expect(heapFlags({ ...output, args: ["plan", "small.json", "--write-after", "topo.json"] })).toBeNull();
  });

  it("respects the user's own heap or inspector options and CLEANPATH_HEAP=default", () => {
    expect(heapFlags(ctx({ execArgv: ["--max-old-space-size=8192"] }))).toBeNull();
    expect(heapFlags(ctx({ execArgv: ["--inspect"] }))).toBeNull();
    expect(heapFlags(ctx({ env: { NODE_OPTIONS: "--enable-source-maps --max-semi-space-size=64" } }))).toBeNull();
    expect(heapFlags(ctx({ env: { CLEANPATH_HEAP: "default" } }))).toBeNull();
    // The child process itself never starts another.
    expect(heapFlags(ctx({ env: { CLEANPATH_HEAP: "tuned" } }))).toBeNull();
  });

  it("caps the initial old generation at 3 GiB and at a quarter of the machine's memory; `always` tunes any input", () => {
    expect(heapFlags(ctx({ sizes: { "/w/topo.json": 1000 * MiB } }))).toEqual(["--max-semi-space-size=32", "--initial-old-space-size=3072"]);
    expect(heapFlags(ctx({ totalMemBytes: 2 * GiB }))).toEqual(["--max-semi-space-size=32", "--initial-old-space-size=512"]);
    expect(heapFlags(ctx({ env: { CLEANPATH_HEAP: "always" }, sizes: {} }))).toEqual(["--max-semi-space-size=32", "--initial-old-space-size=480"]);
  });
});

describe("a run in a child process with the tuned heap", () => {
  const example = ["audit", "path", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe", "--to", "hq-dc", "--format", "json"];
  const env = { SOURCE_DATE_EPOCH: "0" };

  it("gives the same output and exit code as a run in one process, and the child has the heap options", () => {
    const plain = runCli(example, { env: { ...env, CLEANPATH_HEAP: "default" } });
    const printArgv = "data:text/javascript,process.stderr.write('execArgv '+JSON.stringify(process.execArgv)+'\\n')";
    const tuned = runCli(example, { env: { ...env, CLEANPATH_HEAP: "always" }, nodeArgs: ["--import", printArgv] });
    expect(plain.code).toBe(1);
    expect(tuned.code).toBe(plain.code);
    expect(tuned.stdout).toBe(plain.stdout);
    const argvLines = tuned.stderr.split("\n").filter((l) => l.startsWith("execArgv "));
    expect(argvLines).toHaveLength(2);
    expect(argvLines[1]).toContain("--max-semi-space-size=32");
    expect(argvLines[1]).toContain("--initial-old-space-size=480");
  });

  it("passes on a bad input's diagnostics and exit code 2", () => {
    const args = ["audit", "path", "examples/embassy-to-hq.yaml", "--from", "nowhere", "--to", "hq-dc"];
    const plain = runCli(args, { env: { CLEANPATH_HEAP: "default" } });
    const tuned = runCli(args, { env: { CLEANPATH_HEAP: "always" } });
    expect(plain.code).toBe(2);
    expect(tuned.code).toBe(2);
    expect(tuned.stderr).toBe(plain.stderr);
    expect(tuned.stderr).toContain("E_UNKNOWN_ELEMENT");
  });

  it("names a CLEANPATH_HEAP value it does not know, and runs as if it were unset", () => {
    const plain = runCli(example, { env: { ...env, CLEANPATH_HEAP: "default" } });
    const typo = runCli(example, { env: { ...env, CLEANPATH_HEAP: "defualt" } });
    expect(typo.code).toBe(plain.code);
    expect(typo.stdout).toBe(plain.stdout);
    expect(typo.stderr).toContain("cleanpath: CLEANPATH_HEAP=defualt is not `default` or `always`; choosing the heap by the input's size");
    expect(plain.stderr).not.toContain("CLEANPATH_HEAP");
  });

  it("ends with the signal that ended the child when it is stopped (SIGTERM to the parent is passed on)", async () => {
    const s = scratch({});
    try {
      const fifo = s.path("topo.json");
      expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
      // The child blocks reading the pipe, so it is still running when the signal comes.
      const p = spawn(process.execPath, [bin, "validate", fifo], { cwd: root, env: { ...process.env, CLEANPATH_HEAP: "always" }, stdio: "ignore" });
      await new Promise((r) => setTimeout(r, 1500));
      p.kill("SIGTERM");
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => p.on("exit", (c, sig) => r([c, sig])));
      expect(code).toBeNull();
      expect(signal).toBe("SIGTERM");
      // No child left behind, blocked on the pipe.
      const left = spawnSync("pgrep", ["-f", `validate ${fifo}`], { encoding: "utf8" });
      expect(left.stdout.trim()).toBe("");
    } finally {
      s.cleanup();
    }
  });
});
