import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classify, evaluateTargets, formatTable, median, parseTimings, runSample, summarise, type Sample } from "../../bench/measure.mjs";

const sample = (ms: number, extra: Partial<Sample> = {}): Sample => ({
  ms,
  exitCode: 0,
  signal: null,
  status: "ok",
  rssMB: 100,
  timings: null,
  stderrHead: "",
  ...extra,
});

describe("classify", () => {
  it.each([
    [0, "", "ok"],
    [1, "", "ok"],
    [2, "error: unknown command 'audit'", "not-available"],
    [2, "error: too many arguments. Expected 0 arguments but got 2.", "not-available"],
    [2, "error: unknown option '--failures'", "not-available"],
    [2, "topo.json:3:5 error: unknown element x", "failed"],
    [3, "cleanpath: internal error: unknown command", "failed"],
  ] as const)("exit %i with %j is %s", (code, stderr, expected) => {
    expect(classify(code, null, stderr)).toBe(expected);
  });

  it("treats a signal as a failure, and honours the accepted exit codes", () => {
    expect(classify(null, "SIGKILL", "")).toBe("failed");
    expect(classify(1, null, "", [0])).toBe("failed");
  });
});

describe("parseTimings", () => {
  it("takes the last timings line and ignores other stderr", () => {
    const stderr = 'warning: x\n{"timings":{"read":1,"parse":2}}\nmore\n{"timings":{"read":3,"parse":4.5}}\n';
    expect(parseTimings(stderr)).toEqual({ read: 3, parse: 4.5 });
  });

  it("returns null when absent or malformed", () => {
    expect(parseTimings("nothing here\n")).toBeNull();
    expect(parseTimings('{"timings":{"read":"fast"}}\n')).toBeNull();
    expect(parseTimings('{"timings": broken\n')).toBeNull();
  });
});

describe("summaries and targets", () => {
  it("computes median for odd and even counts", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("summarises only successful samples, worst RSS and median phases", () => {
    const s = summarise([
      sample(10, { rssMB: 50, timings: { read: 1, parse: 5 } }),
      sample(30, { rssMB: 70, timings: { read: 3, parse: 7 } }),
      sample(20, { rssMB: 60, timings: { read: 2, parse: 6 } }),
      sample(999, { status: "failed", rssMB: 9999 }),
    ]);
    expect(s).toMatchObject({ runs: 3, median: 20, min: 10, max: 30, spread: 1, peakRssMB: 70, timings: { read: 2, parse: 6 } });
    expect(summarise([sample(1, { status: "not-available" })])).toBeNull();
  });

  it("applies targets only at their sizes and says when a figure is missing", () => {
    const targets = [
      { sizes: ["1e5", "1e6"], maxRatio: 2.5 },
      { sizes: ["1e6"], maxRssMB: 2048 },
    ];
    const summary = summarise([sample(100, { rssMB: 3000 })]);
    expect(evaluateTargets(targets, "1e4", summary, 9)).toEqual([]);
    expect(evaluateTargets(targets, "1e5", summary, 2.4)).toEqual([{ text: "≤2.5×", pass: true }]);
    expect(evaluateTargets(targets, "1e6", summary, 2.6)).toEqual([
      { text: "≤2.5×", pass: false },
      { text: "≤2 GB RSS", pass: false },
    ]);
    expect(evaluateTargets(targets, "1e6", null, null).map((t) => t.pass)).toEqual([null, null]);
  });

  it("aligns a plain-text table", () => {
    expect(formatTable(["a", "n"], [["xy", "1"], ["z", "100"]], 1).split("\n")).toEqual(["a     n", "--  ---", "xy    1", "z   100"]);
  });
});

describe("runSample", () => {
  const dir = mkdtempSync(join(tmpdir(), "cleanpath-measure-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, body: string) => {
    const file = join(dir, name);
    writeFileSync(file, body);
    return file;
  };
  const options = { cwd: dir, env: {}, rssFile: join(dir, "rss.txt"), timeoutMs: 60_000 };

  it("reads peak RSS from the --import hook and the timings line from stderr", () => {
    const file = script("ok.mjs", 'if (process.env.CLEANPATH_TIMINGS === "1") process.stderr.write(JSON.stringify({ timings: { parse: 1.5 } }) + "\\n");\n');
    const s = runSample([file], options);
    expect(s.status).toBe("ok");
    expect(s.rssMB).toBeGreaterThan(10);
    expect(s.timings).toEqual({ parse: 1.5 });
  });

  it("reports a command that does not exist yet, with its first stderr line", () => {
    const file = script("missing.mjs", "process.stderr.write(\"error: unknown command 'audit'\\n\"); process.exitCode = 2;\n");
    const s = runSample([file], options);
    expect(s.status).toBe("not-available");
    expect(s.stderrHead).toBe("error: unknown command 'audit'");
  });
});
