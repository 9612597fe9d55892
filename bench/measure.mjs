// Measuring one fresh process, and the arithmetic on the samples (kept pure for the tests).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const HOOK = new URL("./rss-hook.mjs", import.meta.url).href;

/** A command that exists yet (commander's wording, or an explicit "not implemented"). */
const NOT_AVAILABLE = /unknown command|too many arguments|unknown option|not (yet )?implemented/i;

/** Sample status from the exit and stderr: ok, not-available (exit 2 + unknown command/option), or failed. */
export function classify(exitCode, signal, stderr, okExitCodes = [0, 1]) {
  if (signal) return "failed";
  if (okExitCodes.includes(exitCode)) return "ok";
  if (exitCode === 2 && NOT_AVAILABLE.test(stderr)) return "not-available";
  return "failed";
}

/**
 * The CLEANPATH_TIMINGS=1 contract: the last stderr line of the form {"timings":{phase: ms, …}}.
 * Returns null when absent or malformed (the CLI may not offer it).
 */
export function parseTimings(stderr) {
  const lines = stderr.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith('{"timings"')) continue;
    try {
      const t = JSON.parse(line).timings;
      if (t && typeof t === "object" && Object.values(t).every((v) => typeof v === "number")) return t;
    } catch {
      // not ours: keep looking
    }
  }
  return null;
}

/** Median of a non-empty list of numbers (mean of the middle two for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median, min, max of the wall times, worst peak RSS, and the median of each timing phase. */
export function summarise(samples) {
  const ok = samples.filter((s) => s.status === "ok");
  if (ok.length === 0) return null;
  const ms = ok.map((s) => s.ms);
  const rss = ok.map((s) => s.rssMB).filter((v) => v !== null);
  const phases = [];
  for (const s of ok) for (const k of Object.keys(s.timings ?? {})) if (!phases.includes(k)) phases.push(k);
  const timings = {};
  for (const k of phases) {
    const v = ok.map((s) => s.timings?.[k]).filter((x) => typeof x === "number");
    timings[k] = median(v);
  }
  const med = median(ms);
  return {
    runs: ok.length,
    median: med,
    min: Math.min(...ms),
    max: Math.max(...ms),
    spread: med > 0 ? (Math.max(...ms) - Math.min(...ms)) / med : 0,
    peakRssMB: rss.length ? Math.max(...rss) : null,
    timings: phases.length ? timings : null,
  };
}

/** Targets that apply at `size`, each with its verdict (null when the figure is missing). */
export function evaluateTargets(targets, size, summary, ratio) {
  const out = [];
  for (const t of targets ?? []) {
    if (t.sizes && !t.sizes.includes(size)) continue;
    if (t.maxRatio !== undefined) {
      out.push({ text: `≤${t.maxRatio}×`, pass: ratio === null ? null : ratio <= t.maxRatio });
    }
    if (t.maxRssMB !== undefined) {
      const rss = summary?.peakRssMB ?? null;
      out.push({ text: `≤${formatMB(t.maxRssMB)} RSS`, pass: rss === null ? null : rss <= t.maxRssMB });
    }
  }
  return out;
}

function formatMB(mb) {
  return mb >= 1024 && mb % 512 === 0 ? `${mb / 1024} GB` : `${mb} MB`;
}

/** Milliseconds with three significant figures and thousands separators. */
export function formatMs(ms) {
  if (ms === null || ms === undefined) return "–";
  if (ms >= 1000) return Math.round(ms).toLocaleString("en-US");
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** A plain-text table: left-aligned first columns, right-aligned figures. */
export function formatTable(header, rows, leftColumns = 2) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i < leftColumns ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * Runs `node --import rss-hook <argv>` once and times it from outside (process start included,
 * which is what a CLI user pays). Returns { ms, exitCode, signal, status, rssMB, timings, stderrHead }.
 */
export function runSample(argv, { cwd, env, rssFile, timeoutMs, okExitCodes }) {
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--import", HOOK, ...argv], {
    cwd,
    env: { ...process.env, ...env, CLEANPATH_BENCH_RSS_FILE: rssFile, CLEANPATH_TIMINGS: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
  });
  const ms = performance.now() - t0;
  const stderr = child.stderr ?? "";
  const timedOut = child.error?.code === "ETIMEDOUT";
  const status = timedOut ? "timeout" : child.error ? "failed" : classify(child.status, child.signal, stderr, okExitCodes);
  const rssKB = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : NaN;
  return {
    ms,
    exitCode: child.status,
    signal: child.signal,
    status,
    rssMB: Number.isFinite(rssKB) ? rssKB / 1024 : null,
    timings: parseTimings(stderr),
    stderrHead: (child.error ? String(child.error.message) : stderr).split("\n").find((l) => l.trim() && !l.startsWith('{"timings"')) ?? "",
  };
}
